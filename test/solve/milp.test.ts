import { describe, expect, it } from "vitest";
import { quboFromTerms } from "../../src/compile/qubo.js";
import { quboToLp } from "../../src/compile/lp.js";
import { milpSolver } from "../../src/solve/index.js";
import { bruteForceMinimum, randomQubo } from "./problems.js";

describe("MILP through HiGHS", () => {
  it("proves the brute-force optimum on every small random problem", async () => {
    for (let seed = 0; seed < 20; seed++) {
      const qubo = randomQubo(4 + (seed % 13), 1000 + seed);
      const set = await milpSolver.sample(qubo, { seed });
      expect(set.info.optimal).toBe(true);
      expect(set.info.status).toBe("Optimal");
      expect(set.info.route).toBe("qubo");
      expect(set.bestEnergy!.energy).toBe(bruteForceMinimum(qubo));
    }
  });

  it("solves a raw QUBO through its linearisation, writing only the side each coupling's sign needs", () => {
    const qubo = quboFromTerms(["a", "b", "c"], [[0, 1, -2], [1, 2, 3], [0, 0, 1.5]], 7);
    const lp = quboToLp(qubo).text;
    expect(lp).toContain("obj: 1.5 x.0 - 2 prod.0 + 3 prod.1");
    expect(lp).toContain("prod.0.le.x.0: 1 prod.0 - 1 x.0 <= 0");
    expect(lp).toContain("prod.0.le.x.1: 1 prod.0 - 1 x.1 <= 0");
    expect(lp).toContain("prod.1.ge: 1 prod.1 - 1 x.1 - 1 x.2 >= -1");
    expect(lp).not.toContain("prod.0.ge");
    expect(lp).not.toContain("prod.1.le");
  });

  it("adds the offset back and solves a problem without couplings", async () => {
    const qubo = quboFromTerms(["a", "b"], [[0, 0, -1], [1, 1, 2]], 10);
    const set = await milpSolver.sample(qubo);
    expect(set.bestEnergy!.bits).toBe("01");
    expect(set.bestEnergy!.energy).toBe(9);
  });

  it("respects its time limit and returns its incumbent, marked not optimal", async () => {
    const qubo = randomQubo(150, 5, 0.6);
    const started = performance.now();
    const set = await milpSolver.sample(qubo, { timeLimitMs: 300 });
    // HiGHS reads its clock only at its own checkpoints, so it
    // overruns: ~1 s at light load, 4.8 s under a load average of 18 on two cores. The bound only
    // catches a limit that is ignored altogether.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(set.info.optimal).toBe(false);
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(set.samples).toHaveLength(1);
  });

  it("says when the time limit ended it before any incumbent: HiGHS's zero primals are not an answer", async () => {
    // A dense 60-variable QUBO linearises to 1,800 products; 1 ms is spent before the first incumbent.
    const set = await milpSolver.sample(randomQubo(60, 3, 1), { timeLimitMs: 1 });
    expect(set.info.stoppedBy).toBe("time-limit");
    expect(set.info.incumbentFound).toBe(false);
    expect(set.info.optimal).toBe(false);
  });

  it("rejects a gap outside [0, 1]", async () => {
    await expect(milpSolver.sample(randomQubo(3, 1), { gap: 2 })).rejects.toThrow(RangeError);
  });
});
