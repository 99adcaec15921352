// Time to solution: TTS(p) = t_run · ln(1 − p_target) / ln(1 − p_success), the expected time to see
// the target once with probability p_target (0.99 by convention), per solver on a log axis. A solver
// that never reached the target has no finite TTS and is labelled "not reached" instead of a bar.
import { checkLogAxisRange, checkRecords, checkString, describe } from "../check-records.js";
import { type ChartOptions, DEFAULT_HEIGHT, specFrame, type VegaLiteSpec } from "../spec.js";

export interface TtsRecord {
  readonly solver: string;
  /** Time to solution in ms; null when the target was never reached. */
  readonly ttsMs: number | null;
  /** Bootstrap confidence interval of the TTS, when the harness computed one. */
  readonly lowMs?: number;
  readonly highMs?: number;
  readonly successProbability?: number;
}

export function ttsBarsSpec(records: readonly TtsRecord[], options: ChartOptions = {}): VegaLiteSpec {
  const chart = "ttsBarsSpec";
  checkRecords(chart, records);
  const values = records.map((record, i) => {
    checkString(chart, record, i, "solver");
    for (const field of ["ttsMs", "lowMs", "highMs"] as const) {
      const value = record[field];
      if (value === undefined || (value === null && field === "ttsMs")) continue;
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw new RangeError(`${chart}: records[${i}].${field} must be a positive finite number of ms, got ${describe(value)}`);
      }
      checkLogAxisRange(chart, i, field, value);
    }
    return {
      solver: record.solver,
      ttsMs: record.ttsMs,
      lowMs: record.lowMs ?? null,
      highMs: record.highMs ?? null,
      successProbability: record.successProbability ?? null,
      reached: record.ttsMs !== null,
    };
  });
  // Log-scale bars have no zero baseline; start a decade below the smallest value so that short bars stay visible.
  // Only reached records are drawn: an interval of a record that never reached the target sets no bound.
  const finite = values.flatMap((v) => (v.reached ? [v.ttsMs, v.lowMs] : [])).filter((v): v is number => v !== null);
  // With nothing finite to show, fix a nominal decade so that the empty log axis stays well defined.
  const scale = finite.length > 0 ? { type: "log" as const, domainMin: 10 ** Math.floor(Math.log10(Math.min(...finite) / 2)) } : { type: "log" as const, domain: [1, 10] };
  const x = { field: "solver", type: "nominal" as const, title: "Solver", axis: { labelAngle: 0 }, sort: values.map((v) => v.solver) };
  const layer: unknown[] = [
    {
      transform: [{ filter: "datum.reached" }],
      mark: { type: "bar", width: { band: 0.6 } },
      encoding: {
        x,
        y: { field: "ttsMs", type: "quantitative", title: "Time to solution, 99 % (ms)", scale, stack: null },
        color: { field: "solver", type: "nominal", legend: null },
        tooltip: [
          { field: "solver" },
          { field: "ttsMs", format: ".3~g", title: "TTS (ms)" },
          { field: "successProbability", format: ".3f", title: "p(success)" },
        ],
      },
    },
  ];
  if (values.some((v) => v.lowMs !== null && v.highMs !== null)) {
    layer.push({
      transform: [{ filter: "datum.reached && datum.lowMs != null && datum.highMs != null" }],
      mark: { type: "rule", strokeWidth: 1.5 },
      encoding: { x, y: { field: "lowMs", type: "quantitative" }, y2: { field: "highMs" } },
    });
  }
  if (values.some((v) => !v.reached)) {
    layer.push({
      transform: [{ filter: "!datum.reached" }],
      mark: { type: "text", baseline: "bottom", dy: -4, color: "#555" },
      encoding: { x, y: { value: options.height ?? DEFAULT_HEIGHT }, text: { value: "not reached" } },
    });
  }
  return { ...specFrame(options, "Time to solution"), data: { values }, layer };
}
