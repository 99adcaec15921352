// The grounded model and the TypeScript modelling API that builds it. The DSL grounder produces
// the same object, so everything downstream (encodings, penalties, QUBO/LP, decoding) serves both.
//
//   const m = new Model("knapsack");
//   const x = m.binary("x", [n]);
//   m.maximize(sum(range(0, n - 1), (i) => x.at(i).times(value[i])));
//   m.constraint("cap", sum(range(0, n - 1), (i) => x.at(i).times(weight[i])), "<=", capacity);
//
// Every part is stored normalised (a SparsePoly over the flat variables) and separately: each
// objective term, each constraint instance, each let — which is what lets the compiler re-weight
// penalties without re-grounding and explain every coefficient.
import type { Span } from "../lang/diagnostic.js";
import { type ExprLike, toExpr } from "./expr.js";
import { normalize, polyDegree, Reduction, type SparsePoly, MAX_VARIABLES } from "./sparse-poly.js";
import {
  type Domain,
  elementName,
  INT_ENCODINGS,
  type IntEncoding,
  type ModelVariable,
  VarArray,
  type VariableFamily,
} from "./variables.js";

export type ObjectiveSense = "minimize" | "maximize";
export type ConstraintOp = "==" | "<=" | ">=";

/** How a violated constraint is charged. `auto` derives a weight that provably suffices. */
export type PenaltySpec =
  | { readonly kind: "auto" }
  | { readonly kind: "fixed"; readonly weight: number }
  | { readonly kind: "soft"; readonly weight: number };

/** Inequalities: slack bits (exact) or the slack-free unbalanced penalisation (heuristic). */
export type InequalityMethod =
  | { readonly kind: "slack" }
  | { readonly kind: "unbalanced"; readonly lambda1: number; readonly lambda2: number };

export interface ObjectiveTerm {
  readonly poly: SparsePoly;
  readonly label: string;
  readonly span?: Span;
}

export interface ModelConstraint {
  /** Instance name, e.g. `row[3]`; equals `family` for a scalar constraint. */
  readonly name: string;
  readonly family: string;
  readonly index: readonly number[];
  /** The constraint reads `body OP 0` with body = lhs − rhs. */
  readonly body: SparsePoly;
  readonly op: ConstraintOp;
  readonly penalty: PenaltySpec;
  readonly method: InequalityMethod;
  readonly span?: Span;
}

export interface ModelLet {
  readonly name: string;
  readonly poly: SparsePoly;
  readonly span?: Span;
}

export interface ConstraintOptions {
  /** Position in an indexed family: the instance is named `name[i][j]`. */
  readonly index?: readonly number[];
  /** A number (fixed weight), `"auto"` (default), or `{ soft: W }`. */
  readonly penalty?: number | "auto" | { readonly soft: number };
  /** Inequalities only; default `"slack"`. */
  readonly method?: "slack" | "unbalanced" | { readonly unbalanced: { readonly lambda1: number; readonly lambda2: number } };
  readonly span?: Span;
}

/** Defaults from Montañez-Barrera et al. (2022), tuned there on knapsack instances. */
export const UNBALANCED_DEFAULT = { lambda1: 0.96, lambda2: 0.0371 } as const;

export class Model {
  readonly variables: ModelVariable[] = [];
  readonly families: VariableFamily[] = [];
  readonly objective: ObjectiveTerm[] = [];
  readonly constraints: ModelConstraint[] = [];
  readonly lets: ModelLet[] = [];
  sense: ObjectiveSense = "minimize";
  private readonly reductionList: Reduction[] = [];
  private readonly names = new Set<string>();
  private readonly constraintNames = new Set<string>();

  constructor(readonly name = "model") {}

  binary(name: string, shape: readonly number[] = [], span?: Span): VarArray {
    return this.declare(name, { kind: "binary" }, shape, span);
  }

  spin(name: string, shape: readonly number[] = [], span?: Span): VarArray {
    return this.declare(name, { kind: "spin" }, shape, span);
  }

