// A light scanner over cell text: bracket depth outside strings and comments, line by line. The
// cell splitter and `is_complete` both need it, and both must also accept JSON on command lines,
// which the qpipe lexer would reject, so this does not reuse the language lexer.

export interface LineScan {
  /** Bracket depth at the start of each line (index 0 = line 1). */
  readonly depthAtLineStart: readonly number[];
  /** Depth after the last character; > 0 means unclosed brackets. */
  readonly finalDepth: number;
  /** True when a closing bracket appeared with nothing open (the cell can never become valid). */
  readonly unbalanced: boolean;
  /** True when the text ends inside a string or a block comment. */
  readonly openToken: boolean;
}

export function scanCell(text: string): LineScan {
  const depthAtLineStart: number[] = [0];
  let depth = 0;
  let unbalanced = false;
  let i = 0;
  const n = text.length;
  let inString = false;
  let inBlockComment = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      depthAtLineStart.push(depth);
      i++;
      continue;
    }
    if (inBlockComment) {
      if (c === 42 /* * */ && text.charCodeAt(i + 1) === 47 /* / */) {
        inBlockComment = false;
        i += 2;
      } else i++;
      continue;
    }
    if (inString) {
      if (c === 92 /* \ */) i += 2;
      else {
        if (c === 34 /* " */) inString = false;
        i++;
      }
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      inBlockComment = true;
      i += 2;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) unbalanced = true;
      else depth--;
    }
    i++;
  }
  return { depthAtLineStart, finalDepth: depth, unbalanced, openToken: inString || inBlockComment };
}
