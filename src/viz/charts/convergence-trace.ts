// Optimiser convergence: objective value per iteration, one line per run (seed or optimiser), with
// the best value so far as a solid line and the raw evaluations faint behind it.
import { checkFinite, checkRecords, checkString } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { paddedDomainForTinySpan } from "../tiny-span.js";

/** One optimiser evaluation. */
export interface ConvergencePoint {
  readonly iteration: number;
  readonly value: number;
  /** Which run the point belongs to (e.g. "COBYLA seed 3"); one line per run. */
  readonly run?: string;
}

export interface ConvergenceTraceOptions extends ChartOptions {
  /** Whether lower (default) or higher values are better; decides the best-so-far line. */
  readonly goal?: "min" | "max";
  /** Axis title for the value (default "Objective"). */
  readonly valueTitle?: string;
}

export function convergenceTraceSpec(points: readonly ConvergencePoint[], options: ConvergenceTraceOptions = {}): VegaLiteSpec {
  const chart = "convergenceTraceSpec";
  checkRecords(chart, points);
  const goal = options.goal ?? "min";
  const best = new Map<string, number>();
  const sorted = points
    .map((point, i) => {
      checkFinite(chart, point, i, "iteration");
      checkFinite(chart, point, i, "value");
      checkString(chart, point, i, "run", true);
      return { iteration: point.iteration, value: point.value, run: point.run ?? "run" };
    })
    .sort((a, b) => (a.run < b.run ? -1 : a.run > b.run ? 1 : a.iteration - b.iteration));
  const values = sorted.map((point) => {
    const previous = best.get(point.run);
    const improved =
      previous === undefined || (goal === "min" ? point.value < previous : point.value > previous);
    const bestSoFar = improved ? point.value : (previous as number);
    best.set(point.run, bestSoFar);
    return { ...point, bestSoFar };
  });
  const valueTitle = options.valueTitle ?? "Objective";
  const tiny = paddedDomainForTinySpan(values.map((point) => point.value));
  const yScale = tiny ? { zero: false, domain: tiny } : { zero: false };
  const color = { field: "run", type: "nominal" as const, title: "Run" };
  return {
    ...specFrame(options, "Optimiser convergence"),
    data: { values },
    layer: [
      {
        mark: { type: "line", opacity: 0.3, strokeWidth: 1 },
        encoding: {
          x: { field: "iteration", type: "quantitative", title: "Iteration" },
          y: { field: "value", type: "quantitative", title: valueTitle, scale: yScale },
          color,
        },
      },
      {
        mark: { type: "line", strokeWidth: 2, interpolate: "step-after" },
        encoding: {
          x: { field: "iteration", type: "quantitative" },
          y: { field: "bestSoFar", type: "quantitative" },
          color,
        },
      },
    ],
  };
}
