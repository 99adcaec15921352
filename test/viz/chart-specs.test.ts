import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng.js";
import {
  approximationRatioSpec,
  compileVegaLite,
  convergenceTraceSpec,
  energyHistogramSpec,
  exampleRecords,
  featureSelectionSpec,
  measurementCountsSpec,
  paretoFront,
  paretoScatterSpec,
  penaltySweepSpec,
  qaoaLandscapeSpec,
  quboHeatmapSpec,
  solverComparisonSpec,
  successProbabilitySpec,
  ttsBarsSpec,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "../../src/viz/index.js";

const records = exampleRecords(createRng(11));

const allSpecs: [string, VegaLiteSpec][] = [
  ["energy histogram", energyHistogramSpec(records.samples)],
  ["measurement counts", measurementCountsSpec(records.counts)],
  ["convergence trace", convergenceTraceSpec(records.convergence)],
  ["QAOA landscape", qaoaLandscapeSpec(records.landscape)],
  ["approximation ratio", approximationRatioSpec(records.approximation)],
  ["solver comparison", solverComparisonSpec(records.runs)],
  ["solver comparison, faceted", solverComparisonSpec([...records.runs, ...records.runs.map((r) => ({ ...r, instance: "other" }))])],
  ["TTS bars", ttsBarsSpec(records.tts)],
  ["success probability vs budget", successProbabilitySpec(records.success, { budgetTitle: "Reads" })],
  ["success probability without a band", successProbabilitySpec([{ solver: "a", budget: 1, successProbability: 0.5 }])],
  ["Pareto scatter", paretoScatterSpec(records.pareto)],
  ["penalty sweep", penaltySweepSpec(records.penalty)],
  ["QUBO heatmap", quboHeatmapSpec(records.qubo)],
  ["feature selection", featureSelectionSpec(records.features)],
];

type Row = Record<string, unknown>;
const rows = (spec: VegaLiteSpec): Row[] => (spec["data"] as { values: Row[] }).values;

describe("every chart spec", () => {
  it.each(allSpecs)("%s declares Vega-Lite v5, is plain JSON, and compiles without warnings", async (_name, spec) => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const compiled = await compileVegaLite(spec);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.vegaSpec).toHaveProperty("marks");
  });
});

describe("energyHistogramSpec", () => {
  it("colours feasible and infeasible samples with a fixed domain and sums occurrences", () => {
    const spec = energyHistogramSpec([
      { energy: -3, feasible: true, occurrences: 5 },
      { energy: 1, feasible: false },
    ]);
    const encoding = spec["encoding"] as { color: { scale: { domain: string[] } }; y: { aggregate: string; field: string } };
    expect(encoding.color.scale.domain).toEqual(["feasible", "infeasible"]);
    expect(encoding.y).toMatchObject({ aggregate: "sum", field: "occurrences" });
    expect(rows(spec)).toEqual([
      { value: -3, feasibility: "feasible", occurrences: 5 },
      { value: 1, feasibility: "infeasible", occurrences: 1 },
    ]);
  });

  it("names the bad row when an energy is not a finite number", () => {
    expect(() => energyHistogramSpec([{ energy: 0, feasible: true }, { energy: Number.NaN, feasible: true }])).toThrow(
      /records\[1\]\.energy must be a finite number, got NaN/,
    );
    expect(() => energyHistogramSpec([])).toThrow(RangeError);
    expect(() => energyHistogramSpec("samples" as never)).toThrow(TypeError);
  });
});

describe("measurementCountsSpec", () => {
  it("orders outcomes by frequency, then bitstring, and keeps the top ones", () => {
    const spec = measurementCountsSpec({ "01": 5, "10": 20, "00": 5, "11": 70 }, { top: 3 });
    expect(rows(spec).map((r) => r["bitstring"])).toEqual(["11", "10", "00"]);
    expect(rows(spec)[0]!["probability"]).toBeCloseTo(0.7);
    expect(JSON.stringify(spec["title"])).toContain("3 most frequent of 4");
  });

  it("rejects keys that are not bitstrings of one length", () => {
    expect(() => measurementCountsSpec({ "01": 1, "1": 2 })).toThrow(/same length/);
    expect(() => measurementCountsSpec({ ab: 1 })).toThrow(RangeError);
    expect(() => measurementCountsSpec({ "0": 1.5 })).toThrow(/non-negative integer/);
  });
});

describe("convergenceTraceSpec", () => {
  it("best-so-far never gets worse along a run (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.constantFrom("min", "max"), (values, goal) => {
        const spec = convergenceTraceSpec(values.map((value, iteration) => ({ iteration, value })), { goal: goal as "min" | "max" });
        const best = rows(spec).map((r) => r["bestSoFar"] as number);
        for (let i = 1; i < best.length; i++) {
          if (goal === "min") expect(best[i]).toBeLessThanOrEqual(best[i - 1]!);
          else expect(best[i]).toBeGreaterThanOrEqual(best[i - 1]!);
        }
        expect(best[best.length - 1]).toBe(goal === "min" ? Math.min(...values) : Math.max(...values));
      }),
    );
  });
});

