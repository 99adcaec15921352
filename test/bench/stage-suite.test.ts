// Stage suites end to end: every ML stage's comparison runs through the harness (worker threads,
// tidy records, summaries, manifest) and replays with the same deterministic fields. Worker start-up
// under the TypeScript loader takes seconds on a busy machine, hence the generous timeouts.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replaySuite } from "../../src/bench/replay.js";
import { RECORD_COLUMNS, parseRecordLines } from "../../src/bench/run-record.js";
import { runSuite } from "../../src/bench/run-suite.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";

const LONG = 300_000;
const TABULAR = fileURLToPath(new URL("../../../shared/data/tabular/", import.meta.url));

const SUITES = {
  "feature-selection": {
    name: "fs-stage",
    stage: { kind: "feature-selection", k: 3, folds: 3 },
    seeds: [1, 2],
    budget: { reads: 4 },
    instances: [{ kind: "make-classification", name: "synthetic", nSamples: 90, nFeatures: 7, nInformative: 3, seed: 4 }],
    solvers: [{ solver: "qubo-tabu" }, { solver: "mrmr" }, { solver: "random" }],
  },
  tuning: {
    name: "tuning-stage",
    stage: { kind: "tuning", folds: 3, nInitial: 3 },
    seeds: [1, 2],
    budget: { reads: 6 },
    instances: [{ kind: "make-classification", name: "synthetic", nSamples: 90, nFeatures: 5, nInformative: 3, seed: 4 }],
    solvers: [{ solver: "fmqa" }, { solver: "random" }],
  },
  sampling: {
    name: "sampling-stage",
    stage: { kind: "sampling", beta: 1 },
    seeds: [1, 2],
    budget: { reads: 300 },
    instances: [{ kind: "sherrington-kirkpatrick", name: "sk8", nodes: 8, seed: 2 }],
    solvers: [{ solver: "metropolis" }, { solver: "sa" }],
  },
  decision: {
    name: "decision-stage",
    stage: { kind: "decision" },
    seeds: [1, 2],
    budget: { reads: 8 },
    instances: [
      { kind: "random-subset-decision", name: "subset30", items: 30, seed: 1 },
      { kind: "decision", name: "from-file", path: "slots.json" },
    ],
    // exact cannot enumerate the subset model (30 items + slack bits > 34): those runs fall back to greedy.
    solvers: [{ solver: "milp" }, { solver: "rule-greedy" }, { solver: "tabu" }, { solver: "exact" }],
  },
} as const;

describe("stage suites", () => {
  it.each(Object.keys(SUITES) as (keyof typeof SUITES)[])("%s: records are written and valid, and a replay gives the same deterministic fields", async (stage) => {
    const dir = await mkdtemp(join(tmpdir(), `qpipe-stage-${stage}-`));
    await writeFile(join(dir, "slots.json"), JSON.stringify({ score: [[5, 1, 2], [4, 4, 1], [1, 3, 6], [2, 2, 2]] }));
    const spec = parseSuiteSpec(SUITES[stage]);
    const out = join(dir, "out");
    const result = await runSuite(spec, { baseDir: dir, outDir: out, nWorkers: 2, skipReport: stage !== "decision" });
    const nRuns = spec.instances.length * spec.solvers.length * spec.seeds.length;
    const written = parseRecordLines(await readFile(join(out, "records.jsonl"), "utf8"), "records.jsonl");
    expect(written).toHaveLength(nRuns);
    for (const record of written) {
      expect(record.status, `${record.solver}: ${record.error}`).toBe("ok");
      expect(Object.keys(record).sort()).toEqual([...RECORD_COLUMNS].sort());
      expect(record.stageMetrics).not.toBeNull();
      expect(record.inputHash).toMatch(/^sha256:/);
      if (record.bestObjective !== null) expect(Number.isFinite(record.bestObjective)).toBe(true);
    }
    const csv = (await readFile(join(out, "records.csv"), "utf8")).trim().split("\n");
    expect(csv[0]).toBe(RECORD_COLUMNS.join(","));
    expect(csv).toHaveLength(nRuns + 1);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ kind: "qpipe-bench-manifest", nRuns });
    expect(manifest.spec.stage.kind).toBe(stage);
    expect(result.summary.rows).toHaveLength(spec.instances.length * spec.solvers.length);
    expect(result.summary.verdicts.length).toBeGreaterThan(0);
    checkStage(stage, written);

    const replay = await replaySuite(join(out, "manifest.json"), { outDir: join(dir, "replay"), nWorkers: 2, skipReport: true });
    expect(replay.differences).toEqual([]);
    expect(replay.missing).toEqual([]);
    expect(replay.nCompared).toBe(nRuns);
    expect(replay.identical).toBe(true);
  }, LONG);

  it.skipIf(!existsSync(TABULAR))("reads a real CSV data set (breast cancer) into a feature-selection suite", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qpipe-stage-csv-"));
    const spec = parseSuiteSpec({
      name: "fs-breast-cancer",
      stage: { kind: "feature-selection", k: 5, folds: 3 },
      seeds: [0],
      budget: { reads: 4 },
      instances: [{ kind: "csv", name: "breast_cancer", path: join(TABULAR, "breast_cancer.csv") }],
      solvers: [{ solver: "mrmr" }, { solver: "qubo-tabu" }],
    });
    const { records } = await runSuite(spec, { baseDir: dir, outDir: join(dir, "out"), nWorkers: 2, skipReport: true });
    for (const record of records) {
      expect(record.status, String(record.error)).toBe("ok");
      expect(record.nVariables).toBe(30);
      expect(record.bestObjective).toBeGreaterThan(0.9);
    }
  }, LONG);
});

