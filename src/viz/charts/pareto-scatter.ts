// Runtime against solution quality, one point per run, with the Pareto front (no other run is both
// faster and better) drawn as a step line: the honest summary when solvers trade time for quality.
import { checkFinite, checkLogAxisRange, checkRecords, checkString } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { tinySpanScale } from "../tiny-span.js";

export interface RuntimeQualityRecord {
  readonly solver: string;
  readonly elapsedMs: number;
  /** Higher is better unless `goal: "min"` (e.g. approximation ratio). */
  readonly quality: number;
  readonly seed?: number;
}

export interface ParetoScatterOptions extends ChartOptions {
  readonly goal?: "max" | "min";
  readonly qualityTitle?: string;
}

/** Indices of the non-dominated runs, ordered by runtime. */
export function paretoFront(records: readonly RuntimeQualityRecord[], goal: "max" | "min" = "max"): number[] {
  const sign = goal === "max" ? 1 : -1;
  const order = records.map((_, i) => i).sort((a, b) => records[a]!.elapsedMs - records[b]!.elapsedMs || sign * (records[b]!.quality - records[a]!.quality));
  const front: number[] = [];
  let bestQuality = -Infinity;
  for (const i of order) {
    const quality = sign * records[i]!.quality;
    if (quality > bestQuality) {
      front.push(i);
      bestQuality = quality;
    }
  }
  return front;
}

export function paretoScatterSpec(records: readonly RuntimeQualityRecord[], options: ParetoScatterOptions = {}): VegaLiteSpec {
  const chart = "paretoScatterSpec";
  checkRecords(chart, records);
  records.forEach((record, i) => {
    checkString(chart, record, i, "solver");
    checkFinite(chart, record, i, "elapsedMs");
    checkFinite(chart, record, i, "quality");
    if (record.elapsedMs <= 0) throw new RangeError(`${chart}: records[${i}].elapsedMs must be positive (log axis), got ${record.elapsedMs}`);
    checkLogAxisRange(chart, i, "elapsedMs", record.elapsedMs);
  });
  const goal = options.goal ?? "max";
  const front = paretoFront(records, goal).map((i) => ({ elapsedMs: records[i]!.elapsedMs, quality: records[i]!.quality }));
  const values = records.map((r) => ({ solver: r.solver, elapsedMs: r.elapsedMs, quality: r.quality, seed: r.seed ?? null }));
  const qualityTitle = options.qualityTitle ?? "Quality";
  return {
    ...specFrame(options, "Runtime vs quality"),
    layer: [
      {
        data: { values: front },
        mark: { type: "line", interpolate: "step-after", color: "#888", strokeDash: [5, 3] },
        encoding: {
          x: { field: "elapsedMs", type: "quantitative", scale: { type: "log", nice: false, padding: 12 } },
          y: { field: "quality", type: "quantitative" },
        },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 50, opacity: 0.8 },
        encoding: {
          x: { field: "elapsedMs", type: "quantitative", title: "Runtime (ms, log scale)", scale: { type: "log", nice: false, padding: 12 } },
          y: { field: "quality", type: "quantitative", title: qualityTitle, scale: { zero: false, ...tinySpanScale(values.map((v) => v.quality)) } },
          color: { field: "solver", type: "nominal", title: "Solver" },
          shape: { field: "solver", type: "nominal" },
          tooltip: [{ field: "solver" }, { field: "seed" }, { field: "elapsedMs", format: ".3~g" }, { field: "quality", format: ".4~g" }],
        },
      },
    ],
  };
}
