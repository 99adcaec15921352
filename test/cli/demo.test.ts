import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/demo.js";

const dir = mkdtempSync(join(tmpdir(), "qpipe-demo-"));

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: () => undefined, cwd: dir };
  const code = await command.run(args, io);
  return { code, stdout };
}

interface Results {
  seed: number;
  knapsack: {
    data: { n: number; value: number[]; weight: number[]; capacity: number };
    optimum: number;
    runs: { solver: string; seed: number; objective: number | null; feasible: boolean; energy: number | null; fallback?: string }[];
  };
  circuit: { counts: Record<string, number>; shots: number };
  corpus: { file: string; errors: number }[];
}

const readResults = (out: string): Results => JSON.parse(readFileSync(join(dir, out, "results.json"), "utf8")) as Results;

/** Brute force over all item subsets: the optimum the demo's exact solver must report. */
function bruteForceKnapsack(data: Results["knapsack"]["data"]): number {
  let best = 0;
  for (let mask = 0; mask < 2 ** data.n; mask++) {
    let value = 0;
    let weight = 0;
    for (let i = 0; i < data.n; i++) {
      if (mask & (1 << i)) {
        value += data.value[i]!;
        weight += data.weight[i]!;
      }
    }
    if (weight <= data.capacity && value > best) best = value;
  }
  return best;
}

describe("qpipe demo", () => {
  it("writes results, runs, charts and an offline report whose optimum is the brute-force optimum", async () => {
    const { code, stdout } = await run("--out", "a", "--items", "6", "--seeds", "2", "--seed", "3");
    expect(code).toBe(0);
    expect(stdout).toMatch(/wrote .*report\.html/);
    const results = readResults("a");
    expect(results.knapsack.optimum).toBe(bruteForceKnapsack(results.knapsack.data));
    for (const run of results.knapsack.runs) {
      if (run.objective !== null) expect(run.objective).toBeLessThanOrEqual(results.knapsack.optimum);
    }
    expect(results.knapsack.runs.find((r) => r.solver === "milp")?.objective).toBe(results.knapsack.optimum);
    const qaoaRuns = results.knapsack.runs.filter((r) => r.solver === "qaoa");
    expect(qaoaRuns.length).toBe(2);
    expect(qaoaRuns.every((r) => r.fallback === undefined)).toBe(true); // the quantum path really ran
    expect(results.corpus.length).toBeGreaterThanOrEqual(15);
    expect(results.corpus.every((file) => file.errors === 0)).toBe(true);
    const outcomes = Object.keys(results.circuit.counts).sort();
    expect(outcomes).toEqual(["00000", "11111"]);
    const html = readFileSync(join(dir, "a", "report.html"), "utf8");
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // offline: no network references
    expect(html).toContain("data:image/svg+xml;base64,");
    expect(readdirSync(join(dir, "a", "charts")).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(5);
    expect(readdirSync(join(dir, "a")).some((f) => f.endsWith(".tmp"))).toBe(false);
    const csv = readFileSync(join(dir, "a", "runs.csv"), "utf8").trim().split("\n");
    expect(csv.length).toBe(results.knapsack.runs.length + 1);
  });

  it("replays: the same seed gives the same results apart from timings", async () => {
    await run("--out", "b", "--items", "6", "--seeds", "2", "--seed", "3");
    const strip = (r: Results) => r.knapsack.runs.map(({ solver, seed, objective, feasible, energy, fallback }) => ({ solver, seed, objective, feasible, energy, fallback: fallback?.replace(/\d+ ms/g, "") }));
    const [a, b] = [readResults("a"), readResults("b")];
    expect(strip(b)).toEqual(strip(a));
    expect(b.knapsack.data).toEqual(a.knapsack.data);
    expect(b.circuit.counts).toEqual(a.circuit.counts);
  });

  it("rejects bad options as usage errors", async () => {
    await expect(run("--items", "40")).rejects.toThrow(UsageError);
    await expect(run("--seed", "x")).rejects.toThrow(/--seed must be an integer/);
  });
});
