import { describe, expect, it } from "vitest";
import { compile, isingEnergy, quboToIsing } from "../../src/compile/index.js";
import { Model, sum, range } from "../../src/model/index.js";
import { exactSampler, milpSolver, simulatedAnnealing, tabuSearch } from "../../src/solve/index.js";
import { bruteForceMinimum, randomQubo } from "./problems.js";

describe("exact sampler", () => {
  it("returns every minimiser of a small problem, proven optimal", async () => {
    for (let seed = 0; seed < 10; seed++) {
      const qubo = randomQubo(3 + seed, 500 + seed);
      const set = await exactSampler.sample(qubo, { lowest: 5 });
      expect(set.bestEnergy!.energy).toBe(bruteForceMinimum(qubo));
      expect(set.info.optimal).toBe(true);
      expect(set.samples.length).toBeGreaterThanOrEqual(Math.min(5, 2 ** (3 + seed)));
      for (const s of set.samples) expect(s.occurrences).toBe(1);
    }
  });

  it("refuses problems beyond enumeration with a RangeError naming other solvers", async () => {
    await expect(exactSampler.sample(randomQubo(40, 1, 0.05))).rejects.toThrow(/at most 34 variables.*milp/);
  });
});

describe("compiled models", () => {
  // Knapsack: maximise value under a weight capacity (slack bits encode the inequality).
  const value = [6, 5, 4, 3];
  const weight = [4, 3, 2, 2];
  const model = new Model("knapsack");
  const x = model.binary("x", [4]);
  model.maximize(sum(range(0, 3), (i) => x.at(i).times(value[i])));
  model.constraint("capacity", sum(range(0, 3), (i) => x.at(i).times(weight[i])), "<=", 6);
  const compiled = compile(model);
  let bestValue = 0;
  for (let code = 0; code < 16; code++) {
    const items = [0, 1, 2, 3].filter((i) => (code >> i) & 1);
    if (items.reduce((w, i) => w + weight[i], 0) <= 6) bestValue = Math.max(bestValue, items.reduce((v, i) => v + value[i], 0));
  }

  it("solves a compiled model and reports the objective in its own sense with decoded values", async () => {
    for (const sampler of [exactSampler, milpSolver, tabuSearch, simulatedAnnealing]) {
      const set = await sampler.sample(compiled, { seed: 1 });
      expect(set.sense).toBe("max");
      const best = set.bestFeasible!;
      expect(best.feasible).toBe(true);
      expect(best.objective).toBe(bestValue);
      expect(best.values).toHaveProperty("x");
      const picked = best.values!.x as number[];
      expect(picked.reduce((w, v, i) => w + v * weight[i], 0)).toBeLessThanOrEqual(6);
      for (const s of set.samples) if (!s.feasible) expect(Object.keys(s.violations).length).toBeGreaterThan(0);
    }
  });
});

describe("Ising input", () => {
  it("is solved through its QUBO and decoded back to spins, with the Ising energy as objective", async () => {
    const qubo = randomQubo(8, 21);
    const ising = quboToIsing(qubo);
    const set = await exactSampler.sample(ising);
    const best = set.bestFeasible!;
    const spins = ising.variables.map((name) => best.values![name] as number);
    expect(spins.every((s) => s === 1 || s === -1)).toBe(true);
    expect(best.objective).toBeCloseTo(isingEnergy(ising, spins), 9);
    expect(best.objective).toBeCloseTo(bruteForceMinimum(qubo), 9);
  });
});
