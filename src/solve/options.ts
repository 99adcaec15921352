// Option checking shared by every sampler: each sampler declares its parameters once (kind, range,
// default) and gets uniform validation with messages that say what must be what. Unknown option
// names are rejected so that a typo (`sweep` for `sweeps`) never silently runs the defaults.
import type { Rng, Seed } from "../util/rng.js";
import type { JsonObject, JsonValue } from "./json.js";

/** Options every sampler understands. */
export interface CommonOptions {
  /** Seed of the run (default 0); ignored when `rng` is given. */
  readonly seed?: Seed;
  /** The random stream to draw from (recorded by its seed in the manifest). */
  readonly rng?: Rng;
  /**
   * Independent reads (restarts); each contributes one sample. `Infinity` (with a finite time limit
   * or an evaluation budget) restarts until the budget is spent, for samplers whose reads are restarts.
   */
  readonly reads?: number;
  /** Wall-clock budget for the solve phase; solvers stop early and say so in `info.stoppedBy`. */
  readonly timeLimitMs?: number;
  /** Stop as soon as a read reaches an energy ≤ this (for time-to-target runs); `info.stoppedBy = "target"`. */
  readonly targetEnergy?: number;
  /**
   * Most objective evaluations the run may spend (docs/solvers.md, "Evaluation budget"); undefined
   * = unlimited. Solvers whose length the user did not set size themselves from it.
   */
  readonly evaluationBudget?: number;
}

export const COMMON_OPTION_NAMES: readonly string[] = ["seed", "rng", "reads", "timeLimitMs", "targetEnergy", "evaluationBudget"];

export interface CheckedCommonOptions {
  /** Infinity: restart until the time limit or the evaluation budget is spent. */
  readonly reads: number;
  readonly timeLimitMs: number | undefined;
  readonly targetEnergy: number | undefined;
  readonly evaluationBudget: number | undefined;
}

export type ParameterSpec =
  | { readonly kind: "integer"; readonly min: number; readonly max?: number; readonly default: number | null }
  | { readonly kind: "number"; readonly min: number; readonly max?: number; readonly exclusiveMin?: boolean; readonly default: number | null }
  | { readonly kind: "choice"; readonly values: readonly string[]; readonly default: string }
  | { readonly kind: "boolean"; readonly default: boolean }
  | { readonly kind: "range"; readonly default: readonly [number, number] | null };

export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

/** Validates `options` against `specs` (plus the common options) and fills in defaults. */
export function resolveParameters(solver: string, specs: ParameterSpecs, options: Readonly<Record<string, unknown>>): JsonObject {
  if (options === null || typeof options !== "object") throw new TypeError(`${solver} options must be an object`);
  for (const key of Object.keys(options)) {
    if (!(key in specs) && !COMMON_OPTION_NAMES.includes(key) && options[key] !== undefined) {
      const known = [...COMMON_OPTION_NAMES, ...Object.keys(specs)].join(", ");
      throw new TypeError(`unknown option '${key}' for solver ${solver}; known options: ${known}`);
    }
  }
  const resolved: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    resolved[name] = resolveOne(solver, name, spec, options[name]);
  }
  return resolved;
}

