// The feature-selection stage end to end: for each method, stratified k-fold CV with the selection
// made on each fold's training rows only (no selection bias), the fixed downstream model scored on
// the held-out rows, stability across folds, recovery on synthetic data, and time split into
// scoring, encoding, solving and evaluating. Returns one plain JSON record per method.
//
//   dataset ─▶ folds ─▶ per fold: select(train) ─▶ fit(train, S) ─▶ score(test) ─▶ record per method
import { createRng, type Rng } from "../util/rng.js";
import { crossValidate } from "./cross-validate.js";
import type { Dataset } from "./dataset.js";
import type { RedundancyMeasure } from "./feature-scores.js";
import { meanPairwiseJaccard } from "./jaccard.js";
import { BASELINES, type BaselineName, selectByBaseline } from "./select-baselines.js";
import { QUBO_SOLVERS, type QuboSolverName, selectByQubo } from "./select-qubo.js";
import type { Selection } from "./selection.js";
import { stratifiedFolds } from "./stratified-folds.js";

export type FeatureSelectorName = `qubo-${QuboSolverName}` | BaselineName;
export const FEATURE_SELECTORS: readonly FeatureSelectorName[] = [...QUBO_SOLVERS.map((s) => `qubo-${s}` as const), ...BASELINES];

export interface FeatureSelectionStageOptions {
  readonly k: number;
  /** Default qubo-tabu, mrmr, random-forest, all. */
  readonly methods?: readonly FeatureSelectorName[];
  /** Outer CV folds; default 5. */
  readonly folds?: number;
  /** Default 0. */
  readonly seed?: number;
  readonly redundancy?: RedundancyMeasure;
  /** Redundancy weight α of the QUBO methods; default DEFAULT_ALPHA (½). */
  readonly alpha?: number;
  /** Known informative columns (synthetic data), for recovery. */
  readonly informative?: readonly number[];
  /** Reads and wall-clock limit of the QUBO methods' solver (default: the solver's own). */
  readonly reads?: number;
  readonly timeLimitMs?: number;
  /** Solver parameters for the QUBO methods, by solver name (e.g. `{ qaoa: { p: 2 } }`). */
  readonly solverParameters?: Readonly<Partial<Record<QuboSolverName, Readonly<Record<string, unknown>>>>>;
}

export interface FeatureSelectionStageRecord {
  readonly stage: "feature-selection";
  readonly dataset: string;
  readonly method: FeatureSelectorName;
  readonly family: "quantum" | "classical";
  readonly nFeatures: number;
  readonly k: number;
  readonly folds: number;
  readonly seed: number;
  /** Mean held-out ROC AUC (macro one-vs-rest for more than two classes). */
  readonly auc: number;
  /** Same as \`auc\`, under the name the feature-selection chart reads. */
  readonly score: number;
  readonly accuracy: number;
  readonly accuracyPerFold: readonly number[];
  readonly aucPerFold: readonly number[];
  /** Mean pairwise Jaccard similarity of the subsets chosen on the folds (1 = identical). */
  readonly stability: number;
  /** Feature names chosen on each fold. */
  readonly selectedPerFold: readonly (readonly string[])[];
  /** Mean fraction of the known informative features recovered (synthetic data), else null. */
  readonly recovery: number | null;
  readonly scoringMs: number;
  readonly encodingMs: number;
  readonly solvingMs: number;
  readonly evaluatingMs: number;
  /** Net value against mRMR (the classical filter for the same objective), when it ran: AUC gained and time added. */
  readonly aucGainOverMrmr: number | null;
  readonly extraMsOverMrmr: number | null;
  /** Solver fallbacks seen on any fold (quantum path refused or failed). */
  readonly fallbacks: readonly string[];
}

