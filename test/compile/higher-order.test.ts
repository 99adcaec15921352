import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, huboEnergy, quboEnergy } from "../../src/compile/index.js";
import { Model } from "../../src/model/index.js";
import { arbModel, bruteForceMin, buildModel } from "./random-model.js";

describe("higher-order terms", () => {
  it("are kept as a HUBO by default, and qubo() refuses them", () => {
    const m = new Model();
    const x = m.binary("x", [3]);
    m.minimize(x.at(0).times(x.at(1)).times(x.at(2)).times(-2).plus(x.at(0)));
    const compiled = compile(m);
    expect(compiled.degree).toBe(3);
    expect(compiled.hubo().higher).toEqual([{ vars: [0, 1, 2], coef: -2 }]);
    expect(() => compiled.qubo()).toThrow(/quadratise/);
  });

  it("Rosenberg quadratisation keeps the minimum and its minimisers, and reports its auxiliaries", () => {
    let withAux = 0;
    fc.assert(
      fc.property(arbModel({ maxVars: 4, maxDegree: 3, maxConstraints: 1 }), (t) => {
        const hubo = compile(buildModel(t)).hubo();
        const quadratised = compile(buildModel(t), { higherOrder: "quadratise" });
        fc.pre(quadratised.nBits <= 16);
        if (quadratised.nAuxiliaries > 0) withAux++;
        const qubo = quadratised.qubo();
        const nOriginal = hubo.linear.length;
        expect(quadratised.nBits).toBe(nOriginal + quadratised.nAuxiliaries);
        const reference = bruteForceMin(nOriginal, (bits) => huboEnergy(hubo, bits));
        const result = bruteForceMin(quadratised.nBits, (bits) => quboEnergy(qubo, bits));
        expect(result.min).toBeCloseTo(reference.min, 8);
        for (const bits of result.argmin) {
          expect(huboEnergy(hubo, bits.subarray(0, nOriginal))).toBeCloseTo(reference.min, 8);
          // every auxiliary equals the product it stands for
          for (const aux of quadratised.data.auxiliaries) expect(bits[aux.bit]).toBe(bits[aux.a] & bits[aux.b]);
        }
      }),
      // Seeded: the count of drawn models that need auxiliaries varies with the seed, and the check
      // below is about coverage of the property, not about the compiler.
      { numRuns: 150, seed: 3 },
    );
    expect(withAux).toBeGreaterThan(10);
  });
});
