import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/select-features.js";
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

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qpipe-select-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function syntheticCsv(): { text: string; informative: string[] } {
  const data = makeClassification({ nSamples: 150, nFeatures: 8, nInformative: 2, classSep: 2, rng: createRng(5) });
  const header = [...data.featureNames, "label"].join(",");
  const rows = Array.from({ length: data.nSamples }, (_, i) => [...data.columns.map((c) => c[i].toFixed(6)), data.target[i] === 1 ? "yes" : "no"].join(","));
  return { text: [header, ...rows].join("\n") + "\n", informative: data.informative.map((j) => data.featureNames[j]) };
}

describe("qpipe select-features", () => {
  it("selects the informative columns and prints one JSON record per method", async () => {
    const { text, informative } = syntheticCsv();
    const dir = scratch({ "d.csv": text });
    const result = await run(["d.csv", "--target", "label", "--k", "2", "--solver", "exact", "--folds", "3", "--json"], dir);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.selected).toEqual(informative);
    expect(out.records.map((r: { method: string }) => r.method)).toEqual(["qubo-exact", "mrmr", "random-forest", "all"]);
    expect(out.records[0].auc).toBeGreaterThan(0.9);
  });

  it("prints a table without --json", async () => {
    const dir = scratch({ "d.csv": syntheticCsv().text });
    const result = await run(["d.csv", "--target", "label", "--k", "2", "--baselines", "none", "--folds", "2"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^selected \(qubo-tabu, all 150 rows\): x\d, x\d/);
    expect(result.stdout).toContain("qubo-tabu");
  });

  it("reports data errors with their location and exits 1", async () => {
    const dir = scratch({ "bad.csv": "a,b,y\n1,2,0\n3,x,1\n", "one.csv": "a,y\n1,0\n2,0\n" });
    const bad = await run(["bad.csv", "--k", "1"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("non-numeric-value");
    expect(bad.stderr).toContain("bad.csv:3:3");
    expect((await run(["one.csv", "--k", "1"], dir)).stderr).toContain("single class");
  });

  it("refuses k larger than the feature count (exit 1) and malformed options (exit 2)", async () => {
    const dir = scratch({ "d.csv": "a,b,y\n1,2,0\n3,1,1\n2,2,0\n4,0,1\n" });
    const tooMany = await run(["d.csv", "--k", "3"], dir);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain("--k 3 is larger than the 2 usable features");
    expect((await run(["d.csv"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["d.csv", "--k", "0"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["d.csv", "--k", "1", "--solver", "magic"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["d.csv", "--k", "1", "--baselines", "lasso"], dir)).code).toBe(EXIT_USAGE);
  });
});
