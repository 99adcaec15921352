// The Sampler contract. A solver is defined by one method — `solve(encoded, params, context)`,
// which writes reads into `context.out` — plus a declaration of its parameters; `defineSampler`
// supplies the rest: option checking, seeding, the time budget, input hashing, timing split into
// encode / solve / decode, aggregation and decoding into a SampleSet, and the manifest.
//
//   problem ──asModel/checkQubo──▶ encode(qubo, params) ──▶ solve(…, context) ──▶ SampleSet.fromReads
//              └────────── encodeMs ──────────┘            └── solveMs ──┘       └── decodeMs ──┘
import { performance } from "node:perf_hooks";
import { type Qubo, quboEnergy } from "../compile/qubo.js";
import { type Rng, createRng } from "../util/rng.js";
import { type Deadline, createDeadline } from "./deadline.js";
import { EvaluationCounter } from "./evaluations.js";
import type { JsonObject, JsonValue } from "./json.js";
import { type SolverFamily, qpipeVersion, quboHash } from "./manifest.js";
import { type CommonOptions, type ParameterSpecs, checkCommonOptions, resolveParameters } from "./options.js";
import { type Problem, type SolvableModel, asModel } from "./problem.js";
import { ReadBuffer } from "./read-buffer.js";
import { SampleSet } from "./sample-set.js";

/** Common options plus the solver's own (each sampler documents and validates its names). */
export type SamplerOptions = CommonOptions & { readonly [option: string]: unknown };

export interface Sampler {
  readonly name: string;
  readonly family: SolverFamily;
  readonly summary: string;
  /** The solver's own parameters (kind, range, default). */
  readonly parameters: ParameterSpecs;
  /** Counts objective evaluations: honours `evaluationBudget` and reports `info.evaluations`. */
  readonly countsEvaluations: boolean;
  /** Reads are independent restarts (so `reads: Infinity` restarts until the budget is spent), not shots or one deterministic run. */
  readonly readsAreRestarts: boolean;
  sample(problem: Problem, options?: SamplerOptions): Promise<SampleSet>;
  /**
   * Resource check before a run (a quantum sampler estimates qubits, memory and time here): a reason
   * string refuses the problem, and mode `quantum` then falls back to a classical solver.
   */
  admit?(model: SolvableModel, options: SamplerOptions): string | undefined;
}

export interface SamplerContext {
  readonly rng: Rng;
  readonly deadline: Deadline;
  /** Reads to run; Infinity means "restart until the time limit or the evaluation budget is spent". */
  readonly reads: number;
  /** The evaluation budget (limit Infinity when none was set); counting solvers spend from it per sweep. */
  readonly evaluations: EvaluationCounter;
  /** Whether the caller set solver parameter `name` (defaults are filled in `params`: a budget sizes only unset lengths). */
  userSet(name: string): boolean;
  /** Stop once a read reaches energy ≤ this (−Infinity when no target was set). */
  readonly targetEnergy: number;
  /**
   * Where the solver deposits one assignment per read. A counting solver spends a read's evaluations
   * before pushing it, or passes the count at which it first held the assignment.
   */
  readonly out: ReadBuffer;
  /** Facts about the run for `SampleSet.info`; must not depend on timing unless the budget bound. */
  readonly info: Record<string, JsonValue>;
  /** Milliseconds since the solve started, the clock reads are timed on (for `out.push(x, foundAt)`). */
  elapsedMs(): number;
}

export interface SamplerDefinition<P extends JsonObject, E> {
  readonly name: string;
  readonly family: SolverFamily;
  readonly summary: string;
  readonly defaultReads: number;
  readonly parameters: ParameterSpecs;
  /** See `Sampler.countsEvaluations` (default false). */
  readonly countsEvaluations?: boolean;
  /** Why a solver that does not count evaluations refuses a budget (shown in the RangeError). */
  readonly noEvaluationCount?: string;
  /** See `Sampler.readsAreRestarts` (default false); `why` says what a read is when it is not a restart. */
  readonly readsAreRestarts?: boolean | { readonly why: string };
  /** Builds the solver's working form of the QUBO (adjacency, Ising couplings, LP text …). */
  encode(qubo: Qubo, params: P): E;
  /** Runs `context.reads` reads (fewer if the deadline passes) and pushes each into `context.out`. */
  solve(encoded: E, params: P, context: SamplerContext): void | Promise<void>;
}

/** Distinct samples a `reads: Infinity` run keeps (the lowest energies); see ReadBuffer. */
export const UNBOUNDED_READS_KEEP = 10_000;

export function defineSampler<P extends JsonObject, E>(definition: SamplerDefinition<P, E>): Sampler {
  return {
    name: definition.name,
    family: definition.family,
    summary: definition.summary,
    parameters: definition.parameters,
    countsEvaluations: definition.countsEvaluations === true,
    readsAreRestarts: definition.readsAreRestarts === true,
    sample: (problem, options = {}) => runSampler(definition, problem, options),
  };
}

