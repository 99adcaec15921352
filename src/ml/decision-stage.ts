// Decision support after a model scores: choose items maximising total predicted value under a
// budget, pairwise conflicts and per-category quotas, or assign items to slots by predicted score —
// stated in the qpipe language, compiled, and solved by each requested solver, with HiGHS on the
// model's own MILP as the exact reference. The scoring path stays independent of the optimiser:
// when a solver throws, stops at its time limit without a feasible decision, or returns none, the
// greedy decision is returned instead and marked as the fallback.
//
//   instance ─▶ DSL model ─▶ per solver: milp (native MILP) | rule-greedy | QUBO solver
//            ─▶ decision or greedy fallback ─▶ record (value, feasible, gap to milp, time)
import { compileSource } from "../compile/from-source.js";
import type { Diagnostic } from "../lang/diagnostic.js";
import type { Model } from "../model/model.js";
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import { createRng } from "../util/rng.js";
import { type AssignmentInstance, assignmentFromBits, assignmentValue, compileAssignment, greedyAssignment, isAssignmentInstance } from "./assignment-decision.js";
import { solveNativeMilp } from "./decision-milp.js";

export const DECISION_SOURCE = `// choose items by predicted value under a budget, conflicts and category quotas
problem decide {
  param n: int
  param nCategories: int
  param value: real[n]
  param cost: real[n]
  param budget: real
  param category: int[n]
  param quota: int[nCategories]
  param nConflicts: int
  param first: int[nConflicts]
  param second: int[nConflicts]

  var x: binary[n]

  maximize sum(i in 0..n-1) value[i] * x[i]

  constraint spend: sum(i in 0..n-1) cost[i] * x[i] <= budget
  constraint per_category[c in 0..nCategories-1]: sum(i in 0..n-1 where category[i] == c) x[i] <= quota[c]
  constraint apart[k in 0..nConflicts-1]: x[first[k]] + x[second[k]] <= 1
}
`;

export interface DecisionInstance {
  readonly value: readonly number[];
  readonly cost: readonly number[];
  readonly budget: number;
  readonly category: readonly number[];
  readonly quota: readonly number[];
  readonly conflicts: readonly (readonly [number, number])[];
}

/** Either shape of decision: a subset under budget, quotas and conflicts, or an assignment of items to slots. */
export type DecisionProblem = DecisionInstance | AssignmentInstance;

/** The decision-stage method that runs the greedy rule itself (the fallback's decision, as a baseline). */
export const RULE_GREEDY = "rule-greedy";

export interface DecisionRecord {
  readonly stage: "decision";
  readonly solver: string;
  /** Subset: the chosen items, ascending. Assignment: the item in each slot. */
  readonly chosen: readonly number[];
  readonly value: number;
  readonly feasible: boolean;
  /** (reference − value) / |reference|, against the MILP optimum; null when MILP did not run or was cut short. */
  readonly gap: number | null;
  readonly timeMs: number;
  readonly encodingMs: number;
  /** Why the solver's decision was replaced (or, with usedGreedy false, why a quantum solver was replaced by a classical one inside `solve`). */
  readonly fallback: string | null;
  /** The decision is the greedy fallback's, not the solver's. */
  readonly usedGreedy: boolean;
  /** "time-limit" when the solver stopped at its time limit (its decision may not be its best). */
  readonly stoppedBy: string | null;
  /** Bits of the compiled QUBO (decision variables plus slack bits). */
  readonly nBits: number;
}

