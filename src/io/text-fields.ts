// Whitespace-separated text records, the common shape of qbsolv, OR-Library and rudy files.
// Readers walk data lines token by token and parse each field strictly, so a malformed field becomes
// a FormatError naming the file, line, column and field instead of a NaN further down the pipeline.
import type { Position, Span } from "../lang/diagnostic.js";
import { FormatError } from "./format-error.js";

/** One whitespace-separated word of a file, with where it starts. */
export interface Token {
  readonly text: string;
  readonly start: Position;
}

/** One non-blank line of a file split into tokens. */
export interface TextLine {
  readonly line: number;
  readonly offset: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

// Decimal literals only: Number() would also accept "0x1F", "Infinity" and "" (as 0).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const WORD = /\S+/g;

/** Reads a file's text line by line; owns the file name so every error can name it. */
export class TextFields {
  readonly file: string;
  private readonly text: string;
  private cursor = 0;
  private lineNumber = 0;

  constructor(text: string, file = "<input>") {
    if (typeof text !== "string") throw new TypeError(`file text must be a string, got ${typeof text}`);
    this.text = text;
    this.file = file;
  }

  /** The next line that has at least one token, or undefined at the end of the text. */
  nextLine(): TextLine | undefined {
    while (this.cursor < this.text.length) {
      const offset = this.cursor;
      let end = this.text.indexOf("\n", offset);
      if (end < 0) end = this.text.length;
      this.cursor = end + 1;
      this.lineNumber++;
      let raw = this.text.slice(offset, end);
      if (raw.endsWith("\r")) raw = raw.slice(0, -1);
      const tokens: Token[] = [];
      WORD.lastIndex = 0;
      for (let match = WORD.exec(raw); match; match = WORD.exec(raw)) {
        const column = match.index + 1;
        tokens.push({ text: match[0], start: { line: this.lineNumber, column, offset: offset + match.index } });
      }
      if (tokens.length > 0) return { line: this.lineNumber, offset, text: raw, tokens };
    }
    return undefined;
  }

  /** The line that starts at `offset` (line number `line`), re-read for an error found later. */
  lineAt(line: number, offset: number): TextLine {
    let end = this.text.indexOf("\n", offset);
    if (end < 0) end = this.text.length;
    let raw = this.text.slice(offset, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    return { line, offset, text: raw, tokens: [] };
  }

  /** Position just past the last character, for "file ends before …" errors. */
  endPosition(): Position {
    const lines = this.text.split("\n");
    const last = lines[lines.length - 1];
    return { line: lines.length, column: last.length + 1, offset: this.text.length };
  }

  /** A FormatError at `token` (or at the start of `line`, or at the end of the file). */
  error(at: Token | TextLine | "end", code: string, message: string): FormatError {
    return new FormatError({ severity: "error", code, message, span: this.spanOf(at) });
  }

  /** The line has exactly `fields.length` tokens, named by `fields` in messages. */
  expectFieldCount(line: TextLine, fields: readonly string[], what: string): void {
    if (line.tokens.length === fields.length) return;
    const found = line.tokens.length;
    const at = found > fields.length ? line.tokens[fields.length] : line;
    const message =
      found > fields.length
        ? `unexpected extra field '${line.tokens[fields.length].text}' on ${what} line (expected ${fields.join(", ")})`
        : `${what} line has ${found} field${found === 1 ? "" : "s"} but needs ${fields.length}: ${fields.join(", ")}`;
    throw this.error(at, "wrong-field-count", message);
  }

  /** A safe integer in [min, max], or a FormatError naming `field`. */
  integer(token: Token, field: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    if (!INTEGER.test(token.text)) {
      throw this.error(token, "bad-number", `${field} must be an integer, got '${token.text}'`);
    }
    const value = Number(token.text);
    if (!Number.isSafeInteger(value)) {
      throw this.error(token, "bad-number", `${field} ${token.text} is too large`);
    }
    if (value < min || value > max) {
      throw this.error(token, "out-of-range", `${field} must be in ${min}..${max}, got ${value}`);
    }
    return value;
  }

  /** A finite decimal number, or a FormatError naming `field`. */
  real(token: Token, field: string): number {
    if (!DECIMAL.test(token.text)) {
      throw this.error(token, "bad-number", `${field} must be a number, got '${token.text}'`);
    }
    const value = Number(token.text);
    if (!Number.isFinite(value)) {
      throw this.error(token, "bad-number", `${field} ${token.text} is not a finite double`);
    }
    return value;
  }

  private spanOf(at: Token | TextLine | "end"): Span {
    if (at === "end") {
      const end = this.endPosition();
      return { start: end, end, file: this.file };
    }
    if ("tokens" in at) {
      const start = { line: at.line, column: 1, offset: at.offset };
      const end = { line: at.line, column: at.text.length + 1, offset: at.offset + at.text.length };
      return { start, end, file: this.file };
    }
    const { start, text } = at;
    return { start, end: { line: start.line, column: start.column + text.length, offset: start.offset + text.length }, file: this.file };
  }
}
