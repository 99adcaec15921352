// Classical feature-selection baselines, each given the same k and the same training rows:
//   mrmr            greedy max-relevance min-redundancy, MID form (Peng, Long & Ding 2005)
//   greedy-forward  wrapper: add the feature that most improves inner stratified CV accuracy
//   l1-path         L1 logistic regression, λ₁ walked down a geometric path until ≥ k features are
//                   non-zero; ties beyond k broken by |weight| (as LassoCV-style selection does)
//   random-forest   mljs random forest, top-k by mean impurity-decrease importance
//   random          a uniformly random k-subset
//   all             every feature (the reference any selection must justify itself against)
import { RandomForestClassifier } from "ml-random-forest";
import type { Rng } from "../util/rng.js";
import { crossValidate, designMatrix, pickTarget } from "./cross-validate.js";
import type { Dataset } from "./dataset.js";
import { type FeatureScoreOptions, scoreFeatures } from "./feature-scores.js";
import { fitLogistic } from "./logistic-regression.js";
import { permutation } from "./make-classification.js";
import { type Selection, topK } from "./selection.js";
import { stratifiedFolds } from "./stratified-folds.js";

export type BaselineName = "mrmr" | "greedy-forward" | "l1-path" | "random-forest" | "random" | "all";
export const BASELINES: readonly BaselineName[] = ["mrmr", "greedy-forward", "l1-path", "random-forest", "random", "all"];

export interface BaselineOptions extends FeatureScoreOptions {
  readonly k: number;
  readonly rng: Rng;
}

