// The suite spec: instances × solvers × seeds under one budget. A spec is plain JSON (or the same
// object built in TypeScript); `parseSuiteSpec` checks every field and reports every problem at
// once, each naming the field by its path (`solvers[2].budget.timeMs`), before anything runs.
//
// Equal budgets are the point of the harness: every solver runs under the suite's `budget`. A solver
// entry may carry its own `budget` only when it equals the suite's, or when the spec sets
// `allowUnequalBudget: true` — and then the records and the report say so. A budget of objective
// evaluations binds only solvers that count them: one that does not (milp) is refused under it
// unless unequal budgets are allowed, and then it runs outside the budget, marked like an unequal one.
//
// A spec with a `stage` runs an ML pipeline stage instead of QUBO solvers (stage-spec.ts).
import { findSampler } from "../solve/registry.js";
import { type StageInstanceSpec, type StageSpec, STAGE_INSTANCE_KINDS, checkStageFit, parseStage, parseStageInstance, stageMode } from "./stage-spec.js";
import { isObject, show, unknownKeys } from "./spec-fields.js";

/** The resources each run may spend: wall time of the solve phase, reads (restarts, shots) and/or objective evaluations. */
export interface Budget {
  /** Wall-clock limit of the solve phase in ms. */
  readonly timeMs?: number;
  /** Independent reads (restarts for classical solvers, measured shots for quantum ones). */
  readonly reads?: number;
  /**
   * Objective evaluations (the objective, or its exact change, computed for one candidate
   * assignment; a quantum solver's shots count one each): the sampler's `evaluationBudget`.
   */
  readonly evaluations?: number;
}

export const BUDGET_KEYS = ["timeMs", "reads", "evaluations"] as const;

/** Where the best-known objective of an instance comes from (for gaps, ratios and success). */
export type BestKnownSpec = number | "exact" | { readonly file: string; readonly key: string };

export type InstanceSpec =
  | {
      readonly kind: "file";
      readonly name: string;
      /** A qbsolv .qubo, rudy/Gset graph or OR-Library bqp file, relative to the spec file. */
      readonly path: string;
      readonly format?: "qubo" | "beasley" | "rudy";
      /** Beasley only: 1-based instance in the file. */
      readonly instance?: number;
      readonly sense?: "min" | "max";
      readonly bestKnown?: BestKnownSpec;
    }
  | {
      readonly kind: "dsl";
      readonly name: string;
      /** A .qp source file, relative to the spec file. */
      readonly source: string;
      /** A JSON data file for its params, relative to the spec file. */
      readonly data?: string;
      readonly problem?: string;
      readonly bestKnown?: BestKnownSpec;
    }
  | {
      readonly kind: "random-regular-maxcut";
      readonly name: string;
      readonly nodes: number;
      readonly degree: number;
      /** Seed of the graph (independent of the run seeds). */
      readonly seed: number;
      readonly bestKnown?: BestKnownSpec;
    }
  | {
      /** A Sherrington–Kirkpatrick spin glass (couplings ±1/√n) as a QUBO. */
      readonly kind: "sherrington-kirkpatrick";
      readonly name: string;
      readonly nodes: number;
      readonly seed: number;
      readonly bestKnown?: BestKnownSpec;
    }
  | StageInstanceSpec;

export interface SolverSpec {
  /** Label in records and reports (default: the solver name); unique within the suite. */
  readonly label: string;
  /** A registered sampler (tabu, sa, qaoa, …). */
  readonly solver: string;
  readonly mode?: "classical" | "quantum-inspired" | "quantum";
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly budget?: Budget;
}

export interface SuiteSpec {
  readonly name: string;
  readonly description?: string;
  /** Set for a stage suite: the ML stage whose methods are compared (absent: QUBO solvers). */
  readonly stage?: StageSpec;
  readonly instances: readonly InstanceSpec[];
  readonly solvers: readonly SolverSpec[];
  readonly seeds: readonly number[];
  readonly budget: Budget;
  readonly allowUnequalBudget: boolean;
  /** A run that has not finished after this long is stopped and recorded as a timeout. */
  readonly runTimeoutMs: number;
  /** Relative tolerance for "reached the best known" (success probability, time to target). */
  readonly successTolerance: number;
  /** Seed of the bootstrap resampling in the summaries. */
  readonly statisticsSeed: number;
}

/** One problem with a spec field, named by its path. */
export interface SpecIssue {
  readonly field: string;
  readonly message: string;
}

export class SuiteSpecError extends Error {
  override readonly name = "SuiteSpecError";
  constructor(readonly issues: readonly SpecIssue[]) {
    super(`invalid suite spec:\n${issues.map((issue) => `  ${issue.field}: ${issue.message}`).join("\n")}`);
  }
}