/** What each stage puts in the generic fields. */
function checkStage(stage: keyof typeof SUITES, records: ReturnType<typeof parseRecordLines>): void {
  const of = (solver: string) => records.filter((r) => r.solver === solver);
  switch (stage) {
    case "feature-selection":
      for (const r of records) {
        expect(r.sense).toBe("max");
        expect(r.bestBits!.split(" | ")).toHaveLength(3); // one subset per fold
        expect(r.stageMetrics!.recovery).toBeGreaterThanOrEqual(0);
      }
      for (const r of of("qubo-tabu")) expect(r.nReads).toBe(4);
      break;
    case "tuning":
      for (const r of records) {
        expect(r.nReads).toBe(6);
        expect(r.stageMetrics!.bestSoFar).toHaveLength(6);
        expect(r.bestObjective).toBe((r.stageMetrics!.bestSoFar as number[])[5]);
      }
      break;
    case "sampling":
      for (const r of records) {
        expect(r.sense).toBe("min");
        expect(r.bestObjective).toBeGreaterThan(0);
        expect(r.bestObjective).toBeLessThanOrEqual(1);
      }
      // Metropolis targets the distribution; SA concentrates on low energies.
      expect(Math.max(...of("metropolis").map((r) => r.bestObjective!))).toBeLessThan(Math.min(...of("sa").map((r) => r.bestObjective!)));
      break;
    case "decision":
      for (const r of of("milp")) {
        expect(r.success).toBe(true);
        expect(r.gap).toBe(0);
      }
      for (const r of records.filter((r) => r.solver !== "exact" || r.instance === "from-file")) expect(r.feasibleFraction).toBe(1);
      for (const r of records.filter((r) => r.solver === "exact" && r.instance === "subset30")) {
        expect(r.bestObjective).toBeNull();
        expect(r.feasibleFraction).toBe(0);
        expect(r.fallbackReason).toMatch(/^exact failed/);
        expect(r.stageMetrics!.usedGreedy).toBe(true);
      }
      expect(of("rule-greedy").find((r) => r.instance === "from-file")!.bestBits).toBe("0,1,2");
      break;
  }
}

describe("stage suite specs", () => {
  const base = { name: "s", seeds: [1], budget: { reads: 4 } };

  it("names every field that does not fit the stage", () => {
    const attempt = () =>
      parseSuiteSpec({
        ...base,
        stage: { kind: "feature-selection", folds: 1, alpha: -1 },
        instances: [{ kind: "sherrington-kirkpatrick", name: "sk", nodes: 6, seed: 1 }],
        solvers: [{ solver: "tabu" }],
      });
    expect(attempt).toThrow(/stage\.k: is required/);
    expect(attempt).toThrow(/stage\.folds: must be an integer ≥ 2, got 1/);
    expect(attempt).toThrow(/stage\.alpha: must be a non-negative number, got -1/);
    expect(attempt).toThrow(/instances\[0\]\.kind: a feature-selection suite reads csv, make-classification, got 'sherrington-kirkpatrick'/);
    expect(attempt).toThrow(/solvers\[0\]\.solver: a feature-selection suite runs .*mrmr.*, got 'tabu'/);
  });

  it("needs reads as the tuning and sampling budget, and a stage for stage inputs", () => {
    expect(() => parseSuiteSpec({ ...base, budget: { timeMs: 100 }, stage: { kind: "tuning" }, instances: [{ kind: "csv", name: "d", path: "d.csv" }], solvers: [{ solver: "tpe" }] })).toThrow(
      /budget\.reads: is required: evaluations per tuning run[\s\S]*budget\.timeMs: is not used by the tuning stage/,
    );
    expect(() => parseSuiteSpec({ ...base, instances: [{ kind: "random-assignment", name: "a", items: 3, slots: 4, seed: 1 }], solvers: [{ solver: "tabu" }] })).toThrow(
      /instances\[0\]\.items: must be at least slots[\s\S]*instances\[0\]\.kind: 'random-assignment' is a stage input: set "stage"/,
    );
  });

  it("fills each method's family from the stage, so a quantum method is compared with the best classical one", () => {
    const spec = parseSuiteSpec({ ...base, stage: { kind: "sampling", beta: 1 }, instances: [{ kind: "sherrington-kirkpatrick", name: "sk", nodes: 6, seed: 1 }], solvers: [{ solver: "qaoa" }, { solver: "metropolis" }] });
    expect(spec.solvers.map((s) => s.mode)).toEqual(["quantum", "classical"]);
    const decision = parseSuiteSpec({ ...base, stage: { kind: "decision" }, instances: [{ kind: "random-subset-decision", name: "d", items: 5, seed: 1 }], solvers: [{ solver: "sb" }, { solver: "rule-greedy" }, { solver: "milp" }] });
    expect(decision.solvers.map((s) => s.mode)).toEqual(["quantum-inspired", "classical", "classical"]);
  });
});
