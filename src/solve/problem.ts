// What a solver accepts: a raw QUBO, or a model that carries one plus a way to read a sample back in
// the user's terms. Kept minimal so that solvers never depend on the compiler's internals: the
// compiler's output, a problem-file reader's output and a hand-built QUBO all fit.
import { type Ising, isingToQubo } from "../compile/ising.js";
import { type Qubo, quboEnergy } from "../compile/qubo.js";
import { type CompiledLike, compiledProblem, isCompiledLike, type NativeLpLike } from "./compiled-problem.js";
import type { JsonValue } from "./json.js";

/** A sample read back in the user's terms. */
export interface Decoded {
  /** Decoded variables by the user's names (integers, one-hot choices, arrays, …). */
  readonly values: Readonly<Record<string, JsonValue>>;
  /** The objective in the problem's own sense (a `maximize` problem reports the maximised value). */
  readonly objective: number;
  /** True when every hard constraint holds. */
  readonly feasible: boolean;
  /** Violated constraints by name → amount of violation (> 0); empty when feasible. */
  readonly violations: Readonly<Record<string, number>>;
}

/** A QUBO with its meaning attached: the compiler's output and the problem-file readers both fit. */
export interface SolvableModel {
  readonly qubo: Qubo;
  /** The sense of the user's objective; `max` means `objective = −energy` when there is no decode. */
  readonly sense?: "min" | "max";
  /** Reads one assignment (`x[i]` ∈ {0, 1}, QUBO variable order) back in the user's terms. */
  decode?(x: Uint8Array): Decoded;
  /** The model's own MILP (compiled models with hard constraints only), which `milp` solves instead of the QUBO. */
  nativeLp?(): NativeLpLike | undefined;
}

/** A bare QUBO or Ising model, a QUBO with meaning (a problem-file reader's output), or the compiler's model. */
export type Problem = Qubo | Ising | SolvableModel | CompiledLike;

/** Treats a bare QUBO as a model without decode, minimised; adapts a compiled model. */
export function asModel(problem: Problem): SolvableModel {
  if (problem === null || typeof problem !== "object") {
    throw new TypeError(`problem must be a Qubo or an object with a qubo, got ${problem === null ? "null" : typeof problem}`);
  }
  const model: SolvableModel = isCompiledLike(problem)
    ? compiledProblem(problem)
    : "qubo" in problem
      ? problem
      : isIsing(problem)
        ? isingProblem(problem)
        : { qubo: problem };
  if (model.sense !== undefined && model.sense !== "min" && model.sense !== "max") {
    throw new RangeError(`problem sense must be 'min' or 'max', got ${String(model.sense)}`);
  }
  if (model.decode !== undefined && typeof model.decode !== "function") {
    throw new TypeError(`problem decode must be a function, got ${typeof model.decode}`);
  }
  checkQubo(model.qubo);
  return model;
}

function isIsing(problem: Qubo | Ising): problem is Ising {
  return "h" in problem && "j" in problem;
}

/** An Ising model solved through its QUBO (x = (1 − s)/2); samples decode back to spins ±1. */
function isingProblem(ising: Ising): SolvableModel {
  if (!(ising.h instanceof Float64Array) || !(ising.j instanceof Float64Array)) throw new TypeError("ising.h and ising.j must be Float64Arrays");
  const qubo = isingToQubo(ising);
  return {
    qubo,
    decode: (x: Uint8Array): Decoded => {
      const values: Record<string, JsonValue> = {};
      qubo.variables.forEach((name, i) => {
        values[name] = 1 - 2 * x[i];
      });
      return { values, objective: quboEnergy(qubo, x), feasible: true, violations: {} };
    },
  };
}

/** The user's objective for an energy when no decode is given: a sign flip for `max`, never −0. */
export function objectiveOfEnergy(sense: "min" | "max" | undefined, energy: number): number {
  return sense === "max" ? 0 - energy : energy;
}

/**
 * Validates the QUBO contract once, at entry, so that the solver kernels need not: typed arrays of
 * matching lengths, finite coefficients, indices in range with row < col.
 */
export function checkQubo(qubo: Qubo): void {
  if (qubo === null || typeof qubo !== "object") throw new TypeError("qubo must be a Qubo object");
  const { linear, rows, cols, values, variables, offset } = qubo;
  if (!(linear instanceof Float64Array)) throw new TypeError("qubo.linear must be a Float64Array");
  if (!(rows instanceof Int32Array) || !(cols instanceof Int32Array)) throw new TypeError("qubo.rows and qubo.cols must be Int32Arrays");
  if (!(values instanceof Float64Array)) throw new TypeError("qubo.values must be a Float64Array");
  if (!Array.isArray(variables)) throw new TypeError("qubo.variables must be an array of names");
  const n = linear.length;
  if (variables.length !== n) {
    throw new RangeError(`qubo.variables has ${variables.length} names but qubo.linear has ${n} entries`);
  }
  if (rows.length !== values.length || cols.length !== values.length) {
    throw new RangeError(`qubo rows, cols and values must have equal lengths, got ${rows.length}, ${cols.length}, ${values.length}`);
  }
  if (typeof offset !== "number" || !Number.isFinite(offset)) throw new RangeError(`qubo.offset must be finite, got ${offset}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(linear[i])) throw new RangeError(`qubo.linear[${i}] must be finite, got ${linear[i]}`);
  }
  for (let k = 0; k < values.length; k++) {
    const r = rows[k];
    const c = cols[k];
    if (!(r >= 0 && r < c && c < n)) {
      throw new RangeError(`qubo coupling ${k} must satisfy 0 ≤ row < col < ${n}, got (${r}, ${c})`);
    }
    if (!Number.isFinite(values[k])) throw new RangeError(`qubo.values[${k}] must be finite, got ${values[k]}`);
  }
}
