import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, UsageError } from "../../src/cli/command.js";
import { command } from "../../src/cli/commands/solve.js";

const dir = mkdtempSync(join(tmpdir(), "qpipe-solve-"));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: dir };
  // As src/cli/main.ts does: usage errors (ours and parseArgs') exit 2 with the usage text.
  try {
    const code = await command.run(args, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      return { code: EXIT_USAGE, stdout, stderr: stderr + `${(error as Error).message}\n${command.usage}\n` };
    }
    throw error;
  }
}

const knapsack = write(
  "knapsack.qp",
  `problem knapsack {
  param n: int
  param value: real[n]
  param weight: real[n]
  param capacity: real = 10
  var x: binary[n]
  maximize sum(i in 0..n-1) value[i] * x[i]
  constraint cap: sum(i in 0..n-1) weight[i] * x[i] <= capacity
}
`,
);
write("knapsack.json", JSON.stringify({ n: 4, value: [6, 5, 4, 3], weight: [4, 3, 2, 2], capacity: 6 }));
// A 5-cycle: the maximum cut is 4 (an odd cycle cannot be cut everywhere).
write("cycle.rud", "5 5\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n");
// Minimise −x0 − x1 + 3·x0·x1 (qbsolv .qubo, 0-based): minimum −1; maximised it is 1 as well.
write("tiny.qubo", "c tiny\np qubo 0 2 2 1\n0 0 -1\n1 1 -1\n0 1 3\n");

