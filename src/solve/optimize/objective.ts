// What every optimiser minimises and what it returns. An objective gives f(x), and optionally
// f(x) together with ∇f(x) (the variational loops supply adjoint gradients here). Every optimiser
// runs under an evaluation budget and records a convergence trace: the best value so far after each
// iteration, and every evaluated value, so that charts can show either.

export interface Objective {
  /** Number of parameters. */
  readonly dimension: number;
  /** f(x); x must not be kept (optimisers reuse the buffer). */
  value(x: Float64Array): number;
  /** f(x), writing ∇f(x) into `gradient`; required by Adam and L-BFGS. */
  valueAndGradient?(x: Float64Array, gradient: Float64Array): number;
}

export interface OptimizeOptions {
  /** Budget of objective evaluations (a value-and-gradient call counts as one); default 200·dimension. */
  readonly maxEvaluations?: number;
  /** Convergence tolerance (meaning per method: simplex spread, trust radius, gradient norm). */
  readonly tolerance?: number;
}

export type StopReason = "converged" | "max-evaluations" | "stalled";

export interface TracePoint {
  /** Evaluations spent when the point was recorded. */
  readonly evaluation: number;
  /** Best value found so far. */
  readonly best: number;
}

export interface OptimizeResult {
  readonly method: string;
  /** The best point found and its value. */
  readonly x: Float64Array;
  readonly value: number;
  readonly nEvaluations: number;
  readonly nIterations: number;
  readonly stoppedBy: StopReason;
  /** Best value after each iteration (one point per iteration). */
  readonly trace: readonly TracePoint[];
  /** Every evaluated value, in order. */
  readonly values: readonly number[];
}
