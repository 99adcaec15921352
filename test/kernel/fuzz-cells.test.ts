// A failing cell must never take the kernel down: 1,000 generated cells (fragments of real
// declarations and commands, shuffled, cut and mutated) each end in an outcome, never a throw.
import { tmpdir } from "node:os";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KernelSession } from "../../src/kernel/session.js";

const FRAGMENTS = [
  "problem p {", "}", "param n: int", "var x: binary[n]", "var y: binary[3]", "minimize x[0] + x[1]",
  "maximize sum(i in 0..n-1) x[i]", "constraint sum(i in 0..2) y[i] == 1", "circuit c(n: int) {", "qubit q[n]",
  "h q[0]", "cx q[0], q[1]", "measure q", "gate g(t: angle) a, b {", "rz(t) b", "compile p", "compile p to qubo",
  'bind p {"n": 2}', 'bind c {"n": 2}', "simulate c shots 10 seed 1", "simulate c", "solve p", "solve p with sa(seed: 2, reads: 3)", "solve p with", "bind p {", '"n": [1, 2]', 'bind p from "nowhere.json"', "(", ")", "[", "]", "{", "\"", "/*", "*/", "//",
  "𝔁", "-", "* *", "0..", "1e999", "let s = x[0] * x[1]", "penalty 3", "soft", "where", "ansatz a = qaoa(p, layers: 2)",
  "plot energies p", "plot convergence p", "plot bench p", "plot qubo", "bench p with", "bench p with nonsense seeds 2", 'bench from "x.json"', "bench p with tabu(",
];

describe("fuzzed cells", () => {
  it("end in an outcome, never a throw, and leave the session usable", { timeout: 120_000 }, async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    const cell = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 12 }).map((parts) => parts.join("\n"));
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(cell, async (code) => {
        const outcome = await session.execute(code);
        if (outcome.error) {
          failed++;
          expect(outcome.error.ename).not.toBe("");
          expect(outcome.error.traceback.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000, seed: 9 },
    );
    expect(failed).toBeGreaterThan(0);
    const ok = await session.execute("problem fresh {\n  var z: binary[2]\n  minimize z[0] + z[1]\n}\ncompile fresh");
    expect(ok.error).toBeUndefined();
  });
});
