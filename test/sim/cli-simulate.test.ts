import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/simulate.js";

const dir = mkdtempSync(join(tmpdir(), "qpipe-simulate-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  try {
    const code = await command.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
    return { code, stdout, stderr };
  } catch (error) {
    // As the CLI's main does: malformed command lines exit 2.
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      return { code: EXIT_USAGE, stdout, stderr: (error as Error).message };
    }
    throw error;
  }
}

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

describe("qpipe simulate", () => {
  it("prints the statevector as JSON, leaving trailing measurements out", async () => {
    const bell = file("bell.qasm", `${HEADER}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n`);
    const { code, stdout } = await run(bell, "--statevector", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { nQubits: number; amplitudes: { re: number[]; im: number[] } };
    expect(out.nQubits).toBe(2);
    expect(out.amplitudes.re[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(out.amplitudes.re[3]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(out.amplitudes.im).toEqual([0, 0, 0, 0]);
  });

  it("prints seeded counts keyed with the last clbit on the left", async () => {
    const path = file("x.qasm", `${HEADER}qreg q[3];\ncreg c[3];\nx q[0];\nh q[2];\nmeasure q -> c;\n`);
    const first = await run(path, "--shots", "400", "--seed", "3", "--json");
    expect(first.code).toBe(0);
    const { counts } = JSON.parse(first.stdout) as { counts: Record<string, number> };
    expect(Object.keys(counts).sort()).toEqual(["001", "101"]);
    expect(counts["001"]! + counts["101"]!).toBe(400);
    expect((await run(path, "--shots", "400", "--seed", "3", "--json")).stdout).toBe(first.stdout);
  });

  it("runs mid-circuit measurement and reset per shot", async () => {
    const path = file("mid.qasm", `${HEADER}qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nreset q[0];\nmeasure q[0] -> c[1];\n`);
    const { code, stdout } = await run(path, "--shots", "200", "--json");
    expect(code).toBe(0);
    const { counts } = JSON.parse(stdout) as { counts: Record<string, number> };
    expect(Object.keys(counts).sort()).toEqual(["00", "01"]);
  });

  it("reports malformed OpenQASM as diagnostics with line and column (exit 1)", async () => {
    const path = file("bad.qasm", `${HEADER}qreg q[2];\nfoo q[0];\n`);
    const { code, stderr } = await run(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown gate 'foo'/);
    expect(stderr).toMatch(/bad\.qasm:4:1/);
  });

  it("prints the most likely states by default and rejects bad command lines (exit 2)", async () => {
    const path = file("h.qasm", `${HEADER}qreg q[2];\nh q[1];\n`);
    const text = await run(path);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\|00⟩ {2}0\.500000/);
    expect(text.stdout).toMatch(/\|10⟩ {2}0\.500000/);
    expect((await run(path, "--shots", "0")).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run(path, "--circuit", "c")).code).toBe(2);
    expect((await run(join(dir, "missing.qasm"))).code).toBe(1);
  });

  it("lowers a .qp circuit with sizes and angle values from --data", async () => {
    const qp = file("ghz.qp", "circuit ghz(n: int, theta: angle[n]) {\n  qubit q[n]\n  h q[0]\n  for i in 0..n-2 { cx q[i], q[i+1] }\n  for i in 0..n-1 { rz(theta[i]) q[i] }\n}\n");
    const data = file("ghz.json", JSON.stringify({ n: 3, theta: [0.1, 0.2, 0.3] }));
    const { code, stdout } = await run(qp, "--data", data, "--statevector", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { nQubits: number; amplitudes: { re: number[]; im: number[] } };
    expect(out.nQubits).toBe(3);
    // rz(θ) on every qubit of (|000⟩ + |111⟩)/√2: phases e^{∓i(0.1+0.2+0.3)/2}.
    expect(out.amplitudes.re[0]).toBeCloseTo(Math.SQRT1_2 * Math.cos(0.3), 14);
    expect(out.amplitudes.im[0]).toBeCloseTo(-Math.SQRT1_2 * Math.sin(0.3), 14);
    expect(out.amplitudes.im[7]).toBeCloseTo(Math.SQRT1_2 * Math.sin(0.3), 14);
    const missing = await run(qp, "--data", file("sizes.json", JSON.stringify({ n: 3 })));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/'theta\[0\]' must have a value/);
  });
});
