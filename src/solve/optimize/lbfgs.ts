// Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989): the two-loop recursion applies the
// inverse-Hessian estimate built from the last m pairs s = x₊ − x, y = g₊ − g (scaled by
// γ = sᵀy/yᵀy) to −g; a backtracking line search enforces the Armijo condition
// f(x + αd) ≤ f(x) + 10⁻⁴ α gᵀd. Pairs with sᵀy ≤ 0 are skipped, which keeps the estimate positive
// definite on nonconvex landscapes such as QAOA's. Stops when the largest gradient component is
// below `tolerance`, or as "stalled" when even a steepest-descent step finds no decrease or the
// predicted decrease is below double precision.
import { Budget, runWithBudget } from "./budget.js";
import type { Objective, OptimizeOptions, OptimizeResult } from "./objective.js";

export interface LbfgsOptions extends OptimizeOptions {
  /** Correction pairs kept (default 10). */
  readonly memory?: number;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;

export function lbfgs(objective: Objective, x0: ArrayLike<number>, options: LbfgsOptions = {}): OptimizeResult {
  const budget = new Budget("lbfgs", objective, x0, options, 1e-6);
  const memory = options.memory ?? 10;
  if (!Number.isSafeInteger(memory) || memory < 1) throw new RangeError(`lbfgs memory must be a positive integer, got ${memory}`);
  const n = budget.dimension;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const xNext = new Float64Array(n);
  const gNext = new Float64Array(n);
  const d = new Float64Array(n);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let stored = 0;
  let newest = -1;

  return runWithBudget(budget, () => {
    let f = budget.valueAndGradient(x, g);
    for (;;) {
      if (maxAbs(g) <= budget.tolerance) {
        budget.endIteration();
        return "converged";
      }
      direction();
      let slope = dot(g, d);
      if (!(slope < 0)) {
        // Not a descent direction (should not happen with sᵀy > 0): restart from steepest descent.
        stored = 0;
        direction();
        slope = dot(g, d);
      }
      // A predicted decrease below double precision cannot be verified by any line search.
      if (-slope <= 4 * Number.EPSILON * Math.abs(f)) {
        budget.endIteration();
        return "stalled";
      }
      let step = stored === 0 ? Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1;
      let accepted = false;
      let fNext = f;
      for (let k = 0; k < MAX_BACKTRACKS; k++) {
        for (let i = 0; i < n; i++) xNext[i] = (x[i] as number) + step * (d[i] as number);
        fNext = budget.valueAndGradient(xNext, gNext);
        if (fNext <= f + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        budget.endIteration();
        if (stored === 0) return "stalled";
        stored = 0; // retry once from steepest descent
        continue;
      }
      remember();
      x.set(xNext);
      g.set(gNext);
      f = fNext;
      budget.endIteration();
    }
  });

  /** d = −H g by the two-loop recursion. */
  function direction(): void {
    for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
    for (let k = 0; k < stored; k++) {
      const j = (newest - k + memory) % memory;
      const a = (rho[j] as number) * dot(s[j] as Float64Array, d);
      alpha[j] = a;
      axpy(-a, y[j] as Float64Array, d);
    }
    if (stored > 0) {
      const j = newest;
      const scale = dot(s[j] as Float64Array, y[j] as Float64Array) / dot(y[j] as Float64Array, y[j] as Float64Array);
      for (let i = 0; i < n; i++) d[i] = scale * (d[i] as number);
    }
    for (let k = stored - 1; k >= 0; k--) {
      const j = (newest - k + memory) % memory;
      const b = (rho[j] as number) * dot(y[j] as Float64Array, d);
      axpy((alpha[j] as number) - b, s[j] as Float64Array, d);
    }
  }

  function remember(): void {
    const slot = (newest + 1) % memory;
    const sj = s[slot] as Float64Array;
    const yj = y[slot] as Float64Array;
    for (let i = 0; i < n; i++) {
      sj[i] = (xNext[i] as number) - (x[i] as number);
      yj[i] = (gNext[i] as number) - (g[i] as number);
    }
    const sy = dot(sj, yj);
    if (!(sy > 1e-12 * Math.sqrt(dot(sj, sj) * dot(yj, yj)))) return; // curvature condition fails: skip
    rho[slot] = 1 / sy;
    newest = slot;
    stored = Math.min(stored + 1, memory);
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] = (y[i] as number) + a * (x[i] as number);
}

function maxAbs(v: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i] as number));
  return largest;
}
