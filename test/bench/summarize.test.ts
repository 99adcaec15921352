import { describe, expect, it } from "vitest";
import { baseRecord } from "../../src/bench/execute-run.js";
import type { RunRecord } from "../../src/bench/run-record.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";
import { summarizeSuite } from "../../src/bench/summarize.js";

const spec = parseSuiteSpec({
  name: "s",
  seeds: [1, 2, 3, 4, 5, 6, 7, 8],
  budget: { reads: 10 },
  instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 8, degree: 3, seed: 1, bestKnown: 10 }],
  solvers: [{ solver: "tabu" }, { solver: "qaoa", label: "qaoa p=1", mode: "quantum" }, { solver: "greedy" }],
});

function run(solver: number, seed: number, objective: number | null, solveMs: number, status: RunRecord["status"] = "ok"): RunRecord {
  const base = baseRecord(spec, spec.solvers[solver]!, "g", seed);
  return { ...base, status, sense: "max", bestObjective: objective, bestKnown: 10, approximationRatio: objective === null ? null : objective / 10, success: objective === 10, solveMs, encodeMs: 1, decodeMs: 1, loadMs: 2 };
}

describe("summarizeSuite", () => {
  const records = spec.seeds.flatMap((seed) => [
    run(0, seed, 10, 5),
    run(1, seed, seed === 1 ? 10 : 7, 50),
    seed === 1 ? run(2, seed, null, 0, "failed") : run(2, seed, 10, 1),
  ]);
  const summary = summarizeSuite(spec, records);
  const row = (solver: string) => summary.rows.find((r) => r.solver === solver)!;

  it("computes medians, success probability and TTS(99%) per solver", () => {
    expect(row("tabu")).toMatchObject({ median: 10, iqr: 0, successProbability: 1, ttsMs: 5, ttsReached: true, rank: 1 });
    expect(row("qaoa p=1").median).toBe(7);
    expect(row("qaoa p=1").successProbability).toBe(0.125);
    expect(row("qaoa p=1").ttsMs).toBeCloseTo((50 * Math.log(0.01)) / Math.log(0.875), 9);
  });

  it("counts a failed run as the worst result, not as a missing one", () => {
    expect(row("greedy")).toMatchObject({ nFailed: 1, median: 10, successProbability: 7 / 8 });
    expect(row("greedy").q1).toBe(10);
  });

  it("compares a quantum solver with the best classical one and says it loses, with a CI", () => {
    const qaoa = row("qaoa p=1");
    expect(qaoa.reference).toBe("tabu");
    expect(qaoa.delta).toBe(-3);
    expect(qaoa.deltaCiHigh!).toBeLessThan(0);
    expect(qaoa.verdict).toMatch(/^g: qaoa p=1 is worse than tabu at equal budget: Δ median objective = -3/);
    expect(qaoa.addedTimeMs).toBe(45);
  });

  it("says 'ties with' when every resample agrees on a zero difference", () => {
    expect(row("greedy").verdict).toMatch(/greedy (ties with|is not distinguishable from) tabu/);
  });

  it("gives the same intervals for the same records (seeded bootstrap)", () => {
    expect(summarizeSuite(spec, records)).toEqual(summary);
  });
});

describe("suiteReportHtml", () => {
  it("builds an offline report with the verdicts, the summary table and embedded charts", async () => {
    const { suiteReportHtml } = await import("../../src/bench/suite-report.js");
    const records = spec.seeds.flatMap((seed) => [run(0, seed, 10, 5 + seed), run(1, seed, seed === 1 ? 10 : 7, 50 + seed), run(2, seed, 9, 1 + seed)]);
    const html = await suiteReportHtml(spec, records, summarizeSuite(spec, records));
    expect(html).toMatch(/qaoa p=1 is worse than tabu at equal budget/);
    expect(html).toMatch(/<table/);
    expect((html.match(/<img src="data:image\/svg\+xml;base64,/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).not.toMatch(/NaN/);
  }, 120_000);
});

describe("ranking ties", () => {
  const tie = parseSuiteSpec({
    name: "tie",
    seeds: [1, 2, 3],
    budget: { reads: 10 },
    instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 8, degree: 3, seed: 1, bestKnown: 10 }],
    solvers: [{ solver: "sa" }, { solver: "tabu" }, { solver: "random" }],
  });
  const hit = (solver: number, seed: number, readsToTarget: number, solveMs: number): RunRecord => ({
    ...baseRecord(tie, tie.solvers[solver]!, "g", seed),
    status: "ok", sense: "max", bestObjective: 10, bestKnown: 10, success: true, readsToTarget, nReads: 10, solveMs, timeToTargetMs: solveMs / 2,
  });

  it("are broken by fewer reads to the target, then by the spec's order, never by time", () => {
    for (const [saMs, tabuMs] of [[1, 100], [100, 1]]) {
      const records = tie.seeds.flatMap((seed) => [hit(0, seed, 4, saMs), hit(1, seed, 2, tabuMs), hit(2, seed, 2, 5)]);
      const summary = summarizeSuite(tie, records);
      const row = (solver: string) => summary.rows.find((r) => r.solver === solver)!;
      expect(row("tabu").medianReadsToTarget).toBe(2);
      expect(row("sa").medianReadsToTarget).toBe(4);
      // tabu and random tie on reads as well: the spec lists tabu first, so it is the reference.
      expect(row("sa").reference).toBe("tabu");
      expect(row("random").reference).toBe("tabu");
      expect(row("tabu").reference).toBeNull();
    }
  });
});
