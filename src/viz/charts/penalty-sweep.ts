// Penalty sweep: fraction of feasible samples against the penalty scale (log axis), and the mean
// objective of the feasible ones on a second axis. Too small a scale gives infeasible optima; too
// large a scale flattens the objective and hurts sampling quality, hence the two curves together.
import { checkFinite, checkLogAxisRange, checkRecords, describe } from "../check-records.js";
import { type ChartOptions, FEASIBLE_COLOR, INFEASIBLE_COLOR, specFrame, type VegaLiteSpec } from "../spec.js";
import { tinySpanScale } from "../tiny-span.js";

export interface PenaltySweepPoint {
  /** Multiplier applied to the penalty terms. */
  readonly penaltyScale: number;
  /** Feasible reads / all reads, in [0, 1]. */
  readonly feasibleFraction: number;
  /** Mean objective over feasible reads; absent (or null) when none was feasible. */
  readonly meanObjective?: number | null;
}

export function penaltySweepSpec(points: readonly PenaltySweepPoint[], options: ChartOptions = {}): VegaLiteSpec {
  const chart = "penaltySweepSpec";
  checkRecords(chart, points);
  const values = points.map((point, i) => {
    checkFinite(chart, point, i, "penaltyScale");
    checkFinite(chart, point, i, "feasibleFraction");
    if (point.penaltyScale <= 0) throw new RangeError(`${chart}: records[${i}].penaltyScale must be positive (log axis), got ${point.penaltyScale}`);
    checkLogAxisRange(chart, i, "penaltyScale", point.penaltyScale);
    if (point.feasibleFraction < 0 || point.feasibleFraction > 1) {
      throw new RangeError(`${chart}: records[${i}].feasibleFraction must lie in [0, 1], got ${point.feasibleFraction}`);
    }
    const mean = point.meanObjective ?? null;
    if (mean !== null && (typeof mean !== "number" || !Number.isFinite(mean))) {
      throw new TypeError(`${chart}: records[${i}].meanObjective must be a finite number or null, got ${describe(mean)}`);
    }
    return { penaltyScale: point.penaltyScale, feasibleFraction: point.feasibleFraction, meanObjective: mean };
  });
  const x = { field: "penaltyScale", type: "quantitative" as const, title: "Penalty scale", scale: { type: "log" as const, nice: false, padding: 10 } };
  const layer: unknown[] = [
    {
      mark: { type: "line", point: { color: FEASIBLE_COLOR }, color: FEASIBLE_COLOR },
      encoding: {
        x,
        y: { field: "feasibleFraction", type: "quantitative", title: "Feasible fraction", scale: { domain: [0, 1] }, axis: { format: "%", titleColor: FEASIBLE_COLOR } },
      },
    },
  ];
  if (values.some((v) => v.meanObjective !== null)) {
    layer.push({
      transform: [{ filter: "datum.meanObjective != null" }],
      mark: { type: "line", point: { shape: "square", color: INFEASIBLE_COLOR }, color: INFEASIBLE_COLOR, strokeDash: [4, 3] },
      encoding: {
        x,
        y: { field: "meanObjective", type: "quantitative", title: "Mean feasible objective", scale: { zero: false, ...tinySpanScale(values.flatMap((v) => (v.meanObjective === null ? [] : [v.meanObjective]))) }, axis: { titleColor: INFEASIBLE_COLOR } },
      },
    });
  }
  return {
    ...specFrame(options, "Penalty calibration"),
    data: { values },
    layer,
    resolve: { scale: { y: "independent" } },
  };
}
