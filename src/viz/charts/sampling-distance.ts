// Distance of each sampler's empirical distribution from the exact one against the number of samples
// drawn: one line per sampler on a log sample axis, total variation (0 = exact, 1 = disjoint) or KL.
// Records from the sampling stage (`runSampling`) chart as they are; several β values are faceted.
import { checkFinite, checkLogAxisRange, checkRecords, checkString, describe } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";

export interface SamplingDistanceRecord {
  readonly method: string;
  /** Samples drawn, > 0 (the axis is logarithmic). */
  readonly nSamples: number;
  /** ½ Σ |p̂ − p|, in [0, 1]. */
  readonly totalVariation: number;
  /** KL(p̂ ‖ p) in nats, ≥ 0; needed only for `metric: "kl"`. */
  readonly kl?: number;
  /** Inverse temperature; records with different β are drawn side by side. */
  readonly beta?: number;
}

export type SamplingDistanceMetric = "totalVariation" | "kl";

export interface SamplingDistanceOptions extends ChartOptions {
  /** Default "totalVariation". */
  readonly metric?: SamplingDistanceMetric;
}

// Short axis titles: a rotated title longer than the plot height pads the whole chart vertically.
const METRIC_TITLES: Record<SamplingDistanceMetric, string> = {
  totalVariation: "Total variation",
  kl: "KL divergence (nats)",
};

export function samplingDistanceSpec(records: readonly SamplingDistanceRecord[], options: SamplingDistanceOptions = {}): VegaLiteSpec {
  const chart = "samplingDistanceSpec";
  const metric = options.metric ?? "totalVariation";
  if (!(metric in METRIC_TITLES)) throw new RangeError(`${chart}: metric must be one of ${Object.keys(METRIC_TITLES).join(", ")}, got ${String(metric)}`);
  checkRecords(chart, records);
  const values = records.map((record, i) => {
    checkString(chart, record, i, "method");
    checkFinite(chart, record, i, "nSamples");
    checkFinite(chart, record, i, metric);
    if (record.beta !== undefined) checkFinite(chart, record, i, "beta");
    if (record.nSamples <= 0) throw new RangeError(`${chart}: records[${i}].nSamples must be > 0 (log axis), got ${record.nSamples}`);
    checkLogAxisRange(chart, i, "nSamples", record.nSamples);
    const value = record[metric] as number;
    if (value < 0 || (metric === "totalVariation" && value > 1)) {
      throw new RangeError(`${chart}: records[${i}].${metric} must be ${metric === "kl" ? "≥ 0" : "in [0, 1]"}, got ${describe(value)}`);
    }
    return { method: record.method, nSamples: record.nSamples, value, beta: record.beta === undefined ? "" : `β = ${record.beta}` };
  });
  const methods = [...new Set(values.map((v) => v.method))];
  // Ticks at the sample counts drawn: a log axis's own ticks can leave the last count unlabelled.
  const sampleCounts = [...new Set(values.map((v) => v.nSamples))].sort((a, b) => a - b);
  const inner = {
    mark: { type: "line" as const, point: true, strokeWidth: 2 },
    encoding: {
      x: { field: "nSamples", type: "quantitative" as const, title: "Samples drawn", scale: { type: "log" as const }, axis: { values: sampleCounts, format: ",d" } },
      y: { field: "value", type: "quantitative" as const, title: METRIC_TITLES[metric], scale: metric === "totalVariation" ? { domain: [0, 1] } : { zero: true } },
      color: { field: "method", type: "nominal" as const, title: "Sampler", sort: methods },
      tooltip: [{ field: "method" }, { field: "nSamples" }, { field: "value", format: ".4f", title: metric }],
    },
  };
  const frame = specFrame(options, "Distance to the exact distribution vs samples");
  const betas = new Set(values.map((v) => v.beta));
  if (betas.size <= 1) return { ...frame, data: { values }, ...inner };
  const { width, height, ...top } = frame;
  return {
    ...top,
    data: { values },
    facet: { column: { field: "beta", type: "nominal", title: null } },
    spec: { width: width / Math.min(betas.size, 2), height, ...inner },
  };
}
