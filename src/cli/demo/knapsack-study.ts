// The demo's optimisation study: a seeded 0/1 knapsack stated in the qpipe language, compiled to a
// QUBO, and solved by every kind of solver on the same compiled objective — exact references,
// classical heuristics over several seeds, the quantum-inspired solver, and the quantum (simulated
// QAOA) path, which falls back to a classical solver with its reason recorded when it cannot run.
import type { CompiledModel } from "../../compile/compiled-model.js";
import type { Qubo } from "../../compile/qubo.js";
import { compileSource, type PhaseTimings } from "../../compile/from-source.js";
import type { Diagnostic } from "../../lang/diagnostic.js";
import { type SolveMode, solve } from "../../solve/modes.js";
import "../../solve/variational/register.js"; // the quantum path: qaoa and vqe samplers
import type { SampleSet } from "../../solve/sample-set.js";
import type { Rng } from "../../util/rng.js";

export const KNAPSACK_SOURCE = `// 0/1 knapsack: pick items of greatest total value within a weight capacity.
problem knapsack {
  param n: int
  param value: real[n]
  param weight: real[n]
  param capacity: real

  var x: binary[n]

  maximize sum(i in 0..n-1) value[i] * x[i]

  constraint cap: sum(i in 0..n-1) weight[i] * x[i] <= capacity
}
`;

export interface KnapsackData {
  readonly n: number;
  readonly value: number[];
  readonly weight: number[];
  readonly capacity: number;
}

/** Integer values 1..20 and weights 1..10; the capacity holds about half the total weight. */
export function knapsackInstance(nItems: number, rng: Rng): KnapsackData {
  const value = Array.from({ length: nItems }, () => 1 + rng.int(20));
  const weight = Array.from({ length: nItems }, () => 1 + rng.int(10));
  const capacity = Math.floor(weight.reduce((a, b) => a + b, 0) / 2);
  return { n: nItems, value, weight, capacity };
}

export interface SolverPlan {
  readonly solver: string;
  readonly mode: SolveMode;
  /** Deterministic references run once; stochastic solvers run once per seed. */
  readonly seeds: readonly number[];
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** One solver run: the tidy record the charts and the results file take as they are. */
export interface RunRecord {
  readonly instance: string;
  readonly solver: string;
  readonly mode: SolveMode;
  readonly seed: number;
  /** Best feasible objective in the problem's own sense (total value); null when none was feasible. */
  readonly objective: number | null;
  readonly feasible: boolean;
  /** Lowest energy of any read (the minimised QUBO value, penalties included). */
  readonly energy: number | null;
  readonly elapsedMs: number;
  readonly encodeMs: number;
  readonly solveMs: number;
  readonly decodeMs: number;
  /** Set when the quantum path could not run: what ran instead and why. */
  readonly fallback?: string;
}

export interface KnapsackStudy {
  readonly data: KnapsackData;
  readonly compiled: CompiledModel;
  readonly qubo: Qubo;
  readonly compileTimings: PhaseTimings;
  readonly runs: readonly RunRecord[];
  /** The first seed's sample set of each solver, for the energy histogram. */
  readonly firstSets: ReadonlyMap<string, SampleSet>;
}

export class DemoError extends Error {
  constructor(message: string, readonly diagnostics: readonly Diagnostic[] = []) {
    super(message);
  }
}

export async function runKnapsackStudy(data: KnapsackData, plans: readonly SolverPlan[], timeLimitMs: number): Promise<KnapsackStudy> {
  const result = compileSource(KNAPSACK_SOURCE, { file: "knapsack.qp", data });
  if (!result.compiled) throw new DemoError("the demo's knapsack model did not compile", result.diagnostics);
  const compiled = result.compiled;
  const instance = `knapsack-${data.n}`;
  const runs: RunRecord[] = [];
  const firstSets = new Map<string, SampleSet>();
  for (const plan of plans) {
    for (const seed of plan.seeds) {
      const set = await solve(compiled, { mode: plan.mode, solver: plan.solver, seed, timeLimitMs, parameters: plan.parameters });
      if (!firstSets.has(plan.solver)) firstSets.set(plan.solver, set);
      runs.push(runRecord(instance, plan, seed, set));
    }
  }
  return { data, compiled, qubo: compiled.qubo(), compileTimings: result.timings, runs, firstSets };
}

function runRecord(instance: string, plan: SolverPlan, seed: number, set: SampleSet): RunRecord {
  const best = set.bestFeasible;
  const lowest = set.bestEnergy;
  const { encodeMs, solveMs, decodeMs } = set.timing;
  return {
    instance,
    solver: plan.solver,
    mode: plan.mode,
    seed,
    objective: best ? best.objective : null,
    feasible: best !== undefined,
    energy: lowest ? lowest.energy : null,
    elapsedMs: encodeMs + solveMs + decodeMs,
    encodeMs,
    solveMs,
    decodeMs,
    ...(set.fallback ? { fallback: `${set.fallback.used.solver} ran instead: ${set.fallback.reason}` } : {}),
  };
}
