import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binaryAuc, conditionalMutualInformation, discretise, jaccard, macroAuc, meanPairwiseJaccard, mutualInformation, pearson, stratifiedFolds } from "../../src/ml/index.js";
import { createRng } from "../../src/util/rng.js";

const codes = (n: number, k: number) => fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }).map((a) => Int32Array.from(a));

describe("mutual information", () => {
  it("of a variable with itself is its entropy; with a constant is zero", () => {
    const x = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(mutualInformation(x, x)).toBeCloseTo(Math.log(4), 12);
    expect(mutualInformation(x, new Int32Array(8))).toBe(0);
  });

  it("is symmetric, non-negative and at most min entropy (property)", () => {
    fc.assert(
      fc.property(codes(40, 4), codes(40, 3), (x, y) => {
        const a = mutualInformation(x, y);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeCloseTo(mutualInformation(y, x), 10);
        expect(a).toBeLessThanOrEqual(Math.min(mutualInformation(x, x), mutualInformation(y, y)) + 1e-12);
      }),
    );
  });

  it("conditional MI obeys the chain rule I(X;Y|Z) = I(X;(Y,Z)) − I(X;Z) (property)", () => {
    fc.assert(
      fc.property(codes(50, 3), codes(50, 2), codes(50, 3), (x, y, z) => {
        const yz = y.map((v, i) => v * 3 + z[i]);
        expect(conditionalMutualInformation(x, y, z)).toBeCloseTo(mutualInformation(x, yz) - mutualInformation(x, z), 10);
      }),
    );
  });

  it("discretises into equal-frequency bins with ties in one bin", () => {
    expect(Array.from(discretise(Float64Array.from([5, 1, 3, 2, 4, 6]), 3))).toEqual([2, 0, 1, 0, 1, 2]);
    expect(new Set(discretise(Float64Array.from([1, 1, 1, 1, 2, 3]), 3)).size).toBe(2);
  });

  it("pearson is ±1 on lines and 0 for a constant", () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    expect(pearson(a, a.map((v) => 3 - 2 * v))).toBeCloseTo(-1, 12);
    expect(pearson(a, Float64Array.from([2, 2, 2, 2]))).toBe(0);
  });
});

describe("ROC AUC", () => {
  it("is 1 for a perfect ranking, 0 reversed, ½ for all ties", () => {
    const labels = Uint8Array.from([0, 0, 1, 1]);
    expect(binaryAuc(Float64Array.from([0.1, 0.2, 0.8, 0.9]), labels)).toBe(1);
    expect(binaryAuc(Float64Array.from([0.9, 0.8, 0.2, 0.1]), labels)).toBe(0);
    expect(binaryAuc(Float64Array.from([0.5, 0.5, 0.5, 0.5]), labels)).toBe(0.5);
  });

  it("equals the fraction of correctly ordered positive–negative pairs (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 30 }), (rows) => {
        const pos = rows.filter((r) => r[1]).map((r) => r[0]);
        const neg = rows.filter((r) => !r[1]).map((r) => r[0]);
        fc.pre(pos.length > 0 && neg.length > 0);
        let wins = 0;
        for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
        const auc = binaryAuc(Float64Array.from(rows.map((r) => r[0])), Uint8Array.from(rows.map((r) => (r[1] ? 1 : 0))));
        expect(auc).toBeCloseTo(wins / (pos.length * neg.length), 12);
      }),
    );
  });

  it("refuses a single class rather than returning NaN", () => {
    expect(() => binaryAuc(Float64Array.from([0.1, 0.2]), Uint8Array.from([1, 1]))).toThrow(RangeError);
    expect(macroAuc(Float64Array.from([0.9, 0.1, 0.2, 0.8]), Int32Array.from([0, 1]), 2)).toBe(1);
  });
});

describe("stratified folds and stability", () => {
  it("partition the rows and keep class proportions", () => {
    const target = Int32Array.from({ length: 50 }, (_, i) => (i < 20 ? 1 : 0));
    const folds = stratifiedFolds(target, 5, createRng(1));
    const seen = new Set<number>();
    for (const fold of folds) {
      expect(fold.test.length + fold.train.length).toBe(50);
      for (const i of fold.test) seen.add(i);
      expect(Array.from(fold.test).filter((i) => target[i] === 1)).toHaveLength(4);
    }
    expect(seen.size).toBe(50);
    expect(() => stratifiedFolds(Int32Array.from([0, 0, 0, 1]), 2, createRng(1))).toThrow(/class 1 has 1 samples/);
  });

  it("Jaccard of sets", () => {
    expect(jaccard([1, 2, 3], [2, 3, 4])).toBe(0.5);
    expect(meanPairwiseJaccard([[1, 2], [1, 2], [3, 4]])).toBeCloseTo(1 / 3, 12);
  });
});
