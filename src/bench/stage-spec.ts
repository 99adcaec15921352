// Stage suites: the ML pipeline stages (src/ml) run by the same harness as solver suites, so their
// comparisons get the same grid, worker pool, resume, tidy records, bootstrap CIs, verdicts, HTML
// report and replay. A spec with a `stage` names the stage and its options; its instances are the
// stage's inputs (data sets, Ising models, decision instances) and its "solvers" are the stage's
// methods. The suite's budget means the stage's own budget (budget.evaluations, QUBO objective
// evaluations, is refused: a stage does not pass it on; tuning's evaluations are its budget.reads):
//
//   stage               instances                                   methods            budget.reads       budget.timeMs
//   feature-selection   csv, make-classification                    FEATURE_SELECTORS  QUBO solver reads  QUBO solver limit
//   tuning              csv, make-classification                    fmqa, tpe, random  evaluations        —
//   sampling            sherrington-kirkpatrick, dsl, file, maxcut  metropolis, sa, …  samples            —
//   decision            decision, random-subset-decision,           milp, rule-greedy, solver reads       solver limit
//                       random-assignment                           any solver
import { FEATURE_SELECTORS } from "../ml/feature-selection-stage.js";
import { REDUNDANCY_MEASURES, type RedundancyMeasure } from "../ml/feature-scores.js";
import { BOLTZMANN_SAMPLERS } from "../ml/sampling-stage.js";
import { TUNING_METHODS } from "../ml/tuning-stage.js";
import "../solve/index.js"; // registers every sampler, so a decision solver's family is known
import { findSampler } from "../solve/registry.js";
import type { Budget, InstanceSpec, SolverSpec } from "./spec.js";
import { isObject, show, unknownKeys } from "./spec-fields.js";

export type StageSpec =
  | {
      readonly kind: "feature-selection";
      /** Features to select. */
      readonly k: number;
      /** Outer CV folds; default 5. */
      readonly folds?: number;
      readonly alpha?: number;
      readonly redundancy?: RedundancyMeasure;
    }
  | { readonly kind: "tuning"; readonly folds?: number; readonly nInitial?: number }
  | { readonly kind: "sampling"; readonly beta: number }
  | { readonly kind: "decision" };

export type StageKind = StageSpec["kind"];

/** Instance kinds that only stage suites read. */
export type StageInstanceSpec =
  | { readonly kind: "csv"; readonly name: string; readonly path: string; readonly target?: string }
  | {
      readonly kind: "make-classification";
      readonly name: string;
      readonly nSamples: number;
      readonly nFeatures: number;
      readonly nInformative: number;
      readonly nRedundant?: number;
      readonly nClasses?: number;
      readonly seed: number;
    }
  | { readonly kind: "decision"; readonly name: string; readonly path: string }
  | { readonly kind: "random-subset-decision"; readonly name: string; readonly items: number; readonly categories?: number; readonly conflicts?: number; readonly seed: number }
  | { readonly kind: "random-assignment"; readonly name: string; readonly items: number; readonly slots: number; readonly seed: number };

export const STAGE_INSTANCE_KINDS = ["csv", "make-classification", "decision", "random-subset-decision", "random-assignment"] as const;

const INSTANCE_KINDS_BY_STAGE: Readonly<Record<StageKind, readonly string[]>> = {
  "feature-selection": ["csv", "make-classification"],
  tuning: ["csv", "make-classification"],
  sampling: ["sherrington-kirkpatrick", "dsl", "file", "random-regular-maxcut"],
  decision: ["decision", "random-subset-decision", "random-assignment"],
};

type Report = (field: string, message: string) => void;

export function parseStage(value: unknown, issue: Report): StageSpec | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    issue("stage", "must be an object { kind, … }");
    return undefined;
  }
  const positiveInteger = (key: string, min: number): void => {
    const v = value[key];
    if (v !== undefined && (!Number.isSafeInteger(v) || (v as number) < min)) issue(`stage.${key}`, `must be an integer ≥ ${min}, got ${show(v)}`);
  };
  switch (value.kind) {
    case "feature-selection":
      unknownKeys(value, "stage", ["kind", "k", "folds", "alpha", "redundancy"], issue);
      if (value.k === undefined) issue("stage.k", "is required: the number of features to select");
      positiveInteger("k", 1);
      positiveInteger("folds", 2);
      if (value.alpha !== undefined && (typeof value.alpha !== "number" || !(value.alpha >= 0) || !Number.isFinite(value.alpha))) issue("stage.alpha", `must be a non-negative number, got ${show(value.alpha)}`);
      if (value.redundancy !== undefined && !REDUNDANCY_MEASURES.includes(value.redundancy as RedundancyMeasure)) issue("stage.redundancy", `must be one of ${REDUNDANCY_MEASURES.join(", ")}, got ${show(value.redundancy)}`);
      break;
    case "tuning":
      unknownKeys(value, "stage", ["kind", "folds", "nInitial"], issue);
      positiveInteger("folds", 2);
      positiveInteger("nInitial", 1);
      break;
    case "sampling":
      unknownKeys(value, "stage", ["kind", "beta"], issue);
      if (typeof value.beta !== "number" || !(value.beta >= 0) || !Number.isFinite(value.beta)) issue("stage.beta", `is required: a non-negative inverse temperature, got ${show(value.beta)}`);
      break;
    case "decision":
      unknownKeys(value, "stage", ["kind"], issue);
      break;
    default:
      issue("stage.kind", `must be one of feature-selection, tuning, sampling, decision, got ${show(value.kind)}`);
      return undefined;
  }
  return value as unknown as StageSpec;
}