describe("qaoaLandscapeSpec", () => {
  it("marks the optimum and tiles the grid without gaps", () => {
    const points = records.landscape;
    const spec = qaoaLandscapeSpec(points, { goal: "max" });
    const layers = spec["layer"] as { data: { values: Row[] } }[];
    const marker = layers[1]!.data.values[0]!;
    expect(marker["value"]).toBe(Math.max(...points.map((p) => p.value)));
    // Neighbouring cells share their edge.
    const cells = layers[0]!.data.values.filter((c) => c["beta"] === 0).sort((a, b) => (a["gamma"] as number) - (b["gamma"] as number));
    for (let i = 1; i < cells.length; i++) expect(cells[i]!["gamma0"]).toBeCloseTo(cells[i - 1]!["gamma1"] as number, 12);
  });
});

describe("solverComparisonSpec", () => {
  it("titles the value axis with the metric, or with the title given", () => {
    const yTitle = (spec: VegaLiteSpec) => (spec["encoding"] as { y: { title: string } }).y.title;
    expect(yTitle(solverComparisonSpec(records.runs))).toBe("Objective");
    expect(yTitle(solverComparisonSpec(records.runs, { valueTitle: "Optimality gap" }))).toBe("Optimality gap");
  });
});

describe("paretoFront", () => {
  const record = fc.record({ solver: fc.constant("s"), elapsedMs: fc.double({ min: 0.01, max: 1e4, noNaN: true }), quality: fc.double({ min: -10, max: 10, noNaN: true }) });
  it("keeps exactly the runs no other run dominates (property)", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), (runs) => {
        const front = new Set(paretoFront(runs, "max"));
        runs.forEach((run, i) => {
          const dominated = runs.some((other) => other.elapsedMs <= run.elapsedMs && other.quality >= run.quality && (other.elapsedMs < run.elapsedMs || other.quality > run.quality));
          if (dominated) expect(front.has(i)).toBe(false);
          // A non-dominated run is on the front unless an identical run represents it.
          else if (!front.has(i)) expect([...front].some((j) => runs[j]!.elapsedMs === run.elapsedMs && runs[j]!.quality === run.quality)).toBe(true);
        });
      }),
    );
  });
});

describe("other charts check their input", () => {
  it("rejects out-of-range values with the row and field", () => {
    expect(() => penaltySweepSpec([{ penaltyScale: 1, feasibleFraction: 1.2 }])).toThrow(/feasibleFraction must lie in \[0, 1\]/);
    expect(() => ttsBarsSpec([{ solver: "a", ttsMs: -1 }])).toThrow(/records\[0\]\.ttsMs must be a positive/);
    expect(() => approximationRatioSpec([{ p: 0.5, ratio: 1 }])).toThrow(/positive integer depth/);
    expect(() => solverComparisonSpec(records.runs, { metric: "speed" as never })).toThrow(RangeError);
    expect(() => featureSelectionSpec([{ method: "m", k: 0, score: 1 }])).toThrow(RangeError);
  });

  it("draws the QUBO heatmap from the stored coefficients, summing duplicates", () => {
    const qubo = { variables: ["a", "b"], linear: new Float64Array([1, 0]), rows: new Int32Array([0, 0]), cols: new Int32Array([1, 1]), values: new Float64Array([2, -0.5]), offset: 0 };
    expect(rows(quboHeatmapSpec(qubo))).toEqual([
      { row: "a", col: "a", value: 1 },
      { row: "a", col: "b", value: 1.5 },
    ]);
    expect(() => quboHeatmapSpec(qubo, { maxVariables: 1 })).toThrow(/raise maxVariables/);
  });
});

describe("successProbabilitySpec", () => {
  it("keeps each point's values and bands, one solver per colour in first-seen order", () => {
    const spec = successProbabilitySpec([
      { solver: "tabu", budget: 1, successProbability: 0.25, low: 0.05, high: 0.7, nRuns: 4 },
      { solver: "tabu", budget: 10, successProbability: 1, low: 0.5, high: 1, nRuns: 4 },
      { solver: "sa", budget: 1, successProbability: 0, low: 0, high: 0.49, nRuns: 4 },
    ]);
    expect(rows(spec).map((r) => [r["solver"], r["budget"], r["successProbability"], r["low"], r["high"]])).toEqual([
      ["tabu", 1, 0.25, 0.05, 0.7],
      ["tabu", 10, 1, 0.5, 1],
      ["sa", 1, 0, 0, 0.49],
    ]);
    const line = (spec["layer"] as { encoding: { color: { sort: string[] }; y: { scale?: { domain: number[] } } } }[])[1]!;
    expect(line.encoding.color.sort).toEqual(["tabu", "sa"]);
    expect(line.encoding.y.scale!.domain).toEqual([0, 1]);
  });

  it("refuses budgets a log axis cannot show, probabilities outside [0, 1] and half a band", () => {
    expect(() => successProbabilitySpec([{ solver: "a", budget: 0, successProbability: 0.5 }])).toThrow(/budget must be > 0/);
    expect(() => successProbabilitySpec([{ solver: "a", budget: 1, successProbability: 1.5 }])).toThrow(/successProbability must be a probability/);
    expect(() => successProbabilitySpec([{ solver: "a", budget: 1, successProbability: 0.5, low: 0.1 }])).toThrow(/both low and high/);
    expect(() => successProbabilitySpec([])).toThrow(RangeError);
  });
});
