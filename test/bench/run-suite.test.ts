// The runner end to end on real solvers and real worker threads. Worker start-up under the
// TypeScript loader takes seconds on a busy machine, hence the generous timeouts.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareRecords, replaySuite } from "../../src/bench/replay.js";
import { parseRecordLines } from "../../src/bench/run-record.js";
import { runSuite } from "../../src/bench/run-suite.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";

const LONG = 240_000;

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), "qpipe-bench-"));
}

describe("runSuite", () => {
  it("records every run, isolates a failing solver and a run that outlives its timeout, and replays bit-identically", async () => {
    const dir = await scratch();
    const spec = parseSuiteSpec({
      name: "isolation",
      seeds: [1, 2],
      budget: { reads: 8 },
      runTimeoutMs: 5_000,
      instances: [{ kind: "random-regular-maxcut", name: "rr8", nodes: 8, degree: 3, seed: 3, bestKnown: "exact" }],
      solvers: [
        { solver: "tabu" },
        { solver: "sa", label: "sa-typo", parameters: { sweep: 10 } },
        { solver: "sa", label: "sa-endless", parameters: { sweeps: 20_000_000 } },
      ],
    });
    const result = await runSuite(spec, { baseDir: dir, outDir: join(dir, "out"), nWorkers: 2, skipReport: true });
    expect(result.records).toHaveLength(6);
    const bySolver = (label: string) => result.records.filter((r) => r.solver === label);
    for (const record of bySolver("tabu")) {
      expect(record.status).toBe("ok");
      expect(record.bestObjective).toBe(record.bestKnown); // 8 nodes: tabu finds the optimum
      expect(record.success).toBe(true);
      expect(record.nReads).toBe(8);
    }
    for (const record of bySolver("sa-typo")) {
      expect(record.status).toBe("failed");
      expect(record.error).toMatch(/unknown option 'sweep'/);
    }
    for (const record of bySolver("sa-endless")) {
      expect(record.status).toBe("timeout");
      expect(record.deterministic).toBe(false);
    }
    const csv = await readFile(join(dir, "out", "records.csv"), "utf8");
    expect(csv.trim().split("\n")).toHaveLength(7);
    const summary = result.summary.rows.find((row) => row.solver === "sa-typo")!;
    expect(summary.nFailed).toBe(2);
    expect(summary.median).toBeNull();

    const replay = await replaySuite(join(dir, "out", "manifest.json"), { outDir: join(dir, "replay"), nWorkers: 2, skipReport: true });
    expect(replay.missing).toEqual([]);
    expect(replay.differences).toEqual([]);
    expect(replay.nCompared).toBe(4);
    expect(replay.nTimeBound).toBe(2);
    expect(replay.identical).toBe(true);
  }, LONG);

  it("holds every solver to a budget of objective evaluations, records what each spent, replays bit-identically and says so in the report", async () => {
    const dir = await scratch();
    const spec = parseSuiteSpec({
      name: "evaluations",
      seeds: [1, 2, 3],
      budget: { evaluations: 3000 },
      instances: [{ kind: "random-regular-maxcut", name: "rr10", nodes: 10, degree: 3, seed: 2, bestKnown: "exact" }],
      solvers: [{ solver: "sa" }, { solver: "sa", label: "sa-20", parameters: { sweeps: 20 } }],
    });
    const result = await runSuite(spec, { baseDir: dir, outDir: join(dir, "out"), nWorkers: 2 });
    expect(result.records).toHaveLength(6);
    for (const record of result.records) {
      expect(record.status, record.error ?? "").toBe("ok");
      expect(record.budgetEvaluations).toBe(3000);
      expect(record.unequalBudget).toBe(false);
      expect(record.evaluations).toBeGreaterThan(0);
      expect(record.evaluations!).toBeLessThanOrEqual(3000);
      expect(record.deterministic).toBe(true);
      if (record.success === true) {
        expect(record.evaluationsToTarget).toBeGreaterThanOrEqual(1);
        expect(record.evaluationsToTarget!).toBeLessThanOrEqual(record.evaluations!);
      } else expect(record.evaluationsToTarget).toBeNull();
    }
    const csv = (await readFile(join(dir, "out", "records.csv"), "utf8")).split("\n");
    const header = csv[0]!.split(",");
    expect(header).toContain("budgetEvaluations");
    expect(header).toContain("evaluationsToTarget");
    expect(csv[1]!.split(",")[header.indexOf("evaluationsToTarget")]).toBe(String(result.records[0]!.evaluationsToTarget ?? ""));
    for (const row of result.summary.rows) if (row.medianEvaluationsToTarget !== null) expect(row.medianEvaluationsToTarget).toBeLessThanOrEqual(row.medianEvaluations!);
    expect(csv[1]!.split(",")[header.indexOf("evaluations")]).toBe(String(result.records[0]!.evaluations));
    for (const row of result.summary.rows) expect(row.medianEvaluations).toBeLessThanOrEqual(3000);
    expect(result.summary.verdicts).toHaveLength(1);
    expect(result.summary.verdicts[0]).toMatch(/at equal budget of 3000 evaluations: /);
    const report = await readFile(join(dir, "out", "report.html"), "utf8");
    expect(report).toContain("budget per run: 3000 objective evaluations, the same for every solver");
    expect(report).toContain("at equal budget of 3000 evaluations");
    expect(report).toContain("medianEvaluations");

    const replay = await replaySuite(join(dir, "out", "manifest.json"), { outDir: join(dir, "replay"), nWorkers: 2, skipReport: true });
    expect(replay).toMatchObject({ identical: true, nCompared: 6, nTimeBound: 0, differences: [], missing: [] });
    // The evaluations spent are among the fields replay compares.
    const changed = { ...result.records[0]!, evaluations: result.records[0]!.evaluations! - 1 };
    expect(compareRecords([result.records[0]!], [changed]).differences.map((d) => d.field)).toEqual(["evaluations"]);
    // So are the evaluations to target.
    const reached = result.records.find((r) => r.evaluationsToTarget !== null)!;
    const later = { ...reached, evaluationsToTarget: reached.evaluationsToTarget! + 1 };
    expect(compareRecords([reached], [later]).differences.map((d) => d.field)).toEqual(["evaluationsToTarget"]);
  }, LONG);

  it("replay comparison reports a changed deterministic field", () => {
    const record = { instance: "a", solver: "tabu", seed: 1, deterministic: true, bestObjective: 5, bestBits: "01" } as never;
    const changed = { ...(record as object), bestObjective: 6 } as never;
    const result = compareRecords([record], [changed]);
    expect(result.identical).toBe(false);
    expect(result.differences).toEqual([{ run: '["a","tabu",1]', field: "bestObjective", recorded: 5, replayed: 6 }]);
    expect(compareRecords([record], []).missing).toEqual(['["a","tabu",1]']);
    // A record from before readsToTarget existed is compared on the fields it has.
    expect(compareRecords([record], [{ ...(record as object), readsToTarget: 3 } as never]).identical).toBe(true);
    expect(compareRecords([{ ...(record as object), readsToTarget: 2 } as never], [{ ...(record as object), readsToTarget: 3 } as never]).identical).toBe(false);
  });

  it("resumes a suite whose process was killed mid-run without redoing recorded runs", async () => {
    const dir = await scratch();
    const specValue = {
      name: "killed",
      seeds: [1, 2, 3, 4, 5, 6],
      budget: { reads: 4 },
      instances: [{ kind: "random-regular-maxcut", name: "rr60", nodes: 60, degree: 3, seed: 1 }],
      solvers: [{ solver: "sa", parameters: { sweeps: 60_000 } }],
    };
    const specPath = join(dir, "spec.json");
    await writeFile(specPath, JSON.stringify(specValue));
    const out = join(dir, "out");
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures", "run-suite-child.ts"), specPath, out], { stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    let before: ReturnType<typeof parseRecordLines> = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        before = parseRecordLines(await readFile(join(out, "records.jsonl"), "utf8"), "records.jsonl");
      } catch {
        before = [];
      }
      if (before.length >= 1 || child.exitCode !== null) break;
    }
    child.kill("SIGKILL");
    await exited;
    before = parseRecordLines(await readFile(join(out, "records.jsonl"), "utf8"), "records.jsonl");
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.length).toBeLessThan(6); // killed mid-suite, not after it

    const result = await runSuite(parseSuiteSpec(specValue), { baseDir: dir, outDir: out, nWorkers: 2, skipReport: true });
    expect(result.nResumed).toBe(before.length);
    expect(result.records).toHaveLength(6);
    for (const old of before) {
      // Same solve time to the last bit: the run was taken from the records, not redone.
      expect(result.records.find((r) => r.seed === old.seed)).toEqual(old);
    }
    expect(result.records.every((r) => r.status === "ok")).toBe(true);
  }, LONG);

  it("refuses to resume into a folder that holds another spec's results", async () => {
    const dir = await scratch();
    const base = { name: "a", seeds: [1], budget: { reads: 2 }, instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 4, degree: 3, seed: 1 }], solvers: [{ solver: "greedy" }] };
    await runSuite(parseSuiteSpec(base), { baseDir: dir, outDir: join(dir, "out"), nWorkers: 1, skipReport: true });
    await expect(runSuite(parseSuiteSpec({ ...base, seeds: [2] }), { baseDir: dir, outDir: join(dir, "out"), nWorkers: 1, skipReport: true })).rejects.toThrow(/different suite spec/);
  }, LONG);
});
