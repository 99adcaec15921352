// Modes: one entry point that runs a problem classically, quantum-inspired, or on a quantum
// (simulated or remote) sampler, and falls back to a classical solver — recording what was asked
// for, what ran and why — whenever the quantum path cannot run: no quantum sampler registered, the
// sampler's resource check refuses the problem, or it throws or overruns its time budget.
//
//   solve(problem, {mode, solver}) ─▶ sampler ─admit?─▶ sample ──────────────────────▶ SampleSet
//                                        │ refused / missing / threw / timed out
//                                        └──────▶ fallback solver ─▶ SampleSet + {requested, used, reason, time}
//
// A time limit bounds the whole call: the fallback gets what is left of it (fallback-time.ts).
import { performance } from "node:perf_hooks";
import { fallbackTime, isFiniteLimit } from "./fallback-time.js";
import type { SolverFamily } from "./manifest.js";
import type { CommonOptions } from "./options.js";
import { type Problem, asModel } from "./problem.js";
import { findSampler, getSampler } from "./registry.js";
import type { SampleSet } from "./sample-set.js";
import type { Sampler, SamplerOptions } from "./sampler.js";

export type SolveMode = SolverFamily;

export const SOLVE_MODES: readonly SolveMode[] = ["classical", "quantum-inspired", "quantum"];

/** The solver each mode uses when none is named. */
export const DEFAULT_SOLVERS: Readonly<Record<SolveMode, string>> = {
  classical: "tabu",
  "quantum-inspired": "sb",
  quantum: "qaoa",
};

export interface SolveOptions extends CommonOptions {
  /** Default `classical`. */
  readonly mode?: SolveMode;
  /** A registered solver of the mode's family; default DEFAULT_SOLVERS[mode]. */
  readonly solver?: string;
  /** The solver's own parameters (e.g. `{ sweeps: 2000 }` for `sa`). */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /**
   * What runs when the quantum path cannot: a classical solver (default `tabu`), its parameters, and
   * its reads (default the request's `reads`: the quantum solver's shots are not the fallback's
   * restarts, so a benchmark that spends a time budget in full passes `reads: Infinity` here).
   */
  readonly fallback?: { readonly solver?: string; readonly parameters?: Readonly<Record<string, unknown>>; readonly reads?: number };
}

/** Runs `problem` in the requested mode; see the file comment for when and how it falls back. */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SampleSet> {
  const started = performance.now();
  if (options === null || typeof options !== "object") throw new TypeError("solve options must be an object");
  const mode = options.mode ?? "classical";
  if (!SOLVE_MODES.includes(mode)) throw new RangeError(`mode must be one of ${SOLVE_MODES.join(", ")}, got ${String(mode)}`);
  const solverName = options.solver ?? DEFAULT_SOLVERS[mode];
  const fallbackName = options.fallback?.solver ?? DEFAULT_SOLVERS.classical;
  const fallbackSampler = getSampler(fallbackName);
  if (fallbackSampler.family !== "classical") throw new RangeError(`fallback solver must be classical, '${fallbackName}' is ${fallbackSampler.family}`);
  const common: CommonOptions = {
    seed: options.seed,
    rng: options.rng,
    reads: options.reads,
    timeLimitMs: options.timeLimitMs,
    targetEnergy: options.targetEnergy,
    evaluationBudget: options.evaluationBudget,
  };
  const model = asModel(problem);
  const requested = { mode, solver: solverName };

  const sampler = findSampler(solverName);
  if (sampler === undefined && mode !== "quantum") getSampler(solverName); // throws the unknown-solver RangeError
  if (sampler !== undefined && sampler.family !== mode) {
    throw new RangeError(`solver '${solverName}' is ${sampler.family}, not ${mode}; pick a ${mode} solver or mode ${sampler.family}`);
  }
  const ownOptions: SamplerOptions = { ...options.parameters, ...common };

  if (mode !== "quantum") return getSampler(solverName).sample(model, ownOptions);

  const fallBack = async (reason: string): Promise<SampleSet> => {
    const reads = options.fallback?.reads ?? common.reads;
    // What the attempt left of the time limit. The evaluation budget is passed whole: a sampler that
    // throws returns no count, and one abandoned at its timeout may still be counting, so what the
    // attempt spent is unknown (docs/solvers.md, "Modes and fallback").
    const time = isFiniteLimit(common.timeLimitMs) ? fallbackTime(common.timeLimitMs, performance.now() - started) : undefined;
    const timeLimitMs = time?.givenMs ?? common.timeLimitMs;
    let set: SampleSet;
    try {
      set = await fallbackSampler.sample(model, { ...options.fallback?.parameters, ...common, reads, timeLimitMs });
    } catch (error) {
      // Misuse found only now, by the fallback: say that the fallback ran, and why.
      if (error instanceof RangeError) throw new RangeError(`fallback to ${fallbackName} (${solverName}: ${reason}): ${error.message}`, { cause: error });
      if (error instanceof TypeError) throw new TypeError(`fallback to ${fallbackName} (${solverName}: ${reason}): ${error.message}`, { cause: error });
      throw error;
    }
    return set.withFallback({ requested, used: { mode: "classical", solver: fallbackName }, reason, ...(time === undefined ? {} : { time }) });
  };
  if (sampler === undefined) return fallBack(`quantum solvers not available: no '${solverName}' sampler is registered`);
  const refusal = sampler.admit?.(model, ownOptions);
  if (refusal !== undefined) return fallBack(refusal);
  const attemptStarted = performance.now();
  try {
    return await withTimeout(sampler, model, ownOptions, options.timeLimitMs, started);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw error; // misuse, not a backend failure
    const spentMs = performance.now() - attemptStarted;
    return fallBack(`${solverName} failed after ${spentMs.toFixed(0)} ms: ${(error as Error).message ?? String(error)}`);
  }
}

/** Longest delay setTimeout honours; a longer one (or Infinity) fires after 1 ms instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Races the quantum sampler against its budget, counted from the start of `solve` (plus a grace for
 * result assembly). This catches a backend that awaits an answer that never comes; synchronous
 * in-process work cannot be interrupted in JavaScript, so an in-process sampler must poll its own
 * deadline (it gets `timeLimitMs`).
 */
async function withTimeout(sampler: Sampler, model: Problem, options: SamplerOptions, timeLimitMs: number | undefined, solveStarted: number): Promise<SampleSet> {
  if (!isFiniteLimit(timeLimitMs)) return sampler.sample(model, options);
  const graceMs = Math.max(100, 0.1 * timeLimitMs);
  const delayMs = Math.min(MAX_TIMER_MS, Math.max(0, solveStarted + timeLimitMs + graceMs - performance.now()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out (budget ${timeLimitMs} ms)`)), delayMs);
  });
  try {
    return await Promise.race([sampler.sample(model, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
