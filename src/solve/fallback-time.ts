// The time budget of a mode fallback. A solve's `timeLimitMs` bounds the whole call, so the
// classical fallback gets what the failed quantum attempt (and its admit check) left of it, not
// the full limit again: a quantum run that timed out would otherwise take about twice its budget.
import type { FallbackTime } from "./sample-set.js";

/** The fallback's least time: never below this, whatever the attempt spent … */
export const FALLBACK_FLOOR_MS = 20;
/** … nor below this share of the request's limit. */
export const FALLBACK_FLOOR_SHARE = 0.05;

/**
 * The fallback's share of a `requestedMs` limit after `elapsedMs` were spent. The attempt is charged
 * whole milliseconds, rounded up, so the fallback never gets more than is left (and the record adds
 * up: given = requested − spent unless the floor applies).
 *
 * Why a floor: an attempt that ran out its time leaves nothing, yet the caller still needs an answer.
 * The local-search solvers return their first read whatever their deadline, but a read cut at its
 * first clock poll is little more than a random start (and HiGHS may not reach an incumbent at all).
 * An admitted attempt means a small problem (one the quantum sampler could hold), on which 20 ms
 * buys tabu thousands of moves; 5% keeps the share in proportion when the budget is long (a minute's
 * run that hung still gets three seconds of search). The floor never exceeds the request itself.
 */
export function fallbackTime(requestedMs: number, elapsedMs: number): FallbackTime {
  const spentMs = Math.ceil(elapsedMs);
  const floorMs = Math.min(requestedMs, Math.max(FALLBACK_FLOOR_MS, FALLBACK_FLOOR_SHARE * requestedMs));
  return { requestedMs, spentMs, givenMs: Math.max(floorMs, requestedMs - spentMs) };
}

/** Whether `timeLimitMs` is a limit to share; anything else passes through for the samplers to check. */
export function isFiniteLimit(timeLimitMs: unknown): timeLimitMs is number {
  return typeof timeLimitMs === "number" && Number.isFinite(timeLimitMs) && timeLimitMs > 0;
}
