// What the main thread hands each worker for one run: the shared state, the passes, and this
// worker's place among the threads. Everything is structured-clonable; the state's
// SharedArrayBuffers are shared, not copied.
import type { MessagePort } from "node:worker_threads";
import type { Pass } from "../pass.js";

export interface Job {
  readonly kind: "run";
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly nQubits: number;
  readonly passes: readonly Pass[];
  readonly threadIndex: number;
  readonly nThreads: number;
}

export type WorkerMessage = Job | { readonly kind: "exit" };

export interface WorkerInit {
  readonly control: Int32Array;
  readonly port: MessagePort;
}
