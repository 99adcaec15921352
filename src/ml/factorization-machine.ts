// Second-order factorisation machine (Rendle 2010) on binary inputs, the surrogate of FMQA
// (Kitai et al. 2020): ŷ(x) = w₀ + Σᵢ wᵢxᵢ + Σ_{i<j} ⟨vᵢ,vⱼ⟩ xᵢxⱼ, with vᵢ ∈ ℝᶠ. Its quadratic form is
// exactly a QUBO, which is what makes it solvable by the project's samplers. Fitted by full-batch
// Adam on squared error with a small L2 weight, using Rendle's O(n·f) pairwise identity
//   Σ_{i<j} ⟨vᵢ,vⱼ⟩xᵢxⱼ = ½ Σ_f [(Σᵢ v_{if}xᵢ)² − Σᵢ v_{if}²xᵢ²].
import type { Rng } from "../util/rng.js";

export interface FactorizationMachine {
  readonly nBits: number;
  readonly rank: number;
  readonly bias: number;
  readonly linear: Float64Array;
  /** Row-major nBits × rank. */
  readonly factors: Float64Array;
}

export interface FmFitOptions {
  readonly rank?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly rng: Rng;
}

export function fitFactorizationMachine(inputs: readonly Uint8Array[], targets: readonly number[], options: FmFitOptions): FactorizationMachine {
  const nRows = inputs.length;
  if (nRows === 0 || targets.length !== nRows) throw new RangeError("factorisation machine needs equal, non-zero numbers of inputs and targets");
  const n = inputs[0].length;
  const rank = options.rank ?? 4;
  const epochs = options.epochs ?? 500;
  const lr = options.learningRate ?? 0.02;
  const l2 = options.l2 ?? 1e-3;
  // Parameters packed: [bias, linear(n), factors(n·rank)], with Adam moments alongside.
  const size = 1 + n + n * rank;
  const theta = new Float64Array(size);
  for (let t = 1 + n; t < size; t++) theta[t] = 0.01 * options.rng.normal();
  let meanTarget = 0;
  for (const y of targets) meanTarget += y / nRows;
  theta[0] = meanTarget;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const sums = new Float64Array(rank);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (let r = 0; r < nRows; r++) {
      const x = inputs[r];
      const err = (predictPacked(theta, n, rank, x, sums) - targets[r]) * (2 / nRows);
      grad[0] += err;
      for (let i = 0; i < n; i++) {
        if (x[i] === 0) continue;
        grad[1 + i] += err;
        for (let f = 0; f < rank; f++) grad[1 + n + i * rank + f] += err * (sums[f] - theta[1 + n + i * rank + f]);
      }
    }
    for (let t = 1; t < size; t++) grad[t] += l2 * theta[t];
    const c1 = 1 - 0.9 ** epoch;
    const c2 = 1 - 0.999 ** epoch;
    for (let t = 0; t < size; t++) {
      m[t] = 0.9 * m[t] + 0.1 * grad[t];
      v[t] = 0.999 * v[t] + 0.001 * grad[t] * grad[t];
      theta[t] -= (lr * (m[t] / c1)) / (Math.sqrt(v[t] / c2) + 1e-8);
    }
  }
  return { nBits: n, rank, bias: theta[0], linear: theta.slice(1, 1 + n), factors: theta.slice(1 + n) };
}

function predictPacked(theta: Float64Array, n: number, rank: number, x: Uint8Array, sums: Float64Array): number {
  let y = theta[0];
  sums.fill(0);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] === 0) continue;
    y += theta[1 + i];
    for (let f = 0; f < rank; f++) {
      const w = theta[1 + n + i * rank + f];
      sums[f] += w;
      squares += w * w;
    }
  }
  let pair = 0;
  for (let f = 0; f < rank; f++) pair += sums[f] * sums[f];
  return y + 0.5 * (pair - squares);
}

/** ⟨vᵢ,vⱼ⟩: the surrogate's QUBO coupling between bits i and j. */
export function fmCoupling(fm: FactorizationMachine, i: number, j: number): number {
  let dot = 0;
  for (let f = 0; f < fm.rank; f++) dot += fm.factors[i * fm.rank + f] * fm.factors[j * fm.rank + f];
  return dot;
}

export function fmPredict(fm: FactorizationMachine, x: Uint8Array): number {
  let y = fm.bias;
  for (let i = 0; i < fm.nBits; i++) {
    if (x[i] === 0) continue;
    y += fm.linear[i];
    for (let j = i + 1; j < fm.nBits; j++) if (x[j] === 1) y += fmCoupling(fm, i, j);
  }
  return y;
}