export interface DecisionOptions {
  /** Default milp, tabu, sa. Registered solver names, plus `milp` (native MILP) and `rule-greedy`. */
  readonly solvers?: readonly string[];
  readonly seed?: number;
  /** Wall-clock limit per solver; a solver that stops at it without a feasible decision falls back. */
  readonly timeLimitMs?: number;
  /** Reads per QUBO solver (default: the solver's own). */
  readonly reads?: number;
  /** Solver parameters by solver name, e.g. `{ qaoa: { p: 2 } }`. */
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

interface EncodedDecision {
  readonly compiled: NonNullable<ReturnType<typeof compileSource>["compiled"]>;
  readonly model: Model;
  readonly encodingMs: number;
  greedy(): number[];
  valueOf(chosen: readonly number[]): number;
  /** The decision from the model's decision bits (flattened), or undefined when they are not one. */
  fromBits(bits: ArrayLike<number>): number[] | undefined;
}

export function decisionDiagnostics(instance: DecisionProblem): { compiled: ReturnType<typeof compileSource>["compiled"]; model: Model | undefined; diagnostics: readonly Diagnostic[]; encodingMs: number } {
  const started = performance.now();
  if (isAssignmentInstance(instance)) {
    const result = compileAssignment(instance);
    return { compiled: result.compiled, model: result.model, diagnostics: result.diagnostics, encodingMs: performance.now() - started };
  }
  checkSubsetShape(instance);
  const { value, cost, budget, category, quota, conflicts } = instance;
  const data = { n: value.length, nCategories: quota.length, value, cost, budget, category, quota, nConflicts: conflicts.length, first: conflicts.map((c) => c[0]), second: conflicts.map((c) => c[1]) };
  const result = compileSource(DECISION_SOURCE, { file: "decide.qp", data });
  return { compiled: result.compiled, model: result.model, diagnostics: result.diagnostics, encodingMs: performance.now() - started };
}

/** Shape checks the compiler cannot make (it sees no field that is absent, and no category without a quota). */
function checkSubsetShape(instance: DecisionInstance): void {
  for (const field of ["value", "cost", "category", "quota", "conflicts"] as const) {
    if (!Array.isArray(instance[field])) throw new RangeError(`decision instance ${field} must be an array, got ${instance[field] === undefined ? "nothing" : typeof instance[field]}`);
  }
  if (typeof instance.budget !== "number") throw new RangeError(`decision instance budget must be a number, got ${typeof instance.budget}`);
  instance.category.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= instance.quota.length) throw new RangeError(`decision instance category[${i}] must be an integer in 0..${instance.quota.length - 1} (one quota per category), got ${c}`);
  });
  instance.conflicts.forEach((pair, k) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new RangeError(`decision instance conflicts[${k}] must be a pair [a, b] of item indices`);
  });
}

function encodeDecision(instance: DecisionProblem): EncodedDecision {
  if (instance === null || typeof instance !== "object") throw new TypeError("decision instance must be an object");
  const encoded = decisionDiagnostics(instance);
  if (encoded.compiled === undefined || encoded.model === undefined) {
    throw new RangeError(`decision instance is invalid: ${encoded.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`);
  }
  const base = { compiled: encoded.compiled, model: encoded.model, encodingMs: encoded.encodingMs };
  if (isAssignmentInstance(instance)) {
    const nItems = instance.score.length;
    const nSlots = instance.score[0].length;
    return { ...base, greedy: () => greedyAssignment(instance), valueOf: (chosen) => assignmentValue(instance, chosen), fromBits: (bits) => assignmentFromBits(bits, nItems, nSlots) };
  }
  return {
    ...base,
    greedy: () => greedyDecision(instance),
    valueOf: (chosen) => chosen.reduce((t, i) => t + instance.value[i], 0),
    fromBits: (bits) => Array.from(bits).flatMap((bit, i) => (bit === 1 ? [i] : [])),
  };
}

/** Greedy: items by value/cost descending, taken when budget, quota and conflicts allow. */
export function greedyDecision(instance: DecisionInstance): number[] {
  const n = instance.value.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => instance.value[b] / Math.max(instance.cost[b], 1e-12) - instance.value[a] / Math.max(instance.cost[a], 1e-12) || a - b);
  const chosen = new Set<number>();
  let spent = 0;
  const used = new Array<number>(instance.quota.length).fill(0);
  for (const i of order) {
    if (instance.value[i] <= 0 || spent + instance.cost[i] > instance.budget || used[instance.category[i]] >= instance.quota[instance.category[i]]) continue;
    if (instance.conflicts.some(([a, b]) => (a === i && chosen.has(b)) || (b === i && chosen.has(a)))) continue;
    chosen.add(i);
    spent += instance.cost[i];
    used[instance.category[i]]++;
  }
  return [...chosen].sort((a, b) => a - b);
}

