// Penalty calibration: solve the compiled model at several penalty scales and report, per scale,
// how often the samples are feasible and the best feasible objective. Too small a scale gives
// infeasible optima; too large a scale flattens the objective's landscape for heuristic solvers —
// the sweep shows where a given solver works best. The solver is passed in, so this module does
// not depend on any particular one.
import type { CompiledModel } from "./compiled-model.js";
import type { Qubo } from "./qubo.js";

/** Returns samples (full bit vectors) for a QUBO; `scale` is given for seeding or logging. */
export type QuboSampler = (qubo: Qubo, scale: number) => readonly ArrayLike<number>[] | Promise<readonly ArrayLike<number>[]>;

export interface CalibrationPoint {
  readonly scale: number;
  readonly nSamples: number;
  /** Fraction of samples that satisfy every hard constraint and encoding rule. */
  readonly feasibleRate: number;
  /** Best objective among feasible samples, in the user's sense; undefined if none. */
  readonly bestFeasibleObjective: number | undefined;
  /** Lowest energy among all samples (at this scale). */
  readonly bestEnergy: number | undefined;
}

export const DEFAULT_SCALES: readonly number[] = [0.125, 0.25, 0.5, 1, 2, 4];

export async function calibratePenalties(
  compiled: CompiledModel,
  sampler: QuboSampler,
  scales: readonly number[] = DEFAULT_SCALES,
): Promise<CalibrationPoint[]> {
  if (scales.length === 0 || scales.some((s) => !Number.isFinite(s) || s <= 0)) {
    throw new RangeError(`scales must be a non-empty list of positive numbers, got [${scales.join(", ")}]`);
  }
  const maximise = compiled.data.sense === "maximize";
  const original = compiled.penaltyScale;
  const points: CalibrationPoint[] = [];
  try {
    for (const scale of scales) {
      compiled.setPenaltyScale(scale);
      const samples = await sampler(compiled.qubo(), scale);
      let nFeasible = 0;
      let best: number | undefined;
      let bestEnergy: number | undefined;
      for (const bits of samples) {
        const decoded = compiled.decode(bits);
        if (bestEnergy === undefined || decoded.energy < bestEnergy) bestEnergy = decoded.energy;
        if (!decoded.feasible) continue;
        nFeasible++;
        if (best === undefined || (maximise ? decoded.objective > best : decoded.objective < best)) best = decoded.objective;
      }
      points.push({
        scale,
        nSamples: samples.length,
        feasibleRate: samples.length === 0 ? 0 : nFeasible / samples.length,
        bestFeasibleObjective: best,
        bestEnergy,
      });
    }
  } finally {
    compiled.setPenaltyScale(original);
  }
  return points;
}
