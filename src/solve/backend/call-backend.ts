// One backend call with a time budget and retries:
//
//   attempt ─ok─▶ validated counts
//      │ BackendError retryable, budget left ─▶ wait base·2^k·(½ + ½·jitter), capped ─▶ attempt again
//      │ anything else (not retryable, no retries left, a plain Error) ─▶ BackendError thrown
//      └ budget spent ─▶ signal aborted, BackendTimeoutError thrown (a backend that never answers
//                        cannot hold the caller past its budget)
//
// The jitter is drawn from the caller's seeded stream, so the schedule of a run is reproducible.
// Every error from the backend leaves as a BackendError (wrapping the original as `cause`): a bug in
// a provider's client must fall back like any other failure, not pass for a caller's misuse.
import { performance } from "node:perf_hooks";
import type { Rng } from "../../util/rng.js";
import { type Backend, BackendError, type BackendJob, type BackendResult, BackendTimeoutError } from "./backend.js";

export interface CallOptions {
  /** Budget for all attempts and waits together, in ms. */
  readonly timeoutMs: number;
  /** Further attempts after the first, for retryable errors only. */
  readonly retries: number;
  /** First wait before a retry (doubles each time); default 100 ms. */
  readonly baseDelayMs?: number;
  /** Longest wait; default 5 s. */
  readonly maxDelayMs?: number;
  /** Jitter source. */
  readonly rng: Rng;
}

export interface CallOutcome {
  readonly result: BackendResult;
  readonly attempts: number;
  /** Messages of the attempts that failed before the one that succeeded. */
  readonly failures: readonly string[];
}

export async function callBackend(backend: Backend, job: Omit<BackendJob, "signal">, nClbits: number, options: CallOptions): Promise<CallOutcome> {
  const { timeoutMs, retries, rng } = options;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  const name = describeName(backend);
  const end = performance.now() + timeoutMs;
  const failures: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await attemptOnce(backend, job, end - performance.now(), name, timeoutMs);
      checkCounts(result, job.shots, nClbits, name);
      return { result, attempts: attempt, failures };
    } catch (error) {
      const failure = asBackendError(error, name);
      failures.push(failure.message);
      if (!failure.retryable || attempt > retries) {
        throw attempt === 1 ? failure : new BackendError(`${failure.message} (attempt ${attempt} of ${retries + 1})`, false, { cause: failure });
      }
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + 0.5 * rng.next());
      if (performance.now() + delay >= end) throw new BackendTimeoutError(`${name}: no time left to retry within ${timeoutMs} ms after: ${failure.message}`);
      await sleep(delay);
    }
  }
}

async function attemptOnce(backend: Backend, job: Omit<BackendJob, "signal">, remainingMs: number, name: string, timeoutMs: number): Promise<BackendResult> {
  if (remainingMs <= 0) throw new BackendTimeoutError(`${name} timed out after ${timeoutMs} ms`);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new BackendTimeoutError(`${name} timed out after ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, remainingMs);
  });
  try {
    // run() may throw synchronously; Promise.resolve().then turns that into a rejection too
    const running = Promise.resolve().then(() => backend.run({ ...job, signal: controller.signal }));
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function asBackendError(error: unknown, name: string): BackendError {
  if (error instanceof BackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError(`${name} failed: ${message}`, false, { cause: error });
}

function describeName(backend: Backend): string {
  try {
    return backend.describe().name;
  } catch {
    return "backend";
  }
}

/** Counts must be 0/1 strings of the circuit's width with non-negative integer counts adding up to `shots`. */
function checkCounts(result: BackendResult, shots: number, nClbits: number, name: string): void {
  const counts = (result as Partial<BackendResult> | null)?.counts;
  if (counts === null || typeof counts !== "object") throw new BackendError(`${name} returned no counts object`, false);
  const pattern = new RegExp(`^[01]{${nClbits}}$`);
  let total = 0;
  for (const [bits, count] of Object.entries(counts)) {
    if (!pattern.test(bits)) throw new BackendError(`${name} returned the key '${bits}'; expected ${nClbits} characters 0/1`, false);
    if (!Number.isSafeInteger(count) || count < 0) throw new BackendError(`${name} returned count ${String(count)} for '${bits}'; expected a non-negative integer`, false);
    total += count;
  }
  if (total !== shots) throw new BackendError(`${name} returned ${total} shots; ${shots} were asked for`, false);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
