// The QAOA variational loop: build the layout and the energies once, pick starting angles, and
// minimise the aggregated energy with one of the optimisers. With INTERP the depth grows
// 1, 2, …, p, each stage starting from the interpolation of the previous optimum, and the
// evaluation budget is shared between stages in proportion to their angle counts.
//
//   qubo ─▶ Ising ─▶ layout(p) ─┐
//        └▶ energies (2ⁿ, once) ┴▶ QaoaEvaluator ─▶ minimise(F, θ₀) ─▶ θ*, trace ─▶ ψ(θ*)
import { type QaoaAnsatzOptions, type QaoaLayout, qaoaLayout } from "../../compile/ansatz/qaoa-layout.js";
import { quboToIsing } from "../../compile/ising.js";
import type { Qubo } from "../../compile/qubo.js";
import { prepareDiagonalCost } from "../../sim/cost-layer.js";
import { quboEnergies } from "../../sim/energies.js";
import type { Rng } from "../../util/rng.js";
import type { Deadline } from "../deadline.js";
import { minimize, type OptimizerName, usesGradient } from "../optimize/minimize.js";
import type { OptimizeResult } from "../optimize/objective.js";
import type { Aggregation } from "./aggregate.js";
import { withDeadline } from "./deadline-objective.js";
import { interpolateAngles, linearRamp, type QaoaInitialisation, randomAngles } from "./initialise.js";
import { QaoaEvaluator } from "./qaoa-evaluator.js";

export interface QaoaLoopOptions extends QaoaAnsatzOptions {
  readonly initialisation?: QaoaInitialisation;
  readonly optimizer?: OptimizerName;
  readonly maxEvaluations?: number;
  readonly tolerance?: number;
  readonly aggregation?: Aggregation;
  /** Δt of the linear ramp (default 0.75). */
  readonly rampTime?: number;
  readonly rng: Rng;
  readonly deadline?: Deadline;
}

export interface QaoaStage {
  readonly p: number;
  readonly value: number;
  readonly nEvaluations: number;
  readonly stoppedBy: string;
}

export interface QaoaLoopResult {
  readonly layout: QaoaLayout;
  readonly evaluator: QaoaEvaluator;
  /** The best angles found at the final depth. */
  readonly angles: Float64Array;
  /** The minimised value (mean energy or CVaR) at those angles. */
  readonly value: number;
  readonly nEvaluations: number;
  readonly timedOut: boolean;
  readonly stages: readonly QaoaStage[];
  /** Best value after each optimiser iteration, over all stages: [evaluation, best]. */
  readonly trace: readonly (readonly [number, number])[];
}

/** Energies of all basis states, computed once and shared by every depth of one problem. */
export function qaoaEnergies(qubo: Qubo): Float64Array {
  return quboEnergies(qubo);
}

export function runQaoa(qubo: Qubo, options: QaoaLoopOptions, energies: Float64Array = qaoaEnergies(qubo)): QaoaLoopResult {
  const ising = quboToIsing(qubo);
  const initialisation = options.initialisation ?? "interp";
  const optimizer = options.optimizer ?? "lbfgs";
  const maxEvaluations = options.maxEvaluations ?? 500;
  if (!Number.isSafeInteger(maxEvaluations) || maxEvaluations < 1) throw new RangeError(`maxEvaluations must be a positive integer, got ${maxEvaluations}`);
  const finalLayout = qaoaLayout(ising, options);
  // INTERP grows the depth one stage at a time; a budget smaller than the stages starts deeper (from
  // the ramp), so that every stage gets at least one evaluation and the total stays within budget.
  const firstDepth = initialisation === "interp" ? Math.max(1, finalLayout.p - maxEvaluations + 1) : finalLayout.p;
  const depths = Array.from({ length: finalLayout.p - firstDepth + 1 }, (_, k) => firstDepth + k);
  const totalAngles = depths.reduce((sum, p) => sum + p, 0);
  const stages: QaoaStage[] = [];
  const trace: [number, number][] = [];
  let spent = 0;
  let timedOut = false;
  let angles: Float64Array | undefined;
  let evaluator: QaoaEvaluator | undefined;
  let result: OptimizeResult | undefined;
  const cost = prepareDiagonalCost(energies); // once for every depth
  for (const p of depths) {
    const layout = p === finalLayout.p ? finalLayout : qaoaLayout(ising, { ...options, p });
    evaluator = new QaoaEvaluator(layout, energies, { cost, ...(options.aggregation === undefined ? {} : { aggregation: options.aggregation }) });
    const start =
      angles !== undefined
        ? interpolateAngles(angles, layout.gammasPerLayer + layout.betasPerLayer)
        : initialisation === "random"
          ? randomAngles(layout, options.rng.fork("init"))
          : linearRamp(layout, options.rampTime ?? 0.75);
    const isLast = p === finalLayout.p;
    const stagesAfter = finalLayout.p - p;
    const share = isLast ? maxEvaluations - spent : Math.floor((maxEvaluations * p) / totalAngles);
    const budget = Math.max(1, Math.min(share, maxEvaluations - spent - stagesAfter));
    const objective = options.deadline === undefined ? evaluator : withDeadline(evaluator, options.deadline);
    if (usesGradient(optimizer) && objective.valueAndGradient === undefined) throw new Error("internal: QAOA evaluator lost its gradient");
    result = minimize(optimizer, objective, start, {
      maxEvaluations: budget,
      rng: options.rng.fork(`optimizer/p${p}`),
      ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
      initialStep: 0.1,
    });
    for (const point of result.trace) trace.push([spent + point.evaluation, point.best]);
    spent += result.nEvaluations;
    stages.push({ p, value: result.value, nEvaluations: result.nEvaluations, stoppedBy: result.stoppedBy });
    angles = result.x;
    if ("timedOut" in objective && objective.timedOut) {
      timedOut = true;
      break;
    }
  }
  if (evaluator === undefined || result === undefined || angles === undefined) throw new Error("internal: QAOA loop ran no stage");
  // Stopped early by the clock with INTERP: the deepest stage reached is the answer.
  return { layout: evaluator.layout, evaluator, angles, value: result.value, nEvaluations: spent, timedOut, stages, trace };
}
