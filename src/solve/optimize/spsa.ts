// Simultaneous perturbation stochastic approximation (Spall 1992; gains as in Spall 1998,
// "Implementation of the simultaneous perturbation algorithm for stochastic optimization"):
//   ĝ_k = [f(x + c_kΔ) − f(x − c_kΔ)] / (2c_k) · Δ⁻¹,  Δ_i = ±1 (Rademacher, from the seeded Rng),
//   x ← x − a_k ĝ_k,  a_k = a/(k + 1 + A)^0.602,  c_k = c/(k + 1)^0.101,  A = 10% of the iterations.
// Two evaluations per iteration whatever the dimension, plus one with blocking (default on, Spall
// 1998 §"blocking"): a step that raises f is rejected, and — qpipe's addition — the gain a is halved,
// so that a gain calibrated too large (e.g. from a start where the gradient is nearly zero) recovers
// instead of oscillating. When `a` is not given it is calibrated from a few gradient estimates at x₀
// so that the first step has length ≈ `targetStep` per coordinate. The result is the best point
// evaluated.
import type { Rng } from "../../util/rng.js";
import { Budget, runWithBudget } from "./budget.js";
import type { Objective, OptimizeOptions, OptimizeResult } from "./objective.js";

export interface SpsaOptions extends OptimizeOptions {
  readonly rng: Rng;
  /** c, the perturbation size (default 0.1). */
  readonly perturbation?: number;
  /** a, the gain; calibrated when absent. */
  readonly learningRate?: number;
  /** Typical first-step length per coordinate used by the calibration (default 0.2). */
  readonly targetStep?: number;
  /** Reject steps that raise f, halving the gain (default true; costs one evaluation per iteration). */
  readonly blocking?: boolean;
}

const ALPHA = 0.602;
const GAMMA = 0.101;
const CALIBRATION_SAMPLES = 5;

export function spsa(objective: Objective, x0: ArrayLike<number>, options: SpsaOptions): OptimizeResult {
  const budget = new Budget("spsa", objective, x0, options, 1e-8);
  const rng = options.rng;
  if (rng === undefined || typeof rng.next !== "function") throw new TypeError("spsa needs options.rng, an Rng from createRng");
  const c = positive("perturbation", options.perturbation ?? 0.1);
  const targetStep = positive("targetStep", options.targetStep ?? 0.2);
  const n = budget.dimension;
  const x = Float64Array.from(x0);
  const delta = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const blocking = options.blocking ?? true;
  if (typeof blocking !== "boolean") throw new TypeError(`spsa blocking must be a boolean, got ${typeof blocking}`);
  const candidate = new Float64Array(n);
  const calibrationEvaluations = options.learningRate === undefined ? 2 * CALIBRATION_SAMPLES : 0;
  const perIteration = blocking ? 3 : 2;
  const iterations = Math.max(1, Math.floor((budget.maxEvaluations - calibrationEvaluations - 1) / perIteration));
  const stability = 0.1 * iterations;

  /** (f₊ − f₋)/(2c) at perturbation size ck, with a fresh Δ. */
  const difference = (ck: number): number => {
    for (let i = 0; i < n; i++) {
      delta[i] = rng.next() < 0.5 ? -1 : 1;
      plus[i] = (x[i] as number) + ck * (delta[i] as number);
      minus[i] = (x[i] as number) - ck * (delta[i] as number);
    }
    return (budget.value(plus) - budget.value(minus)) / (2 * ck);
  };

  return runWithBudget(budget, () => {
    let a = options.learningRate === undefined ? undefined : positive("learningRate", options.learningRate);
    if (a === undefined) {
      let magnitude = 0;
      for (let s = 0; s < CALIBRATION_SAMPLES; s++) magnitude += Math.abs(difference(c)) / CALIBRATION_SAMPLES;
      a = magnitude > 0 ? (targetStep * (stability + 1) ** ALPHA) / magnitude : targetStep;
    }
    let fx = blocking ? budget.value(x) : NaN;
    for (let k = 0; k < iterations; k++) {
      const ck = c / (k + 1) ** GAMMA;
      const ak = a / (k + 1 + stability) ** ALPHA;
      const slope = difference(ck);
      // Δ_i = ±1, so 1/Δ_i = Δ_i.
      for (let i = 0; i < n; i++) candidate[i] = (x[i] as number) - ak * slope * (delta[i] as number);
      if (blocking) {
        const fc = budget.value(candidate);
        if (fc <= fx) {
          x.set(candidate);
          fx = fc;
        } else {
          a *= 0.5;
        }
      } else {
        x.set(candidate);
      }
      budget.endIteration();
    }
    if (!blocking) budget.value(x);
    return "max-evaluations";
  });
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`spsa ${name} must be a positive finite number, got ${value}`);
  return value;
}
