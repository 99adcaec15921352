// The typed abstract syntax tree of a qpipe program (`.qp` file or `qp` template).
//
// Every node carries `readonly kind` (its discriminant) and `readonly span` (the source text it came
// from), so that every later stage — checking, data binding, grounding, circuit lowering — can report
// problems at the DSL location that caused them. Nodes are plain, immutable, JSON-serialisable data.
//
// Stability: consumers switch on `kind`; this file only grows (new kinds, new optional fields).
//
//   Program ─┬─ ProblemDecl ── ParamDecl | VarDecl | LetDecl | ObjectiveDecl | ConstraintDecl
//            ├─ CircuitDecl ── CircuitStmt*        (QubitDecl | GateApply | ForStmt | Measure | Reset | Barrier)
//            ├─ GateDecl    ── CircuitStmt*        (a user gate, inlined where applied)
//            └─ AnsatzDecl                         (`circuit q = qaoa(problem, p: 2, mixer: x)`)
import type { Span } from "./diagnostic.js";

/** A name as written, with its own span (for "unknown symbol" carets and go-to-definition). */
export interface Identifier {
  readonly kind: "identifier";
  readonly name: string;
  readonly span: Span;
}

/** A comment kept for the formatter; `block` is true for the slash-star form. */
export interface Comment {
  readonly kind: "comment";
  readonly text: string;
  readonly block: boolean;
  readonly span: Span;
}

export interface Program {
  readonly kind: "program";
  readonly items: readonly TopLevelItem[];
  /** Every comment in source order (not part of the meaning; used by the formatter). */
  readonly comments: readonly Comment[];
  readonly span: Span;
}

export type TopLevelItem = ProblemDecl | CircuitDecl | GateDecl | AnsatzDecl;

// ─── Problems ────────────────────────────────────────────────────────────────────────────────────

export interface ProblemDecl {
  readonly kind: "problem";
  readonly name: Identifier;
  readonly members: readonly ProblemMember[];
  readonly span: Span;
}

export type ProblemMember = ParamDecl | VarDecl | LetDecl | ObjectiveDecl | ConstraintDecl;

/** `param NAME: TYPE [= DEFAULT]` — a value bound from data at compile time. */
export interface ParamDecl {
  readonly kind: "param";
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly default?: Expr;
  readonly span: Span;
}

/** The scalar types the language knows. `angle` appears only in circuit parameters. */
export type ScalarTypeName = "int" | "real" | "bool" | "angle";

/** `int`, `real`, `bool`, `angle`. */
export interface ScalarTypeExpr {
  readonly kind: "scalar-type";
  readonly name: ScalarTypeName;
  readonly span: Span;
}

/** `real[n]`, `real[n][m]`: `dims` outermost first; each dimension an int expression over params. */
export interface ArrayTypeExpr {
  readonly kind: "array-type";
  readonly element: ScalarTypeExpr;
  readonly dims: readonly Expr[];
  readonly span: Span;
}

/** `(int, int, real)[]`: a list of tuples whose length comes from the data. */
export interface TupleListTypeExpr {
  readonly kind: "tuple-list-type";
  readonly fields: readonly ScalarTypeExpr[];
  readonly span: Span;
}

export type TypeExpr = ScalarTypeExpr | ArrayTypeExpr | TupleListTypeExpr;

/** `var NAME: DOMAIN[dims]` — decision variables; `dims` empty for a single variable. */
export interface VarDecl {
  readonly kind: "var";
  readonly name: Identifier;
  readonly domain: Domain;
  readonly dims: readonly Expr[];
  readonly span: Span;
}

export type Domain = BinaryDomain | SpinDomain | IntDomain;

/** 0/1 variables. */
export interface BinaryDomain {
  readonly kind: "binary-domain";
  readonly span: Span;
}

/** −1/+1 variables. */
export interface SpinDomain {
  readonly kind: "spin-domain";
  readonly span: Span;
}

export type IntEncoding = "binary" | "unary" | "onehot" | "domainwall";

/** `int[lo..hi] [encoding E]`: a bounded integer (bounds inclusive, param expressions). */
export interface IntDomain {
  readonly kind: "int-domain";
  readonly lo: Expr;
  readonly hi: Expr;
  /** As written; absent means the default, `binary`. Use `intEncodingOf` for the effective one. */
  readonly encoding?: IntEncoding;
  readonly span: Span;
}

export function intEncodingOf(domain: IntDomain): IntEncoding {
  return domain.encoding ?? "binary";
}

/** `let NAME = EXPR` — a named expression, usable below its declaration and reported per sample. */
export interface LetDecl {
  readonly kind: "let";
  readonly name: Identifier;
  readonly value: Expr;
  readonly span: Span;
}

