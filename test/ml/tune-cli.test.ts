import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/tune.js";
import { makeClassification } from "../../src/ml/index.js";
import { createRng } from "../../src/util/rng.js";

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd };
  try {
    return { code: await command.run(args, io), stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      return { code: EXIT_USAGE, stdout, stderr: stderr + (error as Error).message };
    }
    throw error;
  }
}

function dataDir(): string {
  const data = makeClassification({ nSamples: 120, nFeatures: 5, nInformative: 2, classSep: 0.8, rng: createRng(9) });
  const rows = Array.from({ length: data.nSamples }, (_, i) => [...data.columns.map((c) => c[i].toFixed(5)), data.target[i]].join(","));
  const dir = mkdtempSync(join(tmpdir(), "qpipe-tune-"));
  writeFileSync(join(dir, "d.csv"), [[...data.featureNames, "y"].join(","), ...rows].join("\n"));
  writeFileSync(join(dir, "bad.csv"), "a,y\n1,0\n,1\n");
  return dir;
}

describe("qpipe tune", () => {
  it("runs every method under the same budget and prints JSON runs and points", async () => {
    const result = await run(["d.csv", "--budget", "6", "--initial", "3", "--seeds", "1", "--folds", "3", "--json"], dataDir());
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.runs.map((r: { method: string }) => r.method)).toEqual(["fmqa", "tpe", "random"]);
    expect(out.points).toHaveLength(18);
    for (const r of out.runs) expect(r.bestScore).toBeGreaterThan(0.5);
  }, 60_000);

  it("reports data errors (exit 1) and bad options (exit 2)", async () => {
    const dir = dataDir();
    const bad = await run(["bad.csv"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("missing-value");
    expect((await run(["d.csv", "--budget", "1"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["d.csv", "--methods", "grid"], dir)).code).toBe(EXIT_USAGE);
    const tooBig = await run(["d.csv", "--budget", "1000", "--seeds", "1"], dir);
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toContain("budget must be an integer in 2..120");
  });
});
