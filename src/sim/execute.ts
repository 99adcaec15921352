// Runs passes on a state, on the calling thread or split across the worker pool. A pass is split
// by its own iteration range, so every thread touches a disjoint set of amplitudes whatever the
// qubits' strides; a barrier separates consecutive passes.
import { createScratch, executePass, passSpan, type Pass } from "./pass.js";
import type { StateVector } from "./statevector.js";
import { runOnPool, poolSize } from "./threads/pool.js";

/**
 * Below this many qubits a pass is too short for the barrier to pay: bench/sim-threads.ts measured
 * two threads slower than one at n ≤ 14 and faster from n = 16 (BENCHMARKS.md).
 */
export const THREAD_THRESHOLD_QUBITS = 16;

export type ThreadOption = number | "auto";

const mainScratch = createScratch();

/** The thread count `option` resolves to for an n-qubit state. */
export function resolveThreads(option: ThreadOption | undefined, nQubits: number): number {
  if (option === undefined || option === "auto") return nQubits >= THREAD_THRESHOLD_QUBITS ? poolSize() : 1;
  if (!Number.isInteger(option) || option < 1) throw new RangeError(`threads must be a positive integer or "auto", got ${option}`);
  return option;
}

/**
 * Applies `passes` in order with `threads` threads (1 = the calling thread only). Returns the number
 * of threads that ran them (1 when the state is not shared or workers could not start).
 */
export function executePasses(state: StateVector, passes: readonly Pass[], threads = 1): number {
  if (passes.length === 0) return threads;
  if (threads > 1 && state.re.buffer instanceof SharedArrayBuffer && state.im.buffer instanceof SharedArrayBuffer) {
    if (runOnPool(state, passes, threads)) return threads;
  }
  for (const pass of passes) executePass(state.re, state.im, pass, mainScratch, 0, passSpan(pass, state.nQubits));
  return 1;
}
