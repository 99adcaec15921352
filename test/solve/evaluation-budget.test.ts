import { describe, expect, it } from "vitest";
import {
  defineSampler,
  exactSampler,
  greedySampler,
  milpSolver,
  parallelTempering,
  qaoaSampler,
  randomSampler,
  type SampleSet,
  type Sampler,
  type SamplerOptions,
  simulatedAnnealing,
  simulatedBifurcation,
  solve,
  steepestDescentSampler,
  tabuSearch,
  vqeSampler,
} from "../../src/solve/index.js";
import { randomQubo } from "./problems.js";

/** A SampleSet without its wall-clock timing: what must be identical for the same seed. */
function withoutTiming(set: SampleSet): unknown {
  const { timing: _timing, ...rest } = set.toJSON();
  return rest;
}

const N = 12;
const QUBO = randomQubo(N, 5);

// Solvers whose work per read is a length the budget sets when the user did not.
const SIZED: readonly [Sampler, SamplerOptions][] = [
  [simulatedAnnealing, { reads: 4 }],
  [tabuSearch, { reads: 3 }],
  [parallelTempering, { reads: 2, replicas: 4 }],
  [simulatedBifurcation, { reads: 4 }],
];
const CAPPED: readonly [Sampler, SamplerOptions][] = [
  [greedySampler, { reads: 1000 }],
  [steepestDescentSampler, { reads: 1000 }],
  [randomSampler, { reads: 100_000 }],
  [simulatedAnnealing, { reads: 1000, sweeps: 50 }],
  [tabuSearch, { reads: 1000, stallIterations: 100 }],
];

