import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import { marginalProbabilities, measureQubit, probabilities, resetQubit, sampleCounts, sampleIndices } from "../../src/sim/measure.js";
import { assertStateFits, availableMemoryBytes } from "../../src/sim/memory-guard.js";
import { simulate } from "../../src/sim/simulate.js";
import { normSquared } from "../../src/sim/statevector.js";
import { createRng } from "../../src/util/rng.js";
import { randomState } from "./random-circuit.js";

/** Pearson's χ² of observed counts against expected probabilities. */
function chiSquare(observed: ArrayLike<number>, probs: ArrayLike<number>, shots: number): number {
  let chi = 0;
  for (let i = 0; i < probs.length; i++) {
    const expected = shots * probs[i]!;
    if (expected > 0) chi += (observed[i]! - expected) ** 2 / expected;
  }
  return chi;
}

describe("sampling", () => {
  it("is reproducible from the seed and differs across seeds", () => {
    const state = randomState(createRng(5), 5);
    expect(sampleCounts(state, 2000, createRng(1))).toEqual(sampleCounts(state, 2000, createRng(1)));
    expect(sampleCounts(state, 2000, createRng(1))).not.toEqual(sampleCounts(state, 2000, createRng(2)));
  });

  it("passes a χ² test against |ψ|² (df = 15, p = 0.001 critical value 37.70)", () => {
    for (const seed of [11, 12, 13]) {
      const state = randomState(createRng(seed), 4);
      const shots = 40_000;
      const indices = sampleIndices(state, shots, createRng(seed + 100));
      const observed = new Float64Array(16);
      for (const i of indices) observed[i]!++;
      expect(chiSquare(observed, probabilities(state), shots)).toBeLessThan(37.7);
    }
  });

  it("counts marginals with qubit n−1 on the left", () => {
    // |q2 q1 q0⟩ = |1 0 1⟩ deterministically.
    const { state } = simulate(circuit(3).x(0).x(2).build());
    expect(sampleCounts(state, 10, createRng(0))).toEqual({ "101": 10 });
    expect(sampleCounts(state, 10, createRng(0), [2, 1])).toEqual({ "01": 10 });
    expect(Array.from(marginalProbabilities(state, [0]))).toEqual([0, 1]);
  });

  it("rejects bad shot counts and unnormalisable states", () => {
    const state = randomState(createRng(1), 2);
    expect(() => sampleIndices(state, -1, createRng(0))).toThrow(RangeError);
    expect(() => sampleIndices(state, 1.5, createRng(0))).toThrow(RangeError);
    state.re.fill(0);
    state.im.fill(0);
    expect(() => sampleIndices(state, 3, createRng(0))).toThrow(/positive finite norm/);
  });
});

describe("mid-circuit measurement and reset", () => {
  it("collapses a Bell pair consistently and keeps the norm", () => {
    for (let seed = 0; seed < 20; seed++) {
      const { state, clbits } = simulate(circuit(2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build(), { seed });
      expect(clbits[0]).toBe(clbits[1]);
      expect(normSquared(state)).toBeCloseTo(1, 14);
      expect(probabilities(state)[clbits[0] === 1 ? 3 : 0]).toBeCloseTo(1, 14);
    }
  });

  it("draws outcomes with the Born probabilities", () => {
    let ones = 0;
    const trials = 4000;
    const c = circuit(1).ry(2 * Math.asin(Math.sqrt(0.3)), 0).measure(0).build();
    for (let seed = 0; seed < trials; seed++) ones += simulate(c, { seed }).clbits[0]!;
    expect(Math.abs(ones / trials - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / trials));
  });

  it("resets a qubit to |0⟩ while keeping the other qubits' state", () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 10; trial++) {
      const state = randomState(rng, 3);
      resetQubit(state, 1, rng);
      const p = marginalProbabilities(state, [1]);
      expect(p[1]).toBe(0);
      expect(normSquared(state)).toBeCloseTo(1, 13);
    }
    const { state } = simulate(circuit(2).x(0).x(1).reset(0).build());
    expect(probabilities(state)[2]).toBeCloseTo(1, 15);
  });

  it("uses the seeded RNG for collapse", () => {
    const a = randomState(createRng(4), 4);
    const b = randomState(createRng(4), 4);
    expect(measureQubit(a, 2, createRng(77))).toBe(measureQubit(b, 2, createRng(77)));
    expect(Array.from(a.re)).toEqual(Array.from(b.re));
  });
});

describe("memory guard", () => {
  it("refuses a state larger than available memory, naming qubits and bytes", () => {
    expect(() => assertStateFits(26, 0, 2 ** 30)).toThrow(/26-qubit state needs 1\.0 GiB \(1073741824 bytes\)/);
    expect(() => assertStateFits(20, 0, 2 ** 34)).not.toThrow();
    expect(() => assertStateFits(31)).toThrow(/at most 30 qubits/);
    expect(() => assertStateFits(0)).toThrow(RangeError);
    expect(availableMemoryBytes()).toBeGreaterThan(0);
  });
});
