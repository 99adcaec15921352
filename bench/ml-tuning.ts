// Hyperparameter candidate proposal: FMQA (surrogate QUBO solved by tabu) vs TPE vs random search,
// same initial design and budget per seed, on the logistic-regression grid (120 configurations).
//   npx tsx bench/ml-tuning.ts
import { existsSync, readFileSync } from "node:fs";
import type { Dataset } from "../src/ml/dataset.js";
import { LOGISTIC_SEARCH_SPACE, logisticTuningObjective } from "../src/ml/logistic-tuning-problem.js";
import { makeClassification } from "../src/ml/make-classification.js";
import { readCsvDataset } from "../src/ml/read-csv-dataset.js";
import type { Configuration } from "../src/ml/search-space.js";
import { runTuning, TUNING_METHODS } from "../src/ml/tuning-stage.js";
import { createRng } from "../src/util/rng.js";

const seeds = [0, 1, 2, 3, 4];
const budget = 15;
const sets: Dataset[] = [makeClassification({ nSamples: 300, nFeatures: 20, nInformative: 4, nRedundant: 2, classSep: 0.5, flipY: 0.1, rng: createRng(21) })];
const cancer = new URL("../../shared/data/tabular/breast_cancer.csv", import.meta.url);
if (existsSync(cancer)) sets.push(readCsvDataset(readFileSync(cancer, "utf8"), { file: "breast_cancer.csv" }).dataset!);

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const dataset of sets) {
  const cache = new Map<string, number>();
  const base = logisticTuningObjective(dataset, 5);
  const objective = (c: Configuration) => {
    const key = c.join(",");
    if (!cache.has(key)) cache.set(key, base(c));
    return cache.get(key)!;
  };
  // The whole grid, once, for the reference optimum (cached, so the runs below do not pay for it).
  let gridBest = -Infinity;
  const sizes = LOGISTIC_SEARCH_SPACE.map((p) => p.choices.length);
  for (let a = 0; a < sizes[0]; a++) for (let b = 0; b < sizes[1]; b++) for (let c = 0; c < sizes[2]; c++) gridBest = Math.max(gridBest, objective([a, b, c]));
  const { runs, points } = await runTuning(LOGISTIC_SEARCH_SPACE, objective, { budget, nInitial: 5, seeds });
  console.log(`\n${dataset.name}: grid optimum AUC ${gridBest.toFixed(4)}, budget ${budget} of 120, seeds ${seeds.join(",")}`);
  console.log("| method | median best AUC | runs reaching the grid optimum | median best-so-far at 10 | median propose ms per run | median encoding ms per run | repeats replaced (total) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const method of TUNING_METHODS) {
    const rs = runs.filter((r) => r.method === method);
    const at10 = seeds.map((s) => points.find((p) => p.method === method && p.seed === s && p.iteration === 9)!.bestSoFar);
    console.log(
      `| ${method} | ${median(rs.map((r) => r.bestScore)).toFixed(4)} | ${rs.filter((r) => r.bestScore >= gridBest - 1e-12).length}/${rs.length} | ${median(at10).toFixed(4)} | ${median(rs.map((r) => r.proposeMs)).toFixed(0)} | ${median(rs.map((r) => r.encodingMs)).toFixed(0)} | ${rs.reduce((t, r) => t + r.repeatsReplaced, 0)} |`,
    );
  }
}
