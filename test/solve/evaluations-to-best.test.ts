// Evaluations to the best: the objective evaluations a counting solver had spent when it first held
// its best sample, far below the whole spend when the best came early (every counting solver's count
// is checked in time-to-best.test.ts).
import { describe, expect, it } from "vitest";
import { parallelTempering, qaoaSampler, randomSampler, simulatedAnnealing, simulatedBifurcation, tabuSearch, SampleSet } from "../../src/solve/index.js";
import { ReadBuffer } from "../../src/solve/read-buffer.js";
import { randomQubo } from "./problems.js";

describe("evaluations to the best under a long budget", () => {
  // An easy 14-variable problem: every solver holds the optimum long before 400,000 evaluations are spent.
  const qubo = randomQubo(14, 21);
  const budget = 400_000;
  for (const [sampler, options] of [
    [tabuSearch, {}],
    [parallelTempering, { replicas: 4 }],
    [simulatedAnnealing, { sweeps: 100 }],
    [randomSampler, {}],
  ] as const) {
    it(`${sampler.name} reached its best after a small part of the budget`, async () => {
      const set = await sampler.sample(qubo, { ...options, reads: Infinity, evaluationBudget: budget, seed: 3 });
      const spent = set.info.evaluations as number;
      expect(spent).toBeGreaterThan(0.9 * budget);
      expect(set.info.evaluationsToBest as number).toBeLessThan(0.1 * spent);
    });
  }

  it("annealing counts up to the sweep after which the read's energy last changed, not the end of its schedule", async () => {
    // One long anneal of an easy problem: the read freezes long before its 20,000th sweep.
    const n = 14;
    const set = await simulatedAnnealing.sample(qubo, { reads: 1, sweeps: 20_000, seed: 4 });
    const spent = set.info.evaluations as number;
    expect(spent).toBe(1 + 20_000 * n);
    const found = set.info.evaluationsToBest as number;
    expect(found).toBeLessThan(0.5 * spent);
    // Charged whole sweeps: the random start plus a number of sweeps.
    expect((found - 1) % n).toBe(0);
  });

  it("bifurcation counts up to the check after which the read's signs last changed, not the end of its ramp", async () => {
    const n = 14;
    const set = await simulatedBifurcation.sample(qubo, { reads: 1, steps: 20_000, seed: 4 });
    const spent = set.info.evaluations as number;
    expect(spent).toBe(20_000 * n);
    const found = set.info.evaluationsToBest as number;
    expect(found).toBeLessThan(0.9 * spent);
    // Signs are checked every 16 steps.
    expect(found % (16 * n)).toBe(0);
  });

  it("tabu counts up to the iteration that found the best, not the end of its walk", async () => {
    // One walk that goes on for 100,000 iterations after its last improvement.
    const set = await tabuSearch.sample(qubo, { reads: 1, stallIterations: 100_000, seed: 2 });
    expect(set.info.evaluationsToBest as number).toBeLessThan(0.01 * (set.info.evaluations as number));
  });
});

describe("evaluations to the best, per kind of read", () => {
  it("random sampling spends one evaluation a read, so they equal the reads to the best", async () => {
    const set = await randomSampler.sample(randomQubo(10, 5), { reads: 500, seed: 9 });
    expect(set.info.evaluationsToBest).toBe(set.info.readsToBest);
  });

  it("a QAOA shot is charged the optimisation before it and its own index", async () => {
    const reads = 300;
    const set = await qaoaSampler.sample(randomQubo(8, 4), { reads, p: 1, maxEvaluations: 30, seed: 5 });
    const beforeShots = (set.info.evaluations as number) - reads;
    expect(set.info.evaluationsToBest).toBe(beforeShots + (set.info.readsToBest as number));
    const firstShot = set.firstReached(() => true)!;
    expect(firstShot).toEqual({ nReads: 1, ms: expect.any(Number), evaluations: beforeShots + 1 });
  });

  it("survive a JSON round trip in info, and are unknown once the read order is lost", async () => {
    const set = await tabuSearch.sample(randomQubo(10, 2), { reads: 4, seed: 1 });
    const rebuilt = SampleSet.fromJSON(JSON.parse(JSON.stringify(set)));
    expect(rebuilt.info.evaluationsToBest).toBe(set.info.evaluationsToBest);
    expect(rebuilt.firstReached(() => true)).toBeNull();
    expect(set.merge(set).samples.every((sample) => sample.firstEvaluations === undefined)).toBe(true);
  });
});

describe("ReadBuffer evaluation counts", () => {
  it("keeps the first count of a merged assignment, takes a solver's own count, and survives compaction", () => {
    let spent = 0;
    const energyOf = (x: ArrayLike<number>): number => -(x[0]! + x[1]!);
    const buffer = new ReadBuffer(2, 4, undefined, { keep: 1, energyOf }, () => spent);
    spent = 5;
    buffer.push([1, 0]);
    spent = 9;
    buffer.push([1, 0]);
    buffer.push([0, 1], undefined, 7);
    expect(buffer.evaluationsOf(0)).toBe(5);
    expect(buffer.evaluationsOf(1)).toBe(7);
    spent = 12;
    // The third distinct assignment compacts the buffer to the lowest energy, then joins it.
    buffer.push([1, 1]);
    expect(buffer.distinct).toBe(2);
    expect([buffer.evaluationsOf(0), buffer.evaluationsOf(1)]).toEqual([5, 12]);
  });

  it("has no counts for a solver that does not count", () => {
    const buffer = new ReadBuffer(2, 1);
    buffer.push([1, 0], undefined, 3);
    expect(buffer.evaluationsOf(0)).toBeNull();
  });
});
