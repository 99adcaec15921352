// Exact minimisation of a QUBO by exhaustive enumeration: the test oracle every other solver is
// checked against. Pure: a Qubo in, a plain JSON-serialisable record out.
//
// The kernel (exact-enumerate.ts) visits all 2ⁿ states in Gray-code order at O(1) per state; this file
// validates the input, keeps the minimisers and the k lowest states, and re-evaluates each reported
// state exactly with `quboEnergy`, so reported energies carry no accumulated rounding.
import { type Qubo, quboEnergy } from "../compile/qubo.js";
import { DEFAULT_LOW_BITS, enumerateQubo } from "./exact-enumerate.js";
import { StateCollector } from "./exact-collector.js";

/**
 * Largest QUBO `solveExact` accepts. 2³⁴ ≈ 1.7·10¹⁰ states take on the order of a minute on one
 * core; every extra variable doubles that, so beyond this the answer is a RangeError, not a wait.
 */
export const EXACT_MAX_VARIABLES = 34;
/** Upper bound on `maxMinimizers` and `lowest`: reported states are kept in memory. */
export const EXACT_MAX_REPORTED = 100_000;

export interface ExactOptions {
  /** Keep at most this many minimising states (all are counted); default 64. */
  readonly maxMinimizers?: number;
  /** Also return the k lowest-energy states (ties broken by first visit); default 0. */
  readonly lowest?: number;
  /**
   * States within this much of the minimum count as minimisers. Default 1e-9·(1 + Σ|coefficients|):
   * exact ties for integer coefficients, and immune to summation rounding otherwise.
   */
  readonly tieTolerance?: number;
  /**
   * Polled about every 2¹⁷ states; returning true stops the search early. The result then says
   * `complete: false` and its minimum is the best state seen, not a proven optimum.
   */
  readonly shouldStop?: () => boolean;
  /**
   * Visit at most this many states (an evaluation budget): the enumeration stops after the last
   * whole block that fits, so it visits more than half of them (or all 2ⁿ). Stopped early, the
   * result says `complete: false`.
   */
  readonly maxStates?: number;
}

/** One assignment: `index` has bit i = xᵢ (variable 0 is the least significant bit). */
export interface ExactState {
  readonly index: number;
  readonly assignment: readonly number[];
  /** quboEnergy of the assignment, evaluated directly. */
  readonly energy: number;
}

export interface ExactSolution {
  readonly nVariables: number;
  /** How many states were examined: 2ⁿ unless stopped early. */
  readonly nStates: number;
  /** True when all 2ⁿ states were examined, so `minEnergy` is the proven minimum. */
  readonly complete: boolean;
  /** Lowest directly evaluated energy among the kept minimisers: within `tieTolerance` of the true minimum. */
  readonly minEnergy: number;
  /** Minimising states, by increasing index; at most `maxMinimizers` of them. */
  readonly minimizers: readonly ExactState[];
  /** How many states are minimisers (exact when distinct energies differ by more than the tolerance). */
  readonly nMinimizers: number;
  /** The k lowest states by increasing energy, then index (empty unless `lowest` > 0). */
  readonly lowest: readonly ExactState[];
  readonly tieTolerance: number;
}

/** Minimises `qubo` over all 2ⁿ binary assignments. */
export function solveExact(qubo: Qubo, options: ExactOptions = {}): ExactSolution {
  checkQubo(qubo);
  const maxMinimizers = countOption(options.maxMinimizers, 64, 1, "maxMinimizers");
  const nLowest = countOption(options.lowest, 0, 0, "lowest");
  const tieTolerance = options.tieTolerance ?? defaultTolerance(qubo);
  if (!(Number.isFinite(tieTolerance) && tieTolerance >= 0)) {
    throw new RangeError(`tieTolerance must be a finite number ≥ 0, got ${tieTolerance}`);
  }
  if (options.shouldStop !== undefined && typeof options.shouldStop !== "function") {
    throw new TypeError("shouldStop must be a function returning a boolean");
  }
  const maxStates = options.maxStates ?? Infinity;
  if (maxStates !== Infinity && !(Number.isSafeInteger(maxStates) && maxStates >= 1)) {
    throw new RangeError(`maxStates must be a positive integer, got ${maxStates}`);
  }
  // Blocks no larger than the budget, so a budget below 2ⁿ still visits at least half of it.
  const lowBits = Math.min(DEFAULT_LOW_BITS, Math.floor(Math.log2(Math.min(maxStates, 2 ** 53))));
  const maxChunks = Math.floor(maxStates / 2 ** Math.min(lowBits, qubo.linear.length));
  const collector = new StateCollector(maxMinimizers, nLowest, tieTolerance);
  const nStates = enumerateQubo(qubo, collector, lowBits, options.shouldStop, maxChunks);
  return solutionFrom(qubo, collector, tieTolerance, nStates);
}

