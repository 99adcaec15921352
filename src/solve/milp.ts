// The exact classical reference: a MILP solved to proven optimality by HiGHS (Huangfu & Hall;
// branch-and-cut, compiled to WebAssembly, npm `highs`) with the relative MIP gap set to 0. One read:
// HiGHS returns one assignment. Two routes:
//   native  a compiled model whose constraints are all hard: the model's own MILP (modelToLp —
//           constraints as rows, integers as General columns, no penalties or slack bits), mapped
//           back to every compiled bit (native-lp.ts) so the sample is scored on the QUBO. Far
//           smaller than the penalised QUBO: a 60-item knapsack proves optimal in milliseconds.
//   qubo    a raw QUBO / Ising model, a model with soft constraints, or a native MILP with no
//           feasible point: the QUBO's linearisation (quboToLp). Practical up to ~100 variables.
// Under a time limit HiGHS returns its incumbent and `info.optimal` is false.
import { quboToLp } from "../compile/lp.js";
import type { Qubo } from "../compile/qubo.js";
import { isCompiledLike, type NativeLpLike } from "./compiled-problem.js";
import type { ParameterSpecs } from "./options.js";
import type { Problem, SolvableModel } from "./problem.js";
import { defineSampler, type Sampler, type SamplerContext } from "./sampler.js";

export interface HighsColumn {
  readonly Primal?: number;
}
export interface HighsResult {
  readonly Status: string;
  /** ±Infinity (or null) when HiGHS stopped before finding any solution. */
  readonly ObjectiveValue: number | null;
  readonly Columns: Readonly<Record<string, HighsColumn>>;
}
export interface HighsSolver {
  solve(problem: string, options?: Readonly<Record<string, string | number | boolean>>): HighsResult;
}

let highsPromise: Promise<HighsSolver> | undefined;

/** Loads the HiGHS WebAssembly module once per process (shared with the native-model MILP of the decision stage). */
export function loadHighs(): Promise<HighsSolver> {
  highsPromise ??= import("highs").then(async (module) => {
    const loader = (module as unknown as { default: () => Promise<HighsSolver> }).default;
    return loader();
  });
  return highsPromise;
}

export interface MilpParameters {
  readonly [key: string]: number;
  /** Relative MIP gap at which HiGHS stops (0: prove optimality). */
  readonly gap: number;
}

const MILP_PARAMETERS: ParameterSpecs = {
  gap: { kind: "number", min: 0, max: 1, default: 0 },
};

interface MilpForm {
  readonly qubo: Qubo;
  readonly native: NativeLpLike | undefined;
  /** +1 when the native LP minimises the energy's sense, −1 when it maximises (energy = −objective). */
  readonly nativeSign: 1 | -1;
}

/** Statuses that come with a usable answer (an incumbent may still be missing under a time limit). */
const ANSWERED = ["Optimal", "Time limit reached", "Target for objective reached"];

function milpDefinition(native: NativeLpLike | undefined, nativeSign: 1 | -1) {
  return defineSampler<MilpParameters, MilpForm>({
    name: "milp",
    family: "classical",
    summary: "exact reference: HiGHS branch-and-cut on the model's own MILP, or on the linearised QUBO",
    defaultReads: 1,
    countsEvaluations: false,
    noEvaluationCount: "HiGHS's branch-and-cut does not expose a count comparable to objective evaluations (LP iterations and nodes are not candidate assignments)",
    readsAreRestarts: { why: "HiGHS runs one deterministic branch-and-cut (one answer)" },
    parameters: MILP_PARAMETERS,
    encode: (qubo) => ({ qubo, native, nativeSign }),
    solve: solveMilp,
  });
}

export const milpSolver: Sampler = {
  name: "milp",
  family: "classical",
  summary: "exact reference: HiGHS branch-and-cut on the model's own MILP (constraints native), or on the linearised QUBO (up to ~100 variables)",
  parameters: MILP_PARAMETERS,
  countsEvaluations: false,
  readsAreRestarts: false,
  sample: (problem, options) => {
    const native = nativeLpOf(problem);
    return milpDefinition(native?.lp, native?.sign ?? 1).sample(problem, options);
  },
};

