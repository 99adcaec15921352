// Local fields, the shared kernel of every one-flip solver (SA, tabu, PT, descent, greedy).
//
// With symmetric couplings W (W_ij = Q_ij for i < j, mirrored) and linear terms h,
//   field_i = h_i + Σ_j W_ij x_j,     ΔE_i (flip x_i) = (1 − 2x_i) · field_i,
// and after flipping x_i by d = ±1 every neighbour's field moves by W_ij · d: O(deg i) per flip
// over the CSR adjacency, O(1) per ΔE read. Kernels here do not validate; callers check once.
import { type Qubo, quboAdjacency } from "../compile/qubo.js";

export interface LocalSearchForm {
  readonly n: number;
  readonly linear: Float64Array;
  readonly start: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Float64Array;
  readonly offset: number;
}

export function localSearchForm(qubo: Qubo): LocalSearchForm {
  const { start, neighbors, weights } = quboAdjacency(qubo);
  return { n: qubo.linear.length, linear: qubo.linear, start, neighbors, weights, offset: qubo.offset };
}

/** Fills `field` for assignment `x` and returns E(x). */
export function initFields(form: LocalSearchForm, x: Uint8Array, field: Float64Array): number {
  const { n, linear, start, neighbors, weights } = form;
  let energy = form.offset;
  for (let i = 0; i < n; i++) {
    let f = linear[i];
    for (let k = start[i]; k < start[i + 1]; k++) f += weights[k] * x[neighbors[k]];
    field[i] = f;
  }
  // E = offset + Σ h_i x_i + ½ Σ_i x_i Σ_j W_ij x_j = offset + ½ Σ_i x_i (h_i + field_i).
  for (let i = 0; i < n; i++) if (x[i]) energy += 0.5 * (linear[i] + field[i]);
  return energy;
}

/** Flips x_i and updates the neighbours' fields; returns the energy change. */
export function flip(form: LocalSearchForm, x: Uint8Array, field: Float64Array, i: number): number {
  const up = x[i] === 0;
  const delta = up ? field[i] : -field[i];
  x[i] = up ? 1 : 0;
  const { start, neighbors, weights } = form;
  const end = start[i + 1];
  if (up) for (let k = start[i]; k < end; k++) field[neighbors[k]] += weights[k];
  else for (let k = start[i]; k < end; k++) field[neighbors[k]] -= weights[k];
  return delta;
}

/** Uniform random assignment. */
export function randomAssignment(x: Uint8Array, next: () => number): void {
  for (let i = 0; i < x.length; i++) x[i] = next() < 0.5 ? 1 : 0;
}

/**
 * Steepest descent to a one-flip local minimum: repeatedly flip the variable with the most negative
 * ΔE (lowest index on ties) until none is negative, or `maxScans` scans of the n candidates ran.
 * Returns the scans run, the last (finding no improving flip) one included.
 */
export function steepestDescent(form: LocalSearchForm, x: Uint8Array, field: Float64Array, maxScans = Infinity): number {
  const n = form.n;
  let scans = 0;
  while (scans < maxScans) {
    scans++;
    let bestDelta = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      const delta = x[i] ? -field[i] : field[i];
      if (delta < bestDelta) {
        bestDelta = delta;
        best = i;
      }
    }
    if (best < 0) break;
    flip(form, x, field, best);
  }
  return scans;
}

/**
 * Sequential descent (a zero-temperature sweep repeated): flip every variable whose flip lowers the
 * energy, in index order, until a sweep changes nothing (a one-flip local minimum, without steepest
 * descent's O(n) scan per flip) or `maxSweeps` sweeps ran. Returns the sweeps run, the last
 * (unchanging) one included.
 */
export function sequentialDescent(form: LocalSearchForm, x: Uint8Array, field: Float64Array, maxSweeps = Infinity): number {
  const n = form.n;
  let sweeps = 0;
  for (let changed = true; changed && sweeps < maxSweeps; sweeps++) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if ((x[i] ? -field[i] : field[i]) < 0) {
        flip(form, x, field, i);
        changed = true;
      }
    }
  }
  return sweeps;
}

/**
 * Inverse temperatures from the coefficient scale (as dwave-neal chooses them): the hottest β flips
 * the stiffest variable (largest possible |ΔE| = |h_i| + Σ_j |W_ij|) with probability ½, the coldest
 * flips the smallest nonzero coefficient with probability 1/100.
 */
export function defaultBetaRange(form: LocalSearchForm): [number, number] {
  const { n, linear, start, weights } = form;
  let maxDelta = 0;
  let minDelta = Infinity;
  for (let i = 0; i < n; i++) {
    let stiffness = Math.abs(linear[i]);
    if (linear[i] !== 0) minDelta = Math.min(minDelta, Math.abs(linear[i]));
    for (let k = start[i]; k < start[i + 1]; k++) {
      const w = Math.abs(weights[k]);
      stiffness += w;
      if (w !== 0) minDelta = Math.min(minDelta, w);
    }
    maxDelta = Math.max(maxDelta, stiffness);
  }
  if (maxDelta === 0) return [1, 1];
  const hot = Math.log(2) / maxDelta;
  const cold = Math.log(100) / minDelta;
  return [hot, Math.max(hot, cold)];
}

/** β_k for k = 0 … count−1 spaced geometrically from low to high. */
export function geometricBetas(low: number, high: number, count: number): Float64Array {
  const betas = new Float64Array(count);
  if (count === 1) {
    betas[0] = high;
    return betas;
  }
  const ratio = Math.pow(high / low, 1 / (count - 1));
  for (let k = 0; k < count; k++) betas[k] = low * Math.pow(ratio, k);
  betas[count - 1] = high;
  return betas;
}
