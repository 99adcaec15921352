// Solver comparison across seeds: one box plot per solver of a chosen metric (objective, runtime or
// approximation ratio), faceted by instance when the records span several instances.
import { checkFinite, checkLogAxisRange, checkRecords, checkString } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { paddedDomainForTinySpanInAnyGroup } from "../tiny-span.js";

/** One solver run on one instance with one seed: the tidy record the benchmark harness emits. */
export interface SolverRunRecord {
  readonly solver: string;
  readonly instance?: string;
  readonly seed: number;
  /** Best objective found, in the problem's own sense. */
  readonly objective: number;
  readonly elapsedMs: number;
  readonly feasible?: boolean;
  /** objective / best known, when the best known value is known. */
  readonly approximationRatio?: number;
}

export type SolverMetric = "objective" | "elapsedMs" | "approximationRatio";

const METRIC_TITLES: Readonly<Record<SolverMetric, string>> = {
  objective: "Objective",
  elapsedMs: "Runtime (ms)",
  approximationRatio: "Approximation ratio",
};

export interface SolverComparisonOptions extends ChartOptions {
  /** The field compared (default "objective"). */
  readonly metric?: SolverMetric;
  /** Axis title for the compared value (default: the metric's name, e.g. "Objective"). */
  readonly valueTitle?: string;
}

export function solverComparisonSpec(runs: readonly SolverRunRecord[], options: SolverComparisonOptions = {}): VegaLiteSpec {
  const chart = "solverComparisonSpec";
  const metric = options.metric ?? "objective";
  if (!(metric in METRIC_TITLES)) throw new RangeError(`${chart}: metric must be one of ${Object.keys(METRIC_TITLES).join(", ")}, got ${metric}`);
  checkRecords(chart, runs);
  const values = runs.map((run, i) => {
    checkString(chart, run, i, "solver");
    checkString(chart, run, i, "instance", true);
    checkFinite(chart, run, i, "seed");
    checkFinite(chart, run, i, metric);
    if (metric === "elapsedMs") checkLogAxisRange(chart, i, metric, run.elapsedMs);
    return { solver: run.solver, instance: run.instance ?? "", seed: run.seed, value: run[metric] as number };
  });
  const instances = new Set(values.map((v) => v.instance));
  const byInstance = [...instances].map((instance) => values.filter((v) => v.instance === instance).map((v) => v.value));
  const tiny = metric === "elapsedMs" ? undefined : paddedDomainForTinySpanInAnyGroup(byInstance);
  const frame = specFrame(options, `${METRIC_TITLES[metric]} across seeds`);
  const inner = {
    mark: { type: "boxplot" as const, extent: 1.5, size: 24 },
    encoding: {
      x: { field: "solver", type: "nominal" as const, title: "Solver", axis: { labelAngle: 0 } },
      y: {
        field: "value",
        type: "quantitative" as const,
        title: options.valueTitle ?? METRIC_TITLES[metric],
        scale: metric === "elapsedMs" ? { type: "log" as const } : tiny ? { zero: false, domain: tiny } : { zero: false },
      },
      color: { field: "solver", type: "nominal" as const, legend: null },
    },
  };
  if (instances.size <= 1) return { ...frame, data: { values }, ...inner };
  const { width, height, ...top } = frame;
  return {
    ...top,
    data: { values },
    facet: { column: { field: "instance", type: "nominal", title: "Instance" } },
    spec: { width: width / Math.min(instances.size, 4), height, ...inner },
    resolve: { scale: { y: "independent" } },
  };
}