const BUDGET_PARAMETERS = ["reads", "timeLimitMs", "evaluationBudget", "seed", "rng", "targetEnergy"];
const MODES = ["classical", "quantum-inspired", "quantum"];
const FORMATS = ["qubo", "beasley", "rudy"];

/** Checks `value` as a suite spec; throws SuiteSpecError listing every issue with its field path. */
export function parseSuiteSpec(value: unknown): SuiteSpec {
  const issues: SpecIssue[] = [];
  const issue = (field: string, message: string): void => void issues.push({ field, message });
  if (!isObject(value)) throw new SuiteSpecError([{ field: "(root)", message: "must be a JSON object" }]);
  unknownKeys(value, "", ["name", "description", "instances", "solvers", "seeds", "budget", "allowUnequalBudget", "runTimeoutMs", "successTolerance", "statisticsSeed", "stage", "$schema"], issue);

  const name = value.name;
  if (typeof name !== "string" || !/^[A-Za-z0-9._-]+$/.test(name)) issue("name", "must be a non-empty string of letters, digits, '.', '_' or '-'");
  if (value.description !== undefined && typeof value.description !== "string") issue("description", "must be a string");
  const budget = parseBudget(value.budget, "budget", issue, true);
  const allowUnequalBudget = value.allowUnequalBudget ?? false;
  if (typeof allowUnequalBudget !== "boolean") issue("allowUnequalBudget", "must be true or false");

  const seeds = value.seeds;
  if (!Array.isArray(seeds) || seeds.length === 0) issue("seeds", "must be a non-empty array of integers");
  else {
    seeds.forEach((seed, k) => {
      if (!Number.isSafeInteger(seed)) issue(`seeds[${k}]`, `must be an integer, got ${show(seed)}`);
    });
    if (new Set(seeds).size !== seeds.length) issue("seeds", "must not repeat a seed");
  }

  const instances = parseList(value.instances, "instances", issue, (item, at) => parseInstance(item, at, issue));
  const solvers = parseList(value.solvers, "solvers", issue, (item, at) => parseSolver(item, at, issue));
  checkUnique(instances.map((i) => i.name), "instances", "name", issue);
  checkUnique(solvers.map((s) => s.label), "solvers", "label", issue);
  const stage = parseStage(value.stage, issue);
  checkStageFit(stage, instances, solvers, budget, issue);

  if (budget !== undefined && allowUnequalBudget === false) {
    solvers.forEach((solver, k) => {
      const own = solver.budget;
      if (own === undefined) return;
      for (const key of BUDGET_KEYS) {
        if (own[key] === budget[key]) continue;
        const relation = (own[key] ?? Infinity) > (budget[key] ?? Infinity) ? "a bigger" : "a different";
        issue(`solvers[${k}].budget.${key}`, `gives ${solver.label} ${relation} budget (${show(own[key])}) than the suite's (${show(budget[key])}); budgets must be equal unless the spec sets allowUnequalBudget: true`);
      }
    });
  }

  if (stage === undefined && allowUnequalBudget === false) checkEvaluationCounting(solvers, budget, issue);

  const runTimeoutMs = value.runTimeoutMs ?? defaultRunTimeout(budget);
  if (typeof runTimeoutMs !== "number" || !(runTimeoutMs > 0) || !Number.isFinite(runTimeoutMs)) issue("runTimeoutMs", `must be a positive number of ms, got ${show(runTimeoutMs)}`);
  const successTolerance = value.successTolerance ?? 1e-9;
  if (typeof successTolerance !== "number" || !(successTolerance >= 0 && successTolerance < 1)) issue("successTolerance", `must be a number in [0, 1), got ${show(successTolerance)}`);
  const statisticsSeed = value.statisticsSeed ?? 0;
  if (!Number.isSafeInteger(statisticsSeed)) issue("statisticsSeed", `must be an integer, got ${show(statisticsSeed)}`);

  if (issues.length > 0) throw new SuiteSpecError(issues);
  return {
    name: name as string,
    ...(value.description === undefined ? {} : { description: value.description as string }),
    ...(stage === undefined ? {} : { stage }),
    instances,
    // A stage method's family is the stage's to say (mrmr is not a registered sampler).
    solvers: stage === undefined ? solvers : solvers.map((solver) => (solver.mode === undefined ? { ...solver, mode: stageMode(stage.kind, solver) } : solver)),
    seeds: seeds as number[],
    budget: budget as Budget,
    allowUnequalBudget: allowUnequalBudget as boolean,
    runTimeoutMs: runTimeoutMs as number,
    successTolerance: successTolerance as number,
    statisticsSeed: statisticsSeed as number,
  };
}

