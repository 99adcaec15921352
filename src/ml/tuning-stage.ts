// Hyperparameter candidate proposal under equal evaluation budgets: every method starts from the
// same seeded initial design, then proposes one configuration per step until `budget` evaluations
// (no configuration is evaluated twice; a method whose proposal was already seen gets a random
// unseen one, counted in `repeatsReplaced`). Records best-so-far curves per method and seed.
//
//   initial design (shared) ─▶ loop: propose (fmqa | tpe | random) ─▶ evaluate ─▶ best so far
import { createRng, type Rng } from "../util/rng.js";
import { proposeFmqa } from "./propose-fmqa.js";
import { proposeTpe } from "./propose-tpe.js";
import { checkSearchSpace, type Configuration, configurationKey, configurationValues, randomConfiguration, type SearchSpace, spaceSize } from "./search-space.js";
import type { QuboSolverName } from "./select-qubo.js";

export type TuningMethod = "fmqa" | "tpe" | "random";
export const TUNING_METHODS: readonly TuningMethod[] = ["fmqa", "tpe", "random"];

export interface TuningOptions {
  /** Evaluations per run, initial design included. */
  readonly budget: number;
  /** Random initial evaluations shared by all methods; default min(5, budget). */
  readonly nInitial?: number;
  /** Default [0, 1, 2]. */
  readonly seeds?: readonly number[];
  /** Default all of TUNING_METHODS. */
  readonly methods?: readonly TuningMethod[];
  /** Solver for the FMQA surrogate QUBO; default tabu. */
  readonly solver?: QuboSolverName;
}

/** One evaluation, shaped for `convergenceTraceSpec` (goal "max"). */
export interface TuningPoint {
  readonly stage: "tuning";
  readonly method: TuningMethod;
  readonly seed: number;
  readonly run: string;
  readonly iteration: number;
  readonly value: number;
  readonly bestSoFar: number;
  readonly configuration: Readonly<Record<string, number | string>>;
  /** Time to propose this configuration (surrogate fit + encoding + solving for fmqa). */
  readonly proposeMs: number;
  readonly evaluateMs: number;
}

export interface TuningRunSummary {
  readonly stage: "tuning";
  readonly method: TuningMethod;
  readonly seed: number;
  readonly budget: number;
  readonly bestScore: number;
  readonly bestConfiguration: Readonly<Record<string, number | string>>;
  readonly proposeMs: number;
  readonly evaluateMs: number;
  /** For fmqa: time spent compiling the surrogate QUBO (the encoding overhead). */
  readonly encodingMs: number;
  readonly repeatsReplaced: number;
  readonly fallbacks: readonly string[];
}

export interface TuningResult {
  readonly points: readonly TuningPoint[];
  readonly runs: readonly TuningRunSummary[];
}

/** `objective(config)` returns a finite score to maximise (e.g. CV AUC). */
export async function runTuning(space: SearchSpace, objective: (config: Configuration) => number, options: TuningOptions): Promise<TuningResult> {
  checkSearchSpace(space);
  const { budget } = options;
  const size = spaceSize(space);
  if (!Number.isInteger(budget) || budget < 2 || budget > size) throw new RangeError(`budget must be an integer in 2..${size} (the number of configurations), got ${budget}`);
  const nInitial = options.nInitial ?? Math.min(5, budget);
  if (!Number.isInteger(nInitial) || nInitial < 1 || nInitial > budget) throw new RangeError(`nInitial must be an integer in 1..${budget}, got ${nInitial}`);
  const methods = options.methods ?? TUNING_METHODS;
  for (const m of methods) if (!TUNING_METHODS.includes(m)) throw new RangeError(`method must be one of ${TUNING_METHODS.join(", ")}, got ${String(m)}`);
  const cache = new Map<string, number>();
  const evaluate = (config: Configuration): { score: number; ms: number } => {
    const key = configurationKey(config);
    const started = performance.now();
    const score = cache.get(key) ?? objective(config);
    if (!Number.isFinite(score)) throw new RangeError(`objective must return a finite number, got ${score} for ${key}`);
    cache.set(key, score);
    return { score, ms: performance.now() - started };
  };

  const points: TuningPoint[] = [];
  const runs: TuningRunSummary[] = [];
  for (const seed of options.seeds ?? [0, 1, 2]) {
    const initial = initialDesign(space, nInitial, createRng(seed).fork("initial"));
    for (const method of methods) {
      const rng = createRng(seed).fork(method);
      const evaluated: { config: Configuration; score: number }[] = [];
      const seen = new Set<string>();
      let best = -Infinity;
      let bestConfig: Configuration = initial[0];
      let proposeTotal = 0;
      let evaluateTotal = 0;
      let encodingTotal = 0;
      let repeatsReplaced = 0;
      const fallbacks = new Set<string>();
      for (let iteration = 0; iteration < budget; iteration++) {
        const started = performance.now();
        let config: Configuration | undefined = iteration < nInitial ? initial[iteration] : undefined;
        if (config === undefined && method === "fmqa") {
          const proposal = await proposeFmqa(space, evaluated, seen, rng.fork(iteration), options.solver);
          encodingTotal += proposal.encodingMs;
          if (proposal.fallbackReason !== null) fallbacks.add(proposal.fallbackReason);
          config = proposal.config;
        } else if (config === undefined && method === "tpe") {
          config = proposeTpe(space, evaluated, rng.fork(iteration));
        }
        if (config !== undefined && seen.has(configurationKey(config))) config = undefined;
        if (config === undefined) {
          if (method !== "random") repeatsReplaced++;
          config = randomUnseen(space, seen, rng);
        }
        const proposeMs = performance.now() - started;
        const { score, ms } = evaluate(config);
        seen.add(configurationKey(config));
        evaluated.push({ config, score });
        if (score > best) { best = score; bestConfig = config; }
        proposeTotal += proposeMs;
        evaluateTotal += ms;
        points.push({ stage: "tuning", method, seed, run: `${method} seed ${seed}`, iteration, value: score, bestSoFar: best, configuration: configurationValues(space, config), proposeMs, evaluateMs: ms });
      }
      runs.push({ stage: "tuning", method, seed, budget, bestScore: best, bestConfiguration: configurationValues(space, bestConfig), proposeMs: proposeTotal, evaluateMs: evaluateTotal, encodingMs: encodingTotal, repeatsReplaced, fallbacks: [...fallbacks] });
    }
  }
  return { points, runs };
}

function initialDesign(space: SearchSpace, n: number, rng: Rng): Configuration[] {
  const seen = new Set<string>();
  const design: Configuration[] = [];
  while (design.length < n) {
    const config = randomUnseen(space, seen, rng);
    seen.add(configurationKey(config));
    design.push(config);
  }
  return design;
}

/** A uniformly random configuration not in `seen` (rejection sampling; the budget keeps some unseen). */
function randomUnseen(space: SearchSpace, seen: ReadonlySet<string>, rng: Rng): number[] {
  for (;;) {
    const config = randomConfiguration(space, rng);
    if (!seen.has(configurationKey(config))) return config;
  }
}
