import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quboFromTerms } from "../../src/compile/qubo.js";
import { QuboBuilder } from "../../src/io/qubo-builder.js";

const pairs = (n: number) =>
  fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -3, max: 3 })).filter(([i, j]) => i !== j), { maxLength: 60 });
const problem = fc.integer({ min: 2, max: 9 }).chain((n) => fc.record({ n: fc.constant(n), terms: pairs(n), linear: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }) }));

describe("QuboBuilder", () => {
  it("adds repeated pairs into the same canonical QUBO that quboFromTerms builds", () => {
    fc.assert(
      fc.property(problem, ({ n, terms, linear }) => {
        const names = Array.from({ length: n }, (_, i) => `v${i}`);
        const builder = new QuboBuilder(n);
        linear.forEach((h, i) => (builder.linear[i] += h));
        for (const [i, j, v] of terms) builder.addPair(i, j, v);
        const built = builder.build(names, 1.5, "add");
        expect("qubo" in built).toBe(true);
        if (!("qubo" in built)) return;
        const expected = quboFromTerms(names, [...linear.map((h, i) => [i, i, h] as [number, number, number]), ...terms], 1.5);
        expect(built.qubo.linear).toEqual(expected.linear);
        expect(built.qubo.rows).toEqual(expected.rows);
        expect(built.qubo.cols).toEqual(expected.cols);
        expect(built.qubo.values).toEqual(expected.values);
        expect(built.qubo.offset).toBe(1.5);
      }),
      { numRuns: 300 },
    );
  });

  it("reports the first repetition in input order, with the line of the pair's first occurrence", () => {
    fc.assert(
      fc.property(problem, ({ n, terms }) => {
        const builder = new QuboBuilder(n);
        terms.forEach(([i, j, v], k) => builder.addPair(i, j, v, k + 1, 100 * k));
        const built = builder.build([...Array(n).keys()].map(String), 0, "reject");
        const key = ([i, j]: readonly number[]) => `${Math.min(i, j)},${Math.max(i, j)}`;
        const firstSeen = new Map<string, number>();
        let expected: { line: number; firstLine: number } | undefined;
        terms.forEach((t, k) => {
          const first = firstSeen.get(key(t));
          if (first === undefined) firstSeen.set(key(t), k + 1);
          else if (expected === undefined) expected = { line: k + 1, firstLine: first };
        });
        if (expected === undefined) {
          expect("qubo" in built).toBe(true);
        } else {
          expect("repeated" in built && built.repeated).toMatchObject({ ...expected, lineOffset: 100 * (expected.line - 1) });
        }
      }),
      { numRuns: 300 },
    );
  });
});
