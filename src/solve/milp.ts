// The exact classical reference: the QUBO's linearisation (qubo-lp.ts) solved to proven optimality
// by HiGHS (Huangfu & Hall; branch-and-cut, compiled to WebAssembly, npm `highs`), with the relative
// MIP gap set to 0. Practical up to about a hundred variables; past that, or under a time limit,
// HiGHS returns its incumbent and `info.optimal` is false. One read: HiGHS returns one assignment.
import type { Qubo } from "../compile/qubo.js";
import { quboToLpText } from "./qubo-lp.js";
import { type SamplerContext, defineSampler } from "./sampler.js";

export interface HighsColumn {
  readonly Primal?: number;
}
export interface HighsResult {
  readonly Status: string;
  readonly ObjectiveValue: number;
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

interface MilpForm {
  readonly n: number;
  readonly lp: string;
  readonly offset: number;
}

export const milpSolver = defineSampler<MilpParameters, MilpForm>({
  name: "milp",
  family: "classical",
  summary: "exact reference: the linearised QUBO solved by HiGHS branch-and-cut (up to ~100 variables)",
  defaultReads: 1,
  parameters: {
    gap: { kind: "number", min: 0, max: 1, default: 0 },
  },
  encode: (qubo: Qubo) => ({ n: qubo.linear.length, lp: quboToLpText(qubo), offset: qubo.offset }),
  solve: solveMilp,
});

async function solveMilp(form: MilpForm, params: MilpParameters, context: SamplerContext): Promise<void> {
  const x = new Uint8Array(form.n);
  if (form.n === 0) {
    context.out.push(x);
    context.info.status = "Empty";
    context.info.optimal = true;
    return;
  }
  const highs = await loadHighs();
  const remainingMs = context.deadline.remainingMs();
  const options: Record<string, string | number | boolean> = {
    output_flag: false,
    mip_rel_gap: params.gap,
    mip_abs_gap: 0,
    random_seed: context.rng.int(2_147_483_647),
  };
  if (Number.isFinite(remainingMs)) options.time_limit = Math.max(remainingMs, 1) / 1000;
  if (context.targetEnergy > -Infinity) options.objective_target = context.targetEnergy - form.offset;
  const result = highs.solve(form.lp, options);
  let found = true;
  for (let i = 0; i < form.n; i++) {
    const primal = result.Columns[`x${i}`]?.Primal;
    if (primal === undefined) {
      found = false;
      break;
    }
    x[i] = primal > 0.5 ? 1 : 0;
  }
  if (!found) x.fill(0);
  context.out.push(x);
  context.info.status = result.Status;
  context.info.optimal = result.Status === "Optimal" && params.gap === 0;
  context.info.incumbentFound = found;
  if (result.Status === "Time limit reached") context.info.stoppedBy = "time-limit";
  if (result.Status === "Target for objective reached") context.info.stoppedBy = "target";
  if (!["Optimal", "Time limit reached", "Target for objective reached"].includes(result.Status)) {
    throw new Error(`internal: HiGHS ended with status '${result.Status}' on a QUBO linearisation`);
  }
}
