// The QUBO matrix Q of E(x) = xᵀQx + c as a heatmap of its upper triangle, as stored: diagonal
// entries are the linear coefficients hᵢ, entries above it the couplings. A diverging scale centred
// on zero separates rewards (negative, favour xᵢ = 1) from penalties.
import type { Qubo } from "../../compile/qubo.js";
import { MAX_CHART_MAGNITUDE } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";

export interface QuboHeatmapOptions extends ChartOptions {
  /** Refuse matrices with more variables than this (default 120): the cells would be sub-pixel. */
  readonly maxVariables?: number;
}

export function quboHeatmapSpec(qubo: Qubo, options: QuboHeatmapOptions = {}): VegaLiteSpec {
  const chart = "quboHeatmapSpec";
  if (typeof qubo !== "object" || qubo === null || !(qubo.linear instanceof Float64Array)) {
    throw new TypeError(`${chart}: qubo must be a Qubo (linear Float64Array, rows/cols/values)`);
  }
  const n = qubo.linear.length;
  const maxVariables = options.maxVariables ?? 120;
  if (n === 0) throw new RangeError(`${chart}: the QUBO has no variables`);
  if (n > maxVariables) {
    throw new RangeError(`${chart}: the QUBO has ${n} variables, more than maxVariables = ${maxVariables}; raise maxVariables to draw it anyway`);
  }
  const names = qubo.variables.length === n ? qubo.variables : Array.from({ length: n }, (_, i) => `x${i}`);
  // Sum duplicate (row, col) entries so that each cell shows the coefficient the energy uses.
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) if (qubo.linear[i] !== 0) cells.set(i * n + i, qubo.linear[i]!);
  for (let k = 0; k < qubo.values.length; k++) {
    const key = qubo.rows[k]! * n + qubo.cols[k]!;
    cells.set(key, (cells.get(key) ?? 0) + qubo.values[k]!);
  }
  const values = [...cells.entries()]
    .filter(([, value]) => value !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([key, value]) => ({ row: names[Math.floor(key / n)]!, col: names[key % n]!, value }));
  const extent = Math.max(1e-12, ...values.map((v) => Math.abs(v.value)));
  if (extent > MAX_CHART_MAGNITUDE) {
    throw new RangeError(`${chart}: coefficients must lie within ±${MAX_CHART_MAGNITUDE} to be charted, got one of magnitude ${extent}`);
  }
  const side = Math.min(options.width ?? 360, options.height ?? 360);
  const showLabels = n <= 40;
  return {
    ...specFrame({ ...options, width: side, height: side }, `QUBO matrix (${n} variables, ${values.length} non-zeros)`),
    data: { values },
    mark: { type: "rect" },
    encoding: {
      x: { field: "col", type: "ordinal", sort: [...names], title: null, axis: { labels: showLabels, ticks: showLabels, orient: "top", labelAngle: -90 } },
      y: { field: "row", type: "ordinal", sort: [...names], title: null, axis: { labels: showLabels, ticks: showLabels } },
      color: { field: "value", type: "quantitative", title: "Qᵢⱼ", scale: { scheme: "redblue", reverse: true, domain: [-extent, extent] } },
      tooltip: [{ field: "row", title: "i" }, { field: "col", title: "j" }, { field: "value", format: ".4~g" }],
    },
  };
}
