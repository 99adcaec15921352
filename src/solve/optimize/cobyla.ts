// COBYLA's unconstrained core (Powell 1994, "A direct search optimization method that models the
// objective and constraint functions by linear interpolation"): a simplex of n + 1 evaluated points
// defines a linear model f(x₀ + s) ≈ f₀ + g·s (g solves D g = f_j − f₀, D's rows the edges
// x_j − x₀); each iteration either
//   • steps to the trust-region minimiser of that model, s = −ρ g/|g|, and replaces the vertex whose
//     loss keeps the simplex best shaped (largest |barycentric weight| × distance factor), or
//   • when the simplex is too long (an edge > 2.1ρ) or too flat (a vertex nearer than ρ/4 to the
//     opposite face), makes a geometry step of length ρ/2 along that vertex's face normal;
// and halves ρ when a step realises under a tenth of the predicted decrease on a well-shaped
// simplex. It stops when ρ reaches `tolerance` (ρ_end). No constraints: variational angles are free.
import { Budget, runWithBudget } from "./budget.js";
import { invertInPlace } from "./linear-solve.js";
import { checkStep } from "./nelder-mead.js";
import type { Objective, OptimizeOptions, OptimizeResult } from "./objective.js";

export interface CobylaOptions extends OptimizeOptions {
  /** ρ_beg: the initial trust radius and simplex edge (default 0.5). */
  readonly initialStep?: number;
}

const ALPHA = 0.25; // volume acceptability (σ_j ≥ αρ)
const BETA = 2.1; // length acceptability (|d_j| ≤ βρ)
const GEOMETRY_STEP = 0.5; // geometry steps have length GEOMETRY_STEP·ρ
const DISTANCE_SCALE = 1.1; // vertices farther than this·ρ are preferred for replacement