describe("qpipe solve", () => {
  it("solves a .qp model with data and reports the objective in its own sense", async () => {
    const { code, stdout } = await run(knapsack, "--data", "knapsack.json", "--solver", "exact", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ solver: "exact", seed: 0, best: { objective: 10, feasible: true, values: { x: [1, 0, 1, 0] } } });
    expect(Object.keys(result.timing).sort()).toEqual(["bestFoundMs", "decodeMs", "encodeMs", "solveMs"]);
  });

  it("reports a max-cut's cut weight for a rudy graph", async () => {
    for (const solver of ["sa", "tabu", "milp", "sb", "pt", "greedy", "random"]) {
      const { code, stdout } = await run("cycle.rud", "--solver", solver, "--seed", "3", "--json");
      expect(code).toBe(0);
      expect(JSON.parse(stdout).best.objective).toBe(4);
    }
  });

  it("minimises a .qubo file unless --sense max", async () => {
    const min = JSON.parse((await run("tiny.qubo", "--solver", "exact", "--json")).stdout);
    expect(min.best).toMatchObject({ objective: -1, energy: -1 });
    const max = JSON.parse((await run("tiny.qubo", "--solver", "exact", "--sense", "max", "--json")).stdout);
    expect(max.best).toMatchObject({ objective: 1, energy: -1 });
    expect(max.best.values).toEqual({ "x[0]": 1, "x[1]": 1 });
  });

  it("gives the same answer for the same seed", async () => {
    const a = JSON.parse((await run("cycle.rud", "--solver", "sa", "--seed", "9", "--reads", "3", "--json")).stdout);
    const b = JSON.parse((await run("cycle.rud", "--solver", "sa", "--seed", "9", "--reads", "3", "--json")).stdout);
    delete a.timing;
    delete b.timing;
    expect(a).toEqual(b);
    expect(a.seed).toBe(9); // the number given, as a number
  });

  it("runs qaoa on the simulator, and falls back to tabu with the reason beyond its qubit limit", async () => {
    const small = JSON.parse((await run("cycle.rud", "--solver", "qaoa", "--seed", "1", "--json")).stdout);
    expect(small.solver).toBe("qaoa");
    expect(small.fallback).toBeNull();
    expect(small.best.objective).toBe(4);
    const edges = Array.from({ length: 40 }, (_, i) => `${i + 1} ${((i + 1) % 40) + 1} 1`);
    write("ring40.rud", `40 40\n${edges.join("\n")}\n`);
    const { code, stdout } = await run("ring40.rud", "--solver", "qaoa", "--json");
    expect(code).toBe(0);
    const large = JSON.parse(stdout);
    expect(large.solver).toBe("tabu");
    expect(large.fallback.requested).toEqual({ mode: "quantum", solver: "qaoa" });
    expect(large.fallback.reason).toMatch(/40 qubits/);
    expect(large.best.objective).toBe(40);
    const timed = await run("ring40.rud", "--solver", "qaoa", "--time-limit", "5");
    expect(timed.stdout).toMatch(/^fallback {3}qaoa → tabu: qaoa needs 40 qubits .* \(tabu had \d+ of the 5000 ms\)$/m);
  });

  it("--backend local samples qaoa's final state through the Backend interface", async () => {
    const viaBackend = JSON.parse((await run("cycle.rud", "--solver", "qaoa", "--seed", "1", "--backend", "local", "--json")).stdout);
    expect(viaBackend.solver).toBe("qaoa");
    expect(viaBackend.fallback).toBeNull();
    expect(viaBackend.info.backend).toEqual({ name: "local-simulator", attempts: 1, failures: [], translatedToBasis: false });
    expect(viaBackend.best.objective).toBe(4);
    const notQuantum = await run("cycle.rud", "--solver", "tabu", "--backend", "local");
    expect(notQuantum.code).toBe(EXIT_USAGE);
    expect(notQuantum.stderr).toMatch(/only to the quantum solvers/);
    const unknown = await run("cycle.rud", "--solver", "qaoa", "--backend", "ibm");
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toMatch(/--backend must be 'local'/);
  });

  it("picks the mode's default solver and rejects a solver of another mode", async () => {
    const inspired = JSON.parse((await run("cycle.rud", "--mode", "quantum-inspired", "--json")).stdout);
    expect(inspired.solver).toBe("sb");
    expect(inspired.fallback).toBeNull();
    const quantum = JSON.parse((await run("cycle.rud", "--mode", "quantum", "--json")).stdout);
    expect(quantum.manifest.family).toBe("quantum");
    expect((await run("cycle.rud", "--mode", "quantum-inspired", "--solver", "sa")).code).toBe(2);
  });

  it("takes an evaluation budget (--evaluations) and restarts until it is spent (--reads max)", async () => {
    const sized = JSON.parse((await run("cycle.rud", "--solver", "sa", "--evaluations", "600", "--reads", "4", "--json")).stdout);
    expect(sized.manifest.evaluationBudget).toBe(600);
    expect(sized.info.evaluations).toBeLessThanOrEqual(600);
    expect(sized.info.sweeps).toBe(Math.floor((600 - 4) / (4 * 5)));
    const restarted = JSON.parse((await run("cycle.rud", "--solver", "tabu", "--evaluations", "50000", "--reads", "max", "--json")).stdout);
    expect(restarted.info.stoppedBy).toBe("evaluations");
    expect(restarted.nReads).toBeGreaterThan(1);
    expect(restarted.best.objective).toBe(4);
    const text = await run("cycle.rud", "--solver", "random", "--evaluations", "30");
    expect(text.stdout).toMatch(/evaluated +30 objective evaluations of a budget of 30/);
    const milp = await run("cycle.rud", "--solver", "milp", "--evaluations", "100");
    expect(milp.code).toBe(1);
    expect(milp.stderr).toMatch(/milp cannot honour evaluationBudget/);
  });

  it("exits 2 on a malformed command line", async () => {
    for (const args of [
      ["cycle.rud", "--solver", "annealer"],
      ["cycle.rud", "--reads", "0"],
      ["cycle.rud", "--time-limit", "soon"],
      ["cycle.rud", "--evaluations", "0"],
      ["cycle.rud", "--evaluations", "1.5"],
      ["cycle.rud", "--reads", "max"],
      ["cycle.rud", "--format", "csv"],
      ["cycle.rud", "--instance", "2"],
      ["cycle.rud", "--data", "knapsack.json"],
      ["cycle.rud", "--mode", "analog"],
      [],
    ]) {
      const { code, stderr } = await run(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain("usage: qpipe solve");
    }
  });

  it("exits 1 with a diagnostic for a malformed or missing file", async () => {
    write("broken.rud", "3 2\n1 2 1\n");
    const broken = await run("broken.rud");
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error\[[a-z-]+\]:/);
    expect(broken.stderr).toContain("broken.rud:1:3");
    // the offending line itself, with the caret under its column
    expect(broken.stderr).toContain("1 | 3 2\n  |   ^");
    const missing = await run("nowhere.qubo");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error[unreadable-file]");
    write("bad.qp", "problem p {\n  var x: binary[2]\n  minimize y[0]\n}\n");
    const bad = await run("bad.qp");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error\[[a-z-]+\]/);
    expect(bad.stderr).toContain("bad.qp:3:");
  });

  it("exits 1 with the compiler's diagnostic, not a crash, when a constraint cannot be compiled", async () => {
    write(
      "irrational.qp",
      "problem p {\n  var x: binary[2]\n  minimize x[0] - x[1]\n  constraint c: x[0] + sqrt(2) * x[1] <= 2\n}\n",
    );
    const result = await run("irrational.qp");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error\[[a-z-]+\]/);
    expect(result.stderr).toContain("irrational.qp:4:");
  });
});
