// Measurement outcomes as bars, most frequent first. Bitstrings are printed with qubit n−1 on the
// left (OpenQASM/Qiskit order), exactly as the simulator's counts keys are written.
import { describe } from "../check-records.js";
import { type ChartOptions, FEASIBLE_COLOR, specFrame, type VegaLiteSpec } from "../spec.js";

/** Bitstring → number of shots, e.g. `{"00": 498, "11": 526}`. */
export type MeasurementCounts = Readonly<Record<string, number>>;

export interface MeasurementCountsOptions extends ChartOptions {
  /** Show at most this many outcomes, the most frequent (default 32). */
  readonly top?: number;
}

export function measurementCountsSpec(counts: MeasurementCounts, options: MeasurementCountsOptions = {}): VegaLiteSpec {
  const chart = "measurementCountsSpec";
  if (typeof counts !== "object" || counts === null || Array.isArray(counts)) {
    throw new TypeError(`${chart}: counts must be an object mapping bitstrings to shot counts, got ${describe(counts)}`);
  }
  const top = options.top ?? 32;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`${chart}: top must be a positive integer, got ${top}`);
  const entries = Object.entries(counts);
  if (entries.length === 0) throw new RangeError(`${chart}: counts must not be empty`);
  let total = 0;
  let width = -1;
  for (const [bits, count] of entries) {
    if (!/^[01]+$/.test(bits) || (width >= 0 && bits.length !== width)) {
      throw new RangeError(`${chart}: every key must be a bitstring of the same length, got ${JSON.stringify(bits)}`);
    }
    width = bits.length;
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${chart}: counts[${JSON.stringify(bits)}] must be a non-negative integer, got ${describe(count)}`);
    }
    total += count;
  }
  if (total === 0) throw new RangeError(`${chart}: counts must hold at least one shot`);
  // Most frequent first; ties by bitstring so that the order never depends on insertion order.
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = entries.slice(0, top);
  const values = shown.map(([bitstring, count]) => ({ bitstring, count, probability: count / total }));
  const subtitle =
    shown.length < entries.length
      ? `${total} shots; the ${shown.length} most frequent of ${entries.length} outcomes`
      : `${total} shots`;
  const frame = specFrame(options, "Measurement outcomes");
  return {
    ...frame,
    title: { text: frame.title, subtitle },
    data: { values },
    mark: { type: "bar", color: FEASIBLE_COLOR },
    encoding: {
      x: {
        field: "bitstring",
        type: "nominal",
        sort: values.map((v) => v.bitstring),
        title: `Outcome (qubit ${width - 1} … qubit 0)`,
        axis: { labelFont: "monospace", labelAngle: shown.length > 8 ? -90 : 0 },
      },
      y: { field: "probability", type: "quantitative", title: "Probability" },
      tooltip: [
        { field: "bitstring", type: "nominal" },
        { field: "count", type: "quantitative" },
        { field: "probability", type: "quantitative", format: ".3f" },
      ],
    },
  };
}
