import { describe, expect, it } from "vitest";
import { fitFactorizationMachine, fmPredict } from "../../src/ml/factorization-machine.js";
import { LOGISTIC_SEARCH_SPACE, logisticTuningObjective } from "../../src/ml/logistic-tuning-problem.js";
import { encodeConfiguration, type SearchSpace } from "../../src/ml/search-space.js";
import { runTuning } from "../../src/ml/tuning-stage.js";
import { makeClassification } from "../../src/ml/make-classification.js";
import { createRng } from "../../src/util/rng.js";

const space: SearchSpace = [
  { name: "a", choices: [0, 1, 2, 3] },
  { name: "b", choices: ["p", "q", "r", "s"] },
  { name: "c", choices: [0, 1, 2, 3] },
];
// A score with a pairwise interaction: the optimum (a=2, b=q, c=3) is not the product of per-parameter bests.
const score = (c: readonly number[]) => -((c[0] - 1) ** 2) + (c[1] === 1 ? 1 : 0) - (c[2] - 2) ** 2 + (c[0] === 2 && c[2] === 3 ? 4 : 0);
const all: number[][] = [];
for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 4; c++) all.push([a, b, c]);
const optimum = Math.max(...all.map(score));

describe("factorisation machine surrogate", () => {
  it("fits a quadratic function of one-hot inputs closely", () => {
    const fm = fitFactorizationMachine(all.map((c) => encodeConfiguration(space, c)), all.map(score), { rng: createRng(1), epochs: 1500 });
    let squared = 0;
    for (const c of all) squared += (fmPredict(fm, encodeConfiguration(space, c)) - score(c)) ** 2;
    expect(Math.sqrt(squared / all.length)).toBeLessThan(0.1);
  });
});

describe("runTuning under equal budgets", () => {
  it("gives every method the same initial design and budget, never repeats a configuration, and keeps best-so-far monotone", async () => {
    const { points, runs } = await runTuning(space, score, { budget: 12, nInitial: 4, seeds: [0, 1] });
    expect(runs).toHaveLength(6);
    for (const run of runs) {
      const mine = points.filter((p) => p.method === run.method && p.seed === run.seed);
      expect(mine).toHaveLength(12);
      expect(new Set(mine.map((p) => JSON.stringify(p.configuration))).size).toBe(12);
      for (let i = 1; i < mine.length; i++) expect(mine[i].bestSoFar).toBeGreaterThanOrEqual(mine[i - 1].bestSoFar);
      expect(run.bestScore).toBe(mine.at(-1)!.bestSoFar);
      const initial = points.filter((p) => p.seed === run.seed && p.method === "random" && p.iteration < 4).map((p) => p.configuration);
      expect(mine.slice(0, 4).map((p) => p.configuration)).toEqual(initial);
    }
  });

  it("FMQA (surrogate QUBO from the DSL, tabu) reaches the optimum of an interacting objective within 20 of 64 evaluations on most seeds", async () => {
    const { runs } = await runTuning(space, score, { budget: 20, nInitial: 5, seeds: [0, 1, 2, 3, 4], methods: ["fmqa"] });
    expect(runs.filter((r) => r.bestScore === optimum).length).toBeGreaterThanOrEqual(4);
    expect(runs.every((r) => r.encodingMs > 0)).toBe(true);
  }, 60_000);

  it("refuses budgets beyond the space and objectives that return NaN", async () => {
    await expect(runTuning(space, score, { budget: 65 })).rejects.toThrow(/budget must be an integer in 2\.\.64/);
    await expect(runTuning(space, () => Number.NaN, { budget: 3, methods: ["random"] })).rejects.toThrow(/finite/);
  });

  it("tunes a real model: CV AUC of logistic regression on synthetic data", async () => {
    const data = makeClassification({ nSamples: 200, nFeatures: 10, nInformative: 3, classSep: 0.7, flipY: 0.05, rng: createRng(2) });
    const objective = logisticTuningObjective(data, 3);
    const { runs } = await runTuning(LOGISTIC_SEARCH_SPACE, objective, { budget: 8, nInitial: 4, seeds: [0], methods: ["random", "tpe"] });
    for (const run of runs) expect(run.bestScore).toBeGreaterThan(0.7);
  }, 60_000);
});
