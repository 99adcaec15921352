import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binaryWeights, decodeBits, encodeDomain, encodeValue, isValidCode } from "../../src/compile/index.js";
import type { IntEncoding } from "../../src/model/index.js";

const ENCODINGS: IntEncoding[] = ["binary", "unary", "onehot", "domainwall"];

describe("integer encodings", () => {
  for (const encoding of ENCODINGS) {
    it(`${encoding}: every value in range round-trips, and no valid code decodes outside the range`, () => {
      fc.assert(
        fc.property(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 0, max: 9 }), (lo, width) => {
          const hi = lo + width;
          const e = encodeDomain({ kind: "int", lo, hi, encoding });
          for (let v = lo; v <= hi; v++) {
            const bits = encodeValue(e, v);
            expect(isValidCode(e, bits, 0)).toBe(true);
            expect(decodeBits(e, bits, 0)).toBe(v);
          }
          const n = e.coefs.length;
          const seen = new Set<number>();
          for (let s = 0; s < 2 ** n; s++) {
            const bits = Array.from({ length: n }, (_, i) => (s >>> i) & 1);
            if (!isValidCode(e, bits, 0)) continue;
            const v = decodeBits(e, bits, 0);
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
            seen.add(v);
          }
          expect(seen.size).toBe(width + 1);
          expect(() => encodeValue(e, hi + 1)).toThrow(RangeError);
          expect(() => encodeValue(e, lo - 1)).toThrow(RangeError);
        }),
      );
    });
  }

  it("binary encoding uses ceil(log2(m+1)) bits and caps the top weight", () => {
    for (let m = 0; m <= 200; m++) {
      const w = binaryWeights(m);
      expect(w.length).toBe(m === 0 ? 0 : Math.ceil(Math.log2(m + 1)));
      expect(w.reduce((a, b) => a + b, 0)).toBe(m);
    }
    expect(binaryWeights(10)).toEqual([1, 2, 4, 3]);
  });

  it("one-hot and domain-wall encodings mark invalid codes", () => {
    const oneHot = encodeDomain({ kind: "int", lo: 0, hi: 2, encoding: "onehot" });
    expect(isValidCode(oneHot, [1, 1, 0], 0)).toBe(false);
    expect(isValidCode(oneHot, [0, 0, 0], 0)).toBe(false);
    const wall = encodeDomain({ kind: "int", lo: 0, hi: 3, encoding: "domainwall" });
    expect(isValidCode(wall, [1, 1, 0], 0)).toBe(true);
    expect(isValidCode(wall, [0, 1, 0], 0)).toBe(false);
  });

  it("spins map to binaries with s = 1 - 2x", () => {
    const e = encodeDomain({ kind: "spin" });
    expect(decodeBits(e, [0], 0)).toBe(1);
    expect(decodeBits(e, [1], 0)).toBe(-1);
    expect(encodeValue(e, -1)).toEqual([1]);
  });
});