export type Sense = "minimize" | "maximize";

export interface ObjectiveDecl {
  readonly kind: "objective";
  readonly sense: Sense;
  readonly expr: Expr;
  readonly span: Span;
}

export type ConstraintOp = "==" | "<=" | ">=";

/**
 * `constraint NAME[BINDERS where COND]: LEFT OP RIGHT [penalty W | penalty auto | soft W]`.
 * `binders` is empty for a single constraint, else the family is one constraint per binding.
 */
export interface ConstraintDecl {
  readonly kind: "constraint";
  readonly name: Identifier;
  readonly binders: readonly Binder[];
  readonly where?: Expr;
  readonly left: Expr;
  readonly op: ConstraintOp;
  readonly right: Expr;
  /** As written; absent means `penalty auto` (a hard constraint with an automatic weight). */
  readonly weight?: ConstraintWeight;
  readonly span: Span;
}

export type ConstraintWeight = PenaltyAuto | PenaltyWeight | SoftWeight;

/**
 * A constraint node from its parts; `where` and `weight` are present only when written (nodes are
 * plain JSON). Four literal shapes rather than spreads: spreading a base object per optional field
 * made this node several times as costly to build as any other.
 */
export function constraintDecl(
  name: Identifier, binders: readonly Binder[], where: Expr | undefined, comparison: { left: Expr; op: ConstraintOp; right: Expr },
  weight: ConstraintWeight | undefined, span: Span,
): ConstraintDecl {
  const { left, op, right } = comparison;
  if (where === undefined) {
    return weight === undefined ? { kind: "constraint", name, binders, left, op, right, span } : { kind: "constraint", name, binders, left, op, right, weight, span };
  }
  return weight === undefined ? { kind: "constraint", name, binders, left, op, right, where, span } : { kind: "constraint", name, binders, left, op, right, where, weight, span };
}

/** Hard constraint, weight chosen so that the QUBO minimum is feasible when a feasible point exists. */
export interface PenaltyAuto {
  readonly kind: "penalty-auto";
  readonly span: Span;
}

/** Hard constraint with an explicit penalty weight. */
export interface PenaltyWeight {
  readonly kind: "penalty";
  readonly value: Expr;
  readonly span: Span;
}

/** Soft constraint: adds `value · violation` to the objective, never counts as infeasible. */
export interface SoftWeight {
  readonly kind: "soft";
  readonly value: Expr;
  readonly span: Span;
}

// ─── Binders (sum, constraint families) ─────────────────────────────────────────────────────────

/** `i in lo..hi` (inclusive). */
export interface RangeBinder {
  readonly kind: "range-binder";
  readonly name: Identifier;
  readonly lo: Expr;
  readonly hi: Expr;
  readonly span: Span;
}

/** `(u, v, w) in edges`: destructures each tuple of a tuple-list parameter. */
export interface TupleBinder {
  readonly kind: "tuple-binder";
  readonly names: readonly Identifier[];
  readonly source: Expr;
  readonly span: Span;
}

export type Binder = RangeBinder | TupleBinder;

// ─── Expressions ────────────────────────────────────────────────────────────────────────────────

export type Expr =
  | NumberLiteral
  | BoolLiteral
  | ConstantExpr
  | NameExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | IfExpr
  | SumExpr;

export interface NumberLiteral {
  readonly kind: "number";
  readonly value: number;
  /** The literal as written (`1e-3`, `.5`), kept so the formatter reproduces it. */
  readonly text: string;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: "bool";
  readonly value: boolean;
  readonly span: Span;
}

export type ConstantName = "pi" | "e";

/** The reserved constants `pi` and `e`. */
export interface ConstantExpr {
  readonly kind: "constant";
  readonly name: ConstantName;
  readonly span: Span;
}

/** A reference to a param, var, let, binder, circuit parameter, qubit register or loop variable. */
export interface NameExpr {
  readonly kind: "name";
  readonly name: string;
  readonly span: Span;
}

/** `x[i][j]`: `indices` outermost first. */
export interface IndexExpr {
  readonly kind: "index";
  readonly target: NameExpr;
  readonly indices: readonly Expr[];
  readonly span: Span;
}

export type BuiltinFunction = "abs" | "sqrt" | "exp" | "log" | "sin" | "cos" | "min" | "max" | "floor" | "ceil";

