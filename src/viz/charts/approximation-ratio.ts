// Approximation ratio against QAOA depth p: one point per seed and a line through the mean, per
// method, with the ideal ratio 1 drawn as a reference.
import { checkFinite, checkRecords, checkString } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { tinySpanScale } from "../tiny-span.js";

/** The approximation ratio reached at depth p by one run. */
export interface ApproximationRatioPoint {
  readonly p: number;
  /** Objective reached / optimal objective (1 is optimal). */
  readonly ratio: number;
  readonly method?: string;
  readonly seed?: number;
}

export function approximationRatioSpec(points: readonly ApproximationRatioPoint[], options: ChartOptions = {}): VegaLiteSpec {
  const chart = "approximationRatioSpec";
  checkRecords(chart, points);
  const values = points.map((point, i) => {
    checkFinite(chart, point, i, "p");
    checkFinite(chart, point, i, "ratio");
    checkString(chart, point, i, "method", true);
    if (!Number.isInteger(point.p) || point.p < 1) {
      throw new RangeError(`${chart}: records[${i}].p must be a positive integer depth, got ${point.p}`);
    }
    return { p: point.p, ratio: point.ratio, method: point.method ?? "QAOA", seed: point.seed ?? null };
  });
  const maxP = Math.max(...values.map((v) => v.p));
  const color = { field: "method", type: "nominal" as const, title: "Method" };
  return {
    ...specFrame(options, "Approximation ratio vs depth"),
    data: { values },
    layer: [
      {
        mark: { type: "rule", strokeDash: [4, 4], color: "gray" },
        encoding: { y: { datum: 1 } },
      },
      {
        mark: { type: "point", opacity: 0.45, filled: true, size: 30 },
        encoding: {
          x: { field: "p", type: "quantitative", title: "Depth p", axis: { tickMinStep: 1, format: "d" }, scale: { domain: [1, maxP] } },
          y: { field: "ratio", type: "quantitative", title: "Approximation ratio", scale: { zero: false, ...tinySpanScale(values.map((v) => v.ratio)) } },
          color,
          tooltip: [{ field: "method" }, { field: "p" }, { field: "seed" }, { field: "ratio", format: ".4f" }],
        },
      },
      {
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x: { field: "p", type: "quantitative" },
          y: { aggregate: "mean", field: "ratio", type: "quantitative" },
          color,
        },
      },
    ],
  };
}
