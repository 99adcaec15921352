// Source text → the token stream the parser reads, plus comments and lexical diagnostics.
//
//   1. Chevrotain's lexer (grammar/tokens.ts) splits the text; unknown characters become diagnostics.
//   2. Newlines that cannot end a statement are dropped (inside `(…)`/`[…]`, after a token that
//      needs a right-hand side or after a `sum(…)` header, before `{`, `then`, `else`), and runs of
//      newlines collapse to one.
//   3. Nesting is measured before parsing: the recursive-descent parser would overflow the stack on
//      thousands of nested brackets, so deeper input is reported (`nesting-too-deep`) and not parsed.
import type { IToken, TokenType } from "chevrotain";
import * as T from "../../grammar/tokens.js";
import type { Diagnostic } from "./diagnostic.js";
import * as M from "./messages.js";
import { LineIndex, makeSpan } from "./span.js";

/** Deepest bracket / prefix-operator nesting accepted; far beyond hand-written programs. */
export const MAX_NESTING = 64;

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: Diagnostic[];
  /** Lines and columns of the source's offsets (tokens carry offsets only). */
  readonly lines: LineIndex;
  /** False when nesting is too deep to parse safely. */
  readonly parseable: boolean;
}

/** Tokens after which a newline cannot end a statement (they need something on their right). */
const CONTINUES_AFTER: ReadonlySet<TokenType> = new Set([
  T.Plus, T.Minus, T.Star, T.Slash, T.Caret, T.EqEq, T.NotEq, T.LessEq, T.GreaterEq, T.Less, T.Greater,
  T.Assign, T.Colon, T.Comma, T.Range, T.And, T.Or, T.Not, T.If, T.Then, T.Else, T.Where, T.In, T.Penalty,
  T.Soft, T.Encoding, T.Minimize, T.Maximize, T.LCurly, T.Newline, T.Semicolon,
]);

/** Tokens before which a newline cannot end a statement. */
const CONTINUES_BEFORE: ReadonlySet<TokenType> = new Set([T.LCurly, T.Then, T.Else]);

/** Tokens that can only start an operand, so a run of them nests one level each (`- - - x`, `not not b`). */
const PREFIX: ReadonlySet<TokenType> = new Set([T.Minus, T.Not, T.If]);

export function lex(source: string, file: string | undefined): LexResult {
  const result = T.qpLexer.tokenize(source);
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const length = Math.max(1, error.length);
    const start = lines.position(error.offset);
    const end = { line: start.line, column: start.column + length, offset: error.offset + length };
    diagnostics.push(M.unexpectedCharacter(source.slice(error.offset, error.offset + length), makeSpan(start, end, file)));
  }
  const comments: IToken[] = [];
  for (const comment of result.groups["comments"] ?? []) {
    if (comment.tokenType === T.UnterminatedComment) diagnostics.push(M.unterminatedComment(lines.tokenSpan(comment, file)));
    else comments.push(comment);
  }
  const tokens = filterNewlines(result.tokens);
  const tooDeep = findTooDeep(tokens);
  if (tooDeep !== undefined) diagnostics.push(M.nestingTooDeep(MAX_NESTING, lines.tokenSpan(tooDeep, file)));
  return { tokens, comments, diagnostics, lines, parseable: tooDeep === undefined };
}

/**
 * The lexer tracks start offsets only. The CST parser's node locations and its error positions also
 * need where each token ends (inclusive); the fast path does without, so tokens keep one shape there.
 */
export function setEndOffsets(tokens: readonly IToken[]): void {
  for (const token of tokens) if (token.endOffset === undefined) token.endOffset = token.startOffset + token.image.length - 1;
}

/**
 * Keeps the newlines that may end a statement. Brackets are tracked on a stack so that the `)` that
 * closes a `sum(…)` header is known: its body may start on the next line.
 */
function filterNewlines(tokens: readonly IToken[]): IToken[] {
  const kept: IToken[] = [];
  const openedBySum: boolean[] = [];
  let sumHeaderJustClosed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type === T.Newline) {
      const previous = kept.length > 0 ? kept[kept.length - 1]!.tokenType : T.Newline;
      const next = tokens[i + 1];
      const continues = openedBySum.length > 0 || sumHeaderJustClosed || CONTINUES_AFTER.has(previous) ||
        (next !== undefined && CONTINUES_BEFORE.has(next.tokenType));
      if (continues) continue;
    }
    sumHeaderJustClosed = false;
    if (type === T.LParen || type === T.LBracket) {
      openedBySum.push(type === T.LParen && kept.length > 0 && kept[kept.length - 1]!.tokenType === T.Sum);
    } else if (type === T.RParen || type === T.RBracket) {
      sumHeaderJustClosed = openedBySum.pop() === true;
    } else if (type === T.LCurly || type === T.RCurly) {
      openedBySum.length = 0;
    }
    kept.push(token);
  }
  return kept;
}

/** The first token at which bracket depth plus the current run of prefix operators passes the limit. */
function findTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let brackets = 0;
  let prefixRun = 0;
  let ifs = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LCurly) brackets++;
    else if (type === T.RParen || type === T.RBracket || type === T.RCurly) brackets = Math.max(0, brackets - 1);
    // `if` chains nest through their `else` branch and `sum`s through their body, until the statement ends.
    if (type === T.If || type === T.Sum) ifs++;
    else if (type === T.Newline || type === T.Semicolon || type === T.RCurly) ifs = 0;
    prefixRun = PREFIX.has(type) || type === T.Caret ? prefixRun + 1 : type === T.LParen || type === T.LBracket ? prefixRun : 0;
    if (brackets + prefixRun > MAX_NESTING || ifs > 2 * MAX_NESTING) return token;
  }
  return undefined;
}