/** `f(a, b)`: `callee` is checked against the built-in functions. */
export interface CallExpr {
  readonly kind: "call";
  readonly callee: Identifier;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type UnaryOp = "-" | "not";

export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export type ArithmeticOp = "+" | "-" | "*" | "/" | "^";
export type ComparisonOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type LogicalOp = "and" | "or";
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `if COND then A else B` — COND over parameters only. */
export interface IfExpr {
  readonly kind: "if";
  readonly condition: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

/** `sum(BINDERS [where COND]) BODY`; binders bind left to right, later ones may use earlier ones. */
export interface SumExpr {
  readonly kind: "sum";
  readonly binders: readonly Binder[];
  readonly where?: Expr;
  readonly body: Expr;
  readonly span: Span;
}

// ─── Circuits ───────────────────────────────────────────────────────────────────────────────────

/** `NAME: int`, `NAME: angle`, `NAME: angle[layers][n]` — a circuit or gate parameter. */
export interface CircuitParam {
  readonly kind: "circuit-param";
  readonly name: Identifier;
  readonly type: ScalarTypeExpr | ArrayTypeExpr;
  readonly span: Span;
}

/** `circuit NAME(PARAMS) { STMTS }`. */
export interface CircuitDecl {
  readonly kind: "circuit";
  readonly name: Identifier;
  readonly params: readonly CircuitParam[];
  readonly body: readonly CircuitStmt[];
  readonly span: Span;
}

/** `gate NAME(PARAMS) QUBITS { STMTS }` — a user gate over single named qubits, inlined where applied. */
export interface GateDecl {
  readonly kind: "gate";
  readonly name: Identifier;
  readonly params: readonly CircuitParam[];
  readonly qubits: readonly Identifier[];
  readonly body: readonly CircuitStmt[];
  readonly span: Span;
}

/** `NAME: EXPR` inside an ansatz call, e.g. `p: 2`, `mixer: x`. */
export interface NamedArg {
  readonly kind: "named-arg";
  readonly name: Identifier;
  readonly value: Expr;
  readonly span: Span;
}

/** `circuit NAME = ANSATZ(PROBLEM, OPTIONS)`, e.g. `circuit q = qaoa(knapsack, p: 2, mixer: x)`. */
export interface AnsatzDecl {
  readonly kind: "ansatz";
  readonly name: Identifier;
  /** The ansatz family, e.g. `qaoa`. */
  readonly ansatz: Identifier;
  readonly problem: Identifier;
  readonly options: readonly NamedArg[];
  readonly span: Span;
}

export type CircuitStmt = QubitDecl | GateApply | ForStmt | MeasureStmt | ResetStmt | BarrierStmt;

/** `qubit q[n]` (a register) or `qubit a` (`size` absent: one qubit). */
export interface QubitDecl {
  readonly kind: "qubit-decl";
  readonly name: Identifier;
  readonly size?: Expr;
  readonly span: Span;
}

/** `q[i]` (one qubit) or `q` (a whole register, broadcast as in OpenQASM). */
export interface QubitRef {
  readonly kind: "qubit-ref";
  readonly register: Identifier;
  readonly index?: Expr;
  readonly span: Span;
}

/** `rz(theta[i]) q[i]`, `cx q[0], q[1]`: a built-in or user gate. */
export interface GateApply {
  readonly kind: "gate-apply";
  readonly gate: Identifier;
  readonly angles: readonly Expr[];
  readonly qubits: readonly QubitRef[];
  readonly span: Span;
}

/** `for i in lo..hi { STMTS }` (inclusive; an empty range runs zero times). */
export interface ForStmt {
  readonly kind: "for";
  readonly variable: Identifier;
  readonly lo: Expr;
  readonly hi: Expr;
  readonly body: readonly CircuitStmt[];
  readonly span: Span;
}

/** `measure q` / `measure q[0], q[2]`: qubit k is recorded in classical bit k. */
export interface MeasureStmt {
  readonly kind: "measure";
  readonly targets: readonly QubitRef[];
  readonly span: Span;
}

export interface ResetStmt {
  readonly kind: "reset";
  readonly targets: readonly QubitRef[];
  readonly span: Span;
}

/** `barrier` (every qubit when `targets` is empty) or `barrier q[0], q[1]`. */
export interface BarrierStmt {
  readonly kind: "barrier";
  readonly targets: readonly QubitRef[];
  readonly span: Span;
}

/** Every node kind, for generic walkers. */
export type Node =
  | Program
  | TopLevelItem
  | ProblemMember
  | TypeExpr
  | Domain
  | ConstraintWeight
  | Binder
  | Expr
  | CircuitParam
  | NamedArg
  | CircuitStmt
  | QubitRef
  | Identifier
  | Comment;

/** Exhaustiveness check for `switch (node.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`internal: unexpected node ${JSON.stringify((value as { kind?: unknown }).kind ?? value)}`);
}
