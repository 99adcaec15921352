import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Expr, ExprAccumulator, evaluatePoly, Model, normalize, Reduction, sum, range } from "../../src/model/index.js";

/** Reference value of an unreduced expression, computed term by term. */
function evaluateExpr(e: Expr, values: ArrayLike<number>): number {
  let total = e.constant;
  for (let k = 0; k < e.terms.length; k += 3) {
    const j = e.terms[k + 1];
    total += e.terms[k + 2] * values[e.terms[k]] * (j < 0 ? 1 : values[j]);
  }
  for (const t of e.higher) total += t.vars.reduce((p, v) => p * values[v], t.coef);
  return total;
}

const arbVars = fc.array(fc.constantFrom<Reduction>(Reduction.Idempotent, Reduction.Involutory, Reduction.None), { minLength: 1, maxLength: 6 });

describe("normalize", () => {
  // Small sums merge through maps, sums of more than 256 terms through dense scratch rows.
  it.each([
    ["small (map merge)", 0, 40],
    ["large (dense merge)", 300, 500],
  ])("keeps the value at every point of the domain: %s", (_, minLength, maxLength) => {
    fc.assert(
      fc.property(
        arbVars,
        fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: -5, max: 5 })), { minLength, maxLength }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }),
        (reductions, monomials, raw) => {
          const n = reductions.length;
          const acc = new ExprAccumulator();
          for (const [vars, c] of monomials) {
            const vs = vars.map((v) => v % n);
            if (vs.length === 0) acc.add(c);
            else acc.addHigher(vs, c);
          }
          const e = acc.toExpr();
          const p = normalize(e, reductions);
          // a point of the domain: binaries 0/1, spins ±1, integers anything
          const values = raw.slice(0, n).map((r, i) => (reductions[i] === Reduction.Idempotent ? Math.abs(r) % 2 : reductions[i] === Reduction.Involutory ? (r >= 0 ? 1 : -1) : r));
          expect(evaluatePoly(p, values)).toBeCloseTo(evaluateExpr(e, values), 9);
          // canonical: sorted, no duplicates, no zeros, binary/spin factors never repeated
          for (let k = 1; k < p.linIdx.length; k++) expect(p.linIdx[k]).toBeGreaterThan(p.linIdx[k - 1]);
          for (let k = 0; k < p.quadI.length; k++) {
            expect(p.quadI[k]).toBeLessThanOrEqual(p.quadJ[k]);
            if (p.quadI[k] === p.quadJ[k]) expect(reductions[p.quadI[k]]).toBe(Reduction.None);
            if (k > 0) expect(p.quadI[k] * 100 + p.quadJ[k]).toBeGreaterThan(p.quadI[k - 1] * 100 + p.quadJ[k - 1]);
          }
          expect([...p.linCoef, ...p.quadCoef].every((c) => c !== 0)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("applies x·x = x for binaries, s·s = 1 for spins and keeps integer squares", () => {
    const m = new Model();
    const x = m.binary("x").at();
    const s = m.spin("s").at();
    const k = m.int("k", 0, 3).at();
    const p = normalize(x.times(x).plus(s.times(s)).plus(k.times(k)).plus(s.pow(3)), m.reductions);
    expect(p.constant).toBe(1);
    expect([...p.linIdx]).toEqual([0, 1]);
    expect([...p.quadI]).toEqual([2]);
    expect([...p.quadJ]).toEqual([2]);
  });

  it("the modelling API sums, scales and multiplies like the algebra says", () => {
    const m = new Model();
    const x = m.binary("x", [3]);
    const e = sum(range(0, 2), (i) => x.at(i).times(i + 1)).minus(2).pow(2);
    const p = normalize(e, m.reductions);
    for (let s = 0; s < 8; s++) {
      const v = [s & 1, (s >> 1) & 1, (s >> 2) & 1];
      expect(evaluatePoly(p, v)).toBe((v[0] + 2 * v[1] + 3 * v[2] - 2) ** 2);
    }
    expect(() => x.at(3)).toThrow(RangeError);
    expect(() => Expr.constant(Number.NaN)).toThrow(RangeError);
    expect(() => m.binary("x")).toThrow(/already declared/);
  });
});
