// One run of a stage suite: one stage method on one input with one seed, turned into the same tidy
// RunRecord a solver run gives, so summaries, CIs, verdicts, reports and replay work unchanged.
// What the record's generic fields mean per stage:
//
//   stage               bestObjective (sense)        nReads        encodeMs               solveMs     decodeMs
//   feature-selection   CV ROC AUC (max)             solver reads  scoring + encoding     solving     evaluating
//   tuning              best CV score (max)          evaluations   surrogate encoding     proposing   evaluating
//   sampling            total variation to exact (min) samples     —                      sampling    —
//   decision            value of the decision (max)  solver reads  compile               solving     —
//
// A decision run rescued by the greedy fallback has bestObjective null (it found nothing itself:
// the summaries count it as a miss) and says why in fallbackReason; its greedy value is in stageMetrics.
import { FEATURE_SELECTORS, type FeatureSelectorName, runFeatureSelection } from "../ml/feature-selection-stage.js";
import { LOGISTIC_SEARCH_SPACE, logisticTuningObjective } from "../ml/logistic-tuning-problem.js";
import { runDecision } from "../ml/decision-stage.js";
import { type BoltzmannSamplerName, runSampling } from "../ml/sampling-stage.js";
import type { QuboSolverName } from "../ml/select-qubo.js";
import { type TuningMethod, runTuning } from "../ml/tuning-stage.js";
import type { JsonObject } from "../solve/json.js";
import { type RunTask, baseRecord, messageOf } from "./execute-run.js";
import type { LoadedStageInstance } from "./load-stage-instance.js";
import type { RunRecord } from "./run-record.js";
import { type SuiteSpec, budgetOf } from "./spec.js";

