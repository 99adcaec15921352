// Results that commands keep in the session for later `plot` cells. Plain data: the session is
// snapshotted across the worker boundary (structured clone) and restored after an interrupt.

/** The last `solve P …`: its distinct samples and, for QAOA and VQE, the optimiser's trace. */
export interface SolveResult {
  readonly problem: string;
  readonly solver: string;
  readonly seed: number;
  readonly sense: "min" | "max";
  readonly samples: readonly { readonly bits: string; readonly energy: number; readonly objective: number; readonly feasible: boolean; readonly occurrences: number }[];
  /** [evaluation, best value so far] pairs of a variational solver; null for the others. */
  readonly trace: readonly (readonly [number, number])[] | null;
}

/** One run of a `bench`, shaped for the solver-comparison chart. */
export interface BenchRun {
  readonly instance: string;
  readonly solver: string;
  readonly seed: number;
  /** Best feasible objective; null when the run failed or found nothing feasible. */
  readonly objective: number | null;
  readonly elapsedMs: number | null;
}

export interface BenchResult {
  readonly name: string;
  readonly runs: readonly BenchRun[];
}
