// QAOA p = 1 landscape: the expected cost ⟨γ,β|C|γ,β⟩ over a (γ, β) grid as a heatmap, with the
// best grid point marked. Cells span half-way to their neighbours, so uneven grids draw correctly.
import { checkFinite, checkRecords } from "../check-records.js";
import { type ChartOptions, specFrame, type VegaLiteSpec } from "../spec.js";
import { tinySpanScale } from "../tiny-span.js";

/** The expectation value at one grid point. */
export interface LandscapePoint {
  readonly gamma: number;
  readonly beta: number;
  readonly value: number;
}

export interface QaoaLandscapeOptions extends ChartOptions {
  /** Whether the optimum is the minimum (default, an energy) or the maximum (e.g. a cut). */
  readonly goal?: "min" | "max";
  /** Legend title for the value (default "⟨C⟩"). */
  readonly valueTitle?: string;
}

export function qaoaLandscapeSpec(points: readonly LandscapePoint[], options: QaoaLandscapeOptions = {}): VegaLiteSpec {
  const chart = "qaoaLandscapeSpec";
  checkRecords(chart, points);
  points.forEach((point, i) => {
    checkFinite(chart, point, i, "gamma");
    checkFinite(chart, point, i, "beta");
    checkFinite(chart, point, i, "value");
  });
  const gammaEdges = cellEdges(points.map((p) => p.gamma));
  const betaEdges = cellEdges(points.map((p) => p.beta));
  const goal = options.goal ?? "min";
  let bestIndex = 0;
  points.forEach((point, i) => {
    const better = goal === "min" ? point.value < points[bestIndex]!.value : point.value > points[bestIndex]!.value;
    if (better) bestIndex = i;
  });
  const values = points.map((point) => {
    const [gamma0, gamma1] = gammaEdges.get(point.gamma)!;
    const [beta0, beta1] = betaEdges.get(point.beta)!;
    return { gamma: point.gamma, beta: point.beta, value: point.value, gamma0, gamma1, beta0, beta1 };
  });
  const best = points[bestIndex]!;
  const valueTitle = options.valueTitle ?? "⟨C⟩";
  return {
    ...specFrame(options, "QAOA p = 1 landscape"),
    layer: [
      {
        data: { values },
        mark: { type: "rect" },
        encoding: {
          x: { field: "gamma0", type: "quantitative", title: "γ (cost angle)", scale: { nice: false, zero: false, ...tinySpanScale([...gammaEdges.values()].flat()) } },
          x2: { field: "gamma1" },
          y: { field: "beta0", type: "quantitative", title: "β (mixer angle)", scale: { nice: false, zero: false, ...tinySpanScale([...betaEdges.values()].flat()) } },
          y2: { field: "beta1" },
          color: {
            field: "value",
            type: "quantitative",
            title: valueTitle,
            scale: { scheme: "viridis", ...tinySpanScale(values.map((v) => v.value)) },
          },
          tooltip: [
            { field: "gamma", type: "quantitative", format: ".3f", title: "γ" },
            { field: "beta", type: "quantitative", format: ".3f", title: "β" },
            { field: "value", type: "quantitative", format: ".4f", title: valueTitle },
          ],
        },
      },
      {
        data: { values: [{ gamma: best.gamma, beta: best.beta, value: best.value, label: `best ${formatValue(best.value)}` }] },
        mark: { type: "point", shape: "cross", size: 120, filled: true, color: "white", stroke: "black", strokeWidth: 0.5 },
        encoding: {
          x: { field: "gamma", type: "quantitative" },
          y: { field: "beta", type: "quantitative" },
          tooltip: [{ field: "label", type: "nominal" }],
        },
      },
    ],
  };
}

/** For each distinct coordinate, the cell it owns: half-way to each neighbour (or a mirrored half-step at the ends). */
function cellEdges(coordinates: readonly number[]): Map<number, [number, number]> {
  const distinct = [...new Set(coordinates)].sort((a, b) => a - b);
  const edges = new Map<number, [number, number]>();
  if (distinct.length === 1) {
    const only = distinct[0]!;
    const half = Math.abs(only) > 0 ? Math.abs(only) * 0.05 : 0.05;
    edges.set(only, [only - half, only + half]);
    return edges;
  }
  for (let i = 0; i < distinct.length; i++) {
    const here = distinct[i]!;
    const lower = i > 0 ? (distinct[i - 1]! + here) / 2 : here - (distinct[1]! - here) / 2;
    const upper = i + 1 < distinct.length ? (here + distinct[i + 1]!) / 2 : here + (here - distinct[i - 1]!) / 2;
    edges.set(here, [lower, upper]);
  }
  return edges;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}
