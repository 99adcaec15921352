// A cursor over OpenQASM tokens with the small vocabulary the recursive-descent parser needs:
// look-ahead, expect-or-fail, error recovery to the next ';' or '}', and spans.
import { EOF, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import * as T from "./qasm-lexer.js";

/** Thrown to abandon the current statement after a syntax error has been reported. */
export class SyntaxFailure extends Error {}

export class QasmTokenStream {
  readonly diagnostics: Diagnostic[] = [];
  protected position = 0;
  private end: IToken | undefined;

  constructor(
    protected readonly tokens: readonly IToken[],
    protected readonly text: string,
    protected readonly file: string | undefined,
    protected readonly lines: T.LineIndex,
  ) {}

  /** Runs `parse`; on a syntax error records nothing more and skips past the next ';' or '}'. */
  protected attempt<R>(parse: () => R): R | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SyntaxFailure)) throw error;
      let depth = 0;
      while (!this.atEnd()) {
        const token = this.advance();
        if (token.tokenType === T.LBrace) depth++;
        if (token.tokenType === T.RBrace && --depth <= 0) break;
        if (token.tokenType === T.Semicolon && depth === 0) break;
      }
      return undefined;
    }
  }

  protected peek(): IToken {
    return this.tokens[this.position] ?? this.endToken();
  }

  private endToken(): IToken {
    if (this.end) return this.end;
    // An empty token just past the last character: its span is the end of the file.
    this.end = {
      image: "end of file",
      startOffset: this.text.length,
      endOffset: this.text.length - 1,
      tokenTypeIdx: -1,
      tokenType: EOF,
      isInsertedInRecovery: true,
    } as IToken;
    return this.end;
  }

  protected atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  protected at(type: TokenType): boolean {
    return !this.atEnd() && this.peek().tokenType === type;
  }

  protected isKeyword(word: string): boolean {
    return this.at(T.Identifier) && this.peek().image === word;
  }

  protected advance(): IToken {
    const token = this.peek();
    if (!this.atEnd()) this.position++;
    return token;
  }

  protected accept(type: TokenType): boolean {
    if (!this.at(type)) return false;
    this.position++;
    return true;
  }

  protected expect(type: TokenType, what: string): IToken {
    if (this.at(type)) return this.advance();
    this.fail(this.peek(), what);
  }

  protected expectOneOf(types: readonly TokenType[], what: string): IToken {
    for (const type of types) if (this.at(type)) return this.advance();
    this.fail(this.peek(), what);
  }

  protected identifier(what: string): IToken {
    return this.expect(T.Identifier, what);
  }

  protected fail(token: IToken, expected: string): never {
    const found = this.atEnd() ? "end of file" : `'${token.image}'`;
    this.report(this.span(token), "qasm-syntax", `expected ${expected}, found ${found}`);
    throw new SyntaxFailure();
  }

  protected report(span: Span, code: string, message: string): void {
    this.diagnostics.push({ severity: "error", code, message, span });
  }

  protected span(token: IToken): Span {
    return T.tokenSpan(token, this.lines, this.file);
  }

  protected join(first: IToken, last: IToken): Span {
    return T.tokensSpan(first, last, this.lines, this.file);
  }

  protected cover(first: Span, last: Span): Span {
    return T.joinSpans(first, last);
  }
}