export async function executeStageRun(spec: SuiteSpec, task: RunTask, load: (index: number) => Promise<LoadedStageInstance>): Promise<RunRecord> {
  const solver = spec.solvers[task.solver];
  const instanceSpec = spec.instances[task.instance];
  const stage = spec.stage;
  if (solver === undefined || instanceSpec === undefined || stage === undefined) throw new Error(`internal: task ${JSON.stringify(task)} is outside the stage grid`);
  const base = baseRecord(spec, solver, instanceSpec.name, task.seed);
  let input: LoadedStageInstance;
  try {
    input = await load(task.instance);
  } catch (error) {
    return { ...base, status: "failed", error: `loading the instance: ${messageOf(error)}` };
  }
  const budget = budgetOf(spec, solver);
  const known = { loadMs: input.loadMs, inputHash: input.inputHash };
  try {
    switch (stage.kind) {
      case "feature-selection": {
        if (input.kind !== "dataset") throw new Error("internal: feature selection needs a data set");
        const method = solver.solver as FeatureSelectorName;
        if (!FEATURE_SELECTORS.includes(method)) throw new RangeError(`unknown feature-selection method '${method}'`);
        const qubo = method.startsWith("qubo-") ? (method.slice(5) as QuboSolverName) : undefined;
        const [r] = await runFeatureSelection(input.dataset, {
          k: stage.k,
          methods: [method],
          folds: stage.folds,
          seed: task.seed,
          alpha: stage.alpha,
          redundancy: stage.redundancy,
          informative: input.informative,
          reads: budget.reads,
          timeLimitMs: budget.timeMs,
          solverParameters: qubo === undefined ? undefined : { [qubo]: solver.parameters },
        });
        const fallbackReason = r.fallbacks.length === 0 ? null : r.fallbacks.join("; ");
        return {
          ...base,
          ...known,
          status: "ok",
          sense: "max",
          bestObjective: r.auc,
          bestBits: r.selectedPerFold.map((names) => names.join(",")).join(" | "),
          nReads: qubo === undefined ? null : (budget.reads ?? null),
          nVariables: r.nFeatures,
          encodeMs: r.scoringMs + r.encodingMs,
          solveMs: r.solvingMs,
          decodeMs: r.evaluatingMs,
          modeUsed: base.mode,
          solverUsed: method,
          fallbackReason,
          // A QUBO solver cut short by the wall clock depends on machine speed.
          deterministic: qubo === undefined || budget.timeMs === undefined,
          stageMetrics: { k: r.k, folds: r.folds, accuracy: r.accuracy, aucPerFold: [...r.aucPerFold], accuracyPerFold: [...r.accuracyPerFold], stability: r.stability, recovery: r.recovery, selectedPerFold: r.selectedPerFold.map((f) => [...f]) },
        };
      }
      case "tuning": {
        if (input.kind !== "dataset") throw new Error("internal: tuning needs a data set");
        const fmqaSolver = solver.parameters.solver as QuboSolverName | undefined;
        const { runs, points } = await runTuning(LOGISTIC_SEARCH_SPACE, logisticTuningObjective(input.dataset, stage.folds ?? 5), {
          budget: budget.reads!,
          nInitial: stage.nInitial,
          seeds: [task.seed],
          methods: [solver.solver as TuningMethod],
          solver: fmqaSolver,
        });
        const run = runs[0]!;
        return {
          ...base,
          ...known,
          status: "ok",
          sense: "max",
          bestObjective: run.bestScore,
          bestBits: JSON.stringify(run.bestConfiguration),
          nReads: run.budget,
          nVariables: LOGISTIC_SEARCH_SPACE.reduce((total, p) => total + p.choices.length, 0),
          encodeMs: run.encodingMs,
          solveMs: run.proposeMs,
          decodeMs: run.evaluateMs,
          modeUsed: base.mode,
          solverUsed: solver.solver,
          fallbackReason: run.fallbacks.length === 0 ? null : run.fallbacks.join("; "),
          stageMetrics: { bestConfiguration: run.bestConfiguration as JsonObject, repeatsReplaced: run.repeatsReplaced, bestSoFar: points.map((p) => p.bestSoFar) },
        };
      }
      case "sampling": {
        if (input.kind !== "qubo") throw new Error("internal: sampling needs a QUBO");
        const [r] = await runSampling(input.instance.model.qubo, { beta: stage.beta, nSamples: [budget.reads!], methods: [solver.solver as BoltzmannSamplerName], seed: task.seed });
        return {
          ...base,
          ...known,
          status: "ok",
          sense: "min",
          bestObjective: r.totalVariation,
          nReads: r.nSamples,
          nVariables: r.nVariables,
          solveMs: r.timeMs,
          modeUsed: base.mode,
          solverUsed: solver.solver,
          fallbackReason: r.fallback,
          stageMetrics: { beta: r.beta, kl: r.kl, modeCoverage: r.modeCoverage, effectiveSampleSize: r.effectiveSampleSize },
        };
      }
      case "decision": {
        if (input.kind !== "decision") throw new Error("internal: the decision stage needs a decision instance");
        const [r] = await runDecision(input.problem, { solvers: [solver.solver], seed: task.seed, reads: budget.reads, timeLimitMs: budget.timeMs, parameters: { [solver.solver]: solver.parameters } });
        const own = !r.usedGreedy;
        const objective = own ? r.value : null;
        const best = input.optimum;
        const gap = objective === null || best === null || best === 0 ? null : (best - objective) / Math.abs(best);
        const success = best === null ? null : objective !== null && (gap === null ? objective === best : gap <= spec.successTolerance);
        return {
          ...base,
          ...known,
          status: "ok",
          sense: "max",
          bestObjective: objective,
          bestBits: own ? r.chosen.join(",") : null,
          feasibleFraction: own ? 1 : 0,
          nReads: budget.reads ?? null,
          bestKnown: best,
          gap,
          approximationRatio: objective === null || best === null || best === 0 ? null : objective / best,
          success,
          timeToTargetMs: success === true ? r.timeMs : null,
          nVariables: r.nBits,
          encodeMs: r.encodingMs,
          solveMs: r.timeMs,
          modeUsed: base.mode,
          solverUsed: solver.solver,
          fallbackReason: r.fallback,
          stoppedBy: r.stoppedBy,
          deterministic: r.stoppedBy !== "time-limit",
          stageMetrics: { decision: [...r.chosen], value: r.value, usedGreedy: r.usedGreedy },
        };
      }
    }
  } catch (error) {
    return { ...base, ...known, status: "failed", error: messageOf(error) };
  }
}
