import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quboEnergy } from "../../src/compile/qubo.js";
import { flip, initFields, localSearchForm, steepestDescent, sequentialDescent, geometricBetas, defaultBetaRange } from "../../src/solve/local-field.js";
import { randomQubo } from "./problems.js";

const arbitraryCase = fc.record({
  n: fc.integer({ min: 1, max: 24 }),
  seed: fc.integer({ min: 0, max: 10_000 }),
  density: fc.double({ min: 0, max: 1, noNaN: true }),
  bits: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  flips: fc.array(fc.nat(), { maxLength: 40 }),
});

describe("local fields", () => {
  it("give E(x) and every flip's ΔE as the dense energy does, along any flip sequence", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ n, seed, density, bits, flips }) => {
        const qubo = randomQubo(n, seed, density);
        const form = localSearchForm(qubo);
        const x = Uint8Array.from(bits.slice(0, n), Number);
        const field = new Float64Array(n);
        expect(initFields(form, x, field)).toBeCloseTo(quboEnergy(qubo, x), 9);
        for (const k of flips) {
          const i = k % n;
          const before = quboEnergy(qubo, x);
          const delta = flip(form, x, field, i);
          expect(delta).toBeCloseTo(quboEnergy(qubo, x) - before, 9);
        }
        const reference = new Float64Array(n);
        initFields(form, x, reference);
        for (let i = 0; i < n; i++) expect(field[i]).toBeCloseTo(reference[i], 9);
      }),
      { numRuns: 200 },
    );
  });

  it.each([steepestDescent, sequentialDescent])("%o ends where no single flip lowers the energy", (descend) => {
    fc.assert(
      fc.property(arbitraryCase, ({ n, seed, density, bits }) => {
        const qubo = randomQubo(n, seed, density);
        const form = localSearchForm(qubo);
        const x = Uint8Array.from(bits.slice(0, n), Number);
        const field = new Float64Array(n);
        initFields(form, x, field);
        const passes = descend(form, x, field);
        expect(Number.isSafeInteger(passes) && passes >= 1).toBe(true);
        const reference = new Float64Array(n);
        initFields(form, x, reference);
        for (let i = 0; i < n; i++) expect(field[i]).toBeCloseTo(reference[i], 9);
        for (let i = 0; i < n; i++) {
          const y = x.slice();
          y[i] ^= 1;
          expect(quboEnergy(qubo, y)).toBeGreaterThanOrEqual(quboEnergy(qubo, x) - 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it.each([steepestDescent, sequentialDescent])("%o stops after maxScans passes over the variables (evaluation budgets)", (descend) => {
    const qubo = randomQubo(40, 3, 0.5);
    const form = localSearchForm(qubo);
    const x = new Uint8Array(40);
    x.fill(1);
    const field = new Float64Array(40);
    initFields(form, x, field);
    const unbounded = descend(form, x.slice(), field.slice());
    expect(unbounded).toBeGreaterThan(2);
    expect(descend(form, x, field, 2)).toBe(2);
  });

  it("schedules β geometrically from hot to cold", () => {
    const betas = geometricBetas(0.01, 10, 4);
    expect(betas[0]).toBeCloseTo(0.01, 12);
    expect(betas[3]).toBe(10);
    expect(betas[2] / betas[1]).toBeCloseTo(betas[1] / betas[0], 9);
    const [hot, cold] = defaultBetaRange(localSearchForm(randomQubo(10, 3)));
    expect(hot).toBeGreaterThan(0);
    expect(cold).toBeGreaterThanOrEqual(hot);
  });
});
