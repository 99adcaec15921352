// Tokens of OpenQASM 2.0 and the OpenQASM 3 subset the importer reads (Chevrotain lexer). Keywords are lexed as identifiers and recognised by the
// parser, which keeps the token set small and lets error messages name what was expected.
import { createToken, Lexer, type IToken } from "chevrotain";
import type { Diagnostic, Position, Span } from "../lang/diagnostic.js";

export const Whitespace = createToken({ name: "Whitespace", pattern: /[ \t\r\n\f]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
export const Real = createToken({
  name: "Real",
  pattern: /(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+/,
});
export const Integer = createToken({ name: "Integer", pattern: /[0-9]+/ });
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
export const StringLiteral = createToken({ name: "String", pattern: /"[^"\n]*"/ });
export const Arrow = createToken({ name: "Arrow", pattern: /->/ });
export const EqualEqual = createToken({ name: "EqualEqual", pattern: /==/ });
export const Equal = createToken({ name: "Equal", pattern: /=/ });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /]/ });
export const LBrace = createToken({ name: "LBrace", pattern: /{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /}/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const Caret = createToken({ name: "Caret", pattern: /\^/ });

const ALL_TOKENS = [
  Whitespace,
  LineComment,
  BlockComment,
  Real,
  Integer,
  Identifier,
  StringLiteral,
  Arrow,
  EqualEqual,
  Equal,
  Semicolon,
  Comma,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
];

// Offsets only: line and column are computed from a line index when a span is needed, which halves
// the lexing time of large files compared with Chevrotain's full position tracking.
const qasmLexer = new Lexer(ALL_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: false });

/** Maps a character offset to its 1-based line and column (binary search over line starts). */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.starts = Int32Array.from(starts);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1, offset };
  }
}

export interface QasmTokens {
  readonly tokens: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
  readonly lines: LineIndex;
}

export function lexQasm(text: string, file?: string): QasmTokens {
  const result = qasmLexer.tokenize(text);
  const lines = new LineIndex(text);
  const diagnostics = result.errors.map((error): Diagnostic => {
    const start = lines.position(error.offset);
    const end: Position = { ...start, column: start.column + error.length, offset: error.offset + error.length };
    const character = text.slice(error.offset, error.offset + error.length);
    return {
      severity: "error",
      code: "qasm-syntax",
      message: `unexpected character${error.length > 1 ? "s" : ""} '${character}'`,
      span: withFile({ start, end }, file),
    };
  });
  return { tokens: result.tokens, diagnostics, lines };
}

/** The span of one token. */
export function tokenSpan(token: IToken, lines: LineIndex, file?: string): Span {
  return tokensSpan(token, token, lines, file);
}

/** The span from the start of token `first` to the end of token `last`. */
export function tokensSpan(first: IToken, last: IToken, lines: LineIndex, file?: string): Span {
  const start = lines.position(first.startOffset);
  const end = lines.position((last.endOffset ?? last.startOffset) + 1);
  return file === undefined ? { start, end } : { start, end, file };
}

/** The span from the start of `first` to the end of `last`. */
export function joinSpans(first: Span, last: Span): Span {
  return first.file === undefined ? { start: first.start, end: last.end } : { start: first.start, end: last.end, file: first.file };
}

function withFile(span: { start: Position; end: Position }, file: string | undefined): Span {
  return file === undefined ? span : { ...span, file };
}
