import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/compile.js";
import { compiledFromJson, quboEnergy } from "../../src/compile/index.js";
import { parseQbsolv } from "../../src/io/qbsolv.js";

const KNAPSACK = `problem knapsack {
  param n: int
  param value: real[n]
  param weight: real[n]
  param capacity: real = 10
  var x: binary[n]
  let total_weight = sum(i in 0..n-1) weight[i] * x[i]
  maximize sum(i in 0..n-1) value[i] * x[i]
  constraint cap: total_weight <= capacity
}
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "qpipe-compile-"));
  writeFileSync(join(dir, "knapsack.qp"), KNAPSACK);
  writeFileSync(join(dir, "data.json"), JSON.stringify({ n: 3, value: [3, 4, 5], weight: [4, 5, 6] }));
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ n: 3, value: [3, 4], weight: [4, 5, 6] }));
  return dir;
}

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  try {
    const code = await command.run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
    return { code, out, err };
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) return { code: 2, out, err: String(error) };
    throw error;
  }
}

describe("qpipe compile", () => {
  it("writes a qbsolv QUBO whose energies match the compiled model", async () => {
    const dir = workspace();
    const { code, out } = await run(["knapsack.qp", "--data", "data.json", "--to", "qubo"], dir);
    expect(code).toBe(0);
    const { qubo } = parseQbsolv(out);
    expect(out).toContain("c var 0 x[0]");
    const json = await run(["knapsack.qp", "--data", "data.json", "--to", "json"], dir);
    const compiled = compiledFromJson(JSON.parse(json.out));
    for (let s = 0; s < 2 ** compiled.nBits; s += 7) {
      const bits = Array.from({ length: compiled.nBits }, (_, i) => (s >>> i) & 1);
      expect(quboEnergy(qubo, bits)).toBeCloseTo(compiled.energy(bits), 9);
    }
  });

  it("writes --out atomically and leaves no temporary file", async () => {
    const dir = workspace();
    const { code } = await run(["knapsack.qp", "--data", "data.json", "--to", "lp", "--out", "k.lp"], dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "k.lp"), "utf8")).toMatch(/Maximize[\s\S]*cap: 4 x.0 \+ 5 x.1 \+ 6 x.2 <= 10/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const ising = await run(["knapsack.qp", "--data", "data.json", "--to", "ising"], dir);
    expect(JSON.parse(ising.out).spinMap).toBe("s = 1 - 2x");
  });

  it("reports data errors as diagnostics (exit 1) and bad command lines as usage errors (exit 2)", async () => {
    const dir = workspace();
    const bad = await run(["knapsack.qp", "--data", "bad.json", "--to", "qubo"], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("knapsack.qp:");
    expect(bad.out).toBe("");
    expect((await run(["knapsack.qp", "--data", "data.json"], dir)).code).toBe(2);
    expect((await run(["knapsack.qp", "--to", "xml"], dir)).code).toBe(2);
    expect((await run(["missing.qp", "--to", "qubo"], dir)).code).toBe(1);
    const unwritable = await run(["knapsack.qp", "--data", "data.json", "--to", "qubo", "--out", "no/such/dir/k.qubo"], dir);
    expect(unwritable.code).toBe(1);
  });
});
