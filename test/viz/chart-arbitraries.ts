// Random records for every chart builder, drawn from ordinary values and from the degenerate ones
// that have broken Vega before: values differing only by subnormals, one repeated value, and
// magnitudes up to the largest a chart accepts.
import fc from "fast-check";
import type { Circuit } from "../../src/circuit/ir.js";
import { quboFromTerms } from "../../src/compile/qubo.js";
import * as viz from "../../src/viz/index.js";

/** A chart to draw, printed as its input when a property fails. */
export type ChartCase = (() => viz.VegaLiteSpec) & { readonly input: unknown };

function chartCase<T>(input: T, build: (input: T) => viz.VegaLiteSpec): ChartCase {
  return Object.assign(() => build(input), { input, [fc.toStringMethod]: () => fc.stringify(input) });
}

const finite = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.double({ min: -1e-290, max: 1e-290, noNaN: true }),
  fc.constantFrom(0, 1, 5e-324, -5e-324, 1e300, -1e300),
);
/** Values on log axes, within the range those charts accept. */
const positive = fc.oneof(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.constantFrom(1e-100, 1e100, 1));
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const solver = fc.constantFrom("sa", "tabu", "qaoa");
const some = <T>(item: fc.Arbitrary<T>, maxLength = 30): fc.Arbitrary<T[]> => fc.array(item, { minLength: 1, maxLength });

/** Drops one half of a half-given interval: the charts refuse `low` without `high`. */
function bothOrNeither<T extends { low?: number; high?: number }>(point: T): T {
  return (point.low === undefined) === (point.high === undefined) ? point : { ...point, low: undefined, high: undefined };
}

export const chartCases: Readonly<Record<string, fc.Arbitrary<ChartCase>>> = {
  energyHistogram: some(fc.record({ energy: finite, feasible: fc.boolean(), occurrences: fc.integer({ min: 0, max: 1000 }) }), 50).map((s) =>
    chartCase(s, viz.energyHistogramSpec),
  ),
  measurementCounts: fc
    .integer({ min: 1, max: 6 })
    .chain((width) => fc.dictionary(fc.array(fc.constantFrom("0", "1"), { minLength: width, maxLength: width }).map((bits) => bits.join("")), fc.integer({ min: 1, max: 10_000 }), { minKeys: 1 }))
    .map((counts) => chartCase(counts, (c) => viz.measurementCountsSpec(c, { top: 16 }))),
  convergenceTrace: some(fc.record({ iteration: fc.nat(500), value: finite, run: fc.constantFrom("a", "b") }), 40).map((p) => chartCase(p, viz.convergenceTraceSpec)),
  solverObjective: some(fc.record({ solver, instance: fc.constantFrom("i1", "i2"), seed: fc.nat(20), objective: finite, elapsedMs: positive }, { requiredKeys: ["solver", "seed", "objective", "elapsedMs"] })).map((runs) =>
    chartCase(runs, (r) => viz.solverComparisonSpec(r, { metric: "objective" })),
  ),
  solverRuntime: some(fc.record({ solver, seed: fc.nat(20), objective: finite, elapsedMs: positive })).map((runs) => chartCase(runs, (r) => viz.solverComparisonSpec(r, { metric: "elapsedMs" }))),
  qaoaLandscape: some(fc.record({ gamma: finite, beta: finite, value: finite })).map((p) => chartCase(p, viz.qaoaLandscapeSpec)),
  approximationRatio: some(fc.record({ p: fc.integer({ min: 1, max: 8 }), ratio: finite, method: fc.constantFrom("a", "b"), seed: fc.nat(9) })).map((p) => chartCase(p, viz.approximationRatioSpec)),
  ttsBars: some(fc.record({ solver, ttsMs: fc.option(positive, { nil: null }), lowMs: positive, highMs: positive }, { requiredKeys: ["solver", "ttsMs"] }), 6).map((r) => chartCase(r, viz.ttsBarsSpec)),
  successProbability: some(fc.record({ solver, budget: positive, successProbability: probability, low: probability, high: probability }, { requiredKeys: ["solver", "budget", "successProbability"] }))
    .map((points) => points.map(bothOrNeither))
    .map((p) => chartCase(p, viz.successProbabilitySpec)),
  paretoScatter: some(fc.record({ solver, elapsedMs: positive, quality: finite })).map((r) => chartCase(r, viz.paretoScatterSpec)),
  penaltySweep: some(fc.record({ penaltyScale: positive, feasibleFraction: probability, meanObjective: fc.option(finite, { nil: null }) }), 20).map((p) => chartCase(p, viz.penaltySweepSpec)),
  quboHeatmap: fc
    .integer({ min: 1, max: 8 })
    .chain((n) => fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), finite), { maxLength: 20 }).map((terms) => ({ n, terms })))
    .map((q) => chartCase(q, ({ n, terms }) => viz.quboHeatmapSpec(quboFromTerms(Array.from({ length: n }, (_, i) => `x${i}`), terms)))),
  featureSelection: some(fc.record({ method: solver, k: fc.integer({ min: 1, max: 20 }), score: finite, seed: fc.nat(9) })).map((r) => chartCase(r, viz.featureSelectionSpec)),
  samplingDistance: some(fc.record({ method: solver, nSamples: positive, totalVariation: probability, beta: fc.constantFrom(0.5, 2) }, { requiredKeys: ["method", "nSamples", "totalVariation"] }), 20).map((r) =>
    chartCase(r, viz.samplingDistanceSpec),
  ),
  samplingKl: some(fc.record({ method: solver, nSamples: positive, totalVariation: probability, kl: fc.double({ min: 0, max: 1e9, noNaN: true }) }), 20).map((r) =>
    chartCase(r, (records) => viz.samplingDistanceSpec(records, { metric: "kl" })),
  ),
};

const gateNames = ["h", "x", "rz", "cx", "crz", "swap", "u", "ccx"] as const;
const arity: Readonly<Record<(typeof gateNames)[number], [number, number]>> = { h: [1, 0], x: [1, 0], rz: [1, 1], cx: [2, 0], crz: [2, 1], swap: [2, 0], u: [1, 3], ccx: [3, 0] };

/** Small circuits of common gates with constant angles drawn like the chart values above. */
export const circuits: fc.Arbitrary<Circuit> = fc.integer({ min: 3, max: 5 }).chain((nQubits) =>
  fc
    .array(
      fc.record({ name: fc.constantFrom(...gateNames), qubits: fc.shuffledSubarray([...Array(nQubits).keys()], { minLength: 3, maxLength: 3 }), angles: fc.array(finite, { minLength: 3, maxLength: 4 }), measure: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    )
    .map((gates) => ({
      name: "random",
      nQubits,
      nClbits: nQubits,
      parameters: [],
      ops: gates.flatMap(({ name, qubits, angles, measure }) => {
        const [nTouched, nAngles] = arity[name];
        const gate = { kind: "gate" as const, name, qubits: qubits.slice(0, nTouched), angles: angles.slice(0, nAngles).map((value) => ({ kind: "const" as const, value })) };
        return measure ? [gate, { kind: "measure" as const, qubit: qubits[0]!, clbit: qubits[0]! }] : [gate];
      }),
    })),
);
