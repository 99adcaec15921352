import { describe, expect, it } from "vitest";
import { baseRecord } from "../../src/bench/execute-run.js";
import type { RunRecord } from "../../src/bench/run-record.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";
import { wilsonInterval } from "../../src/bench/statistics.js";
import { successCurve } from "../../src/bench/success-curve.js";
import { compileVegaLite, successProbabilitySpec } from "../../src/viz/index.js";

const spec = parseSuiteSpec({
  name: "curve",
  seeds: [1, 2, 3, 4],
  budget: { reads: 100 },
  instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 8, degree: 3, seed: 1, bestKnown: 10 }],
  solvers: [{ solver: "tabu" }, { solver: "random" }],
});

/** A run of `solver` that first reached the target at read `readsToTarget` (null: never). */
function run(solver: number, seed: number, readsToTarget: number | null, status: RunRecord["status"] = "ok"): RunRecord {
  const base = baseRecord(spec, spec.solvers[solver]!, "g", seed);
  if (status !== "ok") return { ...base, status };
  const success = readsToTarget !== null;
  return { ...base, status, bestKnown: 10, success, readsToTarget, nReads: 100, solveMs: 50, timeToTargetMs: success ? readsToTarget / 2 : null };
}

const records = [run(0, 1, 1), run(0, 2, 5), run(0, 3, 5), run(0, 4, 40), run(1, 1, 60), run(1, 2, null), run(1, 3, null), run(1, 4, null, "failed")];

describe("successCurve", () => {
  it("steps at every arrival, counts failed runs as not reaching the target, and ends at the budget spent", () => {
    const points = successCurve(records);
    const of = (solver: string) => points.filter((p) => p.solver === solver).map((p) => [p.budget, p.successProbability]);
    expect(of("tabu")).toEqual([[1, 0.25], [5, 0.75], [40, 1], [60, 1], [100, 1]]);
    expect(of("random")).toEqual([[1, 0], [5, 0], [40, 0], [60, 0.25], [100, 0.25]]);
    for (const point of points) {
      expect(point.nRuns).toBe(4);
      const ci = wilsonInterval(Math.round(point.successProbability * 4), 4);
      expect([point.low, point.high]).toEqual([ci.low, ci.high]);
      expect(point.low).toBeLessThanOrEqual(point.successProbability);
      expect(point.high).toBeGreaterThanOrEqual(point.successProbability);
    }
  });

  it("uses solve time when asked, and refuses mixed instances without a choice", () => {
    const byTime = successCurve(records, { axis: "time" }).filter((p) => p.solver === "tabu");
    // The time axis starts at half the earliest arrival, where no run had arrived yet.
    expect(byTime.map((p) => [p.budget, p.successProbability])).toEqual([[0.25, 0], [0.5, 0.25], [2.5, 0.75], [20, 1], [30, 1], [50, 1]]);
    expect(byTime.at(-1)!.successProbability).toBe(1);
    const other = records.map((r) => ({ ...r, instance: "h" }));
    expect(() => successCurve([...records, ...other])).toThrow(/per instance/);
    expect(successCurve([...records, ...other], { instance: "h" })).toHaveLength(10);
    const late = records.map((r) => (r.readsToTarget === null ? r : { ...r, readsToTarget: r.readsToTarget + 2 }));
    expect(successCurve(late)[0]).toMatchObject({ solver: "tabu", budget: 1, successProbability: 0 });
    expect(() => successCurve(records.map((r) => ({ ...r, success: null, status: "ok" as const })))).toThrow(/no runs with a best known/);
  });

  it("stops a solver's curve at the largest budget its own runs spent", () => {
    const short = records.map((r) => (r.solver === "random" ? { ...r, nReads: 20 } : r));
    const random = successCurve(short).filter((p) => p.solver === "random");
    expect(random.map((p) => p.budget)).toEqual([1, 5, 20]);
  });

  it("draws objective evaluations for an evaluation budget, stepping at each run's evaluations to target, without solvers outside the budget", () => {
    const evalSpec = parseSuiteSpec({ ...spec, budget: { evaluations: 1000 }, allowUnequalBudget: true, solvers: [{ solver: "tabu" }, { solver: "random" }, { solver: "milp" }] });
    const counted = (solver: number, seed: number, toTarget: number | null, evaluations: number): RunRecord => ({
      ...baseRecord(evalSpec, evalSpec.solvers[solver]!, "g", seed),
      status: "ok",
      bestKnown: 10,
      success: toTarget !== null,
      readsToTarget: toTarget === null ? null : 1,
      evaluationsToTarget: toTarget,
      nReads: 3,
      evaluations,
      solveMs: 5,
    });
    const runs = [counted(0, 1, 120, 990), counted(0, 2, null, 995), counted(1, 1, 300, 1000), counted(1, 2, 700, 1000), counted(2, 1, 0, 0)];
    expect(runs[4]).toMatchObject({ budgetEvaluations: null, unequalBudget: true });
    // Every counted run had an evaluation budget: that is the default axis.
    const points = successCurve(runs);
    expect([...new Set(points.map((p) => p.solver))]).toEqual(["tabu", "random"]);
    const of = (solver: string) => points.filter((p) => p.solver === solver).map((p) => [p.budget, p.successProbability]);
    expect(of("tabu")).toEqual([[60, 0], [120, 0.5], [300, 0.5], [700, 0.5], [990, 0.5], [995, 0.5]]);
    expect(of("random")).toEqual([[60, 0], [120, 0], [300, 0.5], [700, 1], [990, 1], [995, 1], [1000, 1]]);
    // A record from before evaluationsToTarget existed charges a success all it spent.
    const older = runs.map(({ evaluationsToTarget: _, ...r }) => r as RunRecord);
    const olderTabu = successCurve(older).filter((p) => p.solver === "tabu");
    expect(olderTabu.map((p) => [p.budget, p.successProbability])).toEqual([[495, 0], [990, 0.5], [995, 0.5]]);
    expect(() => successCurve(records, { axis: "evaluations" })).toThrow(/no run on instance 'g' had a budget of objective evaluations/);
  });

  it("feeds a chart that compiles without warnings, with a step line and a band", async () => {
    const vl = successProbabilitySpec(successCurve(records), { budgetTitle: "Reads" });
    const compiled = await compileVegaLite(vl);
    expect(compiled.warnings).toEqual([]);
    const layers = vl["layer"] as { mark: { type: string; interpolate: string } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(["area", "line"]);
    expect(layers.every((l) => l.mark.interpolate === "step-after")).toBe(true);
  });
});