function resolveOne(solver: string, name: string, spec: ParameterSpec, value: unknown): JsonValue {
  const what = `${solver} option ${name}`;
  if (value === undefined) return spec.default === null ? null : (spec.default as JsonValue);
  switch (spec.kind) {
    case "integer":
      if (typeof value !== "number") throw new TypeError(`${what} must be a number, got ${typeof value}`);
      if (!Number.isSafeInteger(value) || value < spec.min || (spec.max !== undefined && value > spec.max)) {
        throw new RangeError(`${what} must be an integer in [${spec.min}, ${spec.max ?? "∞"}), got ${value}`);
      }
      return value;
    case "number":
      checkNumber(what, value, spec.min, spec.max, spec.exclusiveMin ?? false);
      return value as number;
    case "choice":
      if (typeof value !== "string" || !spec.values.includes(value)) {
        throw new RangeError(`${what} must be one of ${spec.values.join(", ")}, got ${String(value)}`);
      }
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw new TypeError(`${what} must be a boolean, got ${typeof value}`);
      return value;
    case "range": {
      if (!Array.isArray(value) || value.length !== 2) throw new TypeError(`${what} must be a pair [low, high]`);
      const [low, high] = value as unknown[];
      checkNumber(`${what}[0]`, low, 0, undefined, true);
      checkNumber(`${what}[1]`, high, 0, undefined, true);
      if ((low as number) > (high as number)) throw new RangeError(`${what} must have low ≤ high, got [${low}, ${high}]`);
      return [low as number, high as number];
    }
    default:
      return assertNever(spec);
  }
}

function checkNumber(what: string, value: unknown, min: number, max: number | undefined, exclusiveMin: boolean): void {
  if (typeof value !== "number") throw new TypeError(`${what} must be a number, got ${typeof value}`);
  const tooLow = exclusiveMin ? !(value > min) : !(value >= min);
  if (!Number.isFinite(value) || tooLow || (max !== undefined && value > max)) {
    const low = exclusiveMin ? `(${min}` : `[${min}`;
    throw new RangeError(`${what} must be a finite number in ${low}, ${max ?? "∞"}], got ${value}`);
  }
}

/** Checks the common options: reads a positive integer (or Infinity under a budget), time limit positive, seed or rng. */
export function checkCommonOptions(options: CommonOptions, defaultReads: number): CheckedCommonOptions {
  const reads = options.reads ?? defaultReads;
  if (typeof reads !== "number") throw new TypeError(`reads must be a number, got ${typeof reads}`);
  if (reads !== Infinity && (!Number.isSafeInteger(reads) || reads < 1)) throw new RangeError(`reads must be a positive integer or Infinity, got ${reads}`);
  const evaluationBudget = options.evaluationBudget;
  if (evaluationBudget !== undefined) {
    if (typeof evaluationBudget !== "number") throw new TypeError(`evaluationBudget must be a number, got ${typeof evaluationBudget}`);
    if (!Number.isSafeInteger(evaluationBudget) || evaluationBudget < 1) {
      throw new RangeError(`evaluationBudget must be a positive integer (objective evaluations), got ${evaluationBudget}`);
    }
  }
  const timeLimitMs = options.timeLimitMs;
  if (timeLimitMs !== undefined) {
    if (typeof timeLimitMs !== "number") throw new TypeError(`timeLimitMs must be a number, got ${typeof timeLimitMs}`);
    if (!(timeLimitMs > 0) || Number.isNaN(timeLimitMs)) throw new RangeError(`timeLimitMs must be positive, got ${timeLimitMs}`);
  }
  if (options.rng !== undefined && (typeof options.rng !== "object" || typeof options.rng.next !== "function")) {
    throw new TypeError("rng must be an Rng from createRng");
  }
  const targetEnergy = options.targetEnergy;
  if (targetEnergy !== undefined) {
    if (typeof targetEnergy !== "number") throw new TypeError(`targetEnergy must be a number, got ${typeof targetEnergy}`);
    if (Number.isNaN(targetEnergy)) throw new RangeError("targetEnergy must be a number, got NaN");
  }
  const finiteTime = timeLimitMs === Infinity ? undefined : timeLimitMs;
  if (reads === Infinity && finiteTime === undefined && evaluationBudget === undefined) {
    throw new RangeError("reads: Infinity needs a finite timeLimitMs or an evaluationBudget (unlimited reads without a budget never end)");
  }
  return { reads, timeLimitMs: finiteTime, targetEnergy, evaluationBudget };
}

function assertNever(value: never): never {
  throw new Error(`internal: unhandled parameter kind ${JSON.stringify(value)}`);
}
