// A seeded synthetic classification set in the spirit of scikit-learn's make_classification
// (after Guyon, "Design of experiments for the NIPS 2003 variable selection benchmark"): each class
// is a Gaussian cluster around a vertex of a hypercube of side 2·classSep in the informative
// subspace; redundant features are random linear combinations of the informative ones; the rest is
// standard-normal noise. Columns are shuffled, and the informative and redundant index sets are
// returned, so that recovery can be measured.
import type { Rng } from "../util/rng.js";
import type { Dataset } from "./dataset.js";

export interface MakeClassificationOptions {
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nInformative: number;
  /** Default 0. */
  readonly nRedundant?: number;
  /** Default 2. */
  readonly nClasses?: number;
  /** Half the distance between cluster centres along each informative axis; default 1. */
  readonly classSep?: number;
  /** Fraction of labels replaced at random (label noise); default 0.01. */
  readonly flipY?: number;
  readonly rng: Rng;
}

export interface SyntheticDataset extends Dataset {
  /** Column indices of the informative features, ascending. */
  readonly informative: readonly number[];
  /** Column indices of the redundant features (linear combinations of informative ones), ascending. */
  readonly redundant: readonly number[];
}

export function makeClassification(options: MakeClassificationOptions): SyntheticDataset {
  const { nSamples, nFeatures, nInformative, rng } = options;
  const nRedundant = options.nRedundant ?? 0;
  const nClasses = options.nClasses ?? 2;
  const classSep = options.classSep ?? 1;
  const flipY = options.flipY ?? 0.01;
  positiveInteger(nSamples, "nSamples");
  positiveInteger(nFeatures, "nFeatures");
  positiveInteger(nInformative, "nInformative");
  if (!Number.isInteger(nRedundant) || nRedundant < 0) throw new RangeError(`nRedundant must be a non-negative integer, got ${nRedundant}`);
  if (nInformative + nRedundant > nFeatures) throw new RangeError(`nInformative + nRedundant must be at most nFeatures = ${nFeatures}, got ${nInformative + nRedundant}`);
  if (!Number.isInteger(nClasses) || nClasses < 2) throw new RangeError(`nClasses must be an integer ≥ 2, got ${nClasses}`);
  if (nClasses > 2 ** nInformative) throw new RangeError(`nClasses must be at most 2^nInformative = ${2 ** nInformative}`);
  if (nSamples < nClasses) throw new RangeError(`nSamples must be at least nClasses = ${nClasses}`);
  if (!(classSep > 0) || !Number.isFinite(classSep)) throw new RangeError(`classSep must be a positive finite number, got ${classSep}`);
  if (!(flipY >= 0 && flipY <= 1)) throw new RangeError(`flipY must be in [0, 1], got ${flipY}`);
  if (rng === undefined || typeof rng.nextDouble !== "function") throw new TypeError("rng must be an Rng from createRng");

  // Distinct hypercube vertices (one per class), each a random ±1 pattern over the informative axes,
  // redrawn until every informative axis separates at least two classes (unlike scikit-learn, whose
  // "informative" axis can carry no class signal when all class vertices agree on it).
  let vertexOf: Int8Array[] = [];
  for (let attempt = 0; ; attempt++) {
    vertexOf = Array.from({ length: nClasses }, () => {
      const vertex = new Int8Array(nInformative);
      for (let f = 0; f < nInformative; f++) vertex[f] = rng.next() < 0.5 ? -1 : 1;
      return vertex;
    });
    if (nClasses === 2) for (let f = 0; f < nInformative; f++) vertexOf[1][f] = -vertexOf[0][f] as -1 | 1;
    const distinct = new Set(vertexOf.map((v) => v.join(","))).size === nClasses;
    const everyAxisSeparates = Array.from({ length: nInformative }, (_, f) => vertexOf.some((v) => v[f] !== vertexOf[0][f])).every(Boolean);
    if (distinct && everyAxisSeparates) break;
    if (attempt > 10_000) throw new Error("internal: could not draw class vertices that separate on every informative axis");
  }
  const generated = Array.from({ length: nFeatures }, () => new Float64Array(nSamples));
  const target = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const y = i % nClasses; // balanced classes
    target[i] = y;
    for (let f = 0; f < nInformative; f++) generated[f][i] = rng.normal() + classSep * vertexOf[y][f];
  }
  // Redundant: random combinations (weights uniform in [−1, 1)) of the informative features.
  for (let r = 0; r < nRedundant; r++) {
    const column = generated[nInformative + r];
    for (let f = 0; f < nInformative; f++) {
      const w = 2 * rng.nextDouble() - 1;
      const source = generated[f];
      for (let i = 0; i < nSamples; i++) column[i] += w * source[i];
    }
  }
  for (let f = nInformative + nRedundant; f < nFeatures; f++) for (let i = 0; i < nSamples; i++) generated[f][i] = rng.normal();
  for (let i = 0; i < nSamples; i++) if (rng.nextDouble() < flipY) target[i] = rng.int(nClasses);

  // Shuffle the samples and the columns; remember where each kind of feature went.
  const rowOrder = permutation(nSamples, rng);
  const columnOrder = permutation(nFeatures, rng); // new position p holds generated column columnOrder[p]
  const columns = columnOrder.map((g) => {
    const column = new Float64Array(nSamples);
    for (let i = 0; i < nSamples; i++) column[i] = generated[g][rowOrder[i]];
    return column;
  });
  const shuffledTarget = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) shuffledTarget[i] = target[rowOrder[i]];
  const informative: number[] = [];
  const redundant: number[] = [];
  columnOrder.forEach((g, p) => {
    if (g < nInformative) informative.push(p);
    else if (g < nInformative + nRedundant) redundant.push(p);
  });
  return {
    name: `make_classification(n=${nSamples}, p=${nFeatures}, informative=${nInformative}, redundant=${nRedundant})`,
    featureNames: columns.map((_, p) => `x${p}`),
    columns,
    target: shuffledTarget,
    classes: Array.from({ length: nClasses }, (_, c) => String(c)),
    nSamples,
    informative,
    redundant,
  };
}

/** Fisher–Yates. */
export function permutation(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