/** The native MILP a compiled model (or its adapted SolvableModel) carries, with the sign energy = sign·objective. */
function nativeLpOf(problem: Problem): { lp: NativeLpLike; sign: 1 | -1 } | undefined {
  if (problem === null || typeof problem !== "object") return undefined;
  if (isCompiledLike(problem)) {
    const lp = typeof problem.nativeLp === "function" ? problem.nativeLp() : undefined;
    return lp === undefined ? undefined : { lp, sign: problem.data.sense === "maximize" ? -1 : 1 };
  }
  const model = problem as Partial<SolvableModel>;
  const lp = typeof model.nativeLp === "function" ? model.nativeLp() : undefined;
  return lp === undefined ? undefined : { lp, sign: model.sense === "max" ? -1 : 1 };
}

async function solveMilp(form: MilpForm, params: MilpParameters, context: SamplerContext): Promise<void> {
  const n = form.qubo.linear.length;
  if (n === 0) {
    context.out.push(new Uint8Array(0));
    Object.assign(context.info, { route: "qubo", status: "Empty", optimal: true });
    return;
  }
  const highs = await loadHighs();
  if (form.native) {
    const native = form.native;
    // energy = sign·objective at a feasible point: the target moves into the LP's own sense
    const target = context.targetEnergy > -Infinity ? form.nativeSign * context.targetEnergy - native.offset : undefined;
    const result = highs.solve(native.text, highsOptions(params, context, target));
    if (ANSWERED.includes(result.Status)) {
      const bits = hasIncumbent(result) ? native.bits((column) => result.Columns[column]?.Primal) : undefined;
      record(context, "native", result.Status, params, bits !== undefined);
      context.out.push(bits ?? new Uint8Array(n));
      return;
    }
    if (result.Status !== "Infeasible") throw new Error(`internal: HiGHS ended with status '${result.Status}' on the model's MILP`);
    // no assignment meets every constraint: the least-penalised one is the QUBO's optimum
    context.info.nativeStatus = result.Status;
  }
  const lp = quboToLp(form.qubo);
  const target = context.targetEnergy > -Infinity ? context.targetEnergy - lp.offset : undefined;
  const result = highs.solve(lp.text, highsOptions(params, context, target));
  if (!ANSWERED.includes(result.Status)) throw new Error(`internal: HiGHS ended with status '${result.Status}' on a QUBO linearisation`);
  const x = new Uint8Array(n);
  let found = hasIncumbent(result);
  for (let i = 0; i < n && found; i++) {
    const primal = result.Columns[lp.columns[i]]?.Primal;
    if (primal === undefined || !Number.isFinite(primal)) found = false;
    else x[i] = primal > 0.5 ? 1 : 0;
  }
  record(context, "qubo", result.Status, params, found);
  context.out.push(found ? x : new Uint8Array(n));
}

/**
 * Whether HiGHS ended holding a solution. Stopped before its first incumbent, it still reports
 * primal values (all zero) but an objective of ±Infinity (null in some builds): those zeros are
 * not an answer.
 */
function hasIncumbent(result: { readonly ObjectiveValue: number | null }): boolean {
  return typeof result.ObjectiveValue === "number" && Number.isFinite(result.ObjectiveValue);
}

function highsOptions(params: MilpParameters, context: SamplerContext, objectiveTarget: number | undefined): Record<string, string | number | boolean> {
  const options: Record<string, string | number | boolean> = {
    output_flag: false,
    mip_rel_gap: params.gap,
    mip_abs_gap: 0,
    random_seed: context.rng.int(2_147_483_647),
  };
  const remainingMs = context.deadline.remainingMs();
  if (Number.isFinite(remainingMs)) options.time_limit = Math.max(remainingMs, 1) / 1000;
  if (objectiveTarget !== undefined) options.objective_target = objectiveTarget;
  return options;
}

function record(context: SamplerContext, route: "native" | "qubo", status: string, params: MilpParameters, incumbentFound: boolean): void {
  Object.assign(context.info, { route, status, optimal: status === "Optimal" && params.gap === 0, incumbentFound });
  if (status === "Time limit reached") context.info.stoppedBy = "time-limit";
  if (status === "Target for objective reached") context.info.stoppedBy = "target";
}
