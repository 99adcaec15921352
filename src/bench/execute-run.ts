// One run of the grid: solve an instance with one solver and seed under the suite's budget, and
// turn the SampleSet into a RunRecord. Errors inside the run become a `failed` record, never a throw.
import type { JsonObject } from "../solve/json.js";
import { type SolveMode, solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import type { SampleSet } from "../solve/sample-set.js";
import type { LoadedInstance } from "./load-instance.js";
import type { RunRecord } from "./run-record.js";
import { BUDGET_KEYS, type SolverSpec, type SuiteSpec, budgetOf, outsideEvaluationBudget } from "./spec.js";

export interface RunTask {
  readonly instance: number;
  readonly solver: number;
  readonly seed: number;
}

/** The mode a solver entry runs in: its own, else its sampler's family (quantum when not registered). */
export function modeOf(solver: SolverSpec): SolveMode {
  return solver.mode ?? findSampler(solver.solver)?.family ?? "quantum";
}

export async function executeRun(spec: SuiteSpec, task: RunTask, loadInstance: (index: number) => Promise<LoadedInstance>): Promise<RunRecord> {
  const solver = spec.solvers[task.solver];
  const instanceSpec = spec.instances[task.instance];
  if (solver === undefined || instanceSpec === undefined) throw new Error(`internal: task ${JSON.stringify(task)} is outside the grid`);
  const base = baseRecord(spec, solver, instanceSpec.name, task.seed);
  let instance: LoadedInstance;
  try {
    instance = await loadInstance(task.instance);
  } catch (error) {
    return { ...base, status: "failed", error: `loading the instance: ${messageOf(error)}` };
  }
  let set: SampleSet;
  try {
    set = await solve(instance.model, { mode: modeOf(solver), solver: solver.solver, parameters: solver.parameters, seed: task.seed, ...samplerBudget(spec, solver) });
  } catch (error) {
    return { ...base, ...instanceFields(instance), status: "failed", error: messageOf(error) };
  }
  // milp stopped by its time limit before any incumbent returns a placeholder read, not an answer.
  if (set.info.incumbentFound === false) {
    return { ...base, ...instanceFields(instance), status: "failed", error: `${set.manifest.solver} found no solution within the budget (${String(set.info.status)})` };
  }
  return recordFromSampleSet(base, instance, set, spec.successTolerance);
}

/**
 * The budget options a sampler gets. Without a reads budget, a solver whose reads are restarts gets
 * `reads: Infinity` and restarts until the time or evaluation budget is spent (at its default read
 * count it would stop early, and "equal budget" would not be true); a solver whose reads are shots
 * (QAOA, VQE) or that runs once (exact, milp) keeps its default. An evaluation budget goes only to
 * solvers that count evaluations (the spec refused the others unless unequal budgets are allowed).
 * A quantum solver's classical fallback restarts like any other classical solver, so it gets
 * `reads: Infinity` on the same terms (the quantum solver keeps its shots).
 */
export function samplerBudget(
  spec: SuiteSpec,
  solver: SolverSpec,
): { reads?: number; timeLimitMs?: number; evaluationBudget?: number; fallback?: { reads: number } } {
  const budget = budgetOf(spec, solver);
  const sampler = findSampler(solver.solver);
  const counted = budget.evaluations !== undefined && !outsideEvaluationBudget(spec, solver) ? budget.evaluations : undefined;
  const bounded = budget.timeMs !== undefined || counted !== undefined;
  const reads = budget.reads ?? (bounded && sampler?.readsAreRestarts === true ? Infinity : undefined);
  const fallbackReads = budget.reads === undefined && bounded && modeOf(solver) === "quantum" ? Infinity : undefined;
  return {
    ...(reads === undefined ? {} : { reads }),
    ...(fallbackReads === undefined ? {} : { fallback: { reads: fallbackReads } }),
    ...(budget.timeMs === undefined ? {} : { timeLimitMs: budget.timeMs }),
    ...(counted === undefined ? {} : { evaluationBudget: counted }),
  };
}

function recordFromSampleSet(base: RunRecord, instance: LoadedInstance, set: SampleSet, tolerance: number): RunRecord {
  const feasible = set.bestFeasible;
  const lowest = set.bestEnergy;
  let nFeasible = 0;
  for (const sample of set.samples) if (sample.feasible) nFeasible += sample.occurrences;
  // A `reads: Infinity` run keeps only its lowest-energy samples; the reads it dropped still ran.
  const notKept = typeof set.info.readsNotKept === "number" ? set.info.readsNotKept : 0;
  const nReads = set.nReads + notKept;
  const objective = feasible?.objective ?? null;
  const { bestKnown, sense } = instance;
  const gap = objective === null || bestKnown === null ? null : gapTo(bestKnown, sense, objective);
  const reachesTarget = (value: number): boolean => bestKnown !== null && (gapTo(bestKnown, sense, value) ?? (value === bestKnown ? 0 : Infinity)) <= tolerance;
  const success = bestKnown === null ? null : objective !== null && reachesTarget(objective);
  const target = success === true ? set.firstReached((sample) => sample.feasible && reachesTarget(sample.objective)) : null;
  const stoppedBy = typeof set.info.stoppedBy === "string" ? set.info.stoppedBy : null;
  const fallbackReason = set.fallback?.reason ?? null;
  const timedOut = stoppedBy === "time-limit" || (fallbackReason !== null && /timed out|failed after/.test(fallbackReason));
  const resources = set.info.resources;
  return {
    ...base,
    ...instanceFields(instance),
    status: "ok",
    bestObjective: objective,
    bestEnergy: lowest?.energy ?? null,
    bestBits: (feasible ?? lowest)?.bits ?? null,
    // Whether a dropped read was feasible is not known.
    feasibleFraction: nReads === 0 || notKept > 0 ? null : nFeasible / nReads,
    nReads,
    evaluations: typeof set.info.evaluations === "number" ? set.info.evaluations : null,
    gap,
    approximationRatio: objective === null || bestKnown === null || bestKnown === 0 ? null : objective / bestKnown,
    success,
    // A set without read order (none of the built-in samplers) falls back to the whole solve time.
    timeToTargetMs: success === true ? (target?.ms ?? set.timing.solveMs) : null,
    readsToTarget: target?.nReads ?? null,
    evaluationsToTarget: target?.evaluations ?? null,
    encodeMs: set.timing.encodeMs,
    solveMs: set.timing.solveMs,
    decodeMs: set.timing.decodeMs,
    modeUsed: set.fallback?.used.mode ?? set.manifest.family,
    solverUsed: set.fallback?.used.solver ?? set.manifest.solver,
    fallbackReason,
    stoppedBy,
    resources: resources !== null && typeof resources === "object" && !Array.isArray(resources) ? (resources as JsonObject) : null,
    deterministic: !timedOut,
  };
}

/** Relative shortfall of `objective` from `bestKnown` in the problem's sense; null when bestKnown is 0. */
function gapTo(bestKnown: number, sense: "min" | "max" | null, objective: number): number | null {
  if (bestKnown === 0) return null;
  return (sense === "max" ? bestKnown - objective : objective - bestKnown) / Math.abs(bestKnown);
}

function instanceFields(instance: LoadedInstance): Partial<RunRecord> {
  return { sense: instance.sense, bestKnown: instance.bestKnown, loadMs: instance.loadMs, inputHash: instance.inputHash, nVariables: instance.nVariables };
}

/** A record with the request filled in and every result empty. */
export function baseRecord(spec: SuiteSpec, solver: SolverSpec, instance: string, seed: number): RunRecord {
  const budget = budgetOf(spec, solver);
  const outside = outsideEvaluationBudget(spec, solver);
  return {
    suite: spec.name,
    instance,
    solver: solver.label,
    solverName: solver.solver,
    mode: modeOf(solver),
    seed,
    status: "failed",
    error: null,
    budgetTimeMs: budget.timeMs ?? null,
    budgetReads: budget.reads ?? null,
    budgetEvaluations: outside ? null : (budget.evaluations ?? null),
    unequalBudget: outside || (budget !== spec.budget && BUDGET_KEYS.some((key) => budget[key] !== spec.budget[key])),
    sense: null,
    bestObjective: null,
    bestEnergy: null,
    bestBits: null,
    feasibleFraction: null,
    nReads: null,
    evaluations: null,
    bestKnown: null,
    gap: null,
    approximationRatio: null,
    success: null,
    timeToTargetMs: null,
    readsToTarget: null,
    evaluationsToTarget: null,
    loadMs: null,
    encodeMs: null,
    solveMs: null,
    decodeMs: null,
    modeUsed: null,
    solverUsed: null,
    fallbackReason: null,
    stoppedBy: null,
    resources: null,
    inputHash: null,
    nVariables: null,
    deterministic: true,
    stageMetrics: null,
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