  int(name: string, lo: number, hi: number, shape: readonly number[] = [], options: { encoding?: IntEncoding; span?: Span } = {}): VarArray {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      throw new RangeError(`int variable ${name} needs integer bounds lo <= hi, got ${lo}..${hi}`);
    }
    const encoding = options.encoding ?? "binary";
    if (!INT_ENCODINGS.includes(encoding)) {
      throw new RangeError(`encoding of ${name} must be one of ${INT_ENCODINGS.join(", ")}, got ${String(encoding)}`);
    }
    return this.declare(name, { kind: "int", lo, hi, encoding }, shape, options.span);
  }

  /** Replaces the objective; an array gives separately reported terms (provenance). */
  minimize(objective: ExprLike | readonly ObjectiveInput[], span?: Span): void {
    this.setObjective("minimize", objective, span);
  }

  maximize(objective: ExprLike | readonly ObjectiveInput[], span?: Span): void {
    this.setObjective("maximize", objective, span);
  }

  constraint(name: string, lhs: ExprLike, op: ConstraintOp, rhs: ExprLike, options: ConstraintOptions = {}): ModelConstraint {
    if (op !== "==" && op !== "<=" && op !== ">=") throw new RangeError(`constraint operator must be ==, <= or >=, got ${String(op)}`);
    const index = options.index ?? [];
    const instance = elementName(name, index);
    if (this.constraintNames.has(instance)) throw new RangeError(`constraint ${instance} is already defined`);
    const body = normalize(toExpr(lhs).minus(toExpr(rhs)), this.reductionList);
    if (op !== "==" && polyDegree(body) > 1) {
      throw new RangeError(`inequality constraint ${instance} must be linear in the variables, got degree ${polyDegree(body)}`);
    }
    const constraint: ModelConstraint = {
      name: instance,
      family: name,
      index,
      body,
      op,
      penalty: penaltySpec(instance, options.penalty),
      method: inequalityMethod(instance, options.method),
      span: options.span,
    };
    this.constraintNames.add(instance);
    this.constraints.push(constraint);
    return constraint;
  }

  let(name: string, expr: ExprLike, span?: Span): SparsePoly {
    if (this.lets.some((l) => l.name === name)) throw new RangeError(`let ${name} is already defined`);
    const poly = normalize(expr, this.reductionList);
    this.lets.push({ name, poly, span });
    return poly;
  }

  /** Per-variable simplification rule, indexed like `variables`. */
  get reductions(): readonly Reduction[] {
    return this.reductionList;
  }

  family(name: string): VarArray {
    const family = this.families.find((f) => f.name === name);
    if (!family) throw new RangeError(`no variable family named ${name}`);
    return new VarArray(family);
  }

  private declare(name: string, domain: Domain, shape: readonly number[], span?: Span): VarArray {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`variable name must be an identifier, got '${name}'`);
    if (this.names.has(name)) throw new RangeError(`variable ${name} is already declared`);
    for (const size of shape) {
      if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`shape of ${name} must hold non-negative integers, got [${shape.join(", ")}]`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (this.variables.length + size > MAX_VARIABLES) throw new RangeError(`a model holds at most ${MAX_VARIABLES} variables`);
    const family: VariableFamily = { name, shape: [...shape], domain, first: this.variables.length, span };
    const reduction = domain.kind === "binary" ? Reduction.Idempotent : domain.kind === "spin" ? Reduction.Involutory : Reduction.None;
    const index = new Array<number>(shape.length).fill(0);
    for (let k = 0; k < size; k++) {
      this.variables.push({ name: elementName(name, index), domain, family: name, index: [...index] });
      this.reductionList.push(reduction);
      for (let d = shape.length - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) break;
        index[d] = 0;
      }
    }
    this.names.add(name);
    this.families.push(family);
    return new VarArray(family);
  }

  private setObjective(sense: ObjectiveSense, objective: ExprLike | readonly ObjectiveInput[], span?: Span): void {
    this.sense = sense;
    this.objective.length = 0;
    const parts: readonly ObjectiveInput[] = Array.isArray(objective)
      ? objective
      : [{ expr: objective as ExprLike, label: "objective", span }];
    for (const part of parts) {
      this.objective.push({ poly: normalize(part.expr, this.reductionList), label: part.label ?? "objective", span: part.span });
    }
  }
}

export interface ObjectiveInput {
  readonly expr: ExprLike;
  readonly label?: string;
  readonly span?: Span;
}

function penaltySpec(name: string, penalty: ConstraintOptions["penalty"]): PenaltySpec {
  if (penalty === undefined || penalty === "auto") return { kind: "auto" };
  if (typeof penalty === "number") {
    if (!Number.isFinite(penalty) || penalty <= 0) throw new RangeError(`penalty of ${name} must be a positive finite number, got ${penalty}`);
    return { kind: "fixed", weight: penalty };
  }
  if (typeof penalty === "object" && penalty !== null && typeof penalty.soft === "number") {
    if (!Number.isFinite(penalty.soft) || penalty.soft < 0) throw new RangeError(`soft weight of ${name} must be a non-negative finite number, got ${penalty.soft}`);
    return { kind: "soft", weight: penalty.soft };
  }
  throw new TypeError(`penalty of ${name} must be a number, "auto" or { soft: W }`);
}

function inequalityMethod(name: string, method: ConstraintOptions["method"]): InequalityMethod {
  if (method === undefined || method === "slack") return { kind: "slack" };
  if (method === "unbalanced") return { kind: "unbalanced", ...UNBALANCED_DEFAULT };
  if (typeof method === "object" && method !== null && "unbalanced" in method) {
    const { lambda1, lambda2 } = method.unbalanced;
    if (!(lambda1 >= 0) || !(lambda2 > 0) || !Number.isFinite(lambda1) || !Number.isFinite(lambda2)) {
      throw new RangeError(`unbalanced penalisation of ${name} needs lambda1 >= 0 and lambda2 > 0, got ${lambda1}, ${lambda2}`);
    }
    return { kind: "unbalanced", lambda1, lambda2 };
  }
  throw new TypeError(`method of ${name} must be "slack", "unbalanced" or { unbalanced: { lambda1, lambda2 } }`);
}
