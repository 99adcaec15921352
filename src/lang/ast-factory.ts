// AST nodes built by the parser's actions as each grammar rule completes (grammar/parser.ts), for
// input that parses without a syntax error. This is the fast path: no concrete syntax tree, no
// second pass. Anything that needs a diagnostic (a syntax error, a missing separator, a constraint
// that is not a comparison, an unknown encoding, an invalid number, an over-long chain) throws
// `NeedsDiagnostics`, and src/lang/parse.ts parses the text again on the recovering CST path
// (build-ast.ts), which reports every problem it can find. The nodes built here are the ones that
// path builds for the same text, field for field (test/lang/ast-paths.test.ts compares them).
import type { IToken, TokenType } from "chevrotain";
import * as T from "../../grammar/tokens.js";
import type * as A from "./ast.js";
import { constraintDecl } from "./ast.js";
import type { Span } from "./diagnostic.js";
import { ChainGrouper, type ChainOperands, MAX_CHAIN, PRECEDENCE_ABOVE_NOT } from "./operators.js";
import { joinSpans, type LineIndex, makeSpan } from "./span.js";

/** Thrown from a parser action when the text needs a diagnostic: the recovering path takes over. */
export class NeedsDiagnostics extends Error {
  override readonly name = "NeedsDiagnostics";
}

/**
 * A `not` whose extent is not yet known: inside an operator chain it takes the comparisons and
 * arithmetic after it along (`not a == b` is `not (a == b)`), elsewhere only the operand after it.
 */
export interface PendingNot {
  readonly kind: "pending-not";
  readonly not: IToken;
  readonly inner: Operand;
}

/** What the `unary` rule yields. */
export type Operand = A.Expr | PendingNot;

/** Marks a statement separator among the members of a block. */
export const SEPARATOR: unique symbol = Symbol("separator");

/** The members of a block (program, problem or circuit body) in order, with separator bookkeeping. */
export interface Block<M> {
  readonly members: M[];
  /** Offset of the last character of the previous member; -1 before the first. */
  lastEnd: number;
  separated: boolean;
}

/** A `circuit NAME` declaration's two forms, as its alternatives yield them. */
export type CircuitForm =
  | { readonly form: "ansatz"; readonly ansatz: IToken; readonly problem: IToken; readonly options: A.NamedArg[]; readonly close: IToken }
  | { readonly form: "body"; readonly params: A.CircuitParam[]; readonly body: A.CircuitStmt[]; readonly close: IToken };

/** A name's suffix: call arguments, indices (the last `]` is the parser's previous token), or none. */
export type NameSuffix = { readonly args: A.Expr[]; readonly close: IToken } | A.Expr[] | undefined;

const ENCODINGS: ReadonlySet<string> = new Set<A.IntEncoding>(["binary", "unary", "onehot", "domainwall"]);
const SCALAR_TYPES: ReadonlyMap<TokenType, A.ScalarTypeName> = new Map([[T.Int, "int"], [T.Real, "real"], [T.Bool, "bool"], [T.Angle, "angle"]]);
const CONSTRAINT_OPS: ReadonlySet<A.BinaryOp> = new Set(["==", "<=", ">="]);

export class AstFactory implements ChainOperands<Operand> {
  constructor(
    readonly source: string,
    readonly file: string | undefined,
    readonly lines: LineIndex,
    readonly comments: readonly IToken[],
  ) {}

  span(token: IToken): Span {
    return this.lines.tokenSpan(token, this.file);
  }

  // Spans from the start of `first` to the end of `last`, each a token or a node's span: the same as
  // joining the two spans, without building a whole span for a token only to keep one of its ends.
  tokenRange(first: IToken, last: IToken): Span {
    return makeSpan(this.lines.tokenStart(first), this.lines.tokenEnd(last), this.file);
  }

  fromToken(first: IToken, last: Span): Span {
    return makeSpan(this.lines.tokenStart(first), last.end, this.file);
  }

  toToken(first: Span, last: IToken): Span {
    return makeSpan(first.start, this.lines.tokenEnd(last), this.file);
  }

