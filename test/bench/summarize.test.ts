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
