import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  featureSubsetQubo,
  fitLogistic,
  makeClassification,
  predictProbabilities,
  readCsvDataset,
  runFeatureSelection,
  scoreFeatures,
  selectByBaseline,
  selectByQubo,
} from "../../src/ml/index.js";
import { solve } from "../../src/solve/index.js";
import { createRng } from "../../src/util/rng.js";

const TABULAR = new URL("../../../shared/data/tabular/", import.meta.url);

/** Mean relevance minus α·mean redundancy of a subset: the objective the DSL model states. */
function subsetObjective(relevance: number[], redundancy: number[][], subset: number[], alpha: number): number {
  const k = subset.length;
  let r = 0;
  let red = 0;
  for (const i of subset) r += relevance[i];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) red += redundancy[subset[a]][subset[b]];
  return r / k - (alpha * red) / (k > 1 ? (k * (k - 1)) / 2 : 1);
}

function bestSubsetByEnumeration(relevance: number[], redundancy: number[][], k: number, alpha: number): number {
  const n = relevance.length;
  let best = -Infinity;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const subset = Array.from({ length: n }, (_, i) => i).filter((i) => (mask >> i) & 1);
    if (subset.length === k) best = Math.max(best, subsetObjective(relevance, redundancy, subset, alpha));
  }
  return best;
}

// Scores as MI estimates produce them: 0 or at least 1e-9 (no subnormal magnitudes).
const score = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (v < 1e-9 ? 0 : v));

describe("the k-of-n QUBO written in the DSL", () => {
  it("has its minimum at the best k-subset of the stated objective (property, exact solver)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 7 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.integer({ min: 1, max: n }),
            fc.array(score, { minLength: n, maxLength: n }),
            fc.array(score, { minLength: n * n, maxLength: n * n }),
            score.map((v) => 2 * v),
          ),
        ),
        async ([n, k, relevance, flat, alpha]) => {
          const redundancy = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : flat[Math.min(i, j) * n + Math.max(i, j)])));
          const encoded = featureSubsetQubo({ relevance, redundancy, measure: "mi", nBins: 3 }, k, alpha);
          const set = await solve(encoded.compiled, { solver: "exact", seed: 0 });
          const best = set.bestFeasible!;
          const x = set.valuesOf(best).x as number[];
          const chosen = x.flatMap((bit, i) => (bit === 1 ? [i] : []));
          expect(chosen).toHaveLength(k);
          expect(best.objective).toBeCloseTo(bestSubsetByEnumeration(relevance, redundancy, k, alpha), 8);
          expect(subsetObjective(relevance, redundancy, chosen, alpha)).toBeCloseTo(best.objective, 8);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("refuses k outside 1..n and a negative alpha", () => {
    const scores = { relevance: [1, 2], redundancy: [[0, 1], [1, 0]], measure: "mi" as const, nBins: 3 };
    expect(() => featureSubsetQubo(scores, 3)).toThrow(/k must be an integer in 1\.\.2/);
    expect(() => featureSubsetQubo(scores, 0)).toThrow(RangeError);
    expect(() => featureSubsetQubo(scores, 1, -1)).toThrow(/alpha/);
  });
});

