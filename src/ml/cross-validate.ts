// The fixed downstream model every selector is judged by: L2 logistic regression (C = 1) on the
// chosen features, scored by stratified k-fold accuracy and ROC AUC on the held-out folds.
import type { Dataset } from "./dataset.js";
import { fitLogistic, type LogisticOptions, predictProbabilities } from "./logistic-regression.js";
import { macroAuc } from "./roc-auc.js";
import type { Fold } from "./stratified-folds.js";

export interface CrossValidationScore {
  readonly accuracy: number;
  readonly auc: number;
  readonly accuracyPerFold: readonly number[];
  readonly aucPerFold: readonly number[];
}

/** Row-major copy of `rows` × `features`. */
export function designMatrix(dataset: Dataset, features: readonly number[], rows: Int32Array): Float64Array {
  const d = features.length;
  const out = new Float64Array(rows.length * d);
  for (let f = 0; f < d; f++) {
    const column = dataset.columns[features[f]];
    for (let r = 0; r < rows.length; r++) out[r * d + f] = column[rows[r]];
  }
  return out;
}

export function pickTarget(dataset: Dataset, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = dataset.target[rows[r]];
  return out;
}

export function crossValidate(dataset: Dataset, features: readonly number[], folds: readonly Fold[], options: LogisticOptions = {}): CrossValidationScore {
  if (features.length === 0) throw new RangeError("cross-validation needs at least one feature");
  const nClasses = dataset.classes.length;
  const accuracyPerFold: number[] = [];
  const aucPerFold: number[] = [];
  for (const fold of folds) {
    const model = fitLogistic(designMatrix(dataset, features, fold.train), pickTarget(dataset, fold.train), features.length, nClasses, options);
    const yTest = pickTarget(dataset, fold.test);
    const probabilities = predictProbabilities(model, designMatrix(dataset, features, fold.test));
    let correct = 0;
    for (let i = 0; i < yTest.length; i++) {
      let best = 0;
      for (let c = 1; c < nClasses; c++) if (probabilities[i * nClasses + c] > probabilities[i * nClasses + best]) best = c;
      if (best === yTest[i]) correct++;
    }
    accuracyPerFold.push(correct / yTest.length);
    aucPerFold.push(macroAuc(probabilities, yTest, nClasses));
  }
  return { accuracy: mean(accuracyPerFold), auc: mean(aucPerFold), accuracyPerFold, aucPerFold };
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("mean of no values");
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}