describe("evaluation budget", () => {
  it.each(SIZED.map(([sampler, options]) => ({ name: sampler.name, sampler, options })))(
    "$name sizes its reads to spend between half and all of the budget, the same bits for the same seed",
    async ({ sampler, options }) => {
      for (const budget of [5_000, 40_000]) {
        const a = await sampler.sample(QUBO, { ...options, evaluationBudget: budget, seed: 3 });
        const spent = a.info.evaluations as number;
        expect(Number.isSafeInteger(spent)).toBe(true);
        expect(spent).toBeLessThanOrEqual(budget);
        expect(spent).toBeGreaterThanOrEqual(budget / 2);
        expect(a.nReads).toBe(options.reads);
        expect(a.info.stoppedBy).toBeUndefined();
        expect(a.manifest.evaluationBudget).toBe(budget);
        const b = await sampler.sample(QUBO, { ...options, evaluationBudget: budget, seed: 3 });
        expect(withoutTiming(b)).toEqual(withoutTiming(a));
      }
    },
  );

  it.each(CAPPED.map(([sampler, options]) => ({ label: `${sampler.name} ${JSON.stringify(options)}`, sampler, options })))(
    "$label stops when the budget is spent, says so, and never overspends",
    async ({ sampler, options }) => {
      const budget = 3_000;
      const set = await sampler.sample(QUBO, { ...options, evaluationBudget: budget, seed: 1 });
      const spent = set.info.evaluations as number;
      expect(spent).toBeLessThanOrEqual(budget);
      expect(spent).toBeGreaterThanOrEqual(budget / 2);
      expect(set.info.stoppedBy).toBe("evaluations");
      expect(set.info.readsCompleted).toBe(set.nReads);
      expect(set.nReads).toBeLessThan(options.reads as number);
      const again = await sampler.sample(QUBO, { ...options, evaluationBudget: budget, seed: 1 });
      expect(withoutTiming(again)).toEqual(withoutTiming(set));
    },
  );

  it("every counting sampler reports its evaluations without a budget too", async () => {
    for (const sampler of [simulatedAnnealing, tabuSearch, parallelTempering, simulatedBifurcation, greedySampler, steepestDescentSampler, randomSampler, exactSampler]) {
      expect(sampler.countsEvaluations).toBe(true);
      const set = await sampler.sample(QUBO, { reads: 2, seed: 0 });
      expect(Number.isSafeInteger(set.info.evaluations) && (set.info.evaluations as number) >= 1).toBe(true);
    }
    // sa: a read is one start plus sweeps·n proposals.
    const sa = await simulatedAnnealing.sample(QUBO, { reads: 3, sweeps: 10, seed: 0 });
    expect(sa.info.evaluations).toBe(3 * (1 + 10 * N));
    expect(milpSolver.countsEvaluations).toBe(false);
  });

  it("the contract catches a counting sampler that does not count, or overspends", async () => {
    const counting = (spend: number) =>
      defineSampler<Record<string, never>, number>({
        name: "test-counting",
        family: "classical",
        summary: "pushes one read and spends what it is told",
        defaultReads: 1,
        countsEvaluations: true,
        parameters: {},
        encode: (qubo) => qubo.linear.length,
        solve: (n, _params, context) => {
          context.out.push(new Uint8Array(n));
          if (spend > 0) context.evaluations.spend(spend);
        },
      });
    await expect(counting(0).sample(QUBO, {})).rejects.toThrow(/internal: solver test-counting reported 0 evaluations/);
    await expect(counting(11).sample(QUBO, { evaluationBudget: 10 })).rejects.toThrow(/internal: 11 evaluations spent, budget 10/);
    expect((await counting(10).sample(QUBO, { evaluationBudget: 10 })).info.evaluations).toBe(10);
  });

  it("sa with a bigger budget does not do worse on average over seeds", async () => {
    const qubo = randomQubo(40, 11, 0.3);
    let small = 0;
    let large = 0;
    for (let seed = 0; seed < 8; seed++) {
      small += (await simulatedAnnealing.sample(qubo, { reads: 2, evaluationBudget: 2 * 40 * 3, seed })).bestEnergy!.energy;
      large += (await simulatedAnnealing.sample(qubo, { reads: 2, evaluationBudget: 2 * 40 * 300, seed })).bestEnergy!.energy;
    }
    expect(large).toBeLessThan(small);
  });

  it("runs fewer reads, and says so, when one sweep per read does not fit", async () => {
    const set = await simulatedAnnealing.sample(QUBO, { reads: 10, evaluationBudget: 3 * (1 + N), seed: 2 });
    expect(set.nReads).toBe(3);
    expect(set.info.sweeps).toBe(1);
    expect(set.info.stoppedBy).toBe("evaluations");
    expect(set.info.evaluations).toBe(3 * (1 + N));
    await expect(simulatedAnnealing.sample(QUBO, { evaluationBudget: N })).rejects.toThrow(/evaluationBudget 12 is below one read/);
  });

  it("tells a length the caller set from its default by the raw options (sweeps: 1000 is set, not sized)", async () => {
    const sized = await simulatedAnnealing.sample(QUBO, { reads: 4, evaluationBudget: 5_000, seed: 1 });
    expect(sized.nReads).toBe(4);
    expect(sized.info.sweeps).toBe(Math.floor((5_000 - 4) / (4 * N)));
    const capped = await simulatedAnnealing.sample(QUBO, { reads: 4, sweeps: 1000, evaluationBudget: 5_000, seed: 1 });
    expect(capped.info.sweeps).toBe(1000);
    expect(capped.nReads).toBe(1);
    expect(capped.info.stoppedBy).toBe("evaluations");
    expect(capped.info.quenchedRead).toBe(0);
    expect(capped.info.evaluations as number).toBeLessThanOrEqual(5_000);
  });

  it("exact stops at a time limit too, and does not claim optimality", async () => {
    const big = randomQubo(26, 1, 0.2);
    const set = await exactSampler.sample(big, { timeLimitMs: 20 });
    expect(set.info.optimal).toBe(false);
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(set.info.evaluations as number).toBeLessThan(2 ** 26);
  });

  it("exact below 2ⁿ stops early and does not claim optimality", async () => {
    const full = await exactSampler.sample(QUBO, {});
    expect(full.info.evaluations).toBe(2 ** N);
    expect(full.info.optimal).toBe(true);
    for (const budget of [1, 100, 3_000]) {
      const cut = await exactSampler.sample(QUBO, { evaluationBudget: budget });
      const spent = cut.info.evaluations as number;
      expect(spent).toBeLessThanOrEqual(budget);
      expect(spent).toBeGreaterThan(budget / 2);
      expect(cut.info.optimal).toBe(false);
      expect(cut.info.stoppedBy).toBe("evaluations");
    }
    const enough = await exactSampler.sample(QUBO, { evaluationBudget: 2 ** N });
    expect(enough.info.optimal).toBe(true);
    expect(enough.info.stoppedBy).toBeUndefined();
  });

  it("milp refuses a budget, saying why and what to use instead", async () => {
    await expect(milpSolver.sample(QUBO, { evaluationBudget: 1000 })).rejects.toThrow(RangeError);
    await expect(milpSolver.sample(QUBO, { evaluationBudget: 1000 })).rejects.toThrow(/HiGHS.*timeLimitMs/);
  });

  it.each([0, -1, 1.5, NaN, Infinity, "10"])("rejects evaluationBudget %s naming the option", async (bad) => {
    const run = simulatedAnnealing.sample(QUBO, { evaluationBudget: bad as number });
    await expect(run).rejects.toThrow(/evaluationBudget/);
    await expect(simulatedAnnealing.sample(QUBO, { evaluationBudget: bad as number })).rejects.toThrow(typeof bad === "string" ? TypeError : RangeError);
  });
});

