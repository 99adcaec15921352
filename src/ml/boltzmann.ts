// The exact Boltzmann distribution of a QUBO at inverse temperature β, p(x) ∝ exp(−β·E(x)), over all
// 2ⁿ states (n ≤ 20 here: 8 MiB of energies), and the distances a sampler is judged by.
// State index z has variable i = bit i of z (as the simulator's basis index), so a printed bitstring
// (variable n−1 on the left) reads as z in binary.
import type { Qubo } from "../compile/qubo.js";
import { quboEnergies } from "../sim/energies.js";

export const BOLTZMANN_MAX_VARIABLES = 20;

export interface BoltzmannDistribution {
  readonly beta: number;
  readonly energies: Float64Array;
  readonly probabilities: Float64Array;
}

export function exactBoltzmann(qubo: Qubo, beta: number): BoltzmannDistribution {
  const n = qubo.linear.length;
  if (n < 1 || n > BOLTZMANN_MAX_VARIABLES) throw new RangeError(`exact Boltzmann distribution needs 1..${BOLTZMANN_MAX_VARIABLES} variables, got ${n}`);
  if (!Number.isFinite(beta) || beta < 0) throw new RangeError(`beta must be a finite number ≥ 0, got ${beta}`);
  const energies = Float64Array.from(quboEnergies(qubo));
  let min = Infinity;
  for (let z = 0; z < energies.length; z++) if (energies[z] < min) min = energies[z];
  // Shift by the minimum before exponentiating so that the largest weight is exactly 1.
  const probabilities = new Float64Array(energies.length);
  let total = 0;
  for (let z = 0; z < energies.length; z++) {
    probabilities[z] = Math.exp(-beta * (energies[z] - min));
    total += probabilities[z];
  }
  for (let z = 0; z < energies.length; z++) probabilities[z] /= total;
  return { beta, energies, probabilities };
}

/** Total-variation distance ½ Σ |p̂(z) − p(z)| between sample counts and the exact distribution. */
export function totalVariation(counts: ReadonlyMap<number, number>, exact: Float64Array): number {
  const n = sumCounts(counts);
  let seenMass = 0;
  let distance = 0;
  for (const [z, c] of counts) {
    distance += Math.abs(c / n - exact[z]);
    seenMass += exact[z];
  }
  return 0.5 * (distance + (1 - seenMass));
}

/** KL(p̂ ‖ p) = Σ p̂ log(p̂/p): finite because p > 0 everywhere (in nats). */
export function klFromExact(counts: ReadonlyMap<number, number>, exact: Float64Array): number {
  const n = sumCounts(counts);
  let kl = 0;
  for (const [z, c] of counts) {
    const q = c / n;
    kl += q * Math.log(q / exact[z]);
  }
  return Math.max(0, kl);
}

/** Share of the `m` most probable states (exact) seen at least once. */
export function modeCoverage(counts: ReadonlyMap<number, number>, exact: Float64Array, m: number): number {
  const order = Array.from({ length: exact.length }, (_, z) => z).sort((a, b) => exact[b] - exact[a]).slice(0, m);
  return order.filter((z) => (counts.get(z) ?? 0) > 0).length / order.length;
}

/**
 * Effective sample size of a scalar chain (e.g. the energy trace) by Geyer's initial positive
 * sequence: N / (1 + 2 Σ ρ_t), summing autocorrelation pairs while they stay positive.
 */
export function effectiveSampleSize(trace: Float64Array): number {
  const n = trace.length;
  if (n < 2) return n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += trace[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (trace[i] - mean) ** 2 / n;
  if (variance === 0) return n;
  const rho = (lag: number) => {
    let s = 0;
    for (let i = 0; i + lag < n; i++) s += (trace[i] - mean) * (trace[i + lag] - mean);
    return s / (n * variance);
  };
  let sum = 0;
  for (let t = 1; t + 1 < n; t += 2) {
    const pair = rho(t) + rho(t + 1);
    if (pair <= 0) break;
    sum += pair;
  }
  return Math.min(n, n / (1 + 2 * sum));
}

function sumCounts(counts: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  if (n === 0) throw new RangeError("need at least one sample");
  return n;
}
