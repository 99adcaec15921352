import { describe, expect, it } from "vitest";
import {
  greedySampler,
  parallelTempering,
  qaoaSampler,
  randomSampler,
  simulatedAnnealing,
  simulatedBifurcation,
  steepestDescentSampler,
  tabuSearch,
  type Sampler,
  type SamplerOptions,
  SampleSet,
} from "../../src/solve/index.js";
import { randomQubo } from "./problems.js";

const CASES: readonly [Sampler, SamplerOptions][] = [
  [simulatedAnnealing, { reads: 40, sweeps: 50 }],
  [tabuSearch, { reads: 8 }],
  [parallelTempering, { reads: 6, sweeps: 40, replicas: 4 }],
  [simulatedBifurcation, { reads: 30, steps: 200 }],
  [greedySampler, { reads: 40 }],
  [steepestDescentSampler, { reads: 40 }],
  [randomSampler, { reads: 3000 }],
  [qaoaSampler, { reads: 300, p: 1, maxEvaluations: 30 }],
];

describe.each(CASES.map(([sampler, options]) => ({ name: sampler.name, sampler, options })))("when $name first found its best", ({ sampler, options }) => {
  it("reports a time within the solve time and a read count within the reads", async () => {
    const set = await sampler.sample(randomQubo(12, 3), { ...options, seed: 4 });
    const foundMs = set.timing.bestFoundMs;
    expect(typeof foundMs).toBe("number");
    expect(foundMs!).toBeGreaterThanOrEqual(0);
    expect(foundMs!).toBeLessThanOrEqual(set.timing.solveMs);
    const readsToBest = set.info.readsToBest as number;
    expect(Number.isSafeInteger(readsToBest)).toBe(true);
    expect(readsToBest).toBeGreaterThanOrEqual(1);
    expect(readsToBest).toBeLessThanOrEqual(set.nReads);
  });

  it("reports the same read count for the same seed", async () => {
    const qubo = randomQubo(12, 8);
    const runs = await Promise.all([1, 1, 2].map((seed) => sampler.sample(qubo, { ...options, seed })));
    expect(runs[0]!.info.readsToBest).toBe(runs[1]!.info.readsToBest);
    expect(runs[0]!.timing.bestFoundMs).not.toBeNull();
  });

  it("reports the objective evaluations spent when it first held its best: within the run's, the same for the same seed, and what firstReached says", async () => {
    const qubo = randomQubo(12, 8);
    const [run, again] = await Promise.all([1, 1].map((seed) => sampler.sample(qubo, { ...options, seed })));
    const toBest = run!.info.evaluationsToBest as number;
    expect(Number.isSafeInteger(toBest)).toBe(true);
    expect(toBest).toBeGreaterThanOrEqual(1);
    expect(toBest).toBeLessThanOrEqual(run!.info.evaluations as number);
    expect(again!.info.evaluationsToBest).toBe(toBest);
    // The best sample itself (another with the same energy may have come earlier).
    const best = run!.bestFeasible!;
    expect(run!.firstReached((sample) => sample.bits === best.bits)!.evaluations).toBe(toBest);
  });
});

describe("SampleSet.firstReached", () => {
  it("finds the earliest read meeting a target, which is never after the best's first read", async () => {
    const set = await randomSampler.sample(randomQubo(10, 5), { reads: 500, seed: 9 });
    const best = set.bestEnergy!;
    const atBest = set.firstReached((sample) => sample.energy <= best.energy)!;
    expect(atBest.nReads).toBe(set.info.readsToBest);
    // A looser target is reached no later than the best itself.
    const median = set.samples[Math.floor(set.samples.length / 2)]!.energy;
    const atMedian = set.firstReached((sample) => sample.energy <= median)!;
    expect(atMedian.nReads).toBeLessThanOrEqual(atBest.nReads);
    expect(atMedian.ms!).toBeLessThanOrEqual(atBest.ms!);
    expect(set.firstReached(() => false)).toBeNull();
  });

  it("is null for a set that no longer knows its read order", async () => {
    const set = await randomSampler.sample(randomQubo(6, 1), { reads: 50, seed: 1 });
    expect(SampleSet.fromJSON(JSON.parse(JSON.stringify(set))).firstReached(() => true)).toBeNull();
    expect(set.merge(set).firstReached(() => true)).toBeNull();
    expect(set.firstReached(() => true)).toEqual({ nReads: 1, ms: expect.any(Number), evaluations: 1 });
  });
});

describe("within one read", () => {
  it("tabu and parallel tempering time a read by when its best was first held, not by when the read ended", async () => {
    // One long read each: tabu walks `stall` more iterations after its last improvement, and PT
    // keeps sweeping after the easy optimum, so the best is found well before the read is pushed.
    // Both reads are made long (tens of ms) so that the first iterations' JIT warm-up is a small part.
    const qubo = randomQubo(14, 21);
    for (const [sampler, options] of [[tabuSearch, { reads: 1, stallIterations: 200_000 }], [parallelTempering, { reads: 1, sweeps: 3000, replicas: 4 }]] as const) {
      const set = await sampler.sample(qubo, { ...options, seed: 2 });
      // Measured: about 1% of the solve time on this problem; half leaves room for a noisy machine.
      expect(set.timing.bestFoundMs!, sampler.name).toBeLessThan(0.5 * set.timing.solveMs);
      expect(set.timing.bestFoundMs!, sampler.name).toBeGreaterThanOrEqual(0);
    }
  });
});
