// The evaluation budget: a count of objective evaluations (computing the objective, or its exact
// change, for one candidate assignment), the unit of function-evaluation counts in heuristic
// benchmarks and what a quantum device spends too (every measured bitstring's energy). Solvers work
// out up front how many sweeps / steps / scans fit and spend per sweep, never per flip; the sampler
// contract checks afterwards that the count stayed within the budget.

export class EvaluationCounter {
  private used = 0;

  /** `limit` is Infinity for an unlimited run. */
  constructor(readonly limit: number) {}

  get spent(): number {
    return this.used;
  }

  /** Evaluations left (Infinity when unlimited). */
  get remaining(): number {
    return this.limit - this.used;
  }

  get limited(): boolean {
    return this.limit !== Infinity;
  }

  /** How many whole units of `cost` evaluations still fit (Infinity when unlimited). */
  fits(cost: number): number {
    if (!(cost > 0)) throw new Error(`internal: evaluation cost must be positive, got ${cost}`);
    return this.limited ? Math.floor(this.remaining / cost) : Infinity;
  }

  /** Records `count` evaluations; spending beyond the limit is a solver bug, not a user error. */
  spend(count: number): void {
    if (this.used + count > this.limit) throw new Error(`internal: ${this.used + count} evaluations spent, budget ${this.limit}`);
    this.used += count;
  }
}