/** Assembles the result from a finished collector, re-evaluating every kept state exactly. */
export function solutionFrom(qubo: Qubo, collector: StateCollector, tieTolerance: number, nStates = 2 ** qubo.linear.length): ExactSolution {
  const n = qubo.linear.length;
  const stateOf = (index: number): ExactState => {
    const assignment = new Array<number>(n);
    for (let i = 0, rest = index; i < n; i++, rest = Math.floor(rest / 2)) assignment[i] = rest % 2;
    return { index, assignment, energy: quboEnergy(qubo, assignment) };
  };
  const candidates = collector.minimizerIndices().map(stateOf);
  if (candidates.length === 0) throw new Error("internal: exhaustive search kept no minimiser");
  const minEnergy = Math.min(...candidates.map((s) => s.energy));
  const minimizers = candidates.filter((s) => s.energy <= minEnergy + tieTolerance).sort((a, b) => a.index - b.index);
  const nMinimizers = collector.nMinimizers - (candidates.length - minimizers.length);
  const lowest = collector
    .lowestIndices()
    .map(stateOf)
    .sort((a, b) => a.energy - b.energy || a.index - b.index);
  const complete = nStates === 2 ** n;
  return { nVariables: n, nStates, complete, minEnergy, minimizers, nMinimizers, lowest, tieTolerance };
}

function defaultTolerance(qubo: Qubo): number {
  let scale = Math.abs(qubo.offset);
  for (let i = 0; i < qubo.linear.length; i++) scale += Math.abs(qubo.linear[i]);
  for (let k = 0; k < qubo.values.length; k++) scale += Math.abs(qubo.values[k]);
  return 1e-9 * (1 + scale);
}

function countOption(value: number | undefined, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > EXACT_MAX_REPORTED) {
    throw new RangeError(`${name} must be an integer in ${min}..${EXACT_MAX_REPORTED}, got ${value}`);
  }
  return value;
}

// Entry validation, so the kernel can trust its input.
function checkQubo(qubo: Qubo): number {
  if (!(qubo.linear instanceof Float64Array)) throw new TypeError("qubo.linear must be a Float64Array");
  const n = qubo.linear.length;
  if (n > EXACT_MAX_VARIABLES) {
    throw new RangeError(
      `exact enumeration is limited to ${EXACT_MAX_VARIABLES} variables (2^${EXACT_MAX_VARIABLES} states); this QUBO has n = ${n}. Use a heuristic solver for larger problems.`,
    );
  }
  const { rows, cols, values } = qubo;
  if (rows.length !== values.length || cols.length !== values.length) {
    throw new RangeError(`qubo rows, cols and values must have equal lengths, got ${rows.length}, ${cols.length}, ${values.length}`);
  }
  if (!Number.isFinite(qubo.offset)) throw new RangeError(`qubo offset must be finite, got ${qubo.offset}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(qubo.linear[i])) throw new RangeError(`qubo linear[${i}] must be finite, got ${qubo.linear[i]}`);
  }
  for (let k = 0; k < values.length; k++) {
    if (!(Number.isInteger(rows[k]) && Number.isInteger(cols[k]) && rows[k] >= 0 && rows[k] < cols[k] && cols[k] < n)) {
      throw new RangeError(`qubo coupling ${k} must satisfy 0 ≤ row < col < ${n}, got (${rows[k]}, ${cols[k]})`);
    }
    if (!Number.isFinite(values[k])) throw new RangeError(`qubo coupling (${rows[k]}, ${cols[k]}) must be finite, got ${values[k]}`);
  }
  return n;
}
