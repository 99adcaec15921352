// Position-aware completion inside declarations, from the grammar itself: Chevrotain's content
// assist (`computeContentAssist`) says which tokens the parser accepts next after the tokens before
// the cursor; each token type becomes keywords, or, for an identifier, the names that fit the rule
// it would be read by (a gate at the start of a circuit statement, a register as its operand, a
// problem's params and vars in an expression, an encoding after `encoding`, …).
import type { IToken, TokenType } from "chevrotain";
import { qpParser } from "../../grammar/parser.js";
import * as T from "../../grammar/tokens.js";
import { GATES } from "../circuit/ir.js";
import type { IntEncoding } from "../lang/ast.js";
import { ANSATZ_FAMILIES, QAOA_MIXERS } from "../lang/check.js";
import { BUILTIN_FUNCTIONS } from "../lang/check-expr.js";
import { lex } from "../lang/lexer.js";
import { scanCell } from "./cell-scan.js";

export interface Suggestion {
  readonly name: string;
  /** keyword, domain, type, encoding, gate, problem, param, var, let, index, qubit, function, ansatz, option, mixer. */
  readonly type: string;
}

/** A name declared in the session or the cell, with its kind (problem, circuit, gate, …). */
export interface DeclaredName {
  readonly name: string;
  readonly type: string;
}

export interface DeclarationAssist {
  readonly suggestions: readonly Suggestion[];
  /** The cursor starts a top-level statement, where a cell command may also stand. */
  readonly topLevelStart: boolean;
  /** The parser could not follow the text before the cursor (a syntax error earlier on). */
  readonly lost: boolean;
}

const ENCODING_DOCS: Record<IntEncoding, true> = { binary: true, unary: true, onehot: true, domainwall: true };
const ENCODINGS = Object.keys(ENCODING_DOCS);
const ANSATZ_OPTIONS = ["p", "mixer"];

/** Keywords that begin a statement: offered only where one may begin (after a newline, `;` or `{`). */
const STATEMENT_STARTERS: ReadonlySet<TokenType> = new Set([
  T.Problem, T.Circuit, T.Gate, T.Param, T.Var, T.Let, T.Minimize, T.Maximize, T.Constraint, T.Qubit, T.For, T.Measure, T.Reset, T.Barrier,
]);
const SEPARATORS: ReadonlySet<TokenType> = new Set([T.Newline, T.Semicolon, T.LCurly]);
const DECLARATION_STARTS: ReadonlySet<TokenType> = new Set([T.Problem, T.Circuit, T.Gate]);
const KEYWORD_TYPES: ReadonlySet<TokenType> = new Set(T.KEYWORDS);

/**
 * Suggestions for the word that starts at the end of `textBefore` (declarations only: command
 * lines blanked), given every declared name of the session and the cell.
 */
export function assistDeclarations(textBefore: string, declared: readonly DeclaredName[]): DeclarationAssist {
  const none = (lost: boolean): DeclarationAssist => ({ suggestions: [], topLevelStart: false, lost });
  if (insideCommentOrString(textBefore)) return none(false);
  const { tokens, parseable } = lex(textBefore, undefined);
  if (!parseable) return none(true);
  const window = currentDeclaration(tokens);
  let paths: ReturnType<typeof qpParser.computeContentAssist>;
  try {
    paths = qpParser.computeContentAssist("program", currentStatement(window));
  } catch {
    return none(true);
  }
  const previous = window.at(-1)?.tokenType;
  const atStatementStart = previous === undefined || SEPARATORS.has(previous);
  const locals = localNames(window);
  const out: Suggestion[] = [];
  for (const path of paths) {
    const type = path.nextTokenType;
    const rule = path.ruleStack.at(-1) ?? "";
    if (rule === "varDecl" && previous === T.Encoding) {
      for (const name of ENCODINGS) out.push({ name, type: "encoding" });
    } else if (KEYWORD_TYPES.has(type)) {
      if (STATEMENT_STARTERS.has(type) && !atStatementStart) continue;
      out.push({ name: keywordText(type), type: rule === "varDecl" ? "domain" : rule === "scalarType" ? "type" : "keyword" });
    } else if (type === T.BinaryOperator) {
      out.push({ name: "and", type: "keyword" }, { name: "or", type: "keyword" });
    } else if (type === T.Identifier) {
      out.push(...identifiersFor(rule, path.nextTokenOccurrence, path.ruleStack, atStatementStart, locals, declared));
    }
  }
  return { suggestions: out, topLevelStart: window.length === 0 || (atStatementStart && previous !== T.LCurly && depthOf(window) === 0), lost: paths.length === 0 };
}