export async function runFeatureSelection(dataset: Dataset, options: FeatureSelectionStageOptions): Promise<FeatureSelectionStageRecord[]> {
  const n = dataset.columns.length;
  const { k } = options;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in 1..${n} (the number of features), got ${k}`);
  const methods = options.methods ?? (["qubo-tabu", "mrmr", "random-forest", "all"] as const);
  for (const m of methods) if (!FEATURE_SELECTORS.includes(m)) throw new RangeError(`method must be one of ${FEATURE_SELECTORS.join(", ")}, got ${String(m)}`);
  const nFolds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const rng = createRng(seed);
  const folds = stratifiedFolds(dataset.target, nFolds, rng.fork("folds"));

  const records: FeatureSelectionStageRecord[] = [];
  for (const method of methods) {
    const selections: Selection[] = [];
    for (let f = 0; f < folds.length; f++) {
      const foldRng = rng.fork(`${method}/${f}`);
      selections.push(await select(method, dataset, options, foldRng, folds[f].train));
    }
    const started = performance.now();
    const accuracyPerFold: number[] = [];
    const aucPerFold: number[] = [];
    for (let f = 0; f < folds.length; f++) {
      const score = crossValidate(dataset, selections[f].features, [folds[f]]);
      accuracyPerFold.push(score.accuracy);
      aucPerFold.push(score.auc);
    }
    const evaluatingMs = performance.now() - started;
    const sum = (pick: (s: Selection) => number) => selections.reduce((total, s) => total + pick(s), 0);
    const informative = options.informative;
    records.push({
      stage: "feature-selection",
      dataset: dataset.name,
      method,
      family: method === "qubo-qaoa" ? "quantum" : "classical",
      nFeatures: n,
      k: method === "all" ? n : k,
      folds: nFolds,
      seed,
      accuracy: average(accuracyPerFold),
      auc: average(aucPerFold),
      score: average(aucPerFold),
      accuracyPerFold,
      aucPerFold,
      stability: meanPairwiseJaccard(selections.map((s) => s.features)),
      selectedPerFold: selections.map((s) => s.features.map((j) => dataset.featureNames[j])),
      recovery: informative === undefined ? null : average(selections.map((s) => recovered(s.features, informative, k))),
      scoringMs: sum((s) => s.timing.scoringMs),
      encodingMs: sum((s) => s.timing.encodingMs),
      solvingMs: sum((s) => s.timing.solvingMs),
      evaluatingMs,
      aucGainOverMrmr: null,
      extraMsOverMrmr: null,
      fallbacks: [...new Set(selections.flatMap((s) => (typeof s.info.fallbackReason === "string" ? [s.info.fallbackReason] : [])))],
    });
  }
  const mrmr = records.find((r) => r.method === "mrmr");
  if (mrmr === undefined) return records;
  const selectMs = (r: FeatureSelectionStageRecord) => r.scoringMs + r.encodingMs + r.solvingMs;
  return records.map((r) => ({ ...r, aucGainOverMrmr: r.auc - mrmr.auc, extraMsOverMrmr: selectMs(r) - selectMs(mrmr) }));
}

/** One selection with a named method on the given training rows. */
export async function select(method: FeatureSelectorName, dataset: Dataset, options: FeatureSelectionStageOptions, rng: Rng, rows?: Int32Array): Promise<Selection> {
  if (method.startsWith("qubo-")) {
    const solver = method.slice("qubo-".length) as QuboSolverName;
    return selectByQubo(dataset, { k: options.k, solver, alpha: options.alpha, redundancy: options.redundancy, rng, reads: options.reads, timeLimitMs: options.timeLimitMs, parameters: options.solverParameters?.[solver] }, rows);
  }
  return selectByBaseline(method as BaselineName, dataset, { k: options.k, rng, redundancy: options.redundancy }, rows);
}

/** |S ∩ informative| / min(k, |informative|). */
function recovered(features: readonly number[], informative: readonly number[], k: number): number {
  const wanted = new Set(informative);
  const hits = features.filter((j) => wanted.has(j)).length;
  return hits / Math.max(1, Math.min(k, informative.length));
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
