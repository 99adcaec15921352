// A labelled tabular data set for classification: one Float64Array per feature (column-major, so
// that scoring and subset selection read a feature without copying) and class indices.

export interface Dataset {
  readonly name: string;
  readonly featureNames: readonly string[];
  /** One column per feature, each `nSamples` long; every value finite. */
  readonly columns: readonly Float64Array[];
  /** Class index per sample, in 0..classes.length-1. */
  readonly target: Int32Array;
  /** Class labels as read (or generated); at least two. */
  readonly classes: readonly string[];
  readonly nSamples: number;
  /** Columns dropped while loading, with the reason (e.g. constant columns). */
  readonly dropped?: readonly { readonly name: string; readonly reason: string }[];
}

/** Checks the invariants every stage relies on; TypeError/RangeError name what must be what. */
export function checkDataset(dataset: Dataset): void {
  if (dataset === null || typeof dataset !== "object") throw new TypeError("dataset must be an object");
  const { columns, target, classes, nSamples, featureNames } = dataset;
  if (!Array.isArray(columns) || columns.length === 0) throw new RangeError("dataset must have at least one feature column");
  if (featureNames.length !== columns.length) throw new RangeError(`dataset has ${columns.length} columns but ${featureNames.length} feature names`);
  if (!(target instanceof Int32Array) || target.length !== nSamples) throw new RangeError(`dataset target must be an Int32Array of length nSamples = ${nSamples}`);
  if (classes.length < 2) throw new RangeError(`dataset target must have at least two classes, got ${classes.length}`);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    if (!(column instanceof Float64Array) || column.length !== nSamples) throw new RangeError(`feature column ${featureNames[j]} must be a Float64Array of length ${nSamples}`);
    for (let i = 0; i < nSamples; i++) if (!Number.isFinite(column[i])) throw new RangeError(`feature ${featureNames[j]} has a non-finite value at row ${i}`);
  }
  for (let i = 0; i < nSamples; i++) if (target[i] < 0 || target[i] >= classes.length) throw new RangeError(`target class index at row ${i} must be in 0..${classes.length - 1}`);
}

/** The same samples restricted to the given feature indices (columns shared, not copied). */
export function selectColumns(dataset: Dataset, features: readonly number[]): Dataset {
  for (const j of features) {
    if (!Number.isInteger(j) || j < 0 || j >= dataset.columns.length) throw new RangeError(`feature index must be an integer in 0..${dataset.columns.length - 1}, got ${j}`);
  }
  return { ...dataset, featureNames: features.map((j) => dataset.featureNames[j]), columns: features.map((j) => dataset.columns[j]) };
}