function identifiersFor(
  rule: string,
  occurrence: number,
  ruleStack: readonly string[],
  atStatementStart: boolean,
  locals: readonly Suggestion[],
  declared: readonly DeclaredName[],
): Suggestion[] {
  const ofType = (...types: string[]) => declared.filter((d) => types.includes(d.type)).map((d) => ({ name: d.name, type: d.type }));
  const localOf = (...types: string[]) => locals.filter((l) => types.includes(l.type));
  switch (rule) {
    case "gateApply":
      // A statement that starts with a name applies a gate.
      return atStatementStart ? [...ofType("gate"), ...Object.keys(GATES).map((name) => ({ name, type: "gate" }))] : [];
    case "qubitRef":
      return localOf("qubit");
    case "circuitDecl":
      // `circuit NAME = ANSATZ(PROBLEM, …)`: occurrence 2 is the ansatz family, 3 the problem.
      if (occurrence === 2) return ANSATZ_FAMILIES.map((name) => ({ name, type: "ansatz" }));
      if (occurrence === 3) return ofType("problem");
      return [];
    case "namedArg":
      return ANSATZ_OPTIONS.map((name) => ({ name, type: "option" }));
    case "nameExpr": {
      if (ruleStack.includes("namedArg")) return QAOA_MIXERS.map((name) => ({ name, type: "mixer" }));
      const functions = BUILTIN_FUNCTIONS.map((name) => ({ name, type: "function" }));
      if (ruleStack.includes("problemDecl")) return [...localOf("param", "var", "let", "index"), ...functions];
      return [...localOf("param", "index"), ...functions];
    }
    default:
      // Everything else that takes an identifier declares a new name: nothing to suggest.
      return [];
  }
}

/** The tokens of the top-level declaration the cursor is in (earlier ones may not parse). */
function currentDeclaration(tokens: readonly IToken[]): IToken[] {
  let depth = 0;
  let start = 0;
  tokens.forEach((token, i) => {
    const type = token.tokenType;
    if (depth === 0 && (DECLARATION_STARTS.has(type) || type === T.Newline || type === T.Semicolon)) start = DECLARATION_STARTS.has(type) ? i : i + 1;
    if (type === T.LCurly) depth++;
    else if (type === T.RCurly) depth = Math.max(0, depth - 1);
  });
  return tokens.slice(start);
}

/**
 * The declaration's header (through its `{`) followed by the statement of its body the cursor is
 * in. Statements of a body do not constrain each other in the grammar, so the earlier ones can be
 * left out, and content assist, which explores every path through the tokens it is given, costs
 * the length of one statement instead of the whole declaration.
 */
function currentStatement(declaration: IToken[]): IToken[] {
  const open = declaration.findIndex((t) => t.tokenType === T.LCurly);
  if (open < 0) return declaration;
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < declaration.length; i++) {
    const type = declaration[i]!.tokenType;
    if (type === T.LCurly) depth++;
    else if (type === T.RCurly) depth--;
    else if (depth === 1 && (type === T.Newline || type === T.Semicolon)) start = i + 1;
    // The body closed: the cursor is after the declaration, which content assist must see whole.
    if (depth === 0) return declaration;
  }
  return [...declaration.slice(0, open + 1), ...declaration.slice(start)];
}

function depthOf(tokens: readonly IToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === T.LCurly) depth++;
    else if (token.tokenType === T.RCurly) depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * Names the declaration has introduced so far, read from its tokens (the text is usually half
 * typed, so the checker's symbol table cannot be relied on): params, vars, lets and binder indices
 * of a problem; params, registers, qubit operands and loop indices of a circuit or gate.
 */
function localNames(tokens: readonly IToken[]): Suggestion[] {
  const out: Suggestion[] = [];
  const isGate = tokens[0]?.tokenType === T.Gate;
  let parenDepth = 0;
  let headerDone = false;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    const next = tokens[i + 1];
    const name = next?.tokenType === T.Identifier ? next.image : undefined;
    if (type === T.LParen) parenDepth++;
    else if (type === T.RParen) parenDepth--;
    else if (type === T.LCurly) headerDone = true;
    if (name !== undefined) {
      if (type === T.Param) out.push({ name, type: "param" });
      else if (type === T.Var) out.push({ name, type: "var" });
      else if (type === T.Let) out.push({ name, type: "let" });
      else if (type === T.Qubit) out.push({ name, type: "qubit" });
      else if (type === T.For) out.push({ name, type: "index" });
    }
    if (type !== T.Identifier) continue;
    const image = tokens[i]!.image;
    if (next?.tokenType === T.In) out.push({ name: image, type: "index" });
    // `(u, v, w) in edges`: every name of the tuple is an index.
    if ((tokens[i - 1]?.tokenType === T.LParen || tokens[i - 1]?.tokenType === T.Comma) && tupleBinder(tokens, i)) out.push({ name: image, type: "index" });
    if (!headerDone && i > 1) {
      if (parenDepth === 1 && next?.tokenType === T.Colon && tokens[0]?.tokenType !== T.Problem) out.push({ name: image, type: "param" });
      // `gate g(t: angle) a, b {`: the names after the parameter list are the gate's qubits.
      if (isGate && parenDepth === 0 && tokens[i - 1]?.tokenType !== T.Gate) out.push({ name: image, type: "qubit" });
    }
  }
  return out;
}

/** Whether the identifier at `i` sits in a parenthesised list of names that is followed by `in`. */
function tupleBinder(tokens: readonly IToken[], i: number): boolean {
  let j = i;
  while (tokens[j]?.tokenType === T.Identifier && tokens[j + 1]?.tokenType === T.Comma) j += 2;
  return tokens[j]?.tokenType === T.Identifier && tokens[j + 1]?.tokenType === T.RParen && tokens[j + 2]?.tokenType === T.In;
}

function keywordText(type: TokenType): string {
  return (type.PATTERN as RegExp).source;
}

function insideCommentOrString(text: string): boolean {
  if (scanCell(text).openToken) return true;
  const lastLine = text.slice(text.lastIndexOf("\n") + 1);
  return scanCell(lastLine).openToken || /^(?:[^"/]|"(?:[^"\\]|\\.)*"|\/(?!\/))*\/\//.test(lastLine);
}
