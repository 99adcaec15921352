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

// What the post-pass needs to know of each token type, as bits in a table indexed by tokenTypeIdx
// (one array read per token instead of several set lookups: this pass sees every token).
const CONTINUES_AFTER = 1; // a newline after it cannot end a statement: it needs a right-hand side
const CONTINUES_BEFORE = 2; // a newline before it cannot end a statement
const PREFIX = 4; // a run of them nests one level each: prefix operators (`- - - x`, `not not b`) and right-associative `^`
const OPENS = 8;
const CLOSES = 16;
const STARTS_NESTING_RUN = 32; // `if` chains nest through `else`, `sum`s through their body
const ENDS_STATEMENT = 64;

const FLAGS = flagTable([
  [CONTINUES_AFTER, [T.Plus, T.Minus, T.Star, T.Slash, T.Caret, T.EqEq, T.NotEq, T.LessEq, T.GreaterEq, T.Less, T.Greater,
    T.Assign, T.Colon, T.Comma, T.Range, T.And, T.Or, T.Not, T.If, T.Then, T.Else, T.Where, T.In, T.Penalty,
    T.Soft, T.Encoding, T.Minimize, T.Maximize, T.LCurly, T.Newline, T.Semicolon]],
  [CONTINUES_BEFORE, [T.LCurly, T.Then, T.Else]],
  [PREFIX, [T.Minus, T.Not, T.If, T.Caret]],
  [OPENS, [T.LParen, T.LBracket, T.LCurly]],
  [CLOSES, [T.RParen, T.RBracket, T.RCurly]],
  [STARTS_NESTING_RUN, [T.If, T.Sum]],
  [ENDS_STATEMENT, [T.Newline, T.Semicolon, T.RCurly]],
]);

function flagTable(entries: readonly (readonly [number, readonly TokenType[]])[]): Uint8Array {
  const table = new Uint8Array(T.ALL_TOKENS.reduce((max, t) => Math.max(max, t.tokenTypeIdx!), 0) + 1);
  for (const [flag, types] of entries) for (const type of types) table[type.tokenTypeIdx!]! |= flag;
  return table;
}

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
  const tokens = result.tokens;
  const tooDeep = keepStatementNewlines(tokens);
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
 * Drops, in place, the newlines that cannot end a statement, and returns the first kept token at
 * which nesting passes MAX_NESTING (undefined when there is none). Brackets are tracked on a stack
 * so that the `)` that closes a `sum(…)` header is known: its body may start on the next line.
 * Nesting counts bracket depth plus the current run of prefix operators; `if`/`sum` runs are bounded
 * separately (they nest until the statement ends).
 */
function keepStatementNewlines(tokens: IToken[]): IToken | undefined {
  const newline = T.Newline.tokenTypeIdx!;
  const lParen = T.LParen.tokenTypeIdx!;
  const lBracket = T.LBracket.tokenTypeIdx!;
  const lCurly = T.LCurly.tokenTypeIdx!;
  const rCurly = T.RCurly.tokenTypeIdx!;
  const sum = T.Sum.tokenTypeIdx!;
  const openedBySum: boolean[] = [];
  let sumHeaderJustClosed = false;
  let previous = newline; // type of the last kept token; a newline at the start is dropped
  let kept = 0;
  let tooDeep: IToken | undefined;
  let brackets = 0;
  let prefixRun = 0;
  let nestingRun = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    const type = token.tokenTypeIdx;
    const flags = FLAGS[type]!;
    if (type === newline) {
      const continues = openedBySum.length > 0 || sumHeaderJustClosed || (FLAGS[previous]! & CONTINUES_AFTER) !== 0 ||
        (i + 1 < n && (FLAGS[tokens[i + 1]!.tokenTypeIdx]! & CONTINUES_BEFORE) !== 0);
      if (continues) continue;
    }
    sumHeaderJustClosed = false;
    if (type === lParen || type === lBracket) openedBySum.push(type === lParen && previous === sum);
    else if (type === lCurly || type === rCurly) openedBySum.length = 0;
    else if (flags & CLOSES) sumHeaderJustClosed = openedBySum.pop() === true;
    tokens[kept++] = token;
    previous = type;

    if (tooDeep !== undefined) continue;
    if (flags & OPENS) brackets++;
    else if (flags & CLOSES) brackets = Math.max(0, brackets - 1);
    if (flags & STARTS_NESTING_RUN) nestingRun++;
    else if (flags & ENDS_STATEMENT) nestingRun = 0;
    prefixRun = flags & PREFIX ? prefixRun + 1 : type === lParen || type === lBracket ? prefixRun : 0;
    if (brackets + prefixRun > MAX_NESTING || nestingRun > 2 * MAX_NESTING) tooDeep = token;
  }
  tokens.length = kept;
  return tooDeep;
}
