import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { modelToLp, quboEnergy, quboFromTerms, quboToLp } from "../../src/compile/index.js";
import { Model } from "../../src/model/index.js";
import { allAssignments, arbModel, bruteForceMin, buildModel, evalTest, isFeasible, type TestModel } from "./random-model.js";

interface Highs {
  solve(text: string, options: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}
let highs: Highs;
beforeAll(async () => {
  const module = (await import("highs")) as unknown as { default: () => Promise<Highs> };
  highs = await module.default();
});

function optimum(t: TestModel): number | undefined {
  let best: number | undefined;
  for (const values of allAssignments(t.domains)) {
    if (!isFeasible(t, values)) continue;
    const f = evalTest(t.objective, values);
    if (best === undefined || (t.sense === "minimize" ? f < best : f > best)) best = f;
  }
  return best;
}

describe("CPLEX LP output", () => {
  it("HiGHS reads it and finds the brute-force constrained optimum (integers, spins, products linearised)", () => {
    fc.assert(
      fc.property(arbModel({ maxVars: 4, maxDegree: 3, maxConstraints: 2 }), (t) => {
        const lp = modelToLp(buildModel(t));
        const result = highs.solve(lp.text, { mip_rel_gap: 0, output_flag: false });
        const best = optimum(t);
        if (best === undefined) {
          expect(result.Status).toBe("Infeasible");
          return;
        }
        expect(result.Status).toBe("Optimal");
        expect(result.ObjectiveValue + lp.offset).toBeCloseTo(best, 6);
        // the native columns decode to a feasible optimal point
        const values = lp.columns.map((c, i) => {
          const v = Math.round(result.Columns[c]?.Primal ?? 0);
          return t.domains[i].kind === "spin" ? 1 - 2 * v : v;
        });
        expect(isFeasible(t, values)).toBe(true);
        expect(evalTest(t.objective, values)).toBeCloseTo(best, 6);
      }),
      { numRuns: 80 },
    );
  });

  it("keeps linear constraints and integer columns native", () => {
    const m = new Model("plan");
    const k = m.int("k", -2, 5);
    const x = m.binary("x", [2]);
    m.maximize(k.at().times(3).plus(x.at(0)).plus(x.at(1).times(k.at())));
    m.constraint("cap", k.at().plus(x.at(0).times(4)), "<=", 6);
    m.constraint("tidy", x.at(0).plus(x.at(1)), ">=", 1, { penalty: { soft: 2 } });
    const lp = modelToLp(m);
    expect(lp.text).toMatch(/^Maximize/);
    expect(lp.text).toContain(" cap: 1 k + 4 x.0 <= 6");
    expect(lp.text).toContain(" -2 <= k <= 5");
    expect(lp.text).toMatch(/General\n k\n/);
    const result = highs.solve(lp.text, { mip_rel_gap: 0, output_flag: false });
    expect(result.Status).toBe("Optimal");
    // best: k = 6 - 4·x0; x0 = 0, k = 5, x1 = 1 → 15 + 0 + 5 = 20 (soft satisfied by x1)
    expect(result.ObjectiveValue + lp.offset).toBeCloseTo(20, 9);
  });

  it("quboToLp: HiGHS's optimum equals the brute-force QUBO minimum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            terms: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -9, max: 9 })), { maxLength: 20 }),
          }),
        ),
        ({ n, terms }) => {
          const qubo = quboFromTerms(Array.from({ length: n }, (_, i) => `q${i}`), terms, 1.5);
          const lp = quboToLp(qubo);
          const result = highs.solve(lp.text, { mip_rel_gap: 0, output_flag: false });
          expect(result.Status).toBe("Optimal");
          const { min } = bruteForceMin(n, (bits) => quboEnergy(qubo, bits));
          expect(result.ObjectiveValue + lp.offset).toBeCloseTo(min, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});
