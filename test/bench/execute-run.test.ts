// One run in this thread (no worker pool): the record's time to target comes from the first read
// that reached the best known, not from the whole solve.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { executeRun, samplerBudget } from "../../src/bench/execute-run.js";
import { loadInstance } from "../../src/bench/load-instance.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";
import { suiteReportHtml } from "../../src/bench/suite-report.js";
import { summarizeSuite } from "../../src/bench/summarize.js";

const spec = parseSuiteSpec({
  name: "time-to-target",
  seeds: [1, 2, 3],
  budget: { reads: 60 },
  instances: [{ kind: "random-regular-maxcut", name: "rr12", nodes: 12, degree: 3, seed: 5, bestKnown: "exact" }],
  solvers: [{ solver: "random" }, { solver: "sa", parameters: { sweeps: 30 } }, { solver: "qaoa", parameters: { p: 1, maxEvaluations: 20 } }],
});
const load = (k: number) => loadInstance(spec.instances[k]!, ".");

describe("executeRun", () => {
  it("records time and reads to target within the solve time and the reads, the same reads for the same seed", async () => {
    let nSuccesses = 0;
    for (let solver = 0; solver < spec.solvers.length; solver++) {
      for (const seed of spec.seeds) {
        const [record, again] = await Promise.all([executeRun(spec, { instance: 0, solver, seed }, load), executeRun(spec, { instance: 0, solver, seed }, load)]);
        expect(record.status, record.error ?? "").toBe("ok");
        expect(again.readsToTarget).toBe(record.readsToTarget);
        if (record.success !== true) {
          expect(record.timeToTargetMs).toBeNull();
          expect(record.readsToTarget).toBeNull();
          continue;
        }
        nSuccesses++;
        expect(record.timeToTargetMs!).toBeGreaterThanOrEqual(0);
        expect(record.timeToTargetMs!).toBeLessThanOrEqual(record.solveMs!);
        expect(record.readsToTarget!).toBeGreaterThanOrEqual(1);
        expect(record.readsToTarget!).toBeLessThanOrEqual(record.nReads!);
      }
    }
    expect(nSuccesses).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("finds the target before the last read for annealing, whose reads are independent restarts", async () => {
    const records = await Promise.all(spec.seeds.map((seed) => executeRun(spec, { instance: 0, solver: 1, seed }, load)));
    const reached = records.filter((r) => r.success === true);
    expect(reached).toHaveLength(spec.seeds.length);
    expect(reached.some((r) => r.readsToTarget! < r.nReads!)).toBe(true);
  });
});

describe("the budget each sampler gets", () => {
  const rr = [{ kind: "random-regular-maxcut", name: "rr10", nodes: 10, degree: 3, seed: 2, bestKnown: "exact" }];

  it("spends a time budget in full: restarting solvers restart until it ends, QAOA keeps its shots", async () => {
    const timed = parseSuiteSpec({ name: "timed", seeds: [1], budget: { timeMs: 300 }, instances: rr, solvers: [{ solver: "sa", parameters: { sweeps: 10 } }, { solver: "qaoa", parameters: { p: 1, maxEvaluations: 5 } }] });
    expect(samplerBudget(timed, timed.solvers[0]!)).toEqual({ reads: Infinity, timeLimitMs: 300 });
    expect(samplerBudget(timed, timed.solvers[1]!)).toEqual({ timeLimitMs: 300, fallback: { reads: Infinity } });
    const load = (k: number) => loadInstance(timed.instances[k]!, ".");
    const sa = await executeRun(timed, { instance: 0, solver: 0, seed: 1 }, load);
    expect(sa.status, sa.error ?? "").toBe("ok");
    expect(sa.stoppedBy).toBe("time-limit");
    // Ten sweeps on ten spins take microseconds: only restarts fill 300 ms.
    expect(sa.solveMs!).toBeGreaterThanOrEqual(300);
    expect(sa.nReads!).toBeGreaterThan(100);
    // A reads budget is kept as given.
    const counted = parseSuiteSpec({ name: "counted", seeds: [1], budget: { timeMs: 300, reads: 7 }, instances: rr, solvers: [{ solver: "sa" }] });
    expect(samplerBudget(counted, counted.solvers[0]!)).toEqual({ reads: 7, timeLimitMs: 300 });
  });

  it("records a milp run that its time limit ended before any incumbent as failed, not as the all-zero cut", async () => {
    const gset = fileURLToPath(new URL("../../../shared/data/maxcut/gset/", import.meta.url));
    const spec = parseSuiteSpec({ name: "no-incumbent", seeds: [1], budget: { timeMs: 1 }, instances: [{ kind: "file", name: "G1", path: "G1.rud" }], solvers: [{ solver: "milp" }] });
    const record = await executeRun(spec, { instance: 0, solver: 0, seed: 1 }, (k) => loadInstance(spec.instances[k]!, gset));
    expect(record.status).toBe("failed");
    expect(record.error).toMatch(/milp found no solution within the budget \(Time limit reached\)/);
    expect(record.bestObjective ?? null).toBeNull();
  });

  it("runs milp outside an evaluation budget when unequal budgets are allowed, and its record says so", async () => {
    const spec = parseSuiteSpec({ name: "outside", seeds: [1], budget: { evaluations: 2000 }, allowUnequalBudget: true, instances: rr, solvers: [{ solver: "sa" }, { solver: "milp" }] });
    expect(samplerBudget(spec, spec.solvers[0]!)).toEqual({ reads: Infinity, evaluationBudget: 2000 });
    expect(samplerBudget(spec, spec.solvers[1]!)).toEqual({});
    const load = (k: number) => loadInstance(spec.instances[k]!, ".");
    const [sa, milp] = await Promise.all([0, 1].map((solver) => executeRun(spec, { instance: 0, solver, seed: 1 }, load)));
    expect(sa).toMatchObject({ status: "ok", budgetEvaluations: 2000, unequalBudget: false });
    expect(sa!.evaluations!).toBeLessThanOrEqual(2000);
    expect(milp).toMatchObject({ status: "ok", budgetEvaluations: null, evaluations: null, evaluationsToTarget: null, unequalBudget: true });
    expect(milp!.success).toBe(true);
    const summary = summarizeSuite(spec, [sa!, milp!]);
    expect(summary.verdicts.join("\n")).toMatch(/at UNEQUAL budget/);
    expect(summary.rows.find((row) => row.solver === "milp")!.medianEvaluations).toBeNull();
    const report = await suiteReportHtml(spec, [sa!, milp!], summary);
    expect(report).toContain("budget per run: 2000 objective evaluations (this suite allows unequal budgets: see the records). milp does not count objective evaluations and ran outside that budget");
    expect(report).toContain("Not drawn: milp (no evaluation count).");
  }, 60_000);
});

describe("a run that restarts until its budget is spent", () => {
  it("counts the reads whose samples were not kept, and does not guess their feasibility", async () => {
    // 60,000 random samples of 20 variables meet more distinct assignments than a run keeps.
    const spec = parseSuiteSpec({ name: "many", seeds: [1], budget: { evaluations: 60_000 }, instances: [{ kind: "random-regular-maxcut", name: "rr20", nodes: 20, degree: 3, seed: 4 }], solvers: [{ solver: "random" }] });
    const record = await executeRun(spec, { instance: 0, solver: 0, seed: 1 }, (k) => loadInstance(spec.instances[k]!, "."));
    expect(record.status, record.error ?? "").toBe("ok");
    expect(record.evaluations).toBe(60_000);
    expect(record.nReads).toBe(60_000);
    expect(record.feasibleFraction).toBeNull();
  }, 60_000);
});

describe("evaluations to target", () => {
  it("are what a solver had spent when it first reached the best known, far below a long budget's spend, the same for the same seed", async () => {
    const spec = parseSuiteSpec({
      name: "long-budget",
      seeds: [1, 2, 3],
      budget: { evaluations: 300_000 },
      instances: [{ kind: "random-regular-maxcut", name: "rr12", nodes: 12, degree: 3, seed: 5, bestKnown: "exact" }],
      solvers: [{ solver: "tabu" }, { solver: "sa", parameters: { sweeps: 100 } }],
    });
    const load = (k: number) => loadInstance(spec.instances[k]!, ".");
    const tasks = spec.solvers.flatMap((_, solver) => spec.seeds.map((seed) => ({ instance: 0, solver, seed })));
    const [records, again] = await Promise.all([0, 1].map(() => Promise.all(tasks.map((task) => executeRun(spec, task, load)))));
    records!.forEach((record, k) => {
      expect(record.status, record.error ?? "").toBe("ok");
      expect(record.success).toBe(true);
      expect(record.evaluations!).toBeGreaterThan(0.9 * 300_000);
      expect(record.evaluationsToTarget!, `${record.solver} seed ${record.seed}`).toBeGreaterThanOrEqual(1);
      expect(record.evaluationsToTarget!, `${record.solver} seed ${record.seed}`).toBeLessThan(0.1 * record.evaluations!);
      expect(again![k]!.evaluationsToTarget).toBe(record.evaluationsToTarget);
    });
    const summary = summarizeSuite(spec, records!);
    for (const row of summary.rows) {
      const mine = records!.filter((r) => r.solver === row.solver).map((r) => r.evaluationsToTarget!).sort((a, b) => a - b);
      expect(row.medianEvaluationsToTarget).toBe(mine[1]);
    }
  }, 60_000);
});
