// Symbol tables produced by the checker: one per problem, circuit and gate, holding every declared
// name with its resolved type, dimensions and (for problems) the polynomial degree of each expression.
// Data binding, grounding and circuit lowering read these instead of re-deriving them from the AST.
import type {
  AnsatzDecl,
  CircuitDecl,
  CircuitParam,
  ConstraintDecl,
  Domain,
  Expr,
  GateDecl,
  LetDecl,
  ObjectiveDecl,
  ParamDecl,
  ProblemDecl,
  QubitDecl,
  ScalarTypeName,
  Sense,
  VarDecl,
} from "./ast.js";

/**
 * The type of a scalar expression. A decision variable is an `int` (binary, spin and bounded-int
 * domains all take integer values) whose degree is 1; `qubit` is never a number.
 */
export type ValueType = "int" | "real" | "bool" | "angle" | "qubit";

/** A resolved parameter type: a scalar, an array of scalars with dimension expressions, or a tuple list. */
export type ParamShape =
  | { readonly kind: "scalar"; readonly element: ScalarTypeName }
  | { readonly kind: "array"; readonly element: ScalarTypeName; readonly dims: readonly Expr[] }
  | { readonly kind: "tuple-list"; readonly fields: readonly ScalarTypeName[] };

export interface ParamSymbol {
  readonly kind: "param";
  readonly name: string;
  readonly shape: ParamShape;
  readonly hasDefault: boolean;
  readonly decl: ParamDecl;
}

export interface VarSymbol {
  readonly kind: "var";
  readonly name: string;
  readonly domain: Domain;
  /** Dimension expressions (params only), outermost first; empty for a single variable. */
  readonly dims: readonly Expr[];
  readonly decl: VarDecl;
}

export interface LetSymbol {
  readonly kind: "let";
  readonly name: string;
  /** `int`, `real` or `bool` (a comparison of params). */
  readonly type: ValueType;
  /** Polynomial degree in the decision variables (0 when it involves none). */
  readonly degree: number;
  readonly decl: LetDecl;
}

export type ProblemSymbol = ParamSymbol | VarSymbol | LetSymbol;

export interface ObjectiveInfo {
  readonly sense: Sense;
  readonly degree: number;
  readonly decl: ObjectiveDecl;
}

export interface ConstraintInfo {
  readonly name: string;
  /** Degree of `left − right` in the decision variables. */
  readonly degree: number;
  readonly decl: ConstraintDecl;
}

export interface ProblemSymbols {
  readonly kind: "problem";
  readonly name: string;
  /** Every param, var and let by name, in declaration order. */
  readonly symbols: ReadonlyMap<string, ProblemSymbol>;
  readonly params: readonly ParamSymbol[];
  readonly vars: readonly VarSymbol[];
  readonly lets: readonly LetSymbol[];
  readonly objective?: ObjectiveInfo;
  readonly constraints: readonly ConstraintInfo[];
  /** The highest degree among objective, lets and constraints (after `x*x → x` for binaries). */
  readonly maxDegree: number;
  readonly decl: ProblemDecl;
}

export interface CircuitParamSymbol {
  readonly kind: "circuit-param";
  readonly name: string;
  /** `int` parameters are sizes fixed at build time; `angle`/`real` ones stay symbolic. */
  readonly element: "int" | "angle" | "real";
  readonly dims: readonly Expr[];
  readonly decl: CircuitParam;
}

export interface QubitRegisterSymbol {
  readonly kind: "qubit-register";
  readonly name: string;
  /** Absent for a single `qubit a` (or a gate's qubit argument). */
  readonly size?: Expr;
  readonly decl: QubitDecl | GateDecl;
}

export interface CircuitSymbols {
  readonly kind: "circuit";
  readonly name: string;
  readonly params: readonly CircuitParamSymbol[];
  readonly registers: readonly QubitRegisterSymbol[];
  readonly decl: CircuitDecl;
}

export interface GateSymbols {
  readonly kind: "gate";
  readonly name: string;
  readonly params: readonly CircuitParamSymbol[];
  /** The gate's qubit arguments, in order. */
  readonly qubits: readonly string[];
  readonly decl: GateDecl;
}

export interface AnsatzSymbols {
  readonly kind: "ansatz";
  readonly name: string;
  readonly ansatz: string;
  readonly problem: string;
  readonly decl: AnsatzDecl;
}

/** Everything the checker resolved, by top-level name. */
export interface ProgramSymbols {
  readonly problems: ReadonlyMap<string, ProblemSymbols>;
  readonly circuits: ReadonlyMap<string, CircuitSymbols>;
  readonly gates: ReadonlyMap<string, GateSymbols>;
  readonly ansatzes: ReadonlyMap<string, AnsatzSymbols>;
}