/** The budget a solver runs under: its own (only allowed when unequal budgets are) or the suite's. */
export function budgetOf(spec: SuiteSpec, solver: SolverSpec): Budget {
  return solver.budget ?? spec.budget;
}

/** Whether a solver can be held to a budget of objective evaluations (unknown names are reported elsewhere). */
export function countsEvaluations(solver: Pick<SolverSpec, "solver">): boolean {
  return findSampler(solver.solver)?.countsEvaluations ?? true;
}

/**
 * Whether a solver runs outside its budget: an evaluation budget it cannot count (a solver that does
 * not count evaluations runs only under `allowUnequalBudget`, bound by the rest of the budget).
 */
export function outsideEvaluationBudget(spec: SuiteSpec, solver: SolverSpec): boolean {
  return spec.stage === undefined && budgetOf(spec, solver).evaluations !== undefined && !countsEvaluations(solver);
}

function checkEvaluationCounting(solvers: readonly SolverSpec[], budget: Budget | undefined, issue: Report): void {
  solvers.forEach((solver, k) => {
    const evaluations = (solver.budget ?? budget)?.evaluations;
    if (evaluations === undefined || countsEvaluations(solver)) return;
    issue(
      `solvers[${k}]`,
      `${solver.label} (${solver.solver}) does not count objective evaluations, so it cannot be held to the budget of ${evaluations} evaluations; ` +
        "remove it, or set allowUnequalBudget: true to run it outside that budget (its records and the report then say so)",
    );
  });
}

function defaultRunTimeout(budget: Budget | undefined): number {
  return budget?.timeMs === undefined ? 120_000 : 3 * budget.timeMs + 10_000;
}

type Report = (field: string, message: string) => void;

function parseBudget(value: unknown, at: string, issue: Report, required: boolean): Budget | undefined {
  if (value === undefined) {
    if (required) issue(at, "is required: { timeMs?, reads?, evaluations? } with at least one of them");
    return undefined;
  }
  if (!isObject(value)) {
    issue(at, "must be an object { timeMs?, reads?, evaluations? }");
    return undefined;
  }
  unknownKeys(value, at, BUDGET_KEYS, issue);
  const { timeMs, reads, evaluations } = value;
  if (timeMs === undefined && reads === undefined && evaluations === undefined) issue(at, "must set at least one of timeMs, reads and evaluations");
  if (timeMs !== undefined && (typeof timeMs !== "number" || !(timeMs > 0) || !Number.isFinite(timeMs))) issue(`${at}.timeMs`, `must be a positive number of ms, got ${show(timeMs)}`);
  if (reads !== undefined && (!Number.isSafeInteger(reads) || (reads as number) < 1)) issue(`${at}.reads`, `must be a positive integer, got ${show(reads)}`);
  if (evaluations !== undefined && (!Number.isSafeInteger(evaluations) || (evaluations as number) < 1)) issue(`${at}.evaluations`, `must be a positive integer (objective evaluations), got ${show(evaluations)}`);
  return {
    ...(timeMs === undefined ? {} : { timeMs: timeMs as number }),
    ...(reads === undefined ? {} : { reads: reads as number }),
    ...(evaluations === undefined ? {} : { evaluations: evaluations as number }),
  };
}

