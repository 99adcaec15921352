import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/index.js";
import { exportQasm3 } from "../../src/io/index.js";
import {
  type Backend,
  BackendError,
  BackendTimeoutError,
  callBackend,
  localSimulatorBackend,
  qaoaSampler,
  type SampleSet,
  solve,
  vqeSampler,
} from "../../src/solve/index.js";
import { createRng } from "../../src/util/rng.js";
import { randomQubo } from "./problems.js";
import { hanging, scripted } from "./test-backends.js";

const QAOA = { p: 1, maxEvaluations: 40 };

/** Total variation distance between two sets' empirical distributions over bitstrings. */
function totalVariation(a: SampleSet, b: SampleSet): number {
  const p = new Map<string, number>();
  const ta = a.samples.reduce((sum, s) => sum + s.occurrences, 0);
  const tb = b.samples.reduce((sum, s) => sum + s.occurrences, 0);
  for (const s of a.samples) p.set(s.bits, s.occurrences / ta);
  for (const s of b.samples) p.set(s.bits, (p.get(s.bits) ?? 0) - s.occurrences / tb);
  let sum = 0;
  for (const d of p.values()) sum += Math.abs(d);
  return sum / 2;
}

describe("local simulator backend", () => {
  it("reads the OpenQASM 3 it is sent; counts put c[0] rightmost", async () => {
    const c = circuit(3).x(0).h(2).measureAll().build();
    const backend = localSimulatorBackend();
    const { counts } = await backend.run({ qasm: exportQasm3(c), shots: 1000, seed: 5, signal: new AbortController().signal });
    expect(Object.keys(counts).sort()).toEqual(["001", "101"]);
    expect(counts["001"]! + counts["101"]!).toBe(1000);
    expect(counts["001"]).toBeGreaterThan(400);
    // same seed, same counts
    expect((await backend.run({ qasm: exportQasm3(c), shots: 1000, seed: 5, signal: new AbortController().signal })).counts).toEqual(counts);
  });

  it("refuses what it cannot run, as non-retryable BackendErrors", async () => {
    const signal = new AbortController().signal;
    const device = localSimulatorBackend({ maxQubits: 2, basisGates: ["rz", "sx", "x", "cx"] });
    const cases = [
      [exportQasm3(circuit(3).measureAll().build()), /has 2 qubits; the circuit needs 3/],
      [exportQasm3(circuit(1).h(0).measureAll().build()), /does not run the gates h/],
      ["OPENQASM 3.0;\nqubit[1] q;\nfoo q[0];\n", /cannot read the job's OpenQASM at 3:1/],
    ] as const;
    for (const [qasm, message] of cases) {
      const error = await device.run({ qasm, shots: 10, seed: 1, signal }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect((error as BackendError).retryable).toBe(false);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe("callBackend: timeout and retries", () => {
  const job = { qasm: exportQasm3(circuit(2).x(1).measureAll().build()), shots: 50, seed: 9 };
  const options = { timeoutMs: 5000, retries: 3, baseDelayMs: 5, rng: createRng(1) };

  it("retries a flaky backend (fails twice, retryably) and succeeds", async () => {
    const backend = scripted([new BackendError("queue busy", true), new BackendError("connection reset", true)]);
    const outcome = await callBackend(backend, job, 2, options);
    expect(outcome.attempts).toBe(3);
    expect(outcome.failures).toEqual(["queue busy", "connection reset"]);
    expect(outcome.result.counts).toEqual({ "10": 50 });
    expect(backend.jobs).toHaveLength(3);
  });

  it("does not retry an error the backend marks non-retryable, nor a plain Error", async () => {
    for (const failure of [new BackendError("circuit too deep", false), new TypeError("bug in the client")]) {
      const backend = scripted([failure]);
      const error = await callBackend(backend, job, 2, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect((error as BackendError).retryable).toBe(false);
      expect((error as Error).message).toContain(failure.message);
      expect(backend.jobs).toHaveLength(1);
    }
  });

  it("gives up after the retries allowed", async () => {
    const backend = scripted(Array.from({ length: 5 }, () => new BackendError("busy", true)));
    await expect(callBackend(backend, job, 2, { ...options, retries: 2 })).rejects.toThrow(/busy \(attempt 3 of 3\)/);
    expect(backend.jobs).toHaveLength(3);
  });

  it("times out a backend that never answers, aborting its signal", async () => {
    const backend = hanging();
    const started = performance.now();
    await expect(callBackend(backend, job, 2, { ...options, timeoutMs: 200 })).rejects.toBeInstanceOf(BackendTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    // the timer starts just before run() is called, so run sees a few ms less
    expect(backend.abortedAt! - backend.startedAt!).toBeGreaterThanOrEqual(180);
  });

  it("rejects counts that do not add up or have the wrong width", async () => {
    const wrong: Record<string, number>[] = [{ "10": 49 }, { "1": 50 }, { "10": 50.5 }];
    for (const counts of wrong) {
      const backend: Backend = { describe: () => ({ name: "liar", maxQubits: 2, basisGates: [] }), run: async () => ({ counts }) };
      await expect(callBackend(backend, job, 2, options)).rejects.toThrow(/liar returned/);
    }
  });
});

describe("QAOA and VQE sampled through a backend", () => {
  const qubo = randomQubo(4, 11);

  it("QAOA: the local backend's shots follow the in-process distribution; same seed, same set", async () => {
    const direct = await qaoaSampler.sample(qubo, { ...QAOA, seed: 2, reads: 4000 });
    const remote = await qaoaSampler.sample(qubo, { ...QAOA, seed: 2, reads: 4000, backend: localSimulatorBackend() });
    expect(remote.info.backend).toEqual({ name: "local-simulator", attempts: 1, failures: [], translatedToBasis: false });
    expect(remote.info.angles).toEqual(direct.info.angles);
    expect(totalVariation(direct, remote)).toBeLessThan(0.06);
    const again = await qaoaSampler.sample(qubo, { ...QAOA, seed: 2, reads: 4000, backend: localSimulatorBackend() });
    expect(again.toJSON().samples).toEqual(remote.toJSON().samples);
  });

  it("QAOA on a device basis {rz, sx, x, cx}: translated before sending, same distribution", async () => {
    const direct = await qaoaSampler.sample(qubo, { ...QAOA, seed: 4, reads: 4000 });
    const device = localSimulatorBackend({ name: "device", basisGates: ["rz", "sx", "x", "cx"] });
    const remote = await qaoaSampler.sample(qubo, { ...QAOA, seed: 4, reads: 4000, backend: device });
    expect(remote.info.backend).toMatchObject({ name: "device", translatedToBasis: true });
    expect(totalVariation(direct, remote)).toBeLessThan(0.06);
  });

  it("VQE: the local backend's shots follow the in-process distribution", async () => {
    const options = { layers: 1, maxEvaluations: 60, seed: 3, reads: 4000 };
    const direct = await vqeSampler.sample(qubo, options);
    const remote = await vqeSampler.sample(qubo, { ...options, backend: localSimulatorBackend() });
    expect(remote.info.backend).toMatchObject({ name: "local-simulator", attempts: 1 });
    expect(totalVariation(direct, remote)).toBeLessThan(0.06);
  });

  it("a backend option that is not a Backend is a TypeError", async () => {
    await expect(qaoaSampler.sample(qubo, { ...QAOA, backend: { run: 1 } })).rejects.toThrow(TypeError);
  });
});

describe("mode quantum falls back when the backend fails", () => {
  const qubo = randomQubo(5, 12);
  const quantum = (backend: Backend, extra: Record<string, unknown> = {}) =>
    solve(qubo, { mode: "quantum", seed: 1, reads: 50, parameters: { ...QAOA, backend, backendRetries: 1, ...extra }, fallback: { solver: "exact" } });

  it("a backend that throws: the exact solver's result, with {requested, used, reason}", async () => {
    const set = await quantum(scripted([new BackendError("device offline", false)]));
    expect(set.manifest.solver).toBe("exact");
    expect(set.fallback).toMatchObject({ requested: { mode: "quantum", solver: "qaoa" }, used: { mode: "classical", solver: "exact" } });
    expect(set.fallback!.reason).toMatch(/qaoa failed after \d+ ms: device offline/);
  });

  it("a backend that hangs: falls back within its timeout", async () => {
    const backend = hanging();
    const set = await quantum(backend, { backendTimeoutMs: 300 });
    const finished = performance.now();
    expect(set.manifest.solver).toBe("exact");
    expect(set.fallback!.reason).toMatch(/hanging timed out after 300 ms/);
    // the call was given up at its timeout (timers fire late under load, never early)
    expect(backend.abortedAt! - backend.startedAt!).toBeGreaterThanOrEqual(280);
    expect(backend.abortedAt! - backend.startedAt!).toBeLessThan(300 + 2000);
    // and the fallback ran right after, not after some later limit
    expect(finished - backend.abortedAt!).toBeLessThan(3000);
  });

  it("a backend that hangs past the run's time limit: the time limit aborts the call and is the reason", async () => {
    const backend = hanging();
    const started = performance.now();
    const set = await solve(qubo, {
      mode: "quantum",
      seed: 1,
      reads: 50,
      timeLimitMs: 600,
      parameters: { ...QAOA, maxEvaluations: 5, backend, backendTimeoutMs: 60_000 },
      fallback: { solver: "exact" },
    });
    expect(set.manifest.solver).toBe("exact");
    expect(set.fallback!.reason).toMatch(/the time limit ran out waiting for hanging/);
    // the call's signal was aborted by the time limit, well before the backend's own 60 s
    expect(backend.abortedAt).toBeDefined();
    expect(backend.abortedAt! - started).toBeGreaterThanOrEqual(550);
    expect(backend.abortedAt! - started).toBeLessThan(600 + 2000);
  });

  it("a flaky backend is retried and the quantum result kept", async () => {
    const set = await quantum(scripted([new BackendError("queue busy", true)]));
    expect(set.fallback).toBeNull();
    expect(set.manifest.solver).toBe("qaoa");
    expect(set.info.backend).toMatchObject({ name: "scripted", attempts: 2, failures: ["queue busy"] });
  });

  it("a problem wider than the backend is refused before running", async () => {
    const set = await quantum(localSimulatorBackend({ name: "small-device", maxQubits: 3 }));
    expect(set.fallback!.reason).toBe("qaoa needs 5 qubits; backend small-device has 3");
  });
});
