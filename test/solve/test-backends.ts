// Backends for the tests of failures a real device shows: one that fails on cue, one that never
// answers, one that answers late. The QAOA/VQE samplers run for real in front of them.
import { type Backend, type BackendJob, localSimulatorBackend } from "../../src/solve/index.js";

/** A backend that answers as `inner` after the failures given, recording each job it gets. */
export function scripted(failures: readonly Error[], inner: Backend = localSimulatorBackend({ name: "scripted" })): Backend & { jobs: BackendJob[] } {
  const jobs: BackendJob[] = [];
  return {
    jobs,
    describe: () => ({ ...inner.describe(), name: "scripted" }),
    run: async (job) => {
      jobs.push(job);
      const failure = failures[jobs.length - 1];
      if (failure) throw failure;
      return inner.run(job);
    },
  };
}

/** A backend that never answers; records when it started and when its signal was aborted. */
export function hanging(): Backend & { startedAt?: number; abortedAt?: number } {
  const backend: Backend & { startedAt?: number; abortedAt?: number } = {
    describe: () => ({ name: "hanging", maxQubits: 30, basisGates: ["rz", "sx", "x", "cx", "h", "rx", "rzz", "ry"] }),
    run: (job) => {
      backend.startedAt = performance.now();
      job.signal.addEventListener("abort", () => (backend.abortedAt = performance.now()));
      return new Promise(() => undefined);
    },
  };
  return backend;
}

/** A backend that takes `delayMs` per job before `inner` handles it (e.g. a `scripted` failure). */
export function slow(delayMs: number, inner: Backend = localSimulatorBackend({ name: "slow" })): Backend {
  return {
    describe: () => ({ ...inner.describe(), name: "slow" }),
    run: async (job) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return inner.run(job);
    },
  };
}
