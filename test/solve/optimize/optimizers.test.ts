import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adam, cobyla, lbfgs, minimize, nelderMead, type Objective, OPTIMIZERS, spsa } from "../../../src/solve/optimize/index.js";
import { createRng } from "../../../src/util/rng.js";

/** Rosenbrock's valley f = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). */
const rosenbrock: Objective = {
  dimension: 2,
  value: (x) => (1 - x[0]!) ** 2 + 100 * (x[1]! - x[0]! ** 2) ** 2,
  valueAndGradient: (x, g) => {
    const [a, b] = [x[0]!, x[1]!];
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  },
};

/** An ill-conditioned quadratic ½ Σ κ_i (x_i − c_i)², minimum 0 at c. */
function quadratic(n: number, centre: readonly number[]): Objective {
  const curvature = Array.from({ length: n }, (_, i) => 1 + 9 * (i / Math.max(1, n - 1)));
  return {
    dimension: n,
    value: (x) => curvature.reduce((sum, k, i) => sum + 0.5 * k * (x[i]! - centre[i]!) ** 2, 0),
    valueAndGradient: (x, g) => {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        g[i] = curvature[i]! * (x[i]! - centre[i]!);
        sum += 0.5 * curvature[i]! * (x[i]! - centre[i]!) ** 2;
      }
      return sum;
    },
  };
}

describe("optimisers on Rosenbrock's valley from (−1.2, 1)", () => {
  const start = [-1.2, 1];
  it("Nelder–Mead reaches (1, 1)", () => {
    const result = nelderMead(rosenbrock, start, { maxEvaluations: 2000, tolerance: 1e-10 });
    expect(result.stoppedBy).toBe("converged");
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });
  it("COBYLA follows the curved valley with a linear model only (slowly, as linear models do)", () => {
    const result = cobyla(rosenbrock, start, { maxEvaluations: 5000, tolerance: 1e-8, initialStep: 0.5 });
    expect(result.value).toBeLessThan(0.1);
    const longer = cobyla(rosenbrock, start, { maxEvaluations: 20000, tolerance: 1e-8, initialStep: 0.5 });
    expect(longer.value).toBeLessThan(1e-4);
    expect(longer.x[0]).toBeCloseTo(1, 1);
  });
  it("L-BFGS reaches (1, 1) to the gradient tolerance", () => {
    const result = lbfgs(rosenbrock, start, { maxEvaluations: 500, tolerance: 1e-8 });
    expect(result.stoppedBy).toBe("converged");
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
  it("Adam descends the valley", () => {
    const result = adam(rosenbrock, start, { maxEvaluations: 20000, learningRate: 0.02 });
    expect(result.value).toBeLessThan(1e-3);
  });
  it("SPSA descends from f = 24.2 with three evaluations per step", () => {
    const result = spsa(rosenbrock, start, { rng: createRng(4), maxEvaluations: 5000, perturbation: 0.1, targetStep: 0.1 });
    expect(result.value).toBeLessThan(24.2 / 4);
  });
});

describe("optimisers on random ill-conditioned quadratics", () => {
  it("every method gets within 1e-3 of the minimum of a 5-dimensional quadratic", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }), (centre) => {
        const f = quadratic(5, centre);
        for (const method of OPTIMIZERS) {
          const maxEvaluations = method === "spsa" ? 12000 : 4000;
          const result = minimize(method, f, [0, 0, 0, 0, 0], { maxEvaluations, rng: createRng(1), tolerance: 1e-9 });
          expect(result.value, method).toBeLessThan(1e-3);
          if (method !== "spsa" && method !== "adam") expect(result.stoppedBy, method).toBe("converged");
        }
      }),
      { numRuns: 8, seed: 11 },
    );
  });
});

describe("the optimiser contract", () => {
  it("never exceeds the evaluation budget and records a monotone trace", () => {
    for (const method of OPTIMIZERS) {
      let calls = 0;
      const f = quadratic(3, [1, 2, 3]);
      const counted: Objective = {
        dimension: 3,
        value: (x) => (calls++, f.value(x)),
        valueAndGradient: (x, g) => (calls++, f.valueAndGradient!(x, g)),
      };
      const result = minimize(method, counted, [0, 0, 0], { maxEvaluations: 37, rng: createRng(2) });
      expect(calls, method).toBeLessThanOrEqual(37);
      expect(result.nEvaluations, method).toBe(calls);
      expect(result.values.length).toBe(calls);
      for (let k = 1; k < result.trace.length; k++) expect(result.trace[k]!.best).toBeLessThanOrEqual(result.trace[k - 1]!.best);
      expect(result.value).toBe(Math.min(...result.values));
      expect(f.value(result.x)).toBe(result.value);
    }
  });

  it("SPSA recovers from a gain calibrated at a nearly flat start (blocking halves it)", () => {
    const f = quadratic(5, [0, 0, 0, 0, 1e-3]);
    expect(spsa(f, [0, 0, 0, 0, 0], { rng: createRng(1), maxEvaluations: 4000 }).value).toBeLessThan(1e-8);
    // Without blocking the calibrated gain is enormous and the iterates never come back.
    expect(spsa(f, [0, 0, 0, 0, 0], { rng: createRng(1), maxEvaluations: 4000, blocking: false }).value).toBeGreaterThan(1e-2);
  });

  it("SPSA with the same seed is identical and with another seed differs", () => {
    const run = (seed: number) => spsa(rosenbrock, [0, 0], { rng: createRng(seed), maxEvaluations: 200 });
    expect(Array.from(run(5).x)).toEqual(Array.from(run(5).x));
    expect(Array.from(run(5).x)).not.toEqual(Array.from(run(6).x));
  });

  it("refuses bad input with what must be what", () => {
    expect(() => nelderMead(rosenbrock, [0], {})).toThrow(/start point must have 2 entries/);
    expect(() => nelderMead(rosenbrock, [0, NaN], {})).toThrow(RangeError);
    expect(() => cobyla(rosenbrock, [0, 0], { maxEvaluations: 0 })).toThrow(/maxEvaluations must be a positive integer/);
    expect(() => adam({ dimension: 2, value: () => 0 }, [0, 0])).toThrow(/valueAndGradient/);
    expect(() => lbfgs(rosenbrock, [0, 0], { memory: 0 })).toThrow(RangeError);
    expect(() => nelderMead({ dimension: 1, value: () => NaN }, [0])).toThrow(/NaN/);
    expect(() => minimize("newton" as "adam", rosenbrock, [0, 0], { maxEvaluations: 10, rng: createRng(0) })).toThrow(/optimizer must be one of/);
  });
});
