// A time budget that solvers poll every few sweeps (never per flip: reading the clock costs more
// than a Metropolis step). Wall-clock time never enters a result, only whether the run was cut short.
import { performance } from "node:perf_hooks";

export interface Deadline {
  /** True once the budget is spent; always false for an unlimited budget. */
  expired(): boolean;
  /** Milliseconds left (Infinity when unlimited, never negative). */
  remainingMs(): number;
}

export function createDeadline(timeLimitMs: number | undefined): Deadline {
  if (timeLimitMs === undefined) return { expired: () => false, remainingMs: () => Infinity };
  const end = performance.now() + timeLimitMs;
  return {
    expired: () => performance.now() >= end,
    remainingMs: () => Math.max(0, end - performance.now()),
  };
}
