// A simulator worker: sleeps on the job counter, takes its job synchronously from its port, runs
// its slices of every pass with barriers, and sleeps again. It never returns to its event loop
// between jobs, so a run costs no message round trip beyond the wake-up.
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import { JOB_SEQUENCE, READY_COUNT } from "./barrier.js";
import type { WorkerInit, WorkerMessage } from "./job.js";
import { runSlices } from "./run-slices.js";

const { control, port } = workerData as WorkerInit;
let seen = Atomics.load(control, JOB_SEQUENCE);
Atomics.add(control, READY_COUNT, 1);
Atomics.notify(control, READY_COUNT);
for (;;) {
  Atomics.wait(control, JOB_SEQUENCE, seen);
  seen = Atomics.load(control, JOB_SEQUENCE);
  let received = receiveMessageOnPort(port);
  // The job is posted before the counter moves, so it is normally already there.
  while (received === undefined) {
    Atomics.wait(control, JOB_SEQUENCE, seen, 1);
    received = receiveMessageOnPort(port);
  }
  const message = received.message as WorkerMessage;
  if (message.kind === "exit") break;
  runSlices(message.re, message.im, message.nQubits, message.passes, control, message.threadIndex, message.nThreads);
}
port.close();
