// A pool of worker threads that runs the grid's tasks, one task per worker at a time. A run that
// throws, crashes its worker, or outlives `runTimeoutMs` becomes a `failed` / `timeout` record and
// its worker is replaced; the other runs go on. In-process solvers cannot be interrupted from
// outside, so a stuck run is stopped by terminating its thread.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type RunTask, baseRecord } from "./execute-run.js";
import type { RunRecord } from "./run-record.js";
import type { SuiteSpec } from "./spec.js";
import type { WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

export interface PoolOptions {
  readonly spec: SuiteSpec;
  readonly baseDir: string;
  readonly nWorkers: number;
  /** Called once per finished task, in completion order; awaited before the task's slot is reused. */
  readonly onRecord: (record: RunRecord) => Promise<void>;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules (its start-up time is not charged to a run's timeout). */
  ready: boolean;
  busy: { readonly id: number; readonly task: RunTask; readonly timer: NodeJS.Timeout } | null;
}

export async function runPool(tasks: readonly RunTask[], options: PoolOptions): Promise<void> {
  const { spec, baseDir, onRecord } = options;
  if (!Number.isSafeInteger(options.nWorkers) || options.nWorkers < 1) throw new RangeError(`nWorkers must be a positive integer, got ${options.nWorkers}`);
  if (tasks.length === 0) return;
  const queue = [...tasks];
  let nextId = 0;
  let pending = tasks.length;
  const init: WorkerInit = { spec, baseDir };

  return new Promise<void>((resolvePool, rejectPool) => {
    const slots: Slot[] = [];
    const failRecord = (task: RunTask, status: "failed" | "timeout", error: string): RunRecord => {
      const record = baseRecord(spec, spec.solvers[task.solver]!, spec.instances[task.instance]!.name, task.seed);
      return { ...record, status, error, deterministic: status !== "timeout" };
    };
    const finish = (slot: Slot, record: RunRecord): void => {
      if (slot.busy !== null) clearTimeout(slot.busy.timer);
      slot.busy = null;
      onRecord(record).then(() => {
        pending--;
        if (pending === 0) {
          for (const s of slots) void s.worker.terminate();
          resolvePool();
        } else dispatch(slot);
      }, (error: unknown) => {
        for (const s of slots) void s.worker.terminate();
        rejectPool(error);
      });
    };
    const replaceWorker = (slot: Slot): void => {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      slot.ready = false;
      slot.worker = startWorker(slot, init);
    };
    const startWorker = (slot: Slot, data: WorkerInit): Worker => {
      const { source, eval: isEval } = workerSource();
      const worker = new Worker(source, { eval: isEval, workerData: data });
      worker.on("message", (response: WorkerResponse) => {
        if ("ready" in response) {
          slot.ready = true;
          dispatch(slot);
          return;
        }
        const busy = slot.busy;
        if (busy === null || busy.id !== response.id) return;
        finish(slot, "record" in response ? response.record : failRecord(busy.task, "failed", response.error));
      });
      worker.on("error", (error: Error) => {
        if (!slot.ready) {
          // A worker that cannot even load its modules would fail again on every restart.
          for (const s of slots) void s.worker.terminate();
          rejectPool(new Error(`internal: a benchmark worker failed to start: ${error.message}`));
          return;
        }
        const busy = slot.busy;
        replaceWorker(slot);
        if (busy !== null) finish(slot, failRecord(busy.task, "failed", `worker crashed: ${error.message}`));
      });
      worker.on("exit", (code) => {
        if (slot.worker !== worker || slot.busy === null) return;
        const busy = slot.busy;
        replaceWorker(slot);
        finish(slot, failRecord(busy.task, "failed", `worker exited with code ${code}`));
      });
      return worker;
    };
    const dispatch = (slot: Slot): void => {
      if (!slot.ready || slot.busy !== null) return;
      const task = queue.shift();
      if (task === undefined) return;
      const id = nextId++;
      const timer = setTimeout(() => {
        replaceWorker(slot);
        finish(slot, failRecord(task, "timeout", `no result after ${spec.runTimeoutMs} ms; the run was stopped`));
      }, spec.runTimeoutMs);
      slot.busy = { id, task, timer };
      slot.worker.postMessage({ id, task } satisfies WorkerRequest);
    };
    const nWorkers = Math.min(options.nWorkers, tasks.length);
    for (let k = 0; k < nWorkers; k++) {
      const slot: Slot = { worker: undefined as unknown as Worker, ready: false, busy: null };
      slot.worker = startWorker(slot, init);
      slots.push(slot);
    }
  });
}

/** The compiled worker module, or (from TypeScript sources under tsx or vitest) a bootstrap that
 * registers tsx's loader in the worker and imports run-worker.ts. */
function workerSource(): { source: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith(".ts")) return { source: new URL("./run-worker.js", import.meta.url), eval: false };
  const api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const worker = new URL("./run-worker.ts", import.meta.url).href;
  return {
    source: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}
