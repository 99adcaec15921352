// Building spans from Chevrotain tokens. The lexer records offsets only (tracking lines and columns
// for every token was a third of its time); lines and columns come from a LineIndex. Lines end at
// `\n` (so `\r\n` is one break, as the renderer assumes); columns are 1-based; a Span is half-open,
// so its end is one past the last character.
import type { IToken } from "chevrotain";
import type { Position, Span } from "./diagnostic.js";

/** Line and column of any offset in O(log lines). */
export class LineIndex {
  /** Offset at which each line starts, ascending. */
  private readonly starts: number[] = [0];
  /** Index of the line found last: callers mostly ask in source order, so it is tried first. */
  private recent = 0;

  constructor(source: string) {
    for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const starts = this.starts;
    const recent = this.recent;
    if (starts[recent]! <= offset && (recent + 1 === starts.length || offset < starts[recent + 1]!)) {
      return { line: recent + 1, column: offset - starts[recent]! + 1, offset };
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.recent = lo;
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }

  tokenStart(token: IToken): Position {
    return this.position(token.startOffset);
  }

  /**
   * One past the token's last character. A token ending in a line break keeps the end column that
   * Chevrotain gives it (the break belongs to the token's last line, at column 1 when it is not the
   * token's only break), so that spans match what the lexer reported when it tracked lines itself.
   */
  tokenEnd(token: IToken): Position {
    const endOffset = token.startOffset + token.image.length - 1;
    const last = this.position(endOffset);
    const endsInBreak = token.image.length > 1 && token.image.endsWith("\n");
    if (endsInBreak && token.image.indexOf("\n") < token.image.length - 1) return { line: last.line, column: 2, offset: endOffset + 1 };
    return { line: last.line, column: last.column + 1, offset: endOffset + 1 };
  }

  tokenSpan(token: IToken, file: string | undefined): Span {
    const start = this.tokenStart(token);
    const image = token.image;
    // A token within one line (all but block comments) ends on its start line: no second search.
    if (image.indexOf("\n") === -1) {
      const end = { line: start.line, column: start.column + image.length, offset: start.offset + image.length };
      return makeSpan(start, end, file);
    }
    return makeSpan(start, this.tokenEnd(token), file);
  }
}

export function makeSpan(start: Position, end: Position, file: string | undefined): Span {
  return file === undefined ? { start, end } : { start, end, file };
}

/** The span from the start of `first` to the end of `last`. */
export function joinSpans(first: Span, last: Span): Span {
  return makeSpan(first.start, last.end, first.file);
}

/** Line and column of every offset of `source`, for spans that do not come from a token. */
export function positionAt(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}