export function selectByBaseline(name: BaselineName, dataset: Dataset, options: BaselineOptions, rows?: Int32Array): Selection {
  const n = dataset.columns.length;
  const { k, rng } = options;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in 1..${n} (the number of features), got ${k}`);
  const training = rows ?? Int32Array.from({ length: dataset.nSamples }, (_, i) => i);
  const started = performance.now();
  switch (name) {
    case "mrmr": {
      const scores = scoreFeatures(dataset, options, training);
      const scoringMs = performance.now() - started;
      const t = performance.now();
      const features = mrmr(scores.relevance, scores.redundancy, k);
      return done(name, features, scoringMs, performance.now() - t, { redundancy: scores.measure });
    }
    case "greedy-forward":
      return done(name, greedyForward(dataset, training, k, rng), 0, performance.now() - started, { innerFolds: 3 });
    case "l1-path": {
      const { features, lambda } = l1Path(dataset, training, k);
      return done(name, features, 0, performance.now() - started, { lambda });
    }
    case "random-forest": {
      const importance = forestImportance(dataset, training, rng);
      const scoringMs = performance.now() - started;
      return done(name, topK(importance, k), scoringMs, 0, { nEstimators: FOREST_TREES });
    }
    case "random":
      return done(name, permutation(n, rng).slice(0, k).sort((a, b) => a - b), 0, performance.now() - started, {});
    case "all":
      return done(name, Array.from({ length: n }, (_, i) => i), 0, 0, {});
    default:
      return assertNever(name);
  }
}

function done(method: string, features: number[], scoringMs: number, solvingMs: number, info: Selection["info"]): Selection {
  return { method, features: [...features].sort((a, b) => a - b), timing: { scoringMs, encodingMs: 0, solvingMs }, info };
}

/** Greedy mRMR (MID): first the most relevant, then argmax rᵢ − mean_{j∈S} Rᵢⱼ. */
export function mrmr(relevance: readonly number[], redundancy: readonly (readonly number[])[], k: number): number[] {
  const chosen: number[] = [];
  const inSet = new Uint8Array(relevance.length);
  while (chosen.length < k) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < relevance.length; i++) {
      if (inSet[i]) continue;
      let penalty = 0;
      for (const j of chosen) penalty += redundancy[i][j];
      const score = relevance[i] - (chosen.length > 0 ? penalty / chosen.length : 0);
      if (score > bestScore) { bestScore = score; best = i; }
    }
    chosen.push(best);
    inSet[best] = 1;
  }
  return chosen;
}

function greedyForward(dataset: Dataset, training: Int32Array, k: number, rng: Rng): number[] {
  const inner = stratifiedFolds(pickTarget(dataset, training), 3, rng).map((f) => ({ train: mapRows(training, f.train), test: mapRows(training, f.test) }));
  const chosen: number[] = [];
  while (chosen.length < k) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < dataset.columns.length; i++) {
      if (chosen.includes(i)) continue;
      const score = crossValidate(dataset, [...chosen, i], inner, { iterations: 100 });
      const value = score.accuracy + 1e-3 * score.auc; // AUC breaks accuracy ties
      if (value > bestScore) { bestScore = value; best = i; }
    }
    chosen.push(best);
  }
  return chosen;
}

function mapRows(outer: Int32Array, inner: Int32Array): Int32Array {
  const out = new Int32Array(inner.length);
  for (let r = 0; r < inner.length; r++) out[r] = outer[inner[r]];
  return out;
}

function l1Path(dataset: Dataset, training: Int32Array, k: number): { features: number[]; lambda: number } {
  const n = dataset.columns.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const x = designMatrix(dataset, all, training);
  const y = pickTarget(dataset, training);
  let lambda = 1;
  let magnitude = new Array<number>(n).fill(0);
  for (let step = 0; step < 40; step++, lambda *= 0.7) {
    const model = fitLogistic(x, y, n, dataset.classes.length, { l1: lambda, l2: 0, iterations: 300 });
    magnitude = all.map((j) => model.weights.reduce((m, w) => Math.max(m, Math.abs(w[j])), 0));
    if (magnitude.filter((m) => m > 0).length >= k) break;
  }
  return { features: topK(magnitude, k), lambda };
}

const FOREST_TREES = 30;

interface TreeNode {
  readonly splitColumn?: number;
  readonly gain?: number;
  readonly numberSamples?: number;
  readonly left?: TreeNode;
  readonly right?: TreeNode;
}

interface ForestInternals {
  readonly estimators: readonly { readonly root: TreeNode }[];
  readonly indexes: readonly (readonly number[])[];
}

/**
 * Mean decrease in Gini impurity per feature, Σ_nodes N_node·ΔGini, each tree normalised to sum 1
 * (Breiman 2001, as scikit-learn's feature_importances_). Computed from the mljs forest's trees here
 * because its own featureImportance() subtracts the children's gains (already net of them) and turns
 * every value into NaN when one bootstrap tree has no split.
 */
function forestImportance(dataset: Dataset, training: Int32Array, rng: Rng): number[] {
  const n = dataset.columns.length;
  const x = designMatrix(dataset, Array.from({ length: n }, (_, i) => i), training);
  const rowsAsArrays = Array.from({ length: training.length }, (_, r) => Array.from(x.subarray(r * n, (r + 1) * n)));
  const forest = new RandomForestClassifier({
    nEstimators: FOREST_TREES,
    treeOptions: { maxDepth: 8 },
    seed: rng.int(2 ** 31),
    maxFeatures: Math.max(1, Math.round(Math.sqrt(n))),
    useSampleBagging: true,
    noOOB: true,
  });
  forest.train(rowsAsArrays, Array.from(pickTarget(dataset, training)));
  const { estimators, indexes } = forest as unknown as ForestInternals;
  const total = new Array<number>(n).fill(0);
  const perTree = new Array<number>(n);
  for (let t = 0; t < estimators.length; t++) {
    perTree.fill(0);
    const stack: TreeNode[] = [estimators[t].root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === undefined || node.splitColumn === undefined || !((node.gain ?? 0) > 0)) continue;
      // mljs stores the split's impurity decrease as `gain`; weight it by the samples reaching the node.
      const decrease = (node.gain ?? 0) * (node.numberSamples ?? 0);
      perTree[indexes[t][node.splitColumn]] += decrease;
      if (node.left) stack.push(node.left);
      if (node.right) stack.push(node.right);
    }
    const sum = perTree.reduce((a, b) => a + b, 0);
    if (sum > 0) for (let j = 0; j < n; j++) total[j] += perTree[j] / sum;
  }
  return total.map((v) => v / Math.max(1, estimators.length));
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown baseline ${String(value)}`);
}
