// The worker pool: started on first use, one worker per extra thread, each with its own port and
// a shared control block (barrier + job counter). The calling thread takes slice 0 of every pass
// and blocks on the barrier, so a run is synchronous for the caller. Workers are unref'd: an idle
// pool never keeps the process alive.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { Pass } from "../pass.js";
import type { StateVector } from "../statevector.js";
import { CONTROL_WORDS, JOB_SEQUENCE, READY_COUNT } from "./barrier.js";
import type { Job, WorkerMessage } from "./job.js";
import { runSlices } from "./run-slices.js";

interface PoolWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
}

interface Pool {
  readonly nThreads: number;
  readonly control: Int32Array;
  readonly workers: PoolWorker[];
}

let pool: Pool | undefined;
/** Set when workers failed to start: runs then stay on the calling thread. */
let poolBroken = false;

/** How long the first run waits for workers to load before running single-threaded instead. */
const STARTUP_TIMEOUT_MS = 20_000;

/** The default thread count: the machine's available parallelism, at most 16. */
export function poolSize(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}

/** How to start a worker: the compiled worker module, or (from TypeScript sources, as in tests and
 * benchmarks under tsx) a bootstrap that registers tsx's loader in the worker and imports worker.ts. */
function workerSource(): { source: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith(".ts")) return { source: new URL("./worker.js", import.meta.url), eval: false };
  const api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const worker = new URL("./worker.ts", import.meta.url).href;
  return {
    source: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}

function startPool(nThreads: number): Pool {
  const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS));
  const { source, eval: isEval } = workerSource();
  const workers: PoolWorker[] = [];
  for (let t = 1; t < nThreads; t++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(source, { eval: isEval, workerData: { control, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    workers.push({ worker, port: port1 });
  }
  return { nThreads, control, workers };
}

/** Waits (blocking) until every worker has loaded; false if they did not within the timeout. */
function awaitReady(current: Pool): boolean {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const ready = Atomics.load(current.control, READY_COUNT);
    if (ready >= current.workers.length) return true;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    Atomics.wait(current.control, READY_COUNT, ready, Math.min(remaining, 100));
  }
}

/**
 * Runs `passes` on `state` split over `nThreads` threads (this one included). Returns false, having
 * done nothing, when the workers cannot be started (the caller then runs on its own thread).
 */
export function runOnPool(state: StateVector, passes: readonly Pass[], nThreads: number): boolean {
  if (poolBroken) return false;
  if (pool === undefined || pool.nThreads !== nThreads) {
    void shutdownPool();
    pool = startPool(nThreads);
    if (!awaitReady(pool)) {
      poolBroken = true;
      void shutdownPool();
      return false;
    }
  }
  const { control, workers } = pool;
  workers.forEach(({ port }, index) => {
    const job: Job = { kind: "run", re: state.re, im: state.im, nQubits: state.nQubits, passes, threadIndex: index + 1, nThreads };
    port.postMessage(job satisfies WorkerMessage);
  });
  Atomics.add(control, JOB_SEQUENCE, 1);
  Atomics.notify(control, JOB_SEQUENCE);
  runSlices(state.re, state.im, state.nQubits, passes, control, 0, nThreads);
  return true;
}

/** Stops the pool's workers (a later run starts a new pool). */
export async function shutdownPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current === undefined) return;
  for (const { port } of current.workers) port.postMessage({ kind: "exit" } satisfies WorkerMessage);
  Atomics.add(current.control, JOB_SEQUENCE, 1);
  Atomics.notify(current.control, JOB_SEQUENCE);
  await Promise.all(current.workers.map(({ worker }) => worker.terminate()));
}
