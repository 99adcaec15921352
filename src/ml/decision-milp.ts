// The exact reference of the decision stage: the model's own MILP (linear objective, budget, quota,
// conflict and assignment rows; no penalties, no slack bits — compile/lp.ts) solved by HiGHS with
// the MIP gap at 0. Much smaller than the linearised QUBO the generic `milp` sampler solves, so it
// proves optimality on instances of realistic size (hundreds of items) in well under a second.
import { modelToLp } from "../compile/lp.js";
import type { Model } from "../model/model.js";
import { loadHighs } from "../solve/milp.js";

export interface NativeMilpResult {
  /** 0/1 value of each model variable, in model order; undefined when HiGHS found no solution in time. */
  readonly bits: Uint8Array | undefined;
  /** Proven optimal (gap 0). */
  readonly optimal: boolean;
  /** HiGHS status, e.g. "Optimal", "Time limit reached". */
  readonly status: string;
}

export async function solveNativeMilp(model: Model, timeLimitMs?: number): Promise<NativeMilpResult> {
  const lp = modelToLp(model);
  const highs = await loadHighs();
  const options: Record<string, string | number | boolean> = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 };
  if (timeLimitMs !== undefined) options.time_limit = Math.max(timeLimitMs, 1) / 1000;
  const result = highs.solve(lp.text, options);
  if (!["Optimal", "Time limit reached"].includes(result.Status)) {
    throw new Error(`HiGHS ended with status '${result.Status}'`);
  }
  // Stopped before any incumbent: HiGHS reports a null objective (and zeros as primal values).
  if (typeof result.ObjectiveValue !== "number" || !Number.isFinite(result.ObjectiveValue)) return { bits: undefined, optimal: false, status: result.Status };
  const bits = new Uint8Array(lp.columns.length);
  for (let i = 0; i < lp.columns.length; i++) {
    const primal = result.Columns[lp.columns[i]]?.Primal;
    if (primal === undefined || !Number.isFinite(primal)) return { bits: undefined, optimal: false, status: result.Status };
    bits[i] = primal > 0.5 ? 1 : 0;
  }
  return { bits, optimal: result.Status === "Optimal", status: result.Status };
}
