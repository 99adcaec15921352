import { describe, expect, it } from "vitest";
import { FALLBACK_FLOOR_MS, fallbackTime } from "../../src/solve/fallback-time.js";
import { BackendError, SampleSet, type SolveOptions, solve, tabuSearch } from "../../src/solve/index.js";
import { randomQubo } from "./problems.js";
import { hanging, scripted, slow } from "./test-backends.js";

// QAOA runs for real; only the device behind it fails (never answers, or refuses after a delay).
// Wall-clock bounds leave room for a loaded machine; the time the fallback was given is exact.
const QAOA = { p: 1, maxEvaluations: 5 };
const qubo = randomQubo(5, 12);
const quantum = (options: SolveOptions): Promise<SampleSet> =>
  solve(qubo, { mode: "quantum", seed: 1, reads: 50, ...options, parameters: { ...QAOA, ...options.parameters } });
/** The timeout's grace after the limit (docs/solvers.md, "Modes and fallback"). */
const graceMs = (limitMs: number): number => Math.max(100, 0.1 * limitMs);

describe("a solve's time limit covers the quantum attempt and its fallback", () => {
  it("an attempt that times out leaves the fallback only the floor, and the call ends near the limit", async () => {
    const limitMs = 1500;
    const started = performance.now();
    const set = await quantum({
      timeLimitMs: limitMs,
      parameters: { backend: hanging(), backendTimeoutMs: 60_000 },
      // Restarting until its time is spent, the fallback takes all it is given: its share shows in the wall time.
      fallback: { solver: "tabu", reads: Infinity },
    });
    const wallMs = performance.now() - started;
    expect(set.fallback!.reason).toMatch(/the time limit ran out waiting for hanging/);
    const floorMs = 0.05 * limitMs;
    expect(set.fallback!.time).toEqual({ requestedMs: limitMs, spentMs: expect.any(Number), givenMs: floorMs });
    expect(set.fallback!.time!.spentMs).toBeGreaterThanOrEqual(limitMs - 1);
    expect(set.manifest.timeLimitMs).toBe(floorMs);
    expect(set.info.stoppedBy).toBe("time-limit");
    // Given the whole limit again, the fallback alone would have run past 2 × limit.
    expect(wallMs).toBeLessThan(limitMs + graceMs(limitMs) + floorMs + 1000);
  });

  it("an attempt that fails part-way leaves the fallback the rest of the limit", async () => {
    const limitMs = 1500;
    const device = slow(300, scripted([new BackendError("device offline", false)]));
    const started = performance.now();
    const set = await quantum({ timeLimitMs: limitMs, parameters: { backend: device, backendRetries: 0 }, fallback: { solver: "tabu", reads: Infinity } });
    const wallMs = performance.now() - started;
    expect(set.fallback!.reason).toMatch(/qaoa failed after \d+ ms: device offline/);
    const { spentMs, givenMs } = set.fallback!.time!;
    expect(spentMs).toBeGreaterThanOrEqual(300);
    expect(givenMs).toBe(limitMs - spentMs);
    expect(set.manifest.timeLimitMs).toBe(givenMs);
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(wallMs).toBeLessThan(limitMs + graceMs(limitMs) + 1000);
  });

  it("a refusal before the attempt leaves the fallback the limit less the admit check; a limit that does not bind changes no sample", async () => {
    const wide = randomQubo(30, 4);
    const refused = { mode: "quantum", seed: 7, reads: 5 } as const;
    const limited = await solve(wide, { ...refused, timeLimitMs: 60_000 });
    expect(limited.fallback!.reason).toMatch(/qaoa needs 30 qubits/);
    const { spentMs, givenMs } = limited.fallback!.time!;
    expect(spentMs).toBeGreaterThanOrEqual(1);
    expect(givenMs).toBe(60_000 - spentMs);
    expect(SampleSet.fromJSON(JSON.parse(JSON.stringify(limited))).fallback).toEqual(limited.fallback);
    const unlimited = await solve(wide, refused);
    expect(limited.info.stoppedBy).toBeUndefined();
    expect(limited.toJSON().samples).toEqual(unlimited.toJSON().samples);
  });

  it("without a time limit the fallback runs as before: no time record, the same bits per seed as the solver run directly", async () => {
    const failed = await quantum({ parameters: { backend: scripted([new BackendError("device offline", false)]), backendRetries: 0 } });
    const refused = await solve(randomQubo(30, 4), { mode: "quantum", seed: 7, reads: 5 });
    for (const [set, direct] of [
      [failed, await tabuSearch.sample(qubo, { seed: 1, reads: 50 })],
      [refused, await tabuSearch.sample(randomQubo(30, 4), { seed: 7, reads: 5 })],
    ] as const) {
      expect(set.fallback).not.toBeNull();
      expect(set.fallback).not.toHaveProperty("time");
      expect(set.manifest).toEqual(direct.manifest);
      expect(set.toJSON().samples).toEqual(direct.toJSON().samples);
    }
  });

  it("timeLimitMs: Infinity is no limit: a device that answers late is waited for", async () => {
    const set = await quantum({ timeLimitMs: Infinity, parameters: { backend: slow(30) } });
    expect(set.fallback).toBeNull();
    expect(set.manifest.solver).toBe("qaoa");
    expect(set.nReads).toBe(50);
  });
});

describe("fallbackTime", () => {
  it("charges the attempt whole milliseconds and gives the fallback the rest", () => {
    expect(fallbackTime(300, 0.4)).toEqual({ requestedMs: 300, spentMs: 1, givenMs: 299 });
    expect(fallbackTime(1000, 612.01)).toEqual({ requestedMs: 1000, spentMs: 613, givenMs: 387 });
  });

  it("never gives less than the larger of the floor and 5% of the limit, nor more than the limit", () => {
    expect(fallbackTime(200, 350).givenMs).toBe(FALLBACK_FLOOR_MS);
    expect(fallbackTime(200, 195).givenMs).toBe(FALLBACK_FLOOR_MS);
    expect(fallbackTime(60_000, 70_000).givenMs).toBe(3000);
    expect(fallbackTime(10, 50).givenMs).toBe(10);
  });
});