export function cobyla(objective: Objective, x0: ArrayLike<number>, options: CobylaOptions = {}): OptimizeResult {
  const budget = new Budget("cobyla", objective, x0, options, 1e-6);
  const rhoEnd = budget.tolerance;
  let rho = Math.max(checkStep(options.initialStep ?? 0.5), rhoEnd);
  const n = budget.dimension;
  const base = Float64Array.from(x0); // x₀, the best vertex
  const edges = new Float64Array(n * n); // row j: x_{j+1} − x₀
  const fEdges = new Float64Array(n); // f(x_{j+1})
  const work = new Float64Array(n * n);
  const inverse = new Float64Array(n * n); // D⁻¹: column j is w_j with d_k·w_j = δ_kj
  const gradient = new Float64Array(n);
  const step = new Float64Array(n);
  const trial = new Float64Array(n);
  let fBase = 0;

  return runWithBudget(budget, () => {
    fBase = budget.value(base);
    resetSimplex();
    for (;;) {
      budget.endIteration();
      makeBestVertexBase();
      if (!invertEdges()) {
        resetSimplex();
        continue;
      }
      modelGradient();
      const badVertex = worstShapedVertex();
      if (badVertex >= 0) {
        geometryStep(badVertex);
        continue;
      }
      const gNorm = norm(gradient);
      if (!(gNorm > 0)) {
        if (rho <= rhoEnd) return "converged";
        shrinkRho();
        continue;
      }
      for (let i = 0; i < n; i++) step[i] = (-rho * (gradient[i] as number)) / gNorm;
      const predicted = rho * gNorm;
      const fTrial = evaluateAt(step);
      const ratio = (fBase - fTrial) / predicted;
      replaceVertex(step, fTrial);
      // A poor prediction means ρ is too large for a linear model — unless the simplex is badly
      // shaped, in which case the next iteration repairs it first (Powell reduces ρ only then).
      if (ratio < 0.1) {
        makeBestVertexBase();
        if (invertEdges() && worstShapedVertex() < 0) {
          if (rho <= rhoEnd) return "converged";
          shrinkRho();
        }
      }
    }
  });

  function shrinkRho(): void {
    rho *= 0.5;
    if (rho <= 1.5 * rhoEnd) rho = rhoEnd;
  }

  function evaluateAt(s: Float64Array): number {
    for (let i = 0; i < n; i++) trial[i] = (base[i] as number) + (s[i] as number);
    return budget.value(trial);
  }

  function resetSimplex(): void {
    edges.fill(0);
    for (let j = 0; j < n; j++) {
      edges[j * n + j] = rho;
      step.fill(0);
      step[j] = rho;
      fEdges[j] = evaluateAt(step);
    }
  }

  /** Keeps x₀ the best vertex: re-expresses the edges relative to a better vertex if there is one. */
  function makeBestVertexBase(): void {
    let best = -1;
    let fBest = fBase;
    for (let j = 0; j < n; j++) if ((fEdges[j] as number) < fBest) [best, fBest] = [j, fEdges[j] as number];
    if (best < 0) return;
    for (let i = 0; i < n; i++) {
      const shift = edges[best * n + i] as number;
      base[i] = (base[i] as number) + shift;
      for (let j = 0; j < n; j++) if (j !== best) edges[j * n + i] = (edges[j * n + i] as number) - shift;
      edges[best * n + i] = -shift;
    }
    fEdges[best] = fBase;
    fBase = fBest;
  }

  function invertEdges(): boolean {
    work.set(edges);
    return invertInPlace(work, n, inverse);
  }

  /** g = D⁻¹ (f_j − f₀). */
  function modelGradient(): void {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += (inverse[i * n + j] as number) * ((fEdges[j] as number) - fBase);
      gradient[i] = sum;
    }
  }

  /** A vertex that makes the simplex unacceptable at radius ρ (too far, then too close to its face), or −1. */
  function worstShapedVertex(): number {
    let far = -1;
    let farthest = BETA * rho;
    for (let j = 0; j < n; j++) {
      const length = rowNorm(edges, j);
      if (length > farthest) [far, farthest] = [j, length];
    }
    if (far >= 0) return far;
    let flat = -1;
    let smallest = ALPHA * rho;
    for (let j = 0; j < n; j++) {
      const sigma = 1 / columnNorm(inverse, j); // distance of vertex j from the opposite face
      if (sigma < smallest) [flat, smallest] = [j, sigma];
    }
    return flat;
  }

  /** Replaces vertex j by x₀ ± (ρ/2)·w_j/|w_j|, the sign that lowers the linear model. */
  function geometryStep(j: number): void {
    const wNorm = columnNorm(inverse, j);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      step[i] = ((GEOMETRY_STEP * rho) / wNorm) * (inverse[i * n + j] as number);
      slope += (gradient[i] as number) * (step[i] as number);
    }
    if (slope > 0) for (let i = 0; i < n; i++) step[i] = -(step[i] as number);
    const f = evaluateAt(step);
    for (let i = 0; i < n; i++) edges[j * n + i] = step[i] as number;
    fEdges[j] = f;
  }

  /**
   * Puts x₀ + s into the simplex in place of the vertex j maximising |λ_j|·max(1, |d_j − s|/(1.1ρ))²,
   * λ_j = w_j·s its barycentric weight (the new simplex's volume is |λ_j| times the old one).
   */
  function replaceVertex(s: Float64Array, f: number): void {
    let drop = -1;
    let bestScore = 0;
    for (let j = 0; j < n; j++) {
      let lambda = 0;
      let distance = 0;
      for (let i = 0; i < n; i++) {
        lambda += (inverse[i * n + j] as number) * (s[i] as number);
        distance += ((edges[j * n + i] as number) - (s[i] as number)) ** 2;
      }
      const score = Math.abs(lambda) * Math.max(1, distance / (DISTANCE_SCALE * rho) ** 2);
      if (score > bestScore) [drop, bestScore] = [j, score];
    }
    if (drop < 0 || bestScore < 1e-12) return; // s lies on a face: keeping it would flatten the simplex
    for (let i = 0; i < n; i++) edges[drop * n + i] = s[i] as number;
    fEdges[drop] = f;
  }

  function rowNorm(matrix: Float64Array, row: number): number {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (matrix[row * n + i] as number) ** 2;
    return Math.sqrt(sum);
  }

  function columnNorm(matrix: Float64Array, column: number): number {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (matrix[i * n + column] as number) ** 2;
    return Math.sqrt(sum);
  }
}

function norm(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  return Math.sqrt(sum);
}
