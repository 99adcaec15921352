// Sampling from a hard distribution: draw N samples from the Boltzmann distribution of a QUBO at β
// with several samplers and measure how far each empirical distribution is from the exact one
// (total variation, KL, coverage of the most probable states) against the samples drawn and the
// time spent. Metropolis targets the distribution exactly in the limit; SA and parallel tempering
// are optimisers used as samplers (their reads concentrate on low energies, colder than β); QAOA
// samples its optimised state on the simulator. None of the last three targets β — the records show
// how far off that puts them.
import { type Qubo, quboFromTerms } from "../compile/qubo.js";
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import { createRng, type Rng } from "../util/rng.js";
import { effectiveSampleSize, exactBoltzmann, klFromExact, modeCoverage, totalVariation } from "./boltzmann.js";
import { metropolisChain } from "./metropolis.js";

export type BoltzmannSamplerName = "metropolis" | "sa" | "pt" | "qaoa";
export const BOLTZMANN_SAMPLERS: readonly BoltzmannSamplerName[] = ["metropolis", "sa", "pt", "qaoa"];

export interface SamplingOptions {
  readonly beta: number;
  /** Sample counts to measure at; default [100, 1000]. */
  readonly nSamples?: readonly number[];
  readonly methods?: readonly BoltzmannSamplerName[];
  readonly seed?: number;
  /** Most probable states counted for coverage; default 10. */
  readonly nModes?: number;
}

export interface SamplingRecord {
  readonly stage: "sampling";
  readonly method: BoltzmannSamplerName;
  readonly nVariables: number;
  readonly beta: number;
  readonly nSamples: number;
  readonly seed: number;
  readonly totalVariation: number;
  readonly kl: number;
  readonly modeCoverage: number;
  /** Effective sample size of the energy trace (Metropolis only). */
  readonly effectiveSampleSize: number | null;
  readonly timeMs: number;
  readonly fallback: string | null;
}

/** A Sherrington–Kirkpatrick spin glass (couplings ±1/√n, seeded) as a QUBO via s = 1 − 2x. */
export function sherringtonKirkpatrickQubo(n: number, rng: Rng): Qubo {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer ≥ 2, got ${n}`);
  // E(s) = Σ_{i<j} J_ij s_i s_j with s = 1 − 2x: J(1 − 2x_i)(1 − 2x_j) = J − 2J x_i − 2J x_j + 4J x_i x_j.
  const terms: [number, number, number][] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const J = (rng.next() < 0.5 ? -1 : 1) / Math.sqrt(n);
      offset += J;
      terms.push([i, i, -2 * J], [j, j, -2 * J], [i, j, 4 * J]);
    }
  }
  return quboFromTerms(Array.from({ length: n }, (_, i) => `s${i}`), terms, offset);
}

export async function runSampling(qubo: Qubo, options: SamplingOptions): Promise<SamplingRecord[]> {
  const exact = exactBoltzmann(qubo, options.beta).probabilities;
  const methods = options.methods ?? (["metropolis", "sa", "qaoa"] as const);
  for (const m of methods) if (!BOLTZMANN_SAMPLERS.includes(m)) throw new RangeError(`method must be one of ${BOLTZMANN_SAMPLERS.join(", ")}, got ${String(m)}`);
  const sizes = options.nSamples ?? [100, 1000];
  for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new RangeError(`sample counts must be positive integers, got ${s}`);
  const seed = options.seed ?? 0;
  const nModes = options.nModes ?? 10;
  if (methods.includes("qaoa")) await import("../solve/variational/register.js");
  const records: SamplingRecord[] = [];
  for (const method of methods) {
    for (const nSamples of sizes) {
      const rng = createRng(seed).fork(`${method}/${nSamples}`);
      const started = performance.now();
      let counts: Map<number, number>;
      let ess: number | null = null;
      let fallback: string | null = null;
      if (method === "metropolis") {
        const chain = metropolisChain(qubo, { beta: options.beta, nSamples, rng });
        counts = chain.counts;
        ess = effectiveSampleSize(chain.energyTrace);
      } else {
        const set = await solve(qubo, { mode: findSampler(method)?.family ?? "quantum", solver: method, reads: nSamples, rng });
        fallback = set.fallback?.reason ?? null;
        counts = new Map();
        for (const sample of set.samples) counts.set(parseInt(sample.bits, 2), sample.occurrences);
      }
      const timeMs = performance.now() - started;
      records.push({
        stage: "sampling",
        method,
        nVariables: qubo.linear.length,
        beta: options.beta,
        nSamples,
        seed,
        totalVariation: totalVariation(counts, exact),
        kl: klFromExact(counts, exact),
        modeCoverage: modeCoverage(counts, exact, nModes),
        effectiveSampleSize: ess,
        timeMs,
        fallback,
      });
    }
  }
  return records;
}
