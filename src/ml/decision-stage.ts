// Decision support after a model scores: choose items maximising total predicted value under a
// budget, pairwise conflicts and per-category quotas — stated in the qpipe language, compiled, and
// solved by each requested solver, with HiGHS MILP (on the compiled model) as the exact reference.
// The scoring path stays independent of the optimiser: when a solver throws, times out or returns
// no feasible decision, a greedy decision (best value per cost first, skipping violations) is
// returned instead and marked as the fallback.
import { compileSource } from "../compile/from-source.js";
import type { Diagnostic } from "../lang/diagnostic.js";
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import { createRng } from "../util/rng.js";

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

export interface DecisionRecord {
  readonly stage: "decision";
  readonly solver: string;
  readonly chosen: readonly number[];
  readonly value: number;
  readonly feasible: boolean;
  /** (reference − value) / |reference|, against the MILP optimum; null when MILP did not run. */
  readonly gap: number | null;
  readonly timeMs: number;
  readonly encodingMs: number;
  /** Set when the greedy decision replaced the solver's. */
  readonly fallback: string | null;
}

export function decisionDiagnostics(instance: DecisionInstance): { compiled: ReturnType<typeof compileSource>["compiled"]; diagnostics: readonly Diagnostic[]; encodingMs: number } {
  const started = performance.now();
  const { value, cost, budget, category, quota, conflicts } = instance;
  const data = { n: value.length, nCategories: quota.length, value, cost, budget, category, quota, nConflicts: conflicts.length, first: conflicts.map((c) => c[0]), second: conflicts.map((c) => c[1]) };
  const result = compileSource(DECISION_SOURCE, { file: "decide.qp", data });
  return { compiled: result.compiled, diagnostics: result.diagnostics, encodingMs: performance.now() - started };
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

export async function runDecision(instance: DecisionInstance, options: { readonly solvers?: readonly string[]; readonly seed?: number; readonly timeLimitMs?: number } = {}): Promise<DecisionRecord[]> {
  const encoded = decisionDiagnostics(instance);
  if (encoded.compiled === undefined) {
    throw new RangeError(`decision instance is invalid: ${encoded.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`);
  }
  const solvers = options.solvers ?? ["milp", "tabu", "sa"];
  if (solvers.includes("qaoa") || solvers.includes("vqe")) await import("../solve/variational/register.js");
  for (const solver of solvers) if (findSampler(solver) === undefined) throw new RangeError(`solver must be a registered solver name, got '${solver}'`);
  const records: DecisionRecord[] = [];
  const valueOf = (chosen: readonly number[]) => chosen.reduce((t, i) => t + instance.value[i], 0);
  for (const solver of solvers) {
    const started = performance.now();
    let chosen: number[] | undefined;
    let feasible = false;
    let fallback: string | null = null;
    try {
      const set = await solve(encoded.compiled, { mode: findSampler(solver)?.family ?? "quantum", solver, rng: createRng(options.seed ?? 0).fork(solver), timeLimitMs: options.timeLimitMs });
      fallback = set.fallback?.reason ?? null;
      const best = set.bestFeasible;
      if (best !== undefined) {
        const x = set.valuesOf(best).x;
        if (Array.isArray(x)) { chosen = x.flatMap((bit, i) => (bit === 1 ? [i] : [])); feasible = true; }
      } else {
        fallback = `${solver} returned no feasible decision`;
      }
    } catch (error) {
      if (error instanceof TypeError) throw error;
      fallback = `${solver} failed: ${(error as Error).message}`;
    }
    if (chosen === undefined) {
      chosen = greedyDecision(instance);
      feasible = true;
    }
    records.push({ stage: "decision", solver, chosen, value: valueOf(chosen), feasible, gap: null, timeMs: performance.now() - started, encodingMs: encoded.encodingMs, fallback });
  }
  const reference = records.find((r) => r.solver === "milp" && r.fallback === null);
  if (reference === undefined) return records;
  return records.map((r) => ({ ...r, gap: reference.value === 0 ? 0 : (reference.value - r.value) / Math.abs(reference.value) }));
}
