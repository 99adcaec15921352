// What every feature selector returns: the chosen columns and where its time went.

export interface SelectionTiming {
  /** Computing relevance/redundancy scores (filters) or importances (embedded methods). */
  readonly scoringMs: number;
  /** Building the optimisation problem: DSL → QUBO (zero for methods without one). */
  readonly encodingMs: number;
  /** Searching: the solver, greedy loop, path or model fits that pick the subset. */
  readonly solvingMs: number;
}

export interface Selection {
  readonly method: string;
  /** Chosen feature indices, ascending. */
  readonly features: readonly number[];
  readonly timing: SelectionTiming;
  /** Method-specific facts (QUBO size, solver used and any fallback, path λ, …); plain JSON. */
  readonly info: Readonly<Record<string, string | number | boolean | null>>;
}

/** The k largest entries' indices (ties to the lower index), ascending. */
export function topK(values: readonly number[], k: number): number[] {
  return values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}