async function runSampler<P extends JsonObject, E>(definition: SamplerDefinition<P, E>, problem: Problem, options: SamplerOptions): Promise<SampleSet> {
  if (options === null || typeof options !== "object") throw new TypeError(`${definition.name} options must be an object`);
  const { reads, timeLimitMs, targetEnergy, evaluationBudget } = checkCommonOptions(options, definition.defaultReads);
  checkBudgetSupport(definition, reads, evaluationBudget);
  // The specs validated every entry, so the resolved object has the shape P declares.
  const params = resolveParameters(definition.name, definition.parameters, options) as P;
  const rng = options.rng ?? createRng(options.seed ?? 0);

  const encodeStart = performance.now();
  const model = asModel(problem);
  const inputHash = quboHash(model.qubo);
  const encoded = definition.encode(model.qubo, params);
  const solveStart = performance.now();

  const elapsedMs = (): number => performance.now() - solveStart;
  // Unbounded reads keep the lowest-energy distinct samples only: a SampleSet of millions of
  // distinct samples would take longer to build than the budget and hold gigabytes.
  const bound = reads === Infinity ? { keep: UNBOUNDED_READS_KEEP, energyOf: (x: ArrayLike<number>) => quboEnergy(model.qubo, x) } : undefined;
  const evaluations = new EvaluationCounter(evaluationBudget ?? Infinity);
  const spent = definition.countsEvaluations === true ? () => evaluations.spent : undefined;
  const out = new ReadBuffer(model.qubo.linear.length, reads, elapsedMs, bound, spent);
  const info: Record<string, JsonValue> = {};
  const deadline = createDeadline(timeLimitMs);
  const userSet = (name: string): boolean => options[name] !== undefined;
  const context = { rng, deadline, reads, evaluations, userSet, targetEnergy: targetEnergy ?? -Infinity, out, info, elapsedMs };
  await definition.solve(encoded, params, context);
  const solveEnd = performance.now();
  if (out.length === 0) throw new Error(`internal: solver ${definition.name} returned no reads`);
  if (definition.countsEvaluations) {
    // Every read costs at least one evaluation: a count of 0 means the solver forgot to spend.
    if (evaluations.spent < 1 || evaluations.spent > evaluations.limit) {
      throw new Error(`internal: solver ${definition.name} reported ${evaluations.spent} evaluations (budget ${evaluations.limit})`);
    }
    info.evaluations = evaluations.spent;
  }
  if (out.dropped > 0) info.readsNotKept = out.dropped;

  return SampleSet.fromReads(
    model,
    out,
    {
      timing: { encodeMs: solveStart - encodeStart, solveMs: solveEnd - solveStart, decodeMs: 0 },
      manifest: {
        solver: definition.name,
        family: definition.family,
        parameters: params,
        reads: reads === Infinity ? null : reads,
        timeLimitMs: timeLimitMs ?? null,
        evaluationBudget: evaluationBudget ?? null,
        targetEnergy: targetEnergy ?? null,
        seed: rng.seed,
        version: qpipeVersion(),
        inputHash,
        nVariables: model.qubo.linear.length,
        nInteractions: model.qubo.values.length,
      },
      info,
    },
    () => performance.now(),
  );
}

function checkBudgetSupport<P extends JsonObject, E>(definition: SamplerDefinition<P, E>, reads: number, evaluationBudget: number | undefined): void {
  if (evaluationBudget !== undefined && !definition.countsEvaluations) {
    const why = definition.noEvaluationCount ?? "it does not count objective evaluations";
    throw new RangeError(`solver ${definition.name} cannot honour evaluationBudget: ${why}; bound it with timeLimitMs instead`);
  }
  if (reads === Infinity && definition.readsAreRestarts !== true) {
    const why = typeof definition.readsAreRestarts === "object" ? definition.readsAreRestarts.why : "its reads are not restarts";
    throw new RangeError(`solver ${definition.name} cannot take reads: Infinity: ${why}; give a number of reads`);
  }
}

/** Marks a run cut short by its evaluation budget (solvers call this when the budget stopped them). */
export function recordEvaluationLimit(context: SamplerContext, readsDone: number): void {
  context.info.stoppedBy = "evaluations";
  context.info.readsCompleted = readsDone;
}

/** Marks a run cut short by its time budget (solvers call this when they stop early). */
export function recordTimeLimit(context: SamplerContext, readsDone: number): void {
  context.info.stoppedBy = "time-limit";
  context.info.readsCompleted = readsDone;
}

/** Why a run might stop after a read: each solver says what happened to the read it just pushed. */
export interface ReadEnd {
  /** The read reached `targetEnergy`. */
  readonly targetReached: boolean;
  /** The evaluation budget cut the read short of its length. */
  readonly budgetCut: boolean;
  /** The time budget cut the read short. */
  readonly timeUp: boolean;
}

/**
 * After `readsDone` reads of `plannedReads`: records why the run stops now, if it does (target
 * reached, evaluation budget spent, time budget spent; in that order), and returns true then.
 */
export function stopAfterRead(context: SamplerContext, readsDone: number, plannedReads: number, end: ReadEnd): boolean {
  if (end.targetReached) recordTarget(context, readsDone);
  else if (end.budgetCut) recordEvaluationLimit(context, readsDone);
  else if (end.timeUp || (readsDone < plannedReads && context.deadline.expired())) recordTimeLimit(context, readsDone);
  else return false;
  return true;
}

/** Marks a run that stopped because a read reached the target energy. */
export function recordTarget(context: SamplerContext, readsDone: number): void {
  context.info.stoppedBy = "target";
  context.info.readsCompleted = readsDone;
}
