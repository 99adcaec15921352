// Stratified k-fold split: the rows of each class are shuffled and dealt round-robin over the folds,
// so that every fold keeps the class proportions (to within one row per class).
import type { Rng } from "../util/rng.js";
import { permutation } from "./make-classification.js";

export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

export function stratifiedFolds(target: Int32Array, nFolds: number, rng: Rng): Fold[] {
  if (!Number.isInteger(nFolds) || nFolds < 2) throw new RangeError(`nFolds must be an integer ≥ 2, got ${nFolds}`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < target.length; i++) {
    const rows = byClass.get(target[i]) ?? [];
    rows.push(i);
    byClass.set(target[i], rows);
  }
  for (const [label, rows] of byClass) {
    if (rows.length < nFolds) throw new RangeError(`class ${label} has ${rows.length} samples; stratified ${nFolds}-fold CV needs at least ${nFolds} per class`);
  }
  const foldOf = new Int32Array(target.length);
  let dealt = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label) ?? [];
    const order = permutation(rows.length, rng);
    for (let r = 0; r < rows.length; r++) foldOf[rows[order[r]]] = (dealt + r) % nFolds;
    dealt += rows.length;
  }
  return Array.from({ length: nFolds }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < target.length; i++) (foldOf[i] === f ? test : train).push(i);
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}