/** What one solver decided, before the fallback rule: a decision, or why there is none. */
interface Attempt {
  readonly chosen?: number[];
  readonly reason?: string;
  readonly stoppedBy: string | null;
  /** A fallback inside `solve` (quantum path replaced by a classical solver). */
  readonly innerFallback?: string;
}

export async function runDecision(instance: DecisionProblem, options: DecisionOptions = {}): Promise<DecisionRecord[]> {
  const encoded = encodeDecision(instance);
  const solvers = options.solvers ?? ["milp", "tabu", "sa"];
  if (solvers.includes("qaoa") || solvers.includes("vqe")) await import("../solve/variational/register.js");
  for (const solver of solvers) if (solver !== RULE_GREEDY && findSampler(solver) === undefined) throw new RangeError(`solver must be a registered solver name or '${RULE_GREEDY}', got '${solver}'`);
  const records: DecisionRecord[] = [];
  for (const solver of solvers) {
    const started = performance.now();
    let attempt: Attempt;
    try {
      attempt = await attemptDecision(encoded, solver, options);
    } catch (error) {
      if (error instanceof TypeError) throw error;
      attempt = { reason: `${solver} failed: ${(error as Error).message}`, stoppedBy: null };
    }
    const chosen = attempt.chosen ?? encoded.greedy();
    const fallback = attempt.chosen === undefined ? attempt.reason! : (attempt.innerFallback ?? null);
    records.push({ stage: "decision", solver, chosen, value: encoded.valueOf(chosen), feasible: true, gap: null, timeMs: performance.now() - started, encodingMs: encoded.encodingMs, fallback, usedGreedy: attempt.chosen === undefined, stoppedBy: attempt.stoppedBy, nBits: encoded.compiled.nBits });
  }
  const reference = records.find((r) => r.solver === "milp" && !r.usedGreedy && r.stoppedBy === null);
  if (reference === undefined) return records;
  return records.map((r) => ({ ...r, gap: reference.value === 0 ? 0 : (reference.value - r.value) / Math.abs(reference.value) }));
}

async function attemptDecision(encoded: EncodedDecision, solver: string, options: DecisionOptions): Promise<Attempt> {
  const limit = options.timeLimitMs;
  const timedOut = (): string => `${solver} timed out: stopped by its ${limit} ms time limit without a feasible decision`;
  if (solver === RULE_GREEDY) return { chosen: encoded.greedy(), stoppedBy: null };
  if (solver === "milp") {
    const result = await solveNativeMilp(encoded.model, limit);
    const stoppedBy = result.status === "Time limit reached" ? "time-limit" : null;
    const chosen = result.bits === undefined ? undefined : encoded.fromBits(result.bits);
    if (chosen === undefined) return { reason: stoppedBy !== null ? timedOut() : `milp returned no feasible decision (HiGHS: ${result.status})`, stoppedBy };
    return { chosen, stoppedBy };
  }
  const set = await solve(encoded.compiled, {
    mode: findSampler(solver)?.family ?? "quantum",
    solver,
    rng: createRng(options.seed ?? 0).fork(solver),
    timeLimitMs: limit,
    reads: options.reads,
    parameters: options.parameters?.[solver],
  });
  const stoppedBy = typeof set.info.stoppedBy === "string" ? set.info.stoppedBy : null;
  const innerFallback = set.fallback?.reason;
  const best = set.bestFeasible;
  const x = best === undefined ? undefined : set.valuesOf(best).x;
  const chosen = Array.isArray(x) ? encoded.fromBits((x as unknown[]).flat(2) as number[]) : undefined;
  if (chosen === undefined) return { reason: stoppedBy === "time-limit" ? timedOut() : `${solver} returned no feasible decision`, stoppedBy, innerFallback };
  return { chosen, stoppedBy, innerFallback };
}
