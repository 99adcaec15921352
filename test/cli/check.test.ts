import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Command, EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command as checkCommand } from "../../src/cli/commands/check.js";
import { command as formatCommand } from "../../src/cli/commands/format.js";

/** Runs a subcommand as src/cli/main.ts does: usage errors (ours and parseArgs') exit 2. */
async function run([name, ...args]: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const command: Command = name === "check" ? checkCommand : formatCommand;
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

const examples = new URL("../../grammar/examples/", import.meta.url).pathname;

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qpipe-check-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("qpipe check", () => {
  it("passes clean files with exit 0", async () => {
    const result = await run(["check", "knapsack.qp", "ghz.qp"], examples);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("checked 2 files: 0 errors, 0 warnings\n");
  });

  it("prints located diagnostics and exits 1 on an error", async () => {
    const dir = scratch({ "bad.qp": "problem p {\n  var x: binary\n  minimize y\n}\n" });
    const result = await run(["check", "bad.qp"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error[unknown-symbol]: unknown symbol 'y' (did you mean 'x'?)\n --> bad.qp:3:12\n");
    expect(result.stdout).toContain("3 |   minimize y\n  |            ^\n");
    expect(result.stdout).toContain("checked 1 file: 1 error, 1 warning");
  });

  it("prints one JSON object with --json", async () => {
    const dir = scratch({ "warn.qp": "problem p {\n  param a: real\n  var x: binary\n  minimize x\n}\n" });
    const result = await run(["check", "warn.qp", "--json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { code: string; line: number; column: number }[] }[]; errors: number; warnings: number };
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(1);
    expect(report.files[0]!.diagnostics[0]).toMatchObject({ code: "unused-param", line: 2, column: 9, file: "warn.qp" });
  });

  it("exits 1 for a missing file and 2 for no file", async () => {
    expect((await run(["check", "missing.qp"], examples)).code).toBe(1);
    expect((await run(["check"], examples)).code).toBe(2);
    expect((await run(["check", "--bogus", "x.qp"], examples)).code).toBe(2);
  });
});

describe("qpipe format", () => {
  it("prints, checks and rewrites", async () => {
    const messy = "problem p {  var x : binary[3] ; minimize (x[0]+x[1])*((x[2])) }\n";
    const dir = scratch({ "m.qp": messy });
    const printed = await run(["format", "m.qp"], dir);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe("problem p {\n  var x: binary[3]\n  minimize (x[0] + x[1]) * x[2]\n}\n");
    expect((await run(["format", "m.qp", "--check"], dir)).code).toBe(1);
    expect((await run(["format", "m.qp", "--write"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "m.qp"), "utf8")).toBe(printed.stdout);
    expect((await run(["format", "m.qp", "--check"], dir)).code).toBe(0);
  });

  it("refuses to format a file with syntax errors and leaves it untouched", async () => {
    const broken = "problem p { var x binary }\n";
    const dir = scratch({ "b.qp": broken });
    const result = await run(["format", "b.qp", "--write"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error[expected-token]");
    expect(readFileSync(join(dir, "b.qp"), "utf8")).toBe(broken);
    expect((await run(["format", "b.qp", "--write", "--check"], dir)).code).toBe(2);
  });
});
