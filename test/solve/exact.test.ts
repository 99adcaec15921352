import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Qubo, quboEnergy, quboFromTerms } from "../../src/compile/qubo.js";
import { StateCollector } from "../../src/solve/exact-collector.js";
import { enumerateQubo } from "../../src/solve/exact-enumerate.js";
import { parseQbsolv } from "../../src/io/qbsolv.js";
import { objectiveFromEnergy } from "../../src/io/qubo-problem.js";
import { SHARED_DATA_PRESENT, SKIP_NOTE, readSharedJson, readSharedText } from "../io/shared-data.js";
import { EXACT_MAX_VARIABLES, type ExactSolution, solutionFrom, solveExact } from "../../src/solve/exact.js";

/** Every state's energy by direct evaluation, index i ↔ bit i of the state. */
function bruteForce(qubo: Qubo): number[] {
  const n = qubo.linear.length;
  return Array.from({ length: 2 ** n }, (_, index) => quboEnergy(qubo, Array.from({ length: n }, (_, i) => (index >> i) & 1)));
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `x[${i}]`);

/** Random QUBOs: integer coefficients (exact ties) or doubles, dense or sparse. */
const arbitraryQubo = (maxN: number, integers: boolean) =>
  fc.integer({ min: 0, max: maxN }).chain((n) => {
    const coefficient = integers ? fc.integer({ min: -4, max: 4 }) : fc.double({ min: -10, max: 10, noNaN: true });
    const term = fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1)), coefficient);
    return fc
      .record({ terms: fc.array(term, { maxLength: n === 0 ? 0 : 3 * n }), offset: coefficient })
      .map(({ terms, offset }) => quboFromTerms(names(n), terms, offset));
  });

function solveWithLowBits(qubo: Qubo, lowBits: number, lowest: number): ExactSolution {
  const reference = solveExact(qubo, { lowest: 1 });
  const collector = new StateCollector(1 << 16, lowest, reference.tieTolerance);
  enumerateQubo(qubo, collector, lowBits);
  return solutionFrom(qubo, collector, reference.tieTolerance);
}

