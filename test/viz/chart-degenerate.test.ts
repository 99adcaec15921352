// Degenerate inputs that once hung or broke Vega, each shrunk to its smallest form, and the limits
// the builders promise instead: non-finite values and magnitudes beyond ±1e300 are refused by name.
import { afterAll, describe, expect, it } from "vitest";
import * as viz from "../../src/viz/index.js";
import { renderInWorker, stopRenderWorker } from "./render-in-worker.js";

afterAll(stopRenderWorker);

async function rendersCleanly(spec: viz.VegaLiteSpec): Promise<void> {
  const { warnings, svg } = await renderInWorker(spec);
  expect(warnings).toEqual([]);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
}

describe("shrunk inputs that hung or broke a chart", () => {
  it("a convergence trace whose values differ only by subnormals", async () => {
    await rendersCleanly(viz.convergenceTraceSpec([{ iteration: 0, value: -5e-324, run: "a" }, { iteration: 0, value: 5e-324, run: "a" }]));
  });

  it("an energy histogram and a solver box plot over subnormal-span values (no bin loop, no NaN)", async () => {
    await rendersCleanly(viz.energyHistogramSpec([{ energy: 5e-324, feasible: true }, { energy: 1e-323, feasible: false }]));
    const runs = [{ solver: "sa", seed: 0, objective: 5e-324, elapsedMs: 1 }, { solver: "tabu", seed: 1, objective: 1e-323, elapsedMs: 2 }];
    await rendersCleanly(viz.solverComparisonSpec(runs, { metric: "objective" }));
  });

  it("an energy histogram over one subnormal value (Vega's bin loop never advanced)", async () => {
    await rendersCleanly(viz.energyHistogramSpec([{ energy: -5e-324, feasible: false, occurrences: 0 }]));
    await rendersCleanly(viz.energyHistogramSpec([{ energy: 5e-324, feasible: true }, { energy: 5e-324, feasible: false }]));
  });

  it("a faceted box plot where one instance's values differ only by subnormals", async () => {
    const runs = [
      { solver: "sa", instance: "i1", seed: 0, objective: -5e-324, elapsedMs: 1 },
      { solver: "sa", instance: "i2", seed: 0, objective: -1e-290, elapsedMs: 1 },
      { solver: "sa", instance: "i1", seed: 0, objective: -1e-323, elapsedMs: 1 },
    ];
    await rendersCleanly(viz.solverComparisonSpec(runs));
  });

  it("a landscape whose grid steps are subnormal", async () => {
    await rendersCleanly(viz.qaoaLandscapeSpec([{ gamma: 0, beta: 0, value: 0 }, { gamma: 0, beta: -1e-323, value: 0 }]));
  });

  it("time to solution where only an unreached record has an interval", async () => {
    await rendersCleanly(viz.ttsBarsSpec([{ solver: "sa", ttsMs: null, lowMs: 1e-100 }]));
  });
});

describe("one value, equal values and the largest magnitudes render", () => {
  const cases: readonly (readonly number[])[] = [[0], [7], [1e300], [-1e300], [3, 3, 3], [1e300, -1e300], [1e9, 1e9 + 2 ** -23]];
  for (const values of cases) {
    it(JSON.stringify(values), async () => {
      await rendersCleanly(viz.energyHistogramSpec(values.map((energy) => ({ energy, feasible: true }))));
      await rendersCleanly(viz.convergenceTraceSpec(values.map((value, iteration) => ({ iteration, value }))));
      await rendersCleanly(viz.solverComparisonSpec(values.map((objective, seed) => ({ solver: "sa", seed, objective, elapsedMs: 1 }))));
      await rendersCleanly(viz.featureSelectionSpec(values.map((score, i) => ({ method: "m", k: i + 1, score }))));
      await rendersCleanly(viz.qaoaLandscapeSpec(values.map((value, i) => ({ gamma: value, beta: i, value }))));
    });
  }
});

describe("values a chart cannot draw are refused with the row and field", () => {
  it("±Infinity and NaN are RangeErrors", () => {
    expect(() => viz.energyHistogramSpec([{ energy: 0, feasible: true }, { energy: Infinity, feasible: true }])).toThrow(
      new RangeError("energyHistogramSpec: records[1].energy must be a finite number, got Infinity"),
    );
    expect(() => viz.convergenceTraceSpec([{ iteration: 0, value: -Infinity }])).toThrow(/records\[0\]\.value must be a finite number, got -Infinity/);
    expect(() => viz.qaoaLandscapeSpec([{ gamma: Number.NaN, beta: 0, value: 0 }])).toThrow(RangeError);
  });

  it("magnitudes beyond 1e300, whose spans overflow Vega's arithmetic, are RangeErrors", () => {
    expect(() => viz.convergenceTraceSpec([{ iteration: 0, value: Number.MAX_VALUE }, { iteration: 1, value: -1 }])).toThrow(
      /records\[0\]\.value must lie within ±1e\+300 to be charted, got 1\.7976931348623157e\+308/,
    );
    expect(() => viz.solverComparisonSpec([{ solver: "sa", seed: 0, objective: -1e301, elapsedMs: 1 }])).toThrow(RangeError);
    const qubo = { variables: ["a"], linear: Float64Array.of(-Number.MAX_VALUE), rows: new Int32Array(0), cols: new Int32Array(0), values: new Float64Array(0), offset: 0 };
    expect(() => viz.quboHeatmapSpec(qubo)).toThrow(/coefficients must lie within ±1e\+300/);
  });

  it("log-axis values outside [1e-100, 1e100] are RangeErrors", () => {
    expect(() => viz.solverComparisonSpec([{ solver: "sa", seed: 0, objective: 0, elapsedMs: 5e-324 }], { metric: "elapsedMs" })).toThrow(
      /records\[0\]\.elapsedMs must lie in \[1e-100, 1e\+100\] to be drawn on a log axis, got 5e-324/,
    );
    expect(() => viz.solverComparisonSpec([{ solver: "sa", seed: 0, objective: 0, elapsedMs: 0 }], { metric: "elapsedMs" })).toThrow(RangeError);
    expect(() => viz.successProbabilitySpec([{ solver: "a", budget: 1e-323, successProbability: 0 }])).toThrow(/budget must lie in/);
    expect(() => viz.paretoScatterSpec([{ solver: "a", elapsedMs: 1e300, quality: 0 }])).toThrow(/elapsedMs must lie in/);
    expect(() => viz.penaltySweepSpec([{ penaltyScale: 5e-324, feasibleFraction: 0 }])).toThrow(/penaltyScale must lie in/);
    expect(() => viz.ttsBarsSpec([{ solver: "a", ttsMs: 5e-324 }])).toThrow(/ttsMs must lie in/);
    expect(() => viz.samplingDistanceSpec([{ method: "a", nSamples: 1e101, totalVariation: 0 }])).toThrow(/nSamples must lie in/);
  });
});
