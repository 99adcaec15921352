// Worker-thread side of the run pool: receives the suite once, then runs tasks one at a time,
// loading each instance once per worker. Importing the solve index registers every sampler.
import { parentPort, workerData } from "node:worker_threads";
import "../solve/index.js";
import { executeRun } from "./execute-run.js";
import { type LoadedInstance, loadInstance } from "./load-instance.js";
import type { WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

const { spec, baseDir } = workerData as WorkerInit;
const instances = new Map<number, Promise<LoadedInstance>>();

function instance(index: number): Promise<LoadedInstance> {
  let loaded = instances.get(index);
  if (loaded === undefined) {
    loaded = loadInstance(spec.instances[index]!, baseDir);
    instances.set(index, loaded);
  }
  return loaded;
}

const port = parentPort;
if (port === null) throw new Error("internal: run-worker must run in a worker thread");
port.postMessage({ ready: true } satisfies WorkerResponse);
port.on("message", (request: WorkerRequest) => {
  void executeRun(spec, request.task, instance).then(
    (record) => port.postMessage({ id: request.id, record } satisfies WorkerResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  );
});
