import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapCi, bootstrapDifferenceCi, interquartileRange, mean, median, quantile, successProbability, timeToSolution, wilsonInterval } from "../../src/bench/statistics.js";
import { createRng } from "../../src/util/rng.js";

describe("order statistics", () => {
  it("interpolate linearly between order statistics (R type 7)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.1)).toBeCloseTo(11, 12);
    expect(interquartileRange([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ q1: 3, q3: 7, iqr: 4 });
  });

  it("treat failed runs as the worst value without producing NaN", () => {
    expect(median([-Infinity, -Infinity, 5])).toBe(-Infinity);
    expect(median([-Infinity, 4, 5])).toBe(4);
    expect(interquartileRange([-Infinity, -Infinity, -Infinity]).iqr).toBe(0);
    expect(Number.isNaN(quantile([-Infinity, 1], 0.5))).toBe(false);
  });

  it("refuse empty input and NaN", () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(/values\[1\]/);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it("a quantile lies between the minimum and maximum and grows with q (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const qLo = quantile(values, lo);
        const qHi = quantile(values, hi);
        expect(qLo).toBeGreaterThanOrEqual(Math.min(...values));
        expect(qHi).toBeLessThanOrEqual(Math.max(...values));
        expect(qLo).toBeLessThanOrEqual(qHi + 1e-9 * (1 + Math.abs(qHi)));
      }),
    );
  });
});

describe("bootstrap confidence intervals", () => {
  it("cover the true mean about 95% of the time on synthetic normal data", () => {
    const rng = createRng("coverage");
    const trueMean = 3;
    const nRepetitions = 400;
    let covered = 0;
    for (let rep = 0; rep < nRepetitions; rep++) {
      const data = Float64Array.from({ length: 40 }, () => trueMean + 2 * rng.normal());
      const ci = bootstrapCi(data, mean, { rng: rng.fork(rep), resamples: 1000 });
      if (ci.low <= trueMean && trueMean <= ci.high) covered++;
    }
    const coverage = covered / nRepetitions;
    // Binomial sd at 400 repetitions ≈ 0.011; the percentile bootstrap undercovers slightly at n = 40.
    expect(coverage).toBeGreaterThan(0.9);
    expect(coverage).toBeLessThan(0.985);
  });

  it("of a median cover the true median about 95% of the time", () => {
    const rng = createRng("coverage-median");
    let covered = 0;
    const nRepetitions = 300;
    for (let rep = 0; rep < nRepetitions; rep++) {
      const data = Float64Array.from({ length: 41 }, () => rng.normal());
      const ci = bootstrapCi(data, median, { rng: rng.fork(rep), resamples: 1000 });
      if (ci.low <= 0 && 0 <= ci.high) covered++;
    }
    expect(covered / nRepetitions).toBeGreaterThan(0.88);
    expect(covered / nRepetitions).toBeLessThan(0.995);
  });

  it("are replayable from the seed and narrow with more data", () => {
    const data = Float64Array.from({ length: 30 }, (_, i) => i % 7);
    const a = bootstrapCi(data, mean, { rng: createRng(5) });
    const b = bootstrapCi(data, mean, { rng: createRng(5) });
    expect(a).toEqual(b);
    const wide = bootstrapCi(data.slice(0, 8), mean, { rng: createRng(5) });
    expect(a.high - a.low).toBeLessThan(wide.high - wide.low);
  });

  it("of a difference exclude 0 for clearly separated groups and include it for identical ones", () => {
    const rng = createRng("diff");
    const a = Float64Array.from({ length: 30 }, () => 10 + rng.normal());
    const b = Float64Array.from({ length: 30 }, () => 5 + rng.normal());
    const apart = bootstrapDifferenceCi(a, b, median, { rng: createRng(1) });
    expect(apart.low).toBeGreaterThan(0);
    expect(apart.estimate).toBeCloseTo(median(a) - median(b), 12);
    const same = bootstrapDifferenceCi(a, a, median, { rng: createRng(1) });
    expect(same.low).toBeLessThanOrEqual(0);
    expect(same.high).toBeGreaterThanOrEqual(0);
  });

  it("of two all-failed groups is 0, not NaN", () => {
    const failed = [-Infinity, -Infinity];
    const ci = bootstrapDifferenceCi(failed, failed, median, { rng: createRng(1), resamples: 50 });
    expect(ci).toMatchObject({ low: 0, high: 0, estimate: 0 });
  });
});

describe("success probability and time to solution", () => {
  it("TTS(99%) is infinite when no run succeeds (p = 0)", () => {
    expect(timeToSolution(120, 0)).toBe(Infinity);
  });

  it("TTS(99%) is one run's time when every run succeeds (p = 1)", () => {
    expect(timeToSolution(120, 1)).toBe(120);
    expect(timeToSolution(120, 0.995)).toBe(120);
  });

  it("TTS follows t · ln(0.01) / ln(1 − p) in between", () => {
    expect(timeToSolution(10, 0.5)).toBeCloseTo((10 * Math.log(0.01)) / Math.log(0.5), 12);
    expect(timeToSolution(10, 0.9)).toBeCloseTo(20, 12);
    expect(timeToSolution(10, 0.5, 0.5)).toBeCloseTo(10, 12);
  });

  it("TTS decreases as the success probability grows (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.98, noNaN: true }), fc.double({ min: 0.001, max: 0.98, noNaN: true }), (p, q) => {
        if (p === q) return;
        const [lo, hi] = p < q ? [p, q] : [q, p];
        expect(timeToSolution(7, hi)).toBeLessThanOrEqual(timeToSolution(7, lo));
      }),
    );
  });

  it("refuse impossible inputs", () => {
    expect(() => timeToSolution(-1, 0.5)).toThrow(RangeError);
    expect(() => timeToSolution(1, 1.5)).toThrow(/success probability/);
    expect(() => timeToSolution(Infinity, 0.5)).toThrow(RangeError);
    expect(() => successProbability(3, 2)).toThrow(/successes/);
    expect(() => successProbability(0, 0)).toThrow(/runs/);
    expect(successProbability(3, 4)).toBe(0.75);
  });
});

describe("wilsonInterval", () => {
  it("matches the textbook values and stays inside [0, 1] at 0 and n successes", () => {
    // 8 of 10: Wilson 95% ≈ [0.4902, 0.9433] (Brown, Cai & DasGupta 2001, table values).
    const ci = wilsonInterval(8, 10);
    expect(ci.low).toBeCloseTo(0.4902, 4);
    expect(ci.high).toBeCloseTo(0.9433, 4);
    expect(ci.level).toBe(0.95);
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(0, 5).high).toBeGreaterThan(0.3);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(5, 5).low).toBeLessThan(0.7);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 0)).toThrow(RangeError);
  });

  it("covers the true proportion about 95% of the time (simulation)", () => {
    const rng = createRng("wilson");
    for (const p of [0.1, 0.5, 0.8]) {
      let covered = 0;
      for (let trial = 0; trial < 2000; trial++) {
        let k = 0;
        for (let i = 0; i < 30; i++) if (rng.nextDouble() < p) k++;
        const ci = wilsonInterval(k, 30);
        if (ci.low <= p && p <= ci.high) covered++;
      }
      expect(covered / 2000, `p = ${p}`).toBeGreaterThan(0.92);
      expect(covered / 2000, `p = ${p}`).toBeLessThan(0.99);
    }
  });
});
