// The bookkeeping every optimiser shares: it checks the start point and the options once, counts
// evaluations against the budget, keeps the best point seen (an optimiser's final iterate is not
// always its best evaluation: SPSA and Adam wander) and records the trace.
import type { Objective, OptimizeOptions, OptimizeResult, StopReason, TracePoint } from "./objective.js";

export class BudgetExhausted extends Error {
  constructor() {
    super("evaluation budget exhausted");
  }
}

export class Budget {
  readonly maxEvaluations: number;
  readonly tolerance: number;
  readonly dimension: number;
  nEvaluations = 0;
  nIterations = 0;
  bestValue = Infinity;
  readonly bestX: Float64Array;
  private readonly trace: TracePoint[] = [];
  private readonly values: number[] = [];

  constructor(
    readonly method: string,
    readonly objective: Objective,
    x0: ArrayLike<number>,
    options: OptimizeOptions,
    defaultTolerance: number,
  ) {
    if (objective === null || typeof objective !== "object" || typeof objective.value !== "function") {
      throw new TypeError(`${method} needs an objective with a value(x) method`);
    }
    const n = objective.dimension;
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`objective dimension must be a positive integer, got ${n}`);
    if (x0 === null || typeof x0 !== "object" || x0.length !== n) {
      throw new RangeError(`start point must have ${n} entries (the objective's dimension), got ${x0?.length}`);
    }
    for (let i = 0; i < n; i++) if (!Number.isFinite(x0[i])) throw new RangeError(`start point entry ${i} must be finite, got ${x0[i]}`);
    const maxEvaluations = options.maxEvaluations ?? 200 * n;
    if (!Number.isSafeInteger(maxEvaluations) || maxEvaluations < 1) {
      throw new RangeError(`maxEvaluations must be a positive integer, got ${maxEvaluations}`);
    }
    const tolerance = options.tolerance ?? defaultTolerance;
    if (!(tolerance > 0) || !Number.isFinite(tolerance)) throw new RangeError(`tolerance must be a positive finite number, got ${tolerance}`);
    this.maxEvaluations = maxEvaluations;
    this.tolerance = tolerance;
    this.dimension = n;
    this.bestX = Float64Array.from(x0);
  }

  get exhausted(): boolean {
    return this.nEvaluations >= this.maxEvaluations;
  }

  /** f(x), counted; throws BudgetExhausted when no evaluation is left. */
  value(x: Float64Array): number {
    this.spend();
    return this.record(x, this.objective.value(x));
  }

  /** f(x) and ∇f(x) into `gradient`, counted as one evaluation. */
  valueAndGradient(x: Float64Array, gradient: Float64Array): number {
    const f = this.objective.valueAndGradient;
    if (f === undefined) throw new TypeError(`${this.method} needs an objective with valueAndGradient(x, gradient)`);
    this.spend();
    const value = this.record(x, f.call(this.objective, x, gradient));
    for (let i = 0; i < gradient.length; i++) {
      if (!Number.isFinite(gradient[i])) throw new RangeError(`objective gradient entry ${i} must be finite, got ${gradient[i]}`);
    }
    return value;
  }

  /** Closes an iteration: one trace point with the best value so far. */
  endIteration(): void {
    this.nIterations++;
    this.trace.push({ evaluation: this.nEvaluations, best: this.bestValue });
  }

  result(stoppedBy: StopReason): OptimizeResult {
    if (this.nEvaluations === 0) throw new Error(`internal: ${this.method} stopped before evaluating the objective`);
    return {
      method: this.method,
      x: Float64Array.from(this.bestX),
      value: this.bestValue,
      nEvaluations: this.nEvaluations,
      nIterations: this.nIterations,
      stoppedBy,
      trace: this.trace,
      values: this.values,
    };
  }

  private spend(): void {
    if (this.nEvaluations >= this.maxEvaluations) throw new BudgetExhausted();
    this.nEvaluations++;
  }

  private record(x: Float64Array, value: number): number {
    if (Number.isNaN(value)) throw new RangeError(`objective returned NaN at evaluation ${this.nEvaluations}`);
    this.values.push(value);
    if (value < this.bestValue) {
      this.bestValue = value;
      this.bestX.set(x);
    }
    return value;
  }
}

/** Runs `body` until it returns a stop reason or the budget runs out. */
export function runWithBudget(budget: Budget, body: () => StopReason): OptimizeResult {
  let reason: StopReason;
  try {
    reason = body();
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
    reason = "max-evaluations";
  }
  return budget.result(reason);
}
