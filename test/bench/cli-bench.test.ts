import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/bench.js";

async function runBench(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await command.run(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("qpipe bench", () => {
  it("refuses a spec that gives one solver a bigger budget, naming the field, and runs nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qpipe-bench-cli-"));
    await writeFile(
      join(dir, "suite.json"),
      JSON.stringify({
        name: "unfair",
        seeds: [1],
        budget: { reads: 10 },
        instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 6, degree: 3, seed: 1 }],
        solvers: [{ solver: "tabu" }, { solver: "qaoa", budget: { reads: 1000 } }],
      }),
    );
    const { code, stderr } = await runBench(["suite.json", "--out", "out"], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/solvers\[1\]\.budget\.reads: gives qaoa a bigger budget/);
  });

  it("refuses an unknown solver before running anything, naming the field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qpipe-bench-cli-"));
    await writeFile(
      join(dir, "suite.json"),
      JSON.stringify({ name: "typo", seeds: [1], budget: { reads: 2 }, instances: [{ kind: "random-regular-maxcut", name: "g", nodes: 4, degree: 3, seed: 1 }], solvers: [{ solver: "tabuu" }] }),
    );
    const { code, stderr } = await runBench(["suite.json", "--out", "out"], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/solvers\[0\]\.solver: unknown solver 'tabuu'; known: .*tabu/);
  });

  it("reports malformed JSON and unreadable files as user errors", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qpipe-bench-cli-"));
    await writeFile(join(dir, "bad.json"), "{ name: ");
    expect((await runBench(["bad.json"], dir)).stderr).toMatch(/\(json\): .*not valid JSON/);
    expect((await runBench(["missing.json"], dir)).code).toBe(1);
  });

  it("treats a malformed command line as a usage error", async () => {
    await expect(runBench([], tmpdir())).rejects.toThrow(UsageError);
    await expect(runBench(["--replay", "m.json"], tmpdir())).rejects.toThrow(/--out/);
    await expect(runBench(["a.json", "--workers", "0"], tmpdir())).rejects.toThrow(/--workers/);
  });
});
