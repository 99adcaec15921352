import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commonGrid } from "../../src/compile/grid.js";

describe("commonGrid", () => {
  it("finds the largest step every coefficient is a multiple of", () => {
    expect(commonGrid([3, -6, 9])).toBe(3);
    expect(commonGrid([0.5, 1.5, -2])).toBe(0.5);
    expect(commonGrid([0.1, 0.3])).toBeCloseTo(0.1, 15);
    expect(commonGrid([2 / 3, 1])).toBeCloseTo(1 / 3, 15);
    expect(commonGrid([0, 0, 7])).toBe(7);
    expect(commonGrid([12345, 1])).toBe(1);
    expect(commonGrid([1e6, 3e6])).toBe(1e6);
    expect(commonGrid([Math.PI, 2 * Math.PI])).toBe(Math.PI);
  });

  it("says undefined when there is no grid or nothing to measure", () => {
    expect(commonGrid([Math.SQRT2, 1])).toBeUndefined();
    expect(commonGrid([Math.PI, 1])).toBeUndefined();
    expect(commonGrid([])).toBeUndefined();
    expect(commonGrid([0])).toBeUndefined();
    expect(() => commonGrid([Number.NaN])).toThrow(RangeError);
  });

  it("on random grids, every value is an integer multiple of the step found, and the step is no finer than the grid", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 8 }),
        (num, den, multiples) => {
          fc.pre(multiples.some((m) => m !== 0));
          const step = num / den;
          const values = multiples.map((m) => m * step);
          const q = commonGrid(values)!;
          expect(q).toBeDefined();
          for (const v of values) expect(Math.abs(v / q - Math.round(v / q))).toBeLessThan(1e-6);
          expect(q).toBeGreaterThanOrEqual(step * (1 - 1e-9));
        },
      ),
    );
  });
});
