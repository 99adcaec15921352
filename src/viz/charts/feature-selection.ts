// Feature-selection comparison: validation score against the number of selected features k, per
// method (e.g. QUBO-based selection vs mutual information vs L1), one point per seed and a line
// through the mean.
import { checkFinite, checkRecords, checkString } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { tinySpanScale } from "../tiny-span.js";

export interface FeatureSelectionRecord {
  readonly method: string;
  /** Number of features selected. */
  readonly k: number;
  /** Validation score of a model trained on the selected features (higher is better). */
  readonly score: number;
  readonly seed?: number;
}

export interface FeatureSelectionOptions extends ChartOptions {
  /** Axis title for the score (default "Validation score"). */
  readonly scoreTitle?: string;
}

export function featureSelectionSpec(records: readonly FeatureSelectionRecord[], options: FeatureSelectionOptions = {}): VegaLiteSpec {
  const chart = "featureSelectionSpec";
  checkRecords(chart, records);
  const values = records.map((record, i) => {
    checkString(chart, record, i, "method");
    checkFinite(chart, record, i, "k");
    checkFinite(chart, record, i, "score");
    if (!Number.isInteger(record.k) || record.k < 1) throw new RangeError(`${chart}: records[${i}].k must be a positive integer, got ${record.k}`);
    return { method: record.method, k: record.k, score: record.score, seed: record.seed ?? null };
  });
  const color = { field: "method", type: "nominal" as const, title: "Method" };
  const scoreTitle = options.scoreTitle ?? "Validation score";
  return {
    ...specFrame(options, "Feature selection: score vs k"),
    data: { values },
    layer: [
      {
        mark: { type: "point", filled: true, opacity: 0.4, size: 30 },
        encoding: {
          x: { field: "k", type: "quantitative", title: "Features selected (k)", axis: { tickMinStep: 1, format: "d" }, scale: { zero: false } },
          y: { field: "score", type: "quantitative", title: scoreTitle, scale: { zero: false, ...tinySpanScale(values.map((v) => v.score)) } },
          color,
          tooltip: [{ field: "method" }, { field: "k" }, { field: "seed" }, { field: "score", format: ".4f" }],
        },
      },
      {
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: { x: { field: "k", type: "quantitative" }, y: { aggregate: "mean", field: "score", type: "quantitative" }, color },
      },
    ],
  };
}
