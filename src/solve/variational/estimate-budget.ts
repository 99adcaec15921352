// The evaluation budget of a variational loop. A device estimates ⟨C⟩ from shots, and every shot's
// bitstring must be evaluated: one energy estimate costs `estimateShots` objective evaluations. The
// statevector computes ⟨C⟩ exactly instead, an idealisation that favours the quantum path. A
// value-with-gradient costs GRADIENT_ESTIMATES estimates (the adjoint gradient's measured price in
// energy evaluations; parameter shift on a device would pay 2 per angle). The final `reads` shots
// cost one evaluation each.
import type { EvaluationCounter } from "../evaluations.js";
import { type OptimizerName, usesGradient } from "../optimize/minimize.js";

/** Energy estimates one value-with-gradient costs (docs/variational.md, "Gradients"). */
export const GRADIENT_ESTIMATES = 5;

/** Objective evaluations one call of the optimiser's objective costs. */
export function evaluationsPerCall(optimizer: OptimizerName, estimateShots: number): number {
  return estimateShots * (usesGradient(optimizer) ? GRADIENT_ESTIMATES : 1);
}

/**
 * The optimiser calls a budget of E leaves after the final shots: ⌊(E − reads) / perCall⌋, at most
 * the loop's own `maxEvaluations`. A RangeError names the numbers when not even one call fits.
 */
export function optimizerCalls(solver: string, counter: EvaluationCounter, reads: number, perCall: number, maxEvaluations: number): number {
  if (!counter.limited) return maxEvaluations;
  const calls = Math.floor((counter.limit - reads) / perCall);
  if (calls < 1) {
    throw new RangeError(
      `${solver}: evaluationBudget ${counter.limit} leaves no energy estimate after ${reads} final shots ` +
        `(one optimiser call costs ${perCall} evaluations); raise the budget or lower reads or estimateShots`,
    );
  }
  return Math.min(calls, maxEvaluations);
}

/** Spends what the loop used: its optimiser calls and the final shots. */
export function spendLoop(counter: EvaluationCounter, calls: number, perCall: number, reads: number): void {
  counter.spend(calls * perCall + reads);
}

export const ESTIMATE_SHOTS_SPEC = { kind: "integer", min: 1, max: 1e9, default: 1000 } as const;
