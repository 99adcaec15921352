// FMQA proposal (Kitai et al. 2020): fit a factorisation machine to the evaluations (negated score,
// so that the QUBO minimises), compile its one-hot QUBO from the qpipe language and solve it; the
// best feasible sample not yet evaluated is the proposal.
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import type { Rng } from "../util/rng.js";
import { fitFactorizationMachine } from "./factorization-machine.js";
import { bitOffsets, type Configuration, configurationKey, encodeConfiguration, type SearchSpace } from "./search-space.js";
import type { QuboSolverName } from "./select-qubo.js";
import { surrogateQubo } from "./surrogate-qubo.js";

export interface FmqaProposal {
  /** Undefined when every sample the solver returned was already evaluated. */
  readonly config: number[] | undefined;
  readonly fitMs: number;
  readonly encodingMs: number;
  readonly solvingMs: number;
  readonly fallbackReason: string | null;
}

export async function proposeFmqa(
  space: SearchSpace,
  evaluated: readonly { config: Configuration; score: number }[],
  seen: ReadonlySet<string>,
  rng: Rng,
  solver: QuboSolverName = "tabu",
): Promise<FmqaProposal> {
  let started = performance.now();
  const fm = fitFactorizationMachine(evaluated.map((e) => encodeConfiguration(space, e.config)), evaluated.map((e) => -e.score), { rng: rng.fork("fm"), rank: 4, epochs: 300 });
  const fitMs = performance.now() - started;
  started = performance.now();
  const compiled = surrogateQubo(space, fm);
  const encodingMs = performance.now() - started;
  if (solver === "qaoa") await import("../solve/variational/register.js");
  started = performance.now();
  const set = await solve(compiled, { mode: findSampler(solver)?.family ?? "quantum", solver, rng: rng.fork("solve"), reads: solver === "qaoa" ? undefined : 20 });
  const solvingMs = performance.now() - started;
  const offsets = bitOffsets(space);
  const candidates = [...set.samples].filter((s) => s.feasible).sort((a, b) => a.energy - b.energy);
  for (const sample of candidates) {
    const x = set.valuesOf(sample).x;
    if (!Array.isArray(x)) throw new Error("internal: decoded x is not an array");
    const config = space.map((_, p) => {
      for (let i = offsets[p]; i < offsets[p + 1]; i++) if (x[i] === 1) return i - offsets[p];
      throw new Error("internal: a feasible surrogate sample has an empty one-hot group");
    });
    if (!seen.has(configurationKey(config))) return { config, fitMs, encodingMs, solvingMs, fallbackReason: set.fallback?.reason ?? null };
  }
  return { config: undefined, fitMs, encodingMs, solvingMs, fallbackReason: set.fallback?.reason ?? null };
}
