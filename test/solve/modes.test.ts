import { describe, expect, it } from "vitest";
import { DEFAULT_SOLVERS, defineSampler, registerSampler, solve, type SolvableModel } from "../../src/solve/index.js";
import { randomQubo } from "./problems.js";

// Stand-ins for the variational samplers (which register the same way): a quantum-family sampler
// with a qubit limit, one whose backend throws, and one whose backend never answers.
const limited = defineSampler<Record<string, never>, number>({
  name: "test-quantum-limited",
  family: "quantum",
  summary: "quantum-family stand-in that samples uniformly",
  defaultReads: 8,
  parameters: {},
  encode: (qubo) => qubo.linear.length,
  solve: (n, _p, context) => {
    for (let r = 0; r < context.reads; r++) context.out.push(Array.from({ length: n }, () => (context.rng.next() < 0.5 ? 1 : 0)));
  },
});
registerSampler({ ...limited, admit: (model: SolvableModel) => (model.qubo.linear.length > 10 ? `needs ${model.qubo.linear.length} qubits, the simulator allows 10` : undefined) });
registerSampler(
  defineSampler<Record<string, never>, number>({
    name: "test-quantum-throws",
    family: "quantum",
    summary: "backend that fails",
    defaultReads: 1,
    parameters: {},
    encode: () => 0,
    solve: () => {
      throw new Error("backend unreachable");
    },
  }),
);
registerSampler(
  defineSampler<Record<string, never>, number>({
    name: "test-quantum-hangs",
    family: "quantum",
    summary: "backend that never answers",
    defaultReads: 1,
    parameters: {},
    encode: () => 0,
    solve: () => new Promise<void>(() => undefined),
  }),
);

describe("solve modes", () => {
  it("runs the default solver of each available mode without a fallback", async () => {
    const qubo = randomQubo(10, 1);
    const classical = await solve(qubo, { seed: 1 });
    expect(classical.manifest.solver).toBe(DEFAULT_SOLVERS.classical);
    expect(classical.fallback).toBeNull();
    const inspired = await solve(qubo, { mode: "quantum-inspired", seed: 1, parameters: { steps: 200 } });
    expect(inspired.manifest.solver).toBe("sb");
    expect(inspired.manifest.parameters.steps).toBe(200);
    expect(inspired.fallback).toBeNull();
  });

  it("falls back to the classical solver when the quantum sampler is not available", async () => {
    const set = await solve(randomQubo(8, 2), { mode: "quantum", solver: "test-quantum-missing", seed: 3, reads: 2 });
    expect(set.manifest.solver).toBe("tabu");
    expect(set.fallback).toEqual({
      requested: { mode: "quantum", solver: "test-quantum-missing" },
      used: { mode: "classical", solver: "tabu" },
      reason: expect.stringContaining("quantum solvers not available"),
    });
    expect(JSON.parse(JSON.stringify(set)).fallback.used.solver).toBe("tabu");
  });

  it("falls back when the problem is too large for the quantum sampler, and runs it otherwise", async () => {
    const large = await solve(randomQubo(12, 2), { mode: "quantum", solver: "test-quantum-limited", fallback: { solver: "sa", parameters: { sweeps: 50 } } });
    expect(large.manifest.solver).toBe("sa");
    expect(large.manifest.parameters.sweeps).toBe(50);
    expect(large.fallback?.reason).toBe("needs 12 qubits, the simulator allows 10");
    const small = await solve(randomQubo(6, 2), { mode: "quantum", solver: "test-quantum-limited" });
    expect(small.manifest.solver).toBe("test-quantum-limited");
    expect(small.fallback).toBeNull();
  });

  it("gives the fallback its own reads: the quantum solver's shots are not its restarts", async () => {
    const shots = { mode: "quantum" as const, solver: "test-quantum-limited", reads: 3, evaluationBudget: 5_000 };
    const inherited = await solve(randomQubo(12, 2), { ...shots, fallback: { solver: "sa", parameters: { sweeps: 20 } } });
    expect(inherited.manifest.reads).toBe(3);
    const restarting = await solve(randomQubo(12, 2), { ...shots, fallback: { solver: "sa", parameters: { sweeps: 20 }, reads: Infinity } });
    expect(restarting.manifest.solver).toBe("sa");
    // Restarts until the budget is spent: far more than the three shots asked of the quantum solver.
    expect(restarting.info.evaluations).toBeGreaterThan(4_000);
    expect(restarting.info.evaluations).toBeLessThanOrEqual(5_000);
    expect(restarting.nReads + Number(restarting.info.readsNotKept ?? 0)).toBeGreaterThan(3);
  });

  it("says that the fallback ran, and why, when the fallback refuses the options", async () => {
    const attempt = solve(randomQubo(12, 2), { mode: "quantum", solver: "test-quantum-limited", evaluationBudget: 5, fallback: { solver: "sa" } });
    await expect(attempt).rejects.toThrow(RangeError);
    await expect(attempt).rejects.toThrow(/^fallback to sa \(test-quantum-limited: needs 12 qubits, the simulator allows 10\): sa: evaluationBudget 5 is below one read/);
  });

  it("falls back when the quantum backend throws", async () => {
    const set = await solve(randomQubo(6, 2), { mode: "quantum", solver: "test-quantum-throws" });
    expect(set.manifest.solver).toBe("tabu");
    expect(set.fallback?.reason).toMatch(/test-quantum-throws failed after \d+ ms: backend unreachable/);
  });

  it("falls back within the time budget when the quantum backend hangs", async () => {
    const started = performance.now();
    const set = await solve(randomQubo(6, 2), { mode: "quantum", solver: "test-quantum-hangs", timeLimitMs: 200 });
    expect(performance.now() - started).toBeLessThan(200 + 100 + 1000);
    expect(set.fallback?.reason).toContain("timed out");
    // Abandoned at the limit plus its grace, the attempt left nothing: the fallback gets the floor.
    expect(set.fallback?.time?.spentMs).toBeGreaterThanOrEqual(200 + 100 - 1);
    expect(set.fallback?.time?.givenMs).toBe(20);
    expect(set.manifest.timeLimitMs).toBe(20);
    expect(set.bestFeasible).toBeDefined();
  });

  it("rejects unknown modes and solvers, and a solver of another family", async () => {
    const qubo = randomQubo(4, 1);
    await expect(solve(qubo, { mode: "analog" as "quantum" })).rejects.toThrow(RangeError);
    await expect(solve(qubo, { solver: "anneal" })).rejects.toThrow(/unknown solver 'anneal'/);
    await expect(solve(qubo, { mode: "quantum-inspired", solver: "sa" })).rejects.toThrow(/'sa' is classical, not quantum-inspired/);
    await expect(solve(qubo, { mode: "quantum", fallback: { solver: "sb" } })).rejects.toThrow(RangeError);
    await expect(solve(qubo, { solver: "sa", parameters: { sweeps: -1 } })).rejects.toThrow(RangeError);
  });
});
