// Single-flip Metropolis MCMC at a fixed β on a QUBO (Metropolis et al. 1953): propose flipping a
// uniformly random bit, accept with min(1, e^{−βΔE}). ΔE for flipping bit i is (1 − 2xᵢ)(hᵢ + Σⱼ Qᵢⱼxⱼ),
// read from the CSR adjacency. One recorded sample per `thin` sweeps (n proposals) after `burnIn` sweeps.
import { quboAdjacency, type Qubo } from "../compile/qubo.js";
import type { Rng } from "../util/rng.js";

export interface MetropolisOptions {
  readonly beta: number;
  readonly nSamples: number;
  /** Sweeps discarded first; default 100. */
  readonly burnIn?: number;
  /** Sweeps between recorded samples; default 1. */
  readonly thin?: number;
  readonly rng: Rng;
}

export interface ChainResult {
  /** State index → times recorded. */
  readonly counts: Map<number, number>;
  /** Energy of each recorded sample, in order (for the effective sample size). */
  readonly energyTrace: Float64Array;
}

export function metropolisChain(qubo: Qubo, options: MetropolisOptions): ChainResult {
  const n = qubo.linear.length;
  if (n < 1 || n > 30) throw new RangeError(`metropolisChain records states as integers: 1..30 variables, got ${n}`);
  const { beta, nSamples, rng } = options;
  const burnIn = options.burnIn ?? 100;
  const thin = options.thin ?? 1;
  if (!Number.isInteger(nSamples) || nSamples < 1) throw new RangeError(`nSamples must be a positive integer, got ${nSamples}`);
  if (!Number.isFinite(beta) || beta < 0) throw new RangeError(`beta must be a finite number ≥ 0, got ${beta}`);
  const { start, neighbors, weights } = quboAdjacency(qubo);
  const x = new Uint8Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.next() < 0.5 ? 1 : 0;
  let energy = qubo.offset;
  for (let i = 0; i < n; i++) {
    if (!x[i]) continue;
    energy += qubo.linear[i];
    for (let k = start[i]; k < start[i + 1]; k++) if (neighbors[k] > i && x[neighbors[k]]) energy += weights[k];
  }
  const counts = new Map<number, number>();
  const energyTrace = new Float64Array(nSamples);
  const totalSweeps = burnIn + nSamples * thin;
  let recorded = 0;
  for (let sweep = 0; sweep < totalSweeps; sweep++) {
    for (let step = 0; step < n; step++) {
      const i = rng.int(n);
      let field = qubo.linear[i];
      for (let k = start[i]; k < start[i + 1]; k++) if (x[neighbors[k]]) field += weights[k];
      const delta = x[i] ? -field : field;
      if (delta <= 0 || rng.next() < Math.exp(-beta * delta)) {
        x[i] ^= 1;
        energy += delta;
      }
    }
    if (sweep >= burnIn && (sweep - burnIn + 1) % thin === 0) {
      let z = 0;
      for (let i = 0; i < n; i++) if (x[i]) z += 2 ** i;
      counts.set(z, (counts.get(z) ?? 0) + 1);
      energyTrace[recorded++] = energy;
    }
  }
  return { counts, energyTrace };
}
