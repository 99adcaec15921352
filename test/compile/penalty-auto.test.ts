import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, encodeValue, quboEnergy } from "../../src/compile/index.js";
import {
  allAssignments,
  arbModel,
  bruteForceMin,
  buildModel,
  evalTest,
  isFeasible,
  type TestModel,
} from "./random-model.js";

/** Brute-force constrained optimum over the original variables (the reference). */
function constrainedOptimum(t: TestModel): number | undefined {
  let best: number | undefined;
  for (const values of allAssignments(t.domains)) {
    if (!isFeasible(t, values)) continue;
    const f = evalTest(t.objective, values);
    if (best === undefined || (t.sense === "minimize" ? f < best : f > best)) best = f;
  }
  return best;
}

describe("penalty auto", () => {
  it("the exact QUBO minimum decodes to a feasible point with the brute-force constrained optimum", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbModel({ maxVars: 4, maxConstraints: 3 }), (t) => {
        const compiled = compile(buildModel(t));
        fc.pre(compiled.nBits <= 14);
        const optimum = constrainedOptimum(t);
        fc.pre(optimum !== undefined);
        checked++;
        const qubo = compiled.qubo();
        const { argmin } = bruteForceMin(compiled.nBits, (bits) => quboEnergy(qubo, bits));
        for (const bits of argmin) {
          const decoded = compiled.decode(bits);
          expect(decoded.feasible).toBe(true);
          expect(decoded.objective).toBeCloseTo(optimum!, 9);
          expect(isFeasible(t, Array.from(decoded.assignment))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it("soft constraints never count as infeasible", () => {
    const t: TestModel = {
      domains: [{ kind: "binary" }, { kind: "binary" }],
      objective: { k: "add", a: { k: "var", i: 0 }, b: { k: "var", i: 1 } },
      sense: "maximize",
      constraints: [],
    };
    const m = buildModel(t);
    const [a, b] = [m.family("v0").at(), m.family("v1").at()];
    m.constraint("atMostOne", a.plus(b), "<=", 1, { penalty: { soft: 0.5 } });
    const compiled = compile(m);
    const bits = new Uint8Array(compiled.nBits);
    bits[0] = 1;
    bits[1] = 1;
    const decoded = compiled.decode(bits);
    expect(decoded.violations.atMostOne).toBe(1);
    expect(decoded.feasible).toBe(true);
    // with weight 0.5 < gain 1, the optimum takes both
    const { argmin } = bruteForceMin(compiled.nBits, (x) => compiled.energy(x));
    expect(argmin.some((x) => x[0] === 1 && x[1] === 1)).toBe(true);
  });
});

describe("energy equals objective + penalties from an independent evaluator", () => {
  it("for random models and random assignments (slack chosen optimally)", () => {
    fc.assert(
      fc.property(arbModel({ maxVars: 4, maxConstraints: 3 }), fc.integer({ min: 0, max: 2 ** 30 }), (t, seed) => {
        const P = 3;
        const compiled = compile(buildModel(t, P));
        fc.pre(compiled.nBits - compiled.nSlackBits <= 16 && compiled.nSlackBits <= 8);
        const assignments = [...allAssignments(t.domains)];
        const values = assignments[seed % assignments.length];
        // reference: sign·f + Σ P·g² (==) + Σ P·max(0, g)² (<=, >=) — slack absorbs the rest
        const f = evalTest(t.objective, values);
        let expected = t.sense === "minimize" ? f : -f;
        for (const c of t.constraints) {
          const g = evalTest(c.lhs, values) - c.rhs;
          const v = c.op === "==" ? g : c.op === "<=" ? Math.max(0, g) : Math.max(0, -g);
          expected += P * v * v;
        }
        // bits of the model variables from their encodings; slack bits by brute force
        const bits = new Uint8Array(compiled.nBits);
        const model = compiled.data.decode;
        for (let v = 0; v < values.length; v++) bits.set(encodeValue(model.encodings[v], values[v]), model.firstBit[v]);
        const nModel = compiled.data.nModelBits;
        let best = Infinity;
        for (let s = 0; s < 2 ** compiled.nSlackBits; s++) {
          for (let k = 0; k < compiled.nSlackBits; k++) bits[nModel + k] = (s >>> k) & 1;
          best = Math.min(best, compiled.energy(bits));
        }
        expect(best).toBeCloseTo(expected, 8);
        expect(compiled.decode(bits).objective).toBeCloseTo(f, 9);
      }),
      { numRuns: 300 },
    );
  });
});
