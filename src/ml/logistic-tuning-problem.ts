// A real tuning objective: stratified CV ROC AUC of the project's logistic regression over a
// discrete grid of regularisation and optimisation settings (on every feature of the data set).
import { createRng } from "../util/rng.js";
import { crossValidate } from "./cross-validate.js";
import type { Dataset } from "./dataset.js";
import type { Configuration, SearchSpace } from "./search-space.js";
import { stratifiedFolds } from "./stratified-folds.js";

export const LOGISTIC_SEARCH_SPACE: SearchSpace = [
  { name: "l2", choices: [0, 1e-4, 1e-3, 1e-2, 1e-1, 1] },
  { name: "l1", choices: [0, 1e-3, 1e-2, 3e-2, 1e-1] },
  { name: "iterations", choices: [3, 10, 30, 100] },
];

export function logisticTuningObjective(dataset: Dataset, folds = 5, seed = 0): (config: Configuration) => number {
  const split = stratifiedFolds(dataset.target, folds, createRng(seed).fork("tuning-folds"));
  const features = dataset.columns.map((_, j) => j);
  return (config) => {
    const [l2, l1, iterations] = LOGISTIC_SEARCH_SPACE.map((p, i) => Number(p.choices[config[i]]));
    return crossValidate(dataset, features, split, { l2, l1, iterations }).auc;
  };
}
