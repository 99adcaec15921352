// Adam (Kingma & Ba 2015) on exact gradients: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
// x ← x − η·m̂/(√v̂ + ε) with bias-corrected m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). One value-and-gradient
// evaluation per iteration; stops when the largest gradient component falls below `tolerance`.
import { Budget, runWithBudget } from "./budget.js";
import type { Objective, OptimizeOptions, OptimizeResult } from "./objective.js";

export interface AdamOptions extends OptimizeOptions {
  /** η (default 0.05). */
  readonly learningRate?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

export function adam(objective: Objective, x0: ArrayLike<number>, options: AdamOptions = {}): OptimizeResult {
  const budget = new Budget("adam", objective, x0, options, 1e-6);
  const eta = inRange("learningRate", options.learningRate ?? 0.05, 0, Infinity);
  const beta1 = decay("beta1", options.beta1 ?? 0.9);
  const beta2 = decay("beta2", options.beta2 ?? 0.999);
  const epsilon = inRange("epsilon", options.epsilon ?? 1e-8, 0, Infinity);
  const n = budget.dimension;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  return runWithBudget(budget, () => {
    for (let t = 1; ; t++) {
      budget.valueAndGradient(x, g);
      let largest = 0;
      for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(g[i] as number));
      if (largest <= budget.tolerance) {
        budget.endIteration();
        return "converged";
      }
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (let i = 0; i < n; i++) {
        const gi = g[i] as number;
        m[i] = beta1 * (m[i] as number) + (1 - beta1) * gi;
        v[i] = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
        x[i] = (x[i] as number) - (eta * ((m[i] as number) / c1)) / (Math.sqrt((v[i] as number) / c2) + epsilon);
      }
      budget.endIteration();
    }
  });
}

/** Checks low < value < high. */
function inRange(name: string, value: number, low: number, high: number): number {
  if (!(value > low && value < high) || !Number.isFinite(value)) throw new RangeError(`adam ${name} must be a finite number in (${low}, ${high}), got ${value}`);
  return value;
}

/** Checks 0 ≤ value < 1. */
function decay(name: string, value: number): number {
  if (!(value >= 0 && value < 1)) throw new RangeError(`adam ${name} must be a number in [0, 1), got ${value}`);
  return value;
}
