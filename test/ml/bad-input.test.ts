// The bad inputs, each through the stage that meets it: a clear error naming where, or a
// documented handling — and never a NaN in a result.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { command as selectFeatures } from "../../src/cli/commands/select-features.js";
import { FEATURE_SELECTORS, LOGISTIC_SEARCH_SPACE, logisticTuningObjective, readCsvDataset, runDecision, runFeatureSelection, runTuning } from "../../src/ml/index.js";

async function cli(args: string[], files: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), "qpipe-bad-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  let stdout = "";
  let stderr = "";
  const code = await selectFeatures.run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** Every number anywhere in a record is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

/** 40 rows; `near` is 1 in one row only, so it is constant on the training rows of most folds. */
function nearConstantCsv(): string {
  const rows = ["a,b,near,flat,y"];
  for (let i = 0; i < 40; i++) rows.push(`${(i * 7) % 11},${(i * 3) % 5},${i === 0 ? 1 : 0},3,${i % 2}`);
  return rows.join("\n");
}

describe("bad input", () => {
  it("a constant column is dropped with a warning; a column constant within a fold yields no NaN in any method's record", async () => {
    const { dataset, diagnostics } = readCsvDataset(nearConstantCsv(), { target: "y" });
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "constant-feature" }]);
    expect(dataset!.featureNames).toEqual(["a", "b", "near"]);
    for (const redundancy of ["mi", "correlation", "conditional"] as const) {
      const records = await runFeatureSelection(dataset!, { k: 2, folds: 4, redundancy, methods: FEATURE_SELECTORS.filter((m) => m !== "qubo-qaoa") });
      for (const record of records) expect(allFinite(record), `${redundancy}/${record.method}`).toBe(true);
    }
    const objective = logisticTuningObjective(dataset!, 4);
    const { runs } = await runTuning(LOGISTIC_SEARCH_SPACE, objective, { budget: 4, nInitial: 2, seeds: [0], methods: ["random", "tpe"] });
    for (const run of runs) expect(allFinite(run)).toBe(true);
  }, 120_000);

  it("k larger than the feature count: RangeError from the API, exit 1 naming the dropped constant column from the CLI", async () => {
    const { dataset } = readCsvDataset(nearConstantCsv(), { target: "y" });
    await expect(runFeatureSelection(dataset!, { k: 4 })).rejects.toThrow(RangeError);
    await expect(runFeatureSelection(dataset!, { k: 4 })).rejects.toThrow(/k must be an integer in 1\.\.3/);
    const result = await cli(["d.csv", "--target", "y", "--k", "4"], { "d.csv": nearConstantCsv() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--k 4 is larger than the 3 usable features in d.csv (dropped: flat, constant column)");
  });

  it("missing values, non-numeric cells and a one-class target are errors at their cell or column, also from the CLI", async () => {
    const missing = await cli(["m.csv", "--k", "1"], { "m.csv": "a,b,y\n1,2,0\n3,NA,1\n" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing-value[\s\S]*m\.csv:3:3/);
    const text = await cli(["t.csv", "--k", "1"], { "t.csv": "a,b,y\n1,2,0\n3,high,1\n" });
    expect(text.stderr).toMatch(/non-numeric-value[\s\S]*t\.csv:3:3/);
    const one = await cli(["o.csv", "--k", "1"], { "o.csv": "a,y\n1,yes\n2,yes\n" });
    expect(one.code).toBe(1);
    expect(one.stderr).toContain("single-class-target");
  });

  it("a decision instance with a missing field, a category without a quota, or a non-finite value is refused naming the field", async () => {
    const base = { value: [3, 2], cost: [1, 1], budget: 1, category: [0, 0], quota: [1], conflicts: [] as [number, number][] };
    await expect(runDecision({ ...base, value: undefined } as never)).rejects.toThrow("decision instance value must be an array, got nothing");
    await expect(runDecision({ ...base, category: [0, 5] })).rejects.toThrow("category[1] must be an integer in 0..0 (one quota per category), got 5");
    await expect(runDecision({ ...base, value: [3, Number.NaN] })).rejects.toThrow(/value\[1\] must be a finite number, got NaN/);
    await expect(runDecision({ ...base, conflicts: [[0, 7]] })).rejects.toThrow(/index 7 is outside x's range 0\.\.1/);
    await expect(runDecision({ score: [[1, 2], [3]] })).rejects.toThrow(/score\[1\] has 1 entry but nSlots = 2/);
  });
});
