// Nelder–Mead simplex search (Nelder & Mead 1965) with the dimension-adaptive coefficients of
// Gao & Han (2012): reflection 1, expansion 1 + 2/n, contraction 3/4 − 1/(2n), shrink 1 − 1/n,
// which keep the method from stalling as n grows. Stops when the simplex's values and vertices
// both lie within `tolerance` of the best vertex (scipy's fatol/xatol test).
import { Budget, runWithBudget } from "./budget.js";
import type { Objective, OptimizeOptions, OptimizeResult } from "./objective.js";

export interface NelderMeadOptions extends OptimizeOptions {
  /** Edge length of the start simplex along each axis (default 0.1). */
  readonly initialStep?: number;
}

export function nelderMead(objective: Objective, x0: ArrayLike<number>, options: NelderMeadOptions = {}): OptimizeResult {
  const budget = new Budget("nelder-mead", objective, x0, options, 1e-8);
  const step = checkStep(options.initialStep ?? 0.1);
  const n = budget.dimension;
  const alpha = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;

  // Vertex v is simplex[v*n .. v*n+n); values[v] its value; order[] sorts vertices by value.
  const simplex = new Float64Array((n + 1) * n);
  const values = new Float64Array(n + 1);
  const order = Array.from({ length: n + 1 }, (_, v) => v);
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const second = new Float64Array(n);
  const vertex = (v: number): Float64Array => simplex.subarray(v * n, v * n + n);

  return runWithBudget(budget, () => {
    for (let v = 0; v <= n; v++) {
      const x = vertex(v);
      for (let i = 0; i < n; i++) x[i] = x0[i] as number;
      if (v > 0) x[v - 1] = (x[v - 1] as number) + step;
      values[v] = budget.value(x);
    }
    for (;;) {
      order.sort((a, b) => (values[a] as number) - (values[b] as number));
      budget.endIteration();
      if (converged()) return "converged";
      const best = order[0] as number;
      const worst = order[n] as number;
      const nextWorst = order[n - 1] as number;
      centroid.fill(0);
      for (let k = 0; k < n; k++) {
        const x = vertex(order[k] as number);
        for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (x[i] as number) / n;
      }
      const xw = vertex(worst);
      along(centroid, xw, alpha, trial);
      const fr = budget.value(trial);
      if (fr < (values[best] as number)) {
        along(centroid, xw, alpha * expand, second);
        const fe = budget.value(second);
        if (fe < fr) accept(worst, second, fe);
        else accept(worst, trial, fr);
        continue;
      }
      if (fr < (values[nextWorst] as number)) {
        accept(worst, trial, fr);
        continue;
      }
      // Contract outside (towards the reflected point) or inside (towards the worst vertex).
      const outside = fr < (values[worst] as number);
      along(centroid, xw, outside ? alpha * contract : -contract, second);
      const fc = budget.value(second);
      if (fc < (outside ? fr : (values[worst] as number))) {
        accept(worst, second, fc);
        continue;
      }
      const xb = vertex(best);
      for (let k = 1; k <= n; k++) {
        const v = order[k] as number;
        const x = vertex(v);
        for (let i = 0; i < n; i++) x[i] = (xb[i] as number) + shrink * ((x[i] as number) - (xb[i] as number));
        values[v] = budget.value(x);
      }
    }
  });

  function accept(v: number, x: Float64Array, value: number): void {
    vertex(v).set(x);
    values[v] = value;
  }

  function converged(): boolean {
    const best = order[0] as number;
    const xb = vertex(best);
    let spreadF = 0;
    let spreadX = 0;
    for (let v = 0; v <= n; v++) {
      spreadF = Math.max(spreadF, Math.abs((values[v] as number) - (values[best] as number)));
      const x = vertex(v);
      for (let i = 0; i < n; i++) spreadX = Math.max(spreadX, Math.abs((x[i] as number) - (xb[i] as number)));
    }
    return spreadF <= budget.tolerance && spreadX <= budget.tolerance;
  }
}

/** out = c + t·(c − w): the point at signed distance t along the ray from w through c. */
function along(c: Float64Array, w: Float64Array, t: number, out: Float64Array): void {
  for (let i = 0; i < c.length; i++) out[i] = (c[i] as number) + t * ((c[i] as number) - (w[i] as number));
}

export function checkStep(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`initialStep must be a positive finite number, got ${step}`);
  return step;
}