describe("feature selection on synthetic data with a known informative set", () => {
  const data = makeClassification({ nSamples: 240, nFeatures: 12, nInformative: 3, nRedundant: 0, classSep: 1.5, rng: createRng(7) });

  it("the generator is seeded and reports where the informative columns went", () => {
    const again = makeClassification({ nSamples: 240, nFeatures: 12, nInformative: 3, nRedundant: 0, classSep: 1.5, rng: createRng(7) });
    expect(again.informative).toEqual(data.informative);
    expect(Array.from(again.columns[5])).toEqual(Array.from(data.columns[5]));
    expect(data.informative).toHaveLength(3);
    expect(() => makeClassification({ nSamples: 10, nFeatures: 3, nInformative: 3, nRedundant: 1, rng: createRng(1) })).toThrow(RangeError);
  });

  it("MI relevance ranks the informative features above the noise", () => {
    const { relevance } = scoreFeatures(data);
    const noise = relevance.filter((_, j) => !data.informative.includes(j));
    for (const j of data.informative) expect(relevance[j]).toBeGreaterThan(Math.max(...noise));
  });

  it("with α = 1 (global MID) the exact optimum trades the third informative feature for less redundancy", async () => {
    // The informative columns are class-conditionally independent but marginally dependent (MI ≈ 0.5
    // nats between them), so the global MID optimum takes a noise column third; greedy mRMR, which
    // commits to the informative ones first, keeps all three.
    const chosen = await selectByQubo(data, { k: 3, solver: "exact", alpha: 1, rng: createRng(1) });
    expect(chosen.features.filter((j) => data.informative.includes(j))).toHaveLength(2);
    expect(selectByBaseline("mrmr", data, { k: 3, rng: createRng(1) }).features).toEqual(data.informative);
  });

  it("with α = 0.25 exact and tabu recover the informative set; SA returns a feasible k-subset no better", async () => {
    const exact = await selectByQubo(data, { k: 3, solver: "exact", alpha: 0.25, rng: createRng(1) });
    const sa = await selectByQubo(data, { k: 3, solver: "sa", alpha: 0.25, rng: createRng(1) });
    expect(sa.features).toHaveLength(3);
    expect(Number(sa.info.objective)).toBeLessThanOrEqual(Number(exact.info.objective) + 1e-12);
    for (const solver of ["exact", "tabu"] as const) {
      const chosen = await selectByQubo(data, { k: 3, solver, alpha: 0.25, rng: createRng(1) });
      expect(chosen.features).toEqual(data.informative);
      expect(chosen.info.nBits).toBe(12);
      expect(chosen.timing.encodingMs).toBeGreaterThan(0);
    }
  });

  it("runs the stage with selection inside the folds and returns finite JSON records", async () => {
    const records = await runFeatureSelection(data, { k: 3, methods: ["qubo-exact", "mrmr", "random", "all"], alpha: 0.25, folds: 3, seed: 2, informative: data.informative });
    expect(records.map((r) => r.method)).toEqual(["qubo-exact", "mrmr", "random", "all"]);
    const byMethod = Object.fromEntries(records.map((r) => [r.method, r]));
    expect(byMethod["qubo-exact"].recovery).toBe(1);
    expect(byMethod["qubo-exact"].stability).toBe(1);
    expect(byMethod["qubo-exact"].auc).toBeGreaterThan(byMethod.random.auc);
    expect(byMethod["qubo-exact"].auc).toBeGreaterThan(0.85);
    expect(byMethod.all.k).toBe(12);
    expect(byMethod.mrmr.aucGainOverMrmr).toBe(0);
    const json = JSON.parse(JSON.stringify(records));
    expect(json).toEqual(records);
    for (const r of records) for (const v of [r.accuracy, r.auc, r.stability, r.scoringMs, r.solvingMs, r.evaluatingMs]) expect(Number.isFinite(v)).toBe(true);
  });

  it("the QAOA path runs on the statevector simulator for small n", async () => {
    const small = makeClassification({ nSamples: 120, nFeatures: 6, nInformative: 2, classSep: 2, rng: createRng(3) });
    const chosen = await selectByQubo(small, { k: 2, solver: "qaoa", rng: createRng(1), parameters: { p: 1 } });
    expect(chosen.features).toHaveLength(2);
    expect(chosen.info.solverUsed).toBe("qaoa");
  }, 60_000);

  it("baselines return k distinct features; bad k is a RangeError naming the range", () => {
    for (const name of ["greedy-forward", "l1-path", "random-forest", "random"] as const) {
      const chosen = selectByBaseline(name, data, { k: 3, rng: createRng(4) });
      expect(new Set(chosen.features).size).toBe(3);
    }
    expect(() => selectByBaseline("mrmr", data, { k: 13, rng: createRng(1) })).toThrow(/k must be an integer in 1\.\.12/);
  });
});

describe("the downstream logistic regression", () => {
  it("separates separable classes and L1 with a large weight zeroes every coefficient", () => {
    const x = Float64Array.from([0, 1, 2, 3, 10, 11, 12, 13]);
    const y = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const model = fitLogistic(x, y, 1, 2);
    const p = predictProbabilities(model, Float64Array.from([1, 12]));
    expect(p[1]).toBeLessThan(0.2);
    expect(p[3]).toBeGreaterThan(0.8);
    expect(fitLogistic(x, y, 1, 2, { l1: 10 }).weights[0][0]).toBe(0);
  });
});

describe.skipIf(!existsSync(TABULAR))("real data (../shared/data/tabular)", () => {
  it("breast cancer: 5 features by the DSL QUBO keep AUC within 0.03 of all 30 features", async () => {
    const { dataset } = readCsvDataset(readFileSync(new URL("breast_cancer.csv", TABULAR), "utf8"), { file: "breast_cancer.csv" });
    const records = await runFeatureSelection(dataset!, { k: 5, methods: ["qubo-tabu", "all"], folds: 3, seed: 1 });
    expect(records[0].auc).toBeGreaterThan(records[1].auc - 0.03);
    expect(records[1].auc).toBeGreaterThan(0.97);
  }, 60_000);
});
if (!existsSync(TABULAR)) describe.skip("real data: ../shared/data/tabular is absent, skipped", () => {});
