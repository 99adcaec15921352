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

  /** Whether one more read of at least one step fits in what is left. */
  fitsRead(cost: ReadCost): boolean {
    return this.remaining >= cost.perRead + cost.perStep;
  }

  /** Records `count` evaluations; spending beyond the limit is a solver bug, not a user error. */
  spend(count: number): void {
    if (this.used + count > this.limit) throw new Error(`internal: ${this.used + count} evaluations spent, budget ${this.limit}`);
    this.used += count;
  }
}

export interface ReadPlan {
  /** Reads to run (Infinity: restart until a budget is spent). */
  readonly reads: number;
  /** Sweeps / steps / iterations per read. */
  readonly length: number;
}

export interface ReadCost {
  /** Evaluations every read spends before its first step (a random start's full evaluation). */
  readonly perRead: number;
  /** Evaluations one step (sweep, iteration) spends. */
  readonly perStep: number;
}

/**
 * The sizing rule of solvers whose work is a length per read. A length the user set, or no budget,
 * keep `length` (the budget then only caps the run); unbounded reads keep it too, shortened to what
 * one read can spend when the budget is smaller; otherwise each of the R reads gets
 * ⌊(E − R·perRead) / (R·perStep)⌋ steps, and when not even one step per read fits, fewer reads of
 * one step run. A budget below one read of one step is a RangeError.
 */
export function planReads(solver: string, counter: EvaluationCounter, reads: number, cost: ReadCost, length: number, userSetLength: boolean): ReadPlan {
  if (!counter.limited) return { reads, length };
  requireOneStep(solver, counter, cost);
  const minimum = cost.perRead + cost.perStep;
  if (userSetLength) return { reads, length };
  // Restarting until the budget is spent: reads of the default length, but never a first read the
  // budget could not finish (an annealing schedule cut while still hot returns a poor sample).
  if (reads === Infinity) return { reads, length: Math.min(length, Math.floor((counter.limit - cost.perRead) / cost.perStep)) };
  const sized = Math.floor((counter.limit - reads * cost.perRead) / (reads * cost.perStep));
  if (sized >= 1) return { reads, length: sized };
  return { reads: Math.floor(counter.limit / minimum), length: 1 };
}

/** Refuses a budget that cannot pay for one read of one step, with a RangeError naming the numbers. */
export function requireOneStep(solver: string, counter: EvaluationCounter, cost: ReadCost): void {
  const minimum = cost.perRead + cost.perStep;
  if (counter.limit < minimum) {
    throw new RangeError(
      `${solver}: evaluationBudget ${counter.limit} is below one read of one step (${cost.perRead} + ${cost.perStep} = ${minimum} objective evaluations)`,
    );
  }
}
