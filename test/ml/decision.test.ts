import { describe, expect, it } from "vitest";
import { type DecisionInstance, greedyDecision, runDecision } from "../../src/ml/index.js";

const instance: DecisionInstance = {
  value: [5, 4, 3, 3, 2, 6],
  cost: [3, 2, 2, 2, 1, 4],
  budget: 7,
  category: [0, 0, 1, 1, 1, 0],
  quota: [2, 2],
  conflicts: [[0, 5], [1, 2]],
};

/** Best feasible value by enumeration. */
function optimum(inst: DecisionInstance): number {
  const n = inst.value.length;
  let best = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const chosen = Array.from({ length: n }, (_, i) => i).filter((i) => (mask >> i) & 1);
    if (!feasible(inst, chosen)) continue;
    best = Math.max(best, chosen.reduce((t, i) => t + inst.value[i], 0));
  }
  return best;
}

function feasible(inst: DecisionInstance, chosen: readonly number[]): boolean {
  const set = new Set(chosen);
  if (chosen.reduce((t, i) => t + inst.cost[i], 0) > inst.budget) return false;
  for (let c = 0; c < inst.quota.length; c++) if (chosen.filter((i) => inst.category[i] === c).length > inst.quota[c]) return false;
  return inst.conflicts.every(([a, b]) => !(set.has(a) && set.has(b)));
}

describe("decision support", () => {
  it("MILP and exact reach the enumerated optimum; every decision returned is feasible; gaps are against MILP", async () => {
    const records = await runDecision(instance, { solvers: ["milp", "exact", "tabu"] });
    const best = optimum(instance);
    expect(records[0].value).toBe(best);
    expect(records[1].value).toBe(best);
    for (const r of records) {
      expect(feasible(instance, r.chosen)).toBe(true);
      expect(r.gap).toBeCloseTo((best - r.value) / best, 12);
    }
  });

  it("greedy respects budget, quotas and conflicts", () => {
    expect(feasible(instance, greedyDecision(instance))).toBe(true);
  });

  it("refuses an unknown solver name up front", async () => {
    await expect(runDecision(instance, { solvers: ["no-such-solver"] })).rejects.toThrow(/registered solver name, got 'no-such-solver'/);
  });

  it("rejects an instance whose shapes do not match, naming the problem", async () => {
    await expect(runDecision({ ...instance, cost: [1, 2] })).rejects.toThrow(/decision instance is invalid: .*cost/);
  });
});