/** Checks a stage-only instance kind's own fields. */
export function parseStageInstance(item: Record<string, unknown>, at: string, issue: Report): void {
  const integer = (key: string, min: number, required = true): void => {
    const v = item[key];
    if (v === undefined && !required) return;
    if (!Number.isSafeInteger(v) || (v as number) < min) issue(`${at}.${key}`, `must be an integer ≥ ${min}, got ${show(v)}`);
  };
  const path = (): void => {
    if (typeof item.path !== "string" || item.path === "") issue(`${at}.path`, "must be a file path");
  };
  switch (item.kind) {
    case "csv":
      unknownKeys(item, at, ["kind", "name", "path", "target"], issue);
      path();
      if (item.target !== undefined && (typeof item.target !== "string" || item.target === "")) issue(`${at}.target`, "must be a column name (or 'last')");
      break;
    case "make-classification":
      unknownKeys(item, at, ["kind", "name", "nSamples", "nFeatures", "nInformative", "nRedundant", "nClasses", "seed"], issue);
      integer("nSamples", 4);
      integer("nFeatures", 1);
      integer("nInformative", 1);
      integer("nRedundant", 0, false);
      integer("nClasses", 2, false);
      integer("seed", -Number.MAX_SAFE_INTEGER);
      break;
    case "decision":
      unknownKeys(item, at, ["kind", "name", "path"], issue);
      path();
      break;
    case "random-subset-decision":
      unknownKeys(item, at, ["kind", "name", "items", "categories", "conflicts", "seed"], issue);
      integer("items", 2);
      integer("categories", 1, false);
      integer("conflicts", 0, false);
      integer("seed", -Number.MAX_SAFE_INTEGER);
      break;
    case "random-assignment":
      unknownKeys(item, at, ["kind", "name", "items", "slots", "seed"], issue);
      integer("items", 1);
      integer("slots", 1);
      integer("seed", -Number.MAX_SAFE_INTEGER);
      if (Number.isSafeInteger(item.items) && Number.isSafeInteger(item.slots) && (item.items as number) < (item.slots as number)) issue(`${at}.items`, "must be at least slots");
      break;
    default:
      throw new Error(`internal: ${show(item.kind)} is not a stage instance kind`);
  }
}

/** Instance kinds, methods and budget that fit the stage; without a stage, no stage-only instance kind. */
export function checkStageFit(stage: StageSpec | undefined, instances: readonly InstanceSpec[], solvers: readonly SolverSpec[], budget: Budget | undefined, issue: Report): void {
  if (stage === undefined) {
    instances.forEach((instance, k) => {
      if ((STAGE_INSTANCE_KINDS as readonly string[]).includes(instance.kind)) issue(`instances[${k}].kind`, `'${instance.kind}' is a stage input: set "stage" (feature-selection, tuning, sampling or decision)`);
    });
    return;
  }
  const kinds = INSTANCE_KINDS_BY_STAGE[stage.kind];
  instances.forEach((instance, k) => {
    if (!kinds.includes(instance.kind)) issue(`instances[${k}].kind`, `a ${stage.kind} suite reads ${kinds.join(", ")}, got '${instance.kind}'`);
  });
  const methods = stageMethods(stage.kind);
  solvers.forEach((solver, k) => {
    if (methods !== undefined && !methods.includes(solver.solver)) issue(`solvers[${k}].solver`, `a ${stage.kind} suite runs ${methods.join(", ")}, got '${solver.solver}'`);
  });
  // A stage's own evaluations (tuning's cross-validated fits) are its budget.reads; budget.evaluations
  // means QUBO objective evaluations, which the stages do not pass on to their solvers.
  const ownBudgets = [{ at: "budget", budget }, ...solvers.map((solver, k) => ({ at: `solvers[${k}].budget`, budget: solver.budget }))];
  for (const { at, budget: own } of ownBudgets) {
    if (own?.evaluations === undefined) continue;
    const instead = stage.kind === "tuning" ? "a tuning run's evaluations (cross-validated fits) are budget.reads" : "bound the runs by reads or timeMs";
    issue(`${at}.evaluations`, `objective evaluations are not a budget of stage suites; ${instead}`);
  }
  if ((stage.kind === "tuning" || stage.kind === "sampling") && budget?.reads === undefined) {
    issue("budget.reads", stage.kind === "tuning" ? "is required: evaluations per tuning run" : "is required: samples per sampler run");
  }
  if ((stage.kind === "tuning" || stage.kind === "sampling") && budget?.timeMs !== undefined) {
    issue("budget.timeMs", `is not used by the ${stage.kind} stage; bound the runs by reads (and runTimeoutMs)`);
  }
}

/** The methods a stage runs, or undefined for the decision stage (any registered solver). */
export function stageMethods(kind: StageKind): readonly string[] | undefined {
  switch (kind) {
    case "feature-selection":
      return FEATURE_SELECTORS;
    case "tuning":
      return TUNING_METHODS;
    case "sampling":
      return BOLTZMANN_SAMPLERS;
    case "decision":
      return undefined;
  }
}

/** The family a stage method belongs to (what the verdicts compare a quantum method against). */
export function stageMode(kind: StageKind, solver: Pick<SolverSpec, "solver" | "parameters">): "classical" | "quantum-inspired" | "quantum" {
  switch (kind) {
    case "feature-selection":
      return solver.solver === "qubo-qaoa" ? "quantum" : "classical";
    case "tuning":
      return solver.solver === "fmqa" && solver.parameters.solver === "qaoa" ? "quantum" : "classical";
    case "sampling":
      return solver.solver === "qaoa" ? "quantum" : "classical";
    case "decision":
      return solver.solver === "rule-greedy" ? "classical" : (findSampler(solver.solver)?.family ?? "quantum");
  }
}