  identifier(token: IToken): A.Identifier {
    return { kind: "identifier", name: token.image, span: this.span(token) };
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────────

  block<M>(): Block<M> {
    return { members: [], lastEnd: -1, separated: false };
  }

  /** Adds a member (or notes a separator); `last` is the member's last token. */
  blockItem<M>(block: Block<M>, item: M | typeof SEPARATOR, last: IToken): void {
    if (item === SEPARATOR) {
      block.separated = true;
      return;
    }
    // Two statements on one line need a `;` between them, unless the first ended with `}`.
    if (block.lastEnd >= 0 && !block.separated && this.source[block.lastEnd] !== "}") throw new NeedsDiagnostics();
    block.members.push(item);
    block.lastEnd = last.startOffset + last.image.length - 1;
    block.separated = false;
  }

  program(items: A.TopLevelItem[]): A.Program {
    const span = makeSpan(this.lines.position(0), this.lines.position(this.source.length), this.file);
    const comments: A.Comment[] = this.comments.map((c) => ({ kind: "comment", text: c.image, block: c.image.startsWith("/*"), span: this.span(c) }));
    return { kind: "program", items, comments, span };
  }

  // ── problems ──────────────────────────────────────────────────────────────────────────────────

  problem(keyword: IToken, name: IToken, members: A.ProblemMember[], close: IToken): A.ProblemDecl {
    return { kind: "problem", name: this.identifier(name), members, span: this.tokenRange(keyword, close) };
  }

  param(keyword: IToken, name: IToken, type: A.TypeExpr, value: A.Expr | undefined): A.ParamDecl {
    const id = this.identifier(name);
    if (value === undefined) return { kind: "param", name: id, type, span: this.fromToken(keyword, type.span) };
    return { kind: "param", name: id, type, default: value, span: this.fromToken(keyword, value.span) };
  }

  scalarType(token: IToken): A.ScalarTypeExpr {
    return { kind: "scalar-type", name: SCALAR_TYPES.get(token.tokenType)!, span: this.span(token) };
  }

  /** `element[d1][d2]…`; `close` is the last dimension's `]`. */
  withDims(element: A.ScalarTypeExpr, dims: A.Expr[], close: IToken): A.ScalarTypeExpr | A.ArrayTypeExpr {
    if (dims.length === 0) return element;
    return { kind: "array-type", element, dims, span: this.toToken(element.span, close) };
  }

  tupleListType(open: IToken, fields: A.ScalarTypeExpr[], close: IToken): A.TupleListTypeExpr {
    return { kind: "tuple-list-type", fields, span: this.tokenRange(open, close) };
  }

  intDomain(int: IToken, lo: A.Expr, hi: A.Expr, close: IToken): A.IntDomain {
    return { kind: "int-domain", lo, hi, span: this.tokenRange(int, close) };
  }

  keywordDomain(token: IToken): A.BinaryDomain | A.SpinDomain {
    return { kind: token.tokenType === T.Binary ? "binary-domain" : "spin-domain", span: this.span(token) };
  }

  /** `last` is the declaration's last token (a dimension's `]`, or the domain's end). */
  varDecl(keyword: IToken, name: IToken, domain: A.Domain, dims: A.Expr[], last: IToken, encoding: IToken | undefined): A.VarDecl {
    const id = this.identifier(name);
    let end = dims.length > 0 ? this.span(last) : domain.span;
    if (encoding !== undefined) {
      if (!ENCODINGS.has(encoding.image) || domain.kind !== "int-domain") throw new NeedsDiagnostics();
      end = this.span(encoding);
      domain = { ...domain, encoding: encoding.image as A.IntEncoding };
    }
    return { kind: "var", name: id, domain, dims, span: this.fromToken(keyword, end) };
  }

  letDecl(keyword: IToken, name: IToken, value: A.Expr): A.LetDecl {
    return { kind: "let", name: this.identifier(name), value, span: this.fromToken(keyword, value.span) };
  }

  objective(keyword: IToken, expr: A.Expr): A.ObjectiveDecl {
    const sense: A.Sense = keyword.image === "minimize" ? "minimize" : "maximize";
    return { kind: "objective", sense, expr, span: this.fromToken(keyword, expr.span) };
  }

  /** `penalty auto` or `penalty W`. */
  penalty(penalty: IToken, weight: IToken | A.Expr): A.PenaltyAuto | A.PenaltyWeight {
    if ("tokenType" in weight) return { kind: "penalty-auto", span: this.tokenRange(penalty, weight) };
    return { kind: "penalty", value: weight, span: this.fromToken(penalty, weight.span) };
  }

  soft(keyword: IToken, value: A.Expr): A.SoftWeight {
    return { kind: "soft", value, span: this.fromToken(keyword, value.span) };
  }

  constraint(keyword: IToken, name: IToken, binders: BinderList | undefined, expr: A.Expr, weight: A.ConstraintWeight | undefined): A.ConstraintDecl {
    const id = this.identifier(name);
    if (expr.kind !== "binary" || !CONSTRAINT_OPS.has(expr.op)) throw new NeedsDiagnostics();
    const comparison = { left: expr.left, op: expr.op as A.ConstraintOp, right: expr.right };
    return constraintDecl(id, binders?.binders ?? [], binders?.where, comparison, weight, this.fromToken(keyword, weight?.span ?? expr.span));
  }

  binderList(binders: A.Binder[], where: A.Expr | undefined): BinderList {
    return where === undefined ? { binders } : { binders, where };
  }

  rangeBinder(name: IToken, lo: A.Expr, hi: A.Expr): A.RangeBinder {
    const id = this.identifier(name);
    return { kind: "range-binder", name: id, lo, hi, span: joinSpans(id.span, hi.span) };
  }

  tupleBinder(open: IToken, names: IToken[], source: A.Expr): A.TupleBinder {
    return { kind: "tuple-binder", names: names.map((t) => this.identifier(t)), source, span: this.fromToken(open, source.span) };
  }

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  /** An operator chain; see ChainGrouper for how it is grouped. */
  chain(operands: Operand[], operators: IToken[]): A.Expr {
    if (operators.length >= MAX_CHAIN) throw new NeedsDiagnostics();
    if (operators.length === 0) return this.resolve(operands[0]!);
    return new ChainGrouper(operands, operators, this).group();
  }

  /** One operand of a chain; a `not` takes the tighter operators after it along. */
  operand(operand: Operand, chain: ChainGrouper<Operand>): A.Expr {
    if (operand.kind !== "pending-not") return operand;
    const inner = chain.climb(PRECEDENCE_ABOVE_NOT, operand.inner);
    return { kind: "unary", op: "not", operand: inner, span: this.fromToken(operand.not, inner.span) };
  }

  /** An operand outside a chain (an exponent, the operand of `-`): a `not` covers only what follows it. */
  resolve(operand: Operand): A.Expr {
    if (operand.kind !== "pending-not") return operand;
    const inner = this.resolve(operand.inner);
    return { kind: "unary", op: "not", operand: inner, span: this.fromToken(operand.not, inner.span) };
  }

  prefixed(prefix: IToken, operand: Operand): Operand {
    if (prefix.tokenType === T.Not) return { kind: "pending-not", not: prefix, inner: operand };
    const inner = this.resolve(operand);
    return { kind: "unary", op: "-", operand: inner, span: this.fromToken(prefix, inner.span) };
  }

  power(base: A.Expr, exponent: Operand | undefined): A.Expr {
    if (exponent === undefined) return base;
    const right = this.resolve(exponent);
    return { kind: "binary", op: "^", left: base, right, span: joinSpans(base.span, right.span) };
  }

  number(token: IToken): A.NumberLiteral {
    const value = Number(token.image);
    if (!Number.isFinite(value)) throw new NeedsDiagnostics();
    return { kind: "number", value, text: token.image, span: this.span(token) };
  }

  /** `true`, `false`, `pi`, `e`. */
  literal(token: IToken): A.BoolLiteral | A.ConstantExpr {
    const type = token.tokenType;
    if (type === T.True || type === T.False) return { kind: "bool", value: type === T.True, span: this.span(token) };
    return { kind: "constant", name: type === T.Pi ? "pi" : "e", span: this.span(token) };
  }

  /** Parentheses are not kept (the formatter re-derives them), but the span covers them for carets. */
  parenthesised(open: IToken, inner: A.Expr, close: IToken): A.Expr {
    return { ...inner, span: this.tokenRange(open, close) };
  }

  /** `last` is the parser's previous token (the last `]` when there are indices). */
  nameExpr(id: IToken, suffix: NameSuffix, last: IToken): A.Expr {
    const span = this.span(id);
    if (suffix === undefined) return { kind: "name", name: id.image, span };
    if (!Array.isArray(suffix)) return { kind: "call", callee: this.identifier(id), args: suffix.args, span: this.toToken(span, suffix.close) };
    const target: A.NameExpr = { kind: "name", name: id.image, span };
    return { kind: "index", target, indices: suffix, span: this.toToken(span, last) };
  }

  sum(keyword: IToken, binders: BinderList, body: A.Expr): A.SumExpr {
    const span = this.fromToken(keyword, body.span);
    const where = binders.where;
    return where === undefined ? { kind: "sum", binders: binders.binders, body, span } : { kind: "sum", binders: binders.binders, where, body, span };
  }

  ifExpr(keyword: IToken, condition: A.Expr, then: A.Expr, otherwise: A.Expr): A.IfExpr {
    return { kind: "if", condition, then, else: otherwise, span: this.fromToken(keyword, otherwise.span) };
  }

  // ── circuits ──────────────────────────────────────────────────────────────────────────────────

  circuit(keyword: IToken, name: IToken, form: CircuitForm): A.CircuitDecl | A.AnsatzDecl {
    const id = this.identifier(name);
    const span = this.tokenRange(keyword, form.close);
    if (form.form === "ansatz") {
      return { kind: "ansatz", name: id, ansatz: this.identifier(form.ansatz), problem: this.identifier(form.problem), options: form.options, span };
    }
    return { kind: "circuit", name: id, params: form.params, body: form.body, span };
  }

  namedArg(name: IToken, value: A.Expr): A.NamedArg {
    const id = this.identifier(name);
    return { kind: "named-arg", name: id, value, span: joinSpans(id.span, value.span) };
  }

  circuitParam(name: IToken, type: A.ScalarTypeExpr | A.ArrayTypeExpr): A.CircuitParam {
    const id = this.identifier(name);
    return { kind: "circuit-param", name: id, type, span: joinSpans(id.span, type.span) };
  }

  gate(keyword: IToken, name: IToken, params: A.CircuitParam[], qubits: IToken[], body: A.CircuitStmt[], close: IToken): A.GateDecl {
    const id = this.identifier(name);
    return { kind: "gate", name: id, params, qubits: qubits.map((q) => this.identifier(q)), body, span: this.tokenRange(keyword, close) };
  }

  /** `close` is the size's `]`. */
  qubitDecl(keyword: IToken, name: IToken, size: A.Expr | undefined, close: IToken): A.QubitDecl {
    const id = this.identifier(name);
    if (size === undefined) return { kind: "qubit-decl", name: id, span: this.fromToken(keyword, id.span) };
    return { kind: "qubit-decl", name: id, size, span: this.tokenRange(keyword, close) };
  }

  forStmt(keyword: IToken, variable: IToken, lo: A.Expr, hi: A.Expr, body: A.CircuitStmt[], close: IToken): A.ForStmt {
    return { kind: "for", variable: this.identifier(variable), lo, hi, body, span: this.tokenRange(keyword, close) };
  }

  /** `measure`, `reset` or `barrier` (whose targets may be empty). */
  targetsStmt(keyword: IToken, targets: A.QubitRef[]): A.MeasureStmt | A.ResetStmt | A.BarrierStmt {
    const start = this.span(keyword);
    const span = joinSpans(start, targets.length > 0 ? targets[targets.length - 1]!.span : this.span(keyword));
    const type = keyword.tokenType;
    const kind = type === T.Measure ? "measure" : type === T.Reset ? "reset" : "barrier";
    return { kind, targets, span };
  }

  gateApply(gate: IToken, angles: A.Expr[], qubits: A.QubitRef[]): A.GateApply {
    const id = this.identifier(gate);
    return { kind: "gate-apply", gate: id, angles, qubits, span: joinSpans(id.span, qubits[qubits.length - 1]!.span) };
  }

  /** `close` is the index's `]`. */
  qubitRef(register: IToken, index: A.Expr | undefined, close: IToken): A.QubitRef {
    const id = this.identifier(register);
    if (index === undefined) return { kind: "qubit-ref", register: id, span: id.span };
    return { kind: "qubit-ref", register: id, index, span: this.toToken(id.span, close) };
  }
}

export interface BinderList {
  readonly binders: A.Binder[];
  readonly where?: A.Expr;
}
