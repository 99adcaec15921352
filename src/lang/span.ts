// Building spans from Chevrotain tokens. Chevrotain's columns are 1-based and its end offsets and
// end columns inclusive; a Span is half-open, so its end is one past the last character.
import type { IToken } from "chevrotain";
import type { Position, Span } from "./diagnostic.js";

export function tokenStart(token: IToken): Position {
  return { line: token.startLine ?? 1, column: token.startColumn ?? 1, offset: token.startOffset };
}

export function tokenEnd(token: IToken): Position {
  return { line: token.endLine ?? token.startLine ?? 1, column: (token.endColumn ?? token.startColumn ?? 0) + 1, offset: (token.endOffset ?? token.startOffset) + 1 };
}

export function tokenSpan(token: IToken, file: string | undefined): Span {
  return makeSpan(tokenStart(token), tokenEnd(token), file);
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