describe("reads: Infinity", () => {
  it("needs a finite time limit or an evaluation budget", async () => {
    await expect(simulatedAnnealing.sample(QUBO, { reads: Infinity })).rejects.toThrow(/reads: Infinity needs/);
    await expect(simulatedAnnealing.sample(QUBO, { reads: Infinity, timeLimitMs: Infinity })).rejects.toThrow(RangeError);
  });

  it("is refused, saying why, by samplers whose reads are not restarts", async () => {
    for (const sampler of [exactSampler, milpSolver, qaoaSampler, vqeSampler]) {
      expect(sampler.readsAreRestarts).toBe(false);
      await expect(sampler.sample(randomQubo(4, 1), { reads: Infinity, timeLimitMs: 100 })).rejects.toThrow(/cannot take reads: Infinity: .+/);
    }
  });

  it.each([simulatedAnnealing, tabuSearch, parallelTempering, simulatedBifurcation, greedySampler, steepestDescentSampler, randomSampler].map((s) => ({ name: s.name, sampler: s })))(
    "$name restarts until the budget is spent, the same bits for the same seed",
    async ({ sampler }) => {
      expect(sampler.readsAreRestarts).toBe(true);
      const budget = 200_000;
      const a = await sampler.sample(QUBO, { reads: Infinity, evaluationBudget: budget, seed: 4 });
      const spent = a.info.evaluations as number;
      expect(spent).toBeLessThanOrEqual(budget);
      expect(spent).toBeGreaterThanOrEqual(budget / 2);
      expect(a.info.stoppedBy).toBe("evaluations");
      expect(a.manifest.reads).toBeNull();
      const b = await sampler.sample(QUBO, { reads: Infinity, evaluationBudget: budget, seed: 4 });
      expect(withoutTiming(b)).toEqual(withoutTiming(a));
    },
  );

  it("shortens its reads to the budget when one default-length read would not fit, rather than cut it", async () => {
    const budget = 1 + 300 * N; // a third of one 1000-sweep read
    const set = await simulatedAnnealing.sample(QUBO, { reads: Infinity, evaluationBudget: budget, seed: 5 });
    expect(set.info.sweeps).toBe(300);
    expect(set.info.quenchedRead).toBeUndefined();
    expect(set.info.evaluations).toBe(budget);
    expect(set.nReads).toBe(1);
    const longer = await simulatedAnnealing.sample(QUBO, { reads: Infinity, evaluationBudget: 3 * (1 + 1000 * N), seed: 5 });
    expect(longer.info.sweeps).toBe(1000);
    expect(longer.nReads).toBe(3);
  });

  it("restarts until a time limit when there is no evaluation budget", async () => {
    const started = performance.now();
    const set = await randomSampler.sample(QUBO, { reads: Infinity, timeLimitMs: 50, seed: 1 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(set.nReads).toBe(set.info.evaluations);
    expect(set.nReads).toBeGreaterThan(1000);
  });
});

describe("evaluation budget of the variational loops", () => {
  const small = randomQubo(4, 2);

  it("splits the budget: final shots first, then ⌊(E − reads) / cost per optimiser call⌋ estimates", async () => {
    // nelder-mead: one estimate per call, estimateShots evaluations each.
    const reads = 20;
    const shots = 10;
    const budget = reads + 7 * shots + 5; // room for 7 calls, 5 evaluations left over
    const set = await qaoaSampler.sample(small, { reads, evaluationBudget: budget, estimateShots: shots, optimizer: "nelder-mead", p: 1, seed: 1 });
    const calls = set.info.nEvaluations as number;
    expect(calls).toBe(7);
    expect(set.info.evaluations).toBe(reads + calls * shots);
    expect(set.info.stoppedBy).toBe("evaluations");
    expect(set.nReads).toBe(reads);
    // lbfgs: a value with its adjoint gradient costs five estimates.
    const withGradient = await qaoaSampler.sample(small, { reads, evaluationBudget: reads + 3 * 5 * shots, estimateShots: shots, p: 1, seed: 1 });
    expect(withGradient.info.nEvaluations).toBeLessThanOrEqual(3);
    expect(withGradient.info.evaluations).toBe(reads + (withGradient.info.nEvaluations as number) * 5 * shots);
  });

  it("never overspends with INTERP when the budget has fewer calls than depths", async () => {
    const set = await qaoaSampler.sample(small, { reads: 10, evaluationBudget: 10 + 2 * 50, estimateShots: 50, optimizer: "cobyla", p: 4, seed: 3 });
    expect(set.info.nEvaluations).toBeLessThanOrEqual(2);
    expect(set.info.evaluations as number).toBeLessThanOrEqual(110);
    expect(set.info.p).toBe(4);
  });

  it("refuses a budget that leaves no estimate after the final shots, naming the numbers", async () => {
    await expect(qaoaSampler.sample(small, { reads: 100, evaluationBudget: 149, estimateShots: 10 })).rejects.toThrow(
      /evaluationBudget 149 leaves no energy estimate after 100 final shots \(one optimiser call costs 50 evaluations\)/,
    );
    await expect(vqeSampler.sample(small, { reads: 100, evaluationBudget: 100, optimizer: "spsa", estimateShots: 1 })).rejects.toThrow(RangeError);
  });

  it("vqe spends what it reports, the same bits for the same seed", async () => {
    const options = { reads: 50, evaluationBudget: 50 + 40 * 25, estimateShots: 25, optimizer: "spsa", layers: 1, seed: 8 } as const;
    const a = await vqeSampler.sample(small, options);
    expect(a.info.evaluations).toBe(50 + (a.info.nEvaluations as number) * 25);
    expect(a.info.evaluations as number).toBeLessThanOrEqual(options.evaluationBudget);
    const b = await vqeSampler.sample(small, options);
    expect(withoutTiming(b)).toEqual(withoutTiming(a));
  });
});

describe("evaluation budget through solve()", () => {
  it("passes the same budget to the classical fallback", async () => {
    const budget = 20_000;
    const set = await solve(QUBO, { mode: "quantum", solver: "qaoa", parameters: { maxQubits: 4 }, evaluationBudget: budget, seed: 2 });
    expect(set.fallback?.used.solver).toBe("tabu");
    expect(set.manifest.evaluationBudget).toBe(budget);
    expect(set.info.evaluations as number).toBeLessThanOrEqual(budget);
    expect(set.info.evaluations as number).toBeGreaterThanOrEqual(budget / 2);
  });

  it("passes it to the solver of a classical run", async () => {
    const set = await solve(QUBO, { solver: "sa", evaluationBudget: 5_000, reads: 2, seed: 2 });
    expect(set.info.evaluations as number).toBeLessThanOrEqual(5_000);
    expect(set.info.sweeps).toBe(Math.floor((5_000 - 2) / (2 * N)));
  });
});