describe("solveExact", () => {
  it("finds the minimum and every minimiser that brute force finds (integer coefficients, many ties)", () => {
    fc.assert(
      fc.property(arbitraryQubo(12, true), fc.integer({ min: 1, max: 6 }), (qubo, lowBits) => {
        const energies = bruteForce(qubo);
        const min = Math.min(...energies);
        const minimizers = energies.flatMap((e, index) => (e === min ? [index] : []));
        for (const solution of [solveExact(qubo, { maxMinimizers: 5000 }), solveWithLowBits(qubo, lowBits, 0)]) {
          expect(solution.minEnergy).toBe(min);
          expect(solution.nMinimizers).toBe(minimizers.length);
          expect(solution.minimizers.map((s) => s.index)).toEqual(minimizers);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns the k lowest energies that brute force sorts out (real coefficients)", () => {
    fc.assert(
      fc.property(arbitraryQubo(13, false), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (qubo, k, lowBits) => {
        const sorted = bruteForce(qubo).sort((a, b) => a - b);
        for (const solution of [solveExact(qubo, { lowest: k }), solveWithLowBits(qubo, lowBits, k)]) {
          expect(solution.lowest).toHaveLength(Math.min(k, sorted.length));
          solution.lowest.forEach((state, r) => {
            expect(state.energy).toBeCloseTo(sorted[r], 9);
            expect(state.energy).toBe(quboEnergy(qubo, state.assignment));
          });
          // Within the tie tolerance, any tied state may be the one reported.
          expect(Math.abs(solution.minEnergy - sorted[0])).toBeLessThanOrEqual(solution.tieTolerance);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports assignments whose index has variable 0 as the least significant bit", () => {
    // Minimum at x = (1, 0, 1): index 5.
    const qubo = quboFromTerms(names(3), [[0, 0, -1], [1, 1, 1], [2, 2, -2], [0, 2, 0.5]]);
    const solution = solveExact(qubo);
    expect(solution.minimizers).toEqual([{ index: 5, assignment: [1, 0, 1], energy: -2.5 }]);
    expect(solution.nStates).toBe(8);
    expect(solution.complete).toBe(true);
  });

  it("counts every minimiser but keeps only maxMinimizers of them", () => {
    // No terms at all: all 2^16 states tie at the offset.
    const solution = solveExact(quboFromTerms(names(16), [], 3), { maxMinimizers: 10 });
    expect(solution.minEnergy).toBe(3);
    expect(solution.nMinimizers).toBe(65536);
    expect(solution.minimizers).toHaveLength(10);
  });

  it("stops early when asked, saying the result is incomplete", () => {
    const n = 24;
    const qubo = quboFromTerms(names(n), Array.from({ length: n }, (_, i) => [i, (i + 1) % n, (i % 3) - 1] as [number, number, number]));
    let polls = 0;
    const stopped = solveExact(qubo, { shouldStop: () => ++polls >= 3 });
    expect(stopped.complete).toBe(false);
    expect(stopped.nStates).toBeLessThan(2 ** n);
    expect(stopped.nStates).toBeGreaterThan(0);
    expect(stopped.minEnergy).toBe(quboEnergy(qubo, stopped.minimizers[0].assignment));
    const full = solveExact(qubo, { shouldStop: () => false });
    expect(full.complete).toBe(true);
    expect(full.nStates).toBe(2 ** n);
    expect(full.minEnergy).toBeLessThanOrEqual(stopped.minEnergy);
    expect(() => solveExact(qubo, { shouldStop: 5 as unknown as () => boolean })).toThrow(TypeError);
  });

  it("solves the empty QUBO", () => {
    const solution = solveExact(quboFromTerms([], [], -1.5));
    expect(solution.minimizers).toEqual([{ index: 0, assignment: [], energy: -1.5 }]);
  });

  it("keeps accuracy over many resynchronisations at n = 24", () => {
    // Antiferromagnetic ring with fractional weights: minimum known in closed form.
    const n = 24;
    const terms: [number, number, number][] = [];
    for (let i = 0; i < n; i++) terms.push([i, i, -0.1], [i, (i + 1) % n, 0.3]);
    const solution = solveExact(quboFromTerms(names(n), terms));
    // Alternate 0/1 around the even ring: 12 ones, no adjacent pair set → −1.2; two such states.
    expect(solution.minEnergy).toBeCloseTo(-1.2, 12);
    expect(solution.minimizers.map((s) => s.index)).toEqual([0x555555, 0xaaaaaa]);
  });

  it("refuses more than EXACT_MAX_VARIABLES variables with a RangeError naming n and the limit", () => {
    const big = quboFromTerms(names(EXACT_MAX_VARIABLES + 1), []);
    expect(() => solveExact(big)).toThrow(RangeError);
    expect(() => solveExact(big)).toThrow(`limited to ${EXACT_MAX_VARIABLES} variables`);
    expect(() => solveExact(big)).toThrow(`n = ${EXACT_MAX_VARIABLES + 1}`);
  });

  it("rejects malformed QUBOs and options", () => {
    const qubo = quboFromTerms(names(2), [[0, 1, 1]]);
    expect(() => solveExact({ ...qubo, linear: Float64Array.of(0, Number.NaN) })).toThrow(/linear\[1\] must be finite/);
    expect(() => solveExact({ ...qubo, rows: Int32Array.of(1), cols: Int32Array.of(0) })).toThrow(RangeError);
    expect(() => solveExact({ ...qubo, offset: Infinity })).toThrow(RangeError);
    expect(() => solveExact(qubo, { maxMinimizers: 0 })).toThrow(RangeError);
    expect(() => solveExact(qubo, { lowest: 1e9 })).toThrow(RangeError);
    expect(() => solveExact(qubo, { tieTolerance: -1 })).toThrow(RangeError);
  });
});

describe.skipIf(!SHARED_DATA_PRESENT)(`published optima in ../shared/data${SKIP_NOTE}`, () => {
  it("reproduces the best-known value of gka1b (n = 20, maximised)", () => {
    const known = readSharedJson<Record<string, { file: string; best_known: number }>>("qubo/gka/best_known.json");
    const { file, best_known: bestKnown } = known.gka1b;
    const problem = parseQbsolv(readSharedText(`qubo/gka/${file}`), { file, sense: "max" });
    expect(problem.qubo.linear.length).toBe(20);
    const solution = solveExact(problem.qubo);
    expect(objectiveFromEnergy(problem, solution.minEnergy)).toBe(bestKnown);
  });
});
