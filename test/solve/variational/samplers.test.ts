import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSource } from "../../../src/compile/from-source.js";
import { solveExact } from "../../../src/solve/exact.js";
import { qaoaSampler, solve, vqeSampler } from "../../../src/solve/index.js";
import { randomQubo } from "../problems.js";
import { graphProblem, random3Regular, ringEdges } from "./graphs.js";

const withoutTiming = (json: object): string => JSON.stringify({ ...json, timing: undefined });

describe("the qaoa sampler", () => {
  it("gives an identical SampleSet (timing aside) for the same seed, and different shots for another", async () => {
    const problem = graphProblem(6, random3Regular(6, 1));
    const run = (seed: number) => qaoaSampler.sample(problem, { seed, reads: 200, p: 2, optimizer: "spsa", maxEvaluations: 60 });
    const [a, b, c] = await Promise.all([run(7), run(7), run(8)]);
    expect(withoutTiming(a.toJSON())).toBe(withoutTiming(b.toJSON()));
    expect(withoutTiming(a.toJSON())).not.toBe(withoutTiming(c.toJSON()));
  });

  it("finds the maximum cut of random 3-regular graphs on 8 nodes with high probability at p = 5", async () => {
    for (const seed of [1, 2, 3]) {
      const problem = graphProblem(8, random3Regular(8, seed));
      const optimum = solveExact(problem.qubo).minEnergy;
      const set = await qaoaSampler.sample(problem, { seed, reads: 1000, p: 5 });
      expect(set.samples[0]!.energy).toBe(optimum);
      const hits = set.samples.filter((s) => s.energy === optimum).reduce((sum, s) => sum + s.occurrences, 0);
      expect(hits / 1000, `graph ${seed}`).toBeGreaterThan(0.5);
      // The approximation ratio improves with depth beyond p = 1's guarantee of 0.6924 on 3-regular graphs.
      expect((set.info.meanEnergy as number) / optimum).toBeGreaterThan(0.85);
    }
  });

  it("records depth, angles, the convergence trace, evaluations and a resource estimate", async () => {
    const set = await qaoaSampler.sample(graphProblem(5, ringEdges(5)), { seed: 1, reads: 50, p: 3, init: "interp", maxEvaluations: 90 });
    const info = set.info as Record<string, any>;
    expect(info.p).toBe(3);
    expect(Object.keys(info.angles)).toEqual(["gamma[0]", "beta[0]", "gamma[1]", "beta[1]", "gamma[2]", "beta[2]"]);
    expect(info.stages.map((s: { p: number }) => s.p)).toEqual([1, 2, 3]);
    expect(info.nEvaluations).toBeLessThanOrEqual(90);
    // [evaluation, best so far]: evaluations never decrease, and the last point is the final stage's optimum.
    for (let k = 1; k < info.trace.length; k++) expect(info.trace[k][0]).toBeGreaterThanOrEqual(info.trace[k - 1][0]);
    expect(info.trace.at(-1)[1]).toBe(info.objectiveValue);
    expect(info.objectiveValue).toBeCloseTo(info.meanEnergy, 9);
    expect(info.resources.logical.gateCounts).toEqual({ h: 5, rx: 15, rzz: 15 });
    expect(info.resources.logical.nMeasurements).toBe(5);
    expect(info.resources.simulator.memoryBytes).toBe(16 * 32);
  });

  it("reaches a lower tail with CVaR than its own mean", async () => {
    const set = await qaoaSampler.sample(randomQubo(7, 3), { seed: 2, reads: 100, p: 2, cvarAlpha: 0.1 });
    expect(set.info.aggregation).toBe("cvar(0.1)");
    expect(set.info.objectiveValue as number).toBeLessThan(set.info.meanEnergy as number);
  });

  it("keeps one-hot variables of a compiled model valid with the xy-ring mixer", async () => {
    const source = readFileSync(new URL("../../../grammar/examples/graph-colouring.qp", import.meta.url), "utf8");
    const { compiled, diagnostics } = compileSource(source, { data: { n: 3, edges: [[0, 1], [1, 2]] } });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const set = await solve(compiled!, { mode: "quantum", seed: 4, reads: 300, parameters: { p: 2, mixer: "xy-ring" } });
    expect(set.fallback).toBeNull();
    expect(set.info.constrainedGroups).toBe(3);
    for (const sample of set.samples) expect(sample.feasible, sample.bits).toBe(true);
    const plain = await solve(compiled!, { mode: "quantum", seed: 4, reads: 300, parameters: { p: 2 } });
    expect(plain.samples.some((s) => !s.feasible)).toBe(true);
  });
});

describe("the vqe sampler", () => {
  it("finds the optimum of a small random QUBO with a hardware-efficient ansatz", async () => {
    const qubo = randomQubo(6, 5);
    const set = await vqeSampler.sample(qubo, { seed: 3, reads: 200, layers: 2 });
    expect(set.samples[0]!.energy).toBe(solveExact(qubo).minEnergy);
    expect(set.info.nEvaluations as number).toBeLessThanOrEqual(300);
  });
});

describe("quantum mode", () => {
  it("runs qaoa by default and records no fallback", async () => {
    const set = await solve(randomQubo(6, 1), { mode: "quantum", seed: 1, reads: 20, parameters: { p: 1 } });
    expect(set.manifest.solver).toBe("qaoa");
    expect(set.manifest.family).toBe("quantum");
    expect(set.fallback).toBeNull();
  });

  it("falls back to the classical solver on a 40-variable problem with the reason recorded", async () => {
    const set = await solve(randomQubo(40, 1, 0.1), { mode: "quantum", seed: 1, reads: 2 });
    expect(set.manifest.solver).toBe("tabu");
    expect(set.fallback).toEqual({
      requested: { mode: "quantum", solver: "qaoa" },
      used: { mode: "classical", solver: "tabu" },
      reason: "qaoa needs 40 qubits (a 16384.0 GiB statevector); the limit is 24 qubits",
    });
    // far out of reach, the size is a power of two, not 9.9e+232 GiB
    const wide = await solve(randomQubo(800, 1, 0.005), { mode: "quantum", seed: 1, reads: 1 });
    expect(wide.fallback?.reason).toBe("qaoa needs 800 qubits (a 2^804 bytes statevector); the limit is 24 qubits");
    const vqe = await solve(randomQubo(22, 1, 0.1), { mode: "quantum", solver: "vqe", seed: 1, reads: 2 });
    expect(vqe.fallback?.reason).toMatch(/vqe needs 22 qubits .*limit is 20 qubits/);
  });

  it("stops the loop at the time limit and says so", async () => {
    const set = await qaoaSampler.sample(randomQubo(14, 2), { seed: 1, reads: 10, p: 8, init: "ramp", optimizer: "nelder-mead", maxEvaluations: 100000, timeLimitMs: 300 });
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(set.info.nEvaluations as number).toBeLessThan(100000);
    expect(set.samples.length).toBeGreaterThan(0);
  });

  it("refuses bad options before running", async () => {
    await expect(qaoaSampler.sample(randomQubo(4, 1), { p: 0 })).rejects.toThrow(/qaoa option p must be an integer/);
    await expect(qaoaSampler.sample(randomQubo(4, 1), { optimizer: "bfgs" })).rejects.toThrow(/must be one of nelder-mead/);
    await expect(qaoaSampler.sample(randomQubo(4, 1), { cvarAlpha: 0 })).rejects.toThrow(RangeError);
    await expect(vqeSampler.sample(randomQubo(4, 1), { layer: 2 })).rejects.toThrow(/unknown option 'layer'/);
  });
});
