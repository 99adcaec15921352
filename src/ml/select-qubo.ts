// Feature selection by solving the DSL's k-of-n QUBO (feature-subset-qubo.ts) with a registered
// solver: `exact` (enumeration, small n), `sa`, `tabu`, or `qaoa` on the statevector simulator.
// A quantum run that cannot go ahead (too many qubits, no sampler) falls back to tabu through
// `solve()` and the fallback is recorded in `info`.
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import type { Rng } from "../util/rng.js";
import type { Dataset } from "./dataset.js";
import { type FeatureScoreOptions, scoreFeatures } from "./feature-scores.js";
import { DEFAULT_ALPHA, featureSubsetQubo } from "./feature-subset-qubo.js";
import type { Selection } from "./selection.js";

export type QuboSolverName = "exact" | "sa" | "tabu" | "qaoa";
export const QUBO_SOLVERS: readonly QuboSolverName[] = ["exact", "sa", "tabu", "qaoa"];

export interface QuboSelectOptions extends FeatureScoreOptions {
  readonly k: number;
  /** Default `tabu`. */
  readonly solver?: QuboSolverName;
  /** Redundancy weight α; default DEFAULT_ALPHA (½). */
  readonly alpha?: number;
  readonly rng: Rng;
  /** Solver reads; default the solver's own. */
  readonly reads?: number;
  readonly timeLimitMs?: number;
  /** Solver parameters (e.g. `{ p: 2 }` for qaoa). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export async function selectByQubo(dataset: Dataset, options: QuboSelectOptions, rows?: Int32Array): Promise<Selection> {
  const solverName = options.solver ?? "tabu";
  if (!QUBO_SOLVERS.includes(solverName)) throw new RangeError(`solver must be one of ${QUBO_SOLVERS.join(", ")}, got ${String(solverName)}`);
  const n = dataset.columns.length;
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > n) throw new RangeError(`k must be an integer in 1..${n} (the number of features), got ${options.k}`);
  if (solverName === "qaoa") await import("../solve/variational/register.js");
  let started = performance.now();
  const scores = scoreFeatures(dataset, options, rows);
  const scoringMs = performance.now() - started;
  const encoded = featureSubsetQubo(scores, options.k, options.alpha ?? DEFAULT_ALPHA);
  started = performance.now();
  const mode = findSampler(solverName)?.family ?? "quantum";
  const set = await solve(encoded.compiled, {
    mode,
    solver: solverName,
    rng: options.rng,
    reads: options.reads,
    timeLimitMs: options.timeLimitMs,
    parameters: options.parameters,
  });
  const solvingMs = performance.now() - started;
  const best = set.bestFeasible;
  if (best === undefined) throw new Error(`internal: ${solverName} returned no sample with exactly ${options.k} features`);
  const x = set.valuesOf(best).x;
  if (!Array.isArray(x)) throw new Error("internal: decoded x is not an array");
  const features = x.flatMap((bit, i) => (bit === 1 ? [i] : []));
  return {
    method: `qubo-${solverName}`,
    features,
    timing: { scoringMs, encodingMs: encoded.encodingMs, solvingMs },
    info: {
      nBits: encoded.nBits,
      nCouplings: encoded.nCouplings,
      objective: best.objective,
      solverUsed: set.fallback?.used.solver ?? solverName,
      fallbackReason: set.fallback?.reason ?? null,
      redundancy: scores.measure,
    },
  };
}