function parseInstance(item: Record<string, unknown>, at: string, issue: Report): InstanceSpec {
  const kind = item.kind;
  if (typeof item.name !== "string" || item.name === "") issue(`${at}.name`, "must be a non-empty string");
  if (item.bestKnown !== undefined) checkBestKnown(item.bestKnown, `${at}.bestKnown`, issue);
  switch (kind) {
    case "file":
      unknownKeys(item, at, ["kind", "name", "path", "format", "instance", "sense", "bestKnown"], issue);
      if (typeof item.path !== "string" || item.path === "") issue(`${at}.path`, "must be a file path");
      if (item.format !== undefined && !FORMATS.includes(item.format as string)) issue(`${at}.format`, `must be one of ${FORMATS.join(", ")}, got ${show(item.format)}`);
      if (item.instance !== undefined && (!Number.isSafeInteger(item.instance) || (item.instance as number) < 1)) issue(`${at}.instance`, `must be a 1-based integer, got ${show(item.instance)}`);
      if (item.sense !== undefined && item.sense !== "min" && item.sense !== "max") issue(`${at}.sense`, `must be 'min' or 'max', got ${show(item.sense)}`);
      break;
    case "dsl":
      unknownKeys(item, at, ["kind", "name", "source", "data", "problem", "bestKnown"], issue);
      if (typeof item.source !== "string" || item.source === "") issue(`${at}.source`, "must be a .qp file path");
      if (item.data !== undefined && typeof item.data !== "string") issue(`${at}.data`, "must be a JSON file path");
      if (item.problem !== undefined && typeof item.problem !== "string") issue(`${at}.problem`, "must be a problem name");
      break;
    case "random-regular-maxcut":
      unknownKeys(item, at, ["kind", "name", "nodes", "degree", "seed", "bestKnown"], issue);
      if (!Number.isSafeInteger(item.nodes) || (item.nodes as number) < 2) issue(`${at}.nodes`, `must be an integer ≥ 2, got ${show(item.nodes)}`);
      if (!Number.isSafeInteger(item.degree) || (item.degree as number) < 1) issue(`${at}.degree`, `must be a positive integer, got ${show(item.degree)}`);
      else if (Number.isSafeInteger(item.nodes) && ((item.nodes as number) * (item.degree as number)) % 2 !== 0) issue(`${at}.degree`, "nodes × degree must be even for a regular graph");
      else if (Number.isSafeInteger(item.nodes) && (item.degree as number) >= (item.nodes as number)) issue(`${at}.degree`, "must be less than nodes");
      if (!Number.isSafeInteger(item.seed)) issue(`${at}.seed`, `must be an integer, got ${show(item.seed)}`);
      break;
    case "sherrington-kirkpatrick":
      unknownKeys(item, at, ["kind", "name", "nodes", "seed", "bestKnown"], issue);
      if (!Number.isSafeInteger(item.nodes) || (item.nodes as number) < 2) issue(`${at}.nodes`, `must be an integer ≥ 2, got ${show(item.nodes)}`);
      if (!Number.isSafeInteger(item.seed)) issue(`${at}.seed`, `must be an integer, got ${show(item.seed)}`);
      break;
    default:
      if ((STAGE_INSTANCE_KINDS as readonly unknown[]).includes(kind)) {
        if (item.bestKnown !== undefined) issue(`${at}.bestKnown`, "is not used by stage inputs");
        parseStageInstance(item, at, issue);
        break;
      }
      issue(`${at}.kind`, `must be 'file', 'dsl', 'random-regular-maxcut', 'sherrington-kirkpatrick' or a stage input (${STAGE_INSTANCE_KINDS.join(", ")}), got ${show(kind)}`);
  }
  return item as unknown as InstanceSpec;
}

function checkBestKnown(value: unknown, at: string, issue: Report): void {
  if (typeof value === "number" && Number.isFinite(value)) return;
  if (value === "exact") return;
  if (isObject(value) && typeof value.file === "string" && typeof value.key === "string") return;
  issue(at, `must be a number, "exact" or { file, key }, got ${show(value)}`);
}

function parseSolver(item: Record<string, unknown>, at: string, issue: Report): SolverSpec {
  unknownKeys(item, at, ["label", "solver", "mode", "parameters", "budget"], issue);
  if (typeof item.solver !== "string" || item.solver === "") issue(`${at}.solver`, "must be a solver name (tabu, sa, qaoa, …)");
  if (item.label !== undefined && (typeof item.label !== "string" || item.label === "")) issue(`${at}.label`, "must be a non-empty string");
  if (item.mode !== undefined && !MODES.includes(item.mode as string)) issue(`${at}.mode`, `must be one of ${MODES.join(", ")}, got ${show(item.mode)}`);
  const parameters = item.parameters ?? {};
  if (!isObject(parameters)) issue(`${at}.parameters`, "must be an object of the solver's own parameters");
  else {
    for (const key of BUDGET_PARAMETERS) {
      if (key in parameters) issue(`${at}.parameters.${key}`, "is set by the suite (budget, seeds, targets), not per solver");
    }
  }
  const budget = item.budget === undefined ? undefined : parseBudget(item.budget, `${at}.budget`, issue, false);
  return {
    label: (item.label ?? item.solver) as string,
    solver: item.solver as string,
    ...(item.mode === undefined ? {} : { mode: item.mode as SolverSpec["mode"] }),
    parameters: isObject(parameters) ? parameters : {},
    ...(budget === undefined ? {} : { budget }),
  };
}

function parseList<T>(value: unknown, at: string, issue: Report, parse: (item: Record<string, unknown>, at: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    issue(at, "must be a non-empty array");
    return [];
  }
  const parsed: T[] = [];
  value.forEach((item, k) => {
    if (!isObject(item)) issue(`${at}[${k}]`, "must be an object");
    else parsed.push(parse(item, `${at}[${k}]`));
  });
  return parsed;
}

function checkUnique(names: readonly string[], at: string, key: string, issue: Report): void {
  const seen = new Set<string>();
  names.forEach((name, k) => {
    if (typeof name === "string" && seen.has(name)) issue(`${at}[${k}].${key}`, `repeats '${name}'; each must be unique`);
    seen.add(name);
  });
}
