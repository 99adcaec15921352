// Runs cells in a worker thread (cell-worker.ts) and can stop a running cell at once: interrupt
// terminates the worker (a synchronous solver loop cannot be asked to stop) and the next cell runs
// in a fresh worker restored from the last snapshot, so declarations and data survive.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CellOutcome } from "./cell-outcome.js";
import type { CellReply, CellRequest, CellWorkerData } from "./cell-worker.js";
import { KernelSession, type HistoryEntry, type SessionSnapshot } from "./session.js";

/** Worker code that registers tsx's loader, then loads the TypeScript worker (tests, tsx runs). */
function sourceBootstrap(url: URL): string {
  // The ESM entry of tsx's public `tsx/esm/api` export (require.resolve would pick the CommonJS one).
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const entry = manifest.exports["./esm/api"]?.import.default;
  if (entry === undefined) throw new Error("internal: tsx has no ESM export ./esm/api");
  const api = pathToFileURL(join(dirname(manifestPath), entry)).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
}

const EMPTY: SessionSnapshot = { declarations: [], problems: [], data: [], solves: [], benches: [], history: [], executionCount: 0 };

export class CellRunner {
  private worker: Worker | undefined;
  private snapshotState: SessionSnapshot = EMPTY;
  private sourceText = "";
  private pending: { readonly request: CellRequest; readonly resolve: (outcome: CellOutcome) => void } | undefined;

  constructor(private readonly cwd: string) {}

  get executionCount(): number {
    return this.snapshotState.executionCount;
  }

  get history(): readonly HistoryEntry[] {
    return this.snapshotState.history;
  }

  /** The session's declarations as one program (as of the last finished cell). */
  get source(): string {
    return this.sourceText;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  execute(code: string, storeHistory: boolean): Promise<CellOutcome> {
    if (this.pending) throw new Error("internal: a cell is already running");
    const worker = this.ensureWorker();
    const request: CellRequest = { code, storeHistory };
    return new Promise((resolve) => {
      this.pending = { request, resolve };
      worker.postMessage(request);
    });
  }

  /** Stops the running cell, if any; its outcome is an "interrupted" error. Returns whether one ran. */
  async interrupt(): Promise<boolean> {
    const pending = this.pending;
    if (!pending || !this.worker) return false;
    const worker = this.worker;
    this.worker = undefined;
    this.pending = undefined;
    await worker.terminate();
    // Count the stopped cell like any other, from the state before it started.
    const session = new KernelSession({ cwd: this.cwd, restore: this.snapshotState });
    session.recordInterrupted(pending.request.code, pending.request.storeHistory);
    this.snapshotState = session.snapshot();
    pending.resolve({ outputs: [], error: { ename: "Interrupted", evalue: "the cell was interrupted", traceback: ["interrupted: the cell was stopped; declarations and data of earlier cells are kept"] } });
    return true;
  }

  /** Starts the worker now, so that loading the compiler, solvers and charts overlaps the client's start-up instead of delaying the first cell. */
  warmUp(): void {
    this.ensureWorker();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Run from source (tsx, vitest) the worker is the .ts file and needs tsx's loader.
    const fromSource = import.meta.url.endsWith(".ts");
    const url = new URL(fromSource ? "./cell-worker.ts" : "./cell-worker.js", import.meta.url);
    const data: CellWorkerData = { cwd: this.cwd, restore: this.snapshotState };
    const worker = fromSource ? new Worker(sourceBootstrap(url), { eval: true, workerData: data }) : new Worker(url, { workerData: data });
    worker.on("message", (reply: CellReply) => {
      const pending = this.pending;
      if (!pending || worker !== this.worker) return;
      this.pending = undefined;
      this.snapshotState = reply.snapshot;
      this.sourceText = reply.source;
      pending.resolve(reply.outcome);
    });
    worker.on("error", (error: Error) => this.fail(worker, `the cell worker failed: ${error.message}`));
    worker.on("exit", (code) => this.fail(worker, `the cell worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** A crashed worker (out of memory, a native fault) fails the running cell; the next cell gets a new worker. */
  private fail(worker: Worker, message: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve({ outputs: [], error: { ename: "KernelWorkerError", evalue: message, traceback: [message] } });
  }
}
