import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isingEnergy, isingToQubo, quboEnergy, quboFromTerms, quboToIsing } from "../../src/compile/index.js";

const arbQubo = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    terms: fc.array(
      fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: -10, max: 10, noNaN: true })),
      { maxLength: 30 },
    ),
    offset: fc.double({ min: -5, max: 5, noNaN: true }),
  }),
);

describe("QUBO ↔ Ising (s = 1 − 2x)", () => {
  it("energies agree on every one of the 2^n states, both directions", () => {
    fc.assert(
      fc.property(arbQubo, ({ n, terms, offset }) => {
        const names = Array.from({ length: n }, (_, i) => `x${i}`);
        const qubo = quboFromTerms(names, terms, offset);
        const ising = quboToIsing(qubo);
        const back = isingToQubo(ising);
        const x = new Uint8Array(n);
        const s = new Int8Array(n);
        for (let state = 0; state < 2 ** n; state++) {
          for (let i = 0; i < n; i++) {
            x[i] = (state >>> i) & 1;
            s[i] = 1 - 2 * x[i];
          }
          const e = quboEnergy(qubo, x);
          expect(isingEnergy(ising, s)).toBeCloseTo(e, 8);
          expect(quboEnergy(back, x)).toBeCloseTo(e, 8);
        }
      }),
      { numRuns: 60 },
    );
  });
});
