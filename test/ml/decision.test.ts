import { describe, expect, it } from "vitest";
import { type DecisionInstance, greedyAssignment, greedyDecision, randomAssignmentDecision, randomSubsetDecision, runDecision } from "../../src/ml/index.js";
import { createRng } from "../../src/util/rng.js";

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
    await expect(runDecision(instance, { solvers: ["no-such-solver"] })).rejects.toThrow(/registered solver name or 'rule-greedy', got 'no-such-solver'/);
  });

  it("rejects an instance whose shapes do not match, naming the problem", async () => {
    await expect(runDecision({ ...instance, cost: [1, 2] })).rejects.toThrow(/decision instance is invalid: .*cost/);
  });
});

describe("assignment of items to slots", () => {
  const assignment = { score: [[5, 1, 2], [4, 4, 1], [1, 3, 6], [2, 2, 2]] };

  it("MILP, exact and tabu reach the enumerated optimum; greedy fills every slot once", async () => {
    let best = -Infinity;
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 4; c++) {
      if (new Set([a, b, c]).size === 3) best = Math.max(best, assignment.score[a][0] + assignment.score[b][1] + assignment.score[c][2]);
    }
    const records = await runDecision(assignment, { solvers: ["milp", "exact", "tabu", "rule-greedy"], seed: 1 });
    for (const r of records.slice(0, 3)) {
      expect(r.value).toBe(best);
      expect(r.fallback).toBeNull();
      expect(new Set(r.chosen).size).toBe(3);
    }
    expect(records[3].chosen).toEqual(greedyAssignment(assignment));
    expect(records[3].chosen).toEqual([0, 1, 2]);
    expect(records[3].gap).toBe(0);
  });

  it("refuses fewer items than slots", async () => {
    await expect(runDecision({ score: [[1, 2, 3]] })).rejects.toThrow(/at least as many items as slots/);
  });
});

describe("seeded decision instances", () => {
  it("the same seed gives the same instance, and the MILP optimum is at least the greedy decision", async () => {
    const a = randomSubsetDecision({ nItems: 30, rng: createRng(2) });
    expect(randomSubsetDecision({ nItems: 30, rng: createRng(2) })).toEqual(a);
    expect(randomSubsetDecision({ nItems: 30, rng: createRng(3) })).not.toEqual(a);
    const [milp, greedy] = await runDecision(a, { solvers: ["milp", "rule-greedy"] });
    expect(feasible(a, milp.chosen)).toBe(true);
    expect(milp.value).toBeGreaterThanOrEqual(greedy.value);
    const slots = randomAssignmentDecision({ nItems: 6, nSlots: 4, rng: createRng(2) });
    expect(slots.score).toHaveLength(6);
    expect(slots.score.every((row) => row.length === 4 && row.every(Number.isFinite))).toBe(true);
  });
});
