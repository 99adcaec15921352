// Worker-thread side of the run pool: receives the suite once, then runs tasks one at a time,
// loading each instance once per worker. Importing the solve index registers every sampler.
import { parentPort, workerData } from "node:worker_threads";
import "../solve/index.js";
import { executeRun } from "./execute-run.js";
import { executeStageRun } from "./execute-stage-run.js";
import { type LoadedInstance, loadInstance } from "./load-instance.js";
import { type LoadedStageInstance, loadStageInstance } from "./load-stage-instance.js";
import type { WorkerInit, WorkerRequest, WorkerResponse } from "./worker-protocol.js";

const { spec, baseDir } = workerData as WorkerInit;
const instances = new Map<number, Promise<LoadedInstance>>();
const stageInputs = new Map<number, Promise<LoadedStageInstance>>();

function cached<T>(cache: Map<number, Promise<T>>, index: number, load: () => Promise<T>): Promise<T> {
  let loaded = cache.get(index);
  if (loaded === undefined) {
    loaded = load();
    cache.set(index, loaded);
  }
  return loaded;
}

const instance = (index: number): Promise<LoadedInstance> => cached(instances, index, () => loadInstance(spec.instances[index]!, baseDir));
const stageInput = (index: number): Promise<LoadedStageInstance> => cached(stageInputs, index, () => loadStageInstance(spec.stage!, spec.instances[index]!, baseDir));

const port = parentPort;
if (port === null) throw new Error("internal: run-worker must run in a worker thread");
port.postMessage({ ready: true } satisfies WorkerResponse);
port.on("message", (request: WorkerRequest) => {
  const run = spec.stage === undefined ? executeRun(spec, request.task, instance) : executeStageRun(spec, request.task, stageInput);
  void run.then(
    (record) => port.postMessage({ id: request.id, record } satisfies WorkerResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  );
});
