// The worker thread that runs cells, so that the kernel's main thread keeps answering the
// heartbeat and the control channel while a cell computes. The session lives here; the main
// thread mirrors what it needs (history, source for completion) from each reply, and on interrupt
// terminates this worker and starts a new one from the last snapshot.
import { parentPort, workerData } from "node:worker_threads";
import type { CellOutcome } from "./cell-outcome.js";
import { KernelSession, type SessionSnapshot } from "./session.js";

export interface CellRequest {
  readonly code: string;
  readonly storeHistory: boolean;
}

export interface CellReply {
  readonly outcome: CellOutcome;
  readonly snapshot: SessionSnapshot;
  readonly source: string;
}

export interface CellWorkerData {
  readonly cwd: string;
  readonly restore?: SessionSnapshot;
}

if (parentPort) {
  const port = parentPort;
  const init = workerData as CellWorkerData;
  const session = new KernelSession({ cwd: init.cwd, restore: init.restore });
  port.on("message", async (request: CellRequest) => {
    let outcome: CellOutcome;
    try {
      outcome = await session.execute(request.code, request.storeHistory);
    } catch (error) {
      // A bug in qpipe fails the cell, never the kernel.
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outcome = { outputs: [], error: { ename: "InternalError", evalue: error instanceof Error ? error.message : String(error), traceback: text.split("\n") } };
    }
    const reply: CellReply = { outcome, snapshot: session.snapshot(), source: session.source };
    port.postMessage(reply);
  });
}
