import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/sample.js";

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

describe("qpipe sample", () => {
  it("samples a seeded SK instance and prints JSON records", async () => {
    const result = await run(["--sk", "6", "--beta", "1", "--samples", "200", "--methods", "metropolis,sa", "--json"], tmpdir());
    expect(result.code).toBe(0);
    const { records } = JSON.parse(result.stdout);
    expect(records.map((r: { method: string }) => r.method)).toEqual(["metropolis", "sa"]);
    expect(records[0].nVariables).toBe(6);
  });

  it("samples a .qp problem's QUBO", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-sample-"));
    writeFileSync(join(dir, "p.qp"), "problem p {\n  var x: binary[3]\n  minimize x[0] + x[1] - 2 * x[0] * x[2]\n}\n");
    const result = await run(["p.qp", "--beta", "2", "--samples", "500", "--methods", "metropolis"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/metropolis\s+500/);
  });

  it("refuses bad command lines (exit 2) and reports DSL errors (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-sample-"));
    writeFileSync(join(dir, "bad.qp"), "problem p {\n  var x: binary[3]\n  minimize y[0]\n}\n");
    expect((await run(["--sk", "6"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["--sk", "40", "--beta", "1"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["--sk", "6", "--beta", "-1"], dir)).code).toBe(EXIT_USAGE);
    expect((await run(["--sk", "6", "--beta", "1", "--methods", "gibbs2"], dir)).code).toBe(EXIT_USAGE);
    const bad = await run(["bad.qp", "--beta", "1"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown");
  });
});
