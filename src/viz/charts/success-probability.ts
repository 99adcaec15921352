// Success probability vs budget: per solver, the fraction of runs that reached the target within a
// budget b, as a step line over a log budget axis, with its confidence band (e.g. Wilson 95%) shaded.
// The points come precomputed (the benchmark harness's successCurve), one per solver and budget.
import { checkFinite, checkLogAxisRange, checkRecords, checkString, describe } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";

export interface SuccessProbabilityPoint {
  readonly solver: string;
  /** Budget (reads, ms, evaluations …), > 0: the axis is logarithmic. */
  readonly budget: number;
  readonly successProbability: number;
  /** Confidence band; both or neither. */
  readonly low?: number;
  readonly high?: number;
  readonly nRuns?: number;
}

export interface SuccessProbabilityOptions extends ChartOptions {
  /** Axis title; default "Budget". */
  readonly budgetTitle?: string;
}

export function successProbabilitySpec(points: readonly SuccessProbabilityPoint[], options: SuccessProbabilityOptions = {}): VegaLiteSpec {
  const chart = "successProbabilitySpec";
  checkRecords(chart, points);
  const values = points.map((point, i) => {
    checkString(chart, point, i, "solver");
    checkFinite(chart, point, i, "budget");
    if (point.budget <= 0) throw new RangeError(`${chart}: records[${i}].budget must be > 0 (log axis), got ${point.budget}`);
    checkLogAxisRange(chart, i, "budget", point.budget);
    for (const field of ["successProbability", "low", "high"] as const) {
      const value = point[field];
      if (value === undefined && field !== "successProbability") continue;
      if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw new RangeError(`${chart}: records[${i}].${field} must be a probability in [0, 1], got ${describe(value)}`);
    }
    if ((point.low === undefined) !== (point.high === undefined)) throw new TypeError(`${chart}: records[${i}] needs both low and high, or neither`);
    return { solver: point.solver, budget: point.budget, successProbability: point.successProbability, low: point.low ?? null, high: point.high ?? null, nRuns: point.nRuns ?? null };
  });
  const solvers = [...new Set(values.map((v) => v.solver))];
  const x = { field: "budget", type: "quantitative" as const, title: options.budgetTitle ?? "Budget", scale: { type: "log" as const, nice: false } };
  const color = { field: "solver", type: "nominal" as const, title: "Solver", sort: solvers };
  const layer: unknown[] = [];
  if (values.some((v) => v.low !== null)) {
    layer.push({
      transform: [{ filter: "datum.low != null" }],
      mark: { type: "area", interpolate: "step-after", opacity: 0.18 },
      encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color },
    });
  }
  layer.push({
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2, point: { size: 18 } },
    encoding: {
      x,
      y: { field: "successProbability", type: "quantitative", title: "P(reached target within budget)", scale: { domain: [0, 1] } },
      color,
      tooltip: [
        { field: "solver" },
        { field: "budget", format: ".4~g", title: options.budgetTitle ?? "budget" },
        { field: "successProbability", format: ".3f", title: "p" },
        { field: "low", format: ".3f", title: "low" },
        { field: "high", format: ".3f", title: "high" },
        { field: "nRuns", title: "runs" },
      ],
    },
  });
  return { ...specFrame(options, "Success probability vs budget"), data: { values }, layer };
}
