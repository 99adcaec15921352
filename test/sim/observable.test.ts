import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import { quboFromTerms, quboEnergy } from "../../src/compile/qubo.js";
import { applyCostLayer, prepareDiagonalCost } from "../../src/sim/cost-layer.js";
import { quboEnergies } from "../../src/sim/energies.js";
import { applyObservable, expectation, pauliSum, pauliTerm } from "../../src/sim/observable.js";
import { simulate } from "../../src/sim/simulate.js";
import { copyState, createState, innerProduct } from "../../src/sim/statevector.js";
import { createRng } from "../../src/util/rng.js";
import { applyDense, kron, maxAbsDiff, referenceGate, type CMatrix } from "./dense-reference.js";
import { randomState } from "./random-circuit.js";

/** Dense matrix of a Pauli string from Kronecker products (reference). */
function densePauli(text: string, n: number): CMatrix {
  let m: CMatrix = [[[1, 0]]];
  const letters = new Map(pauliTerm(1, text).factors.map(([q, l]) => [q, l]));
  for (let q = n - 1; q >= 0; q--) {
    const letter = letters.get(q);
    const p = letter === undefined ? referenceGate("id", []) : referenceGate(letter.toLowerCase() as "x", []);
    m = kron(m, p);
  }
  return m;
}

describe("observables", () => {
  it("Pauli-sum expectations and H|ψ⟩ match dense Kronecker matrices", () => {
    const rng = createRng("pauli");
    for (let trial = 0; trial < 10; trial++) {
      const n = 1 + rng.int(5);
      const state = randomState(rng, n);
      const letters = ["X", "Y", "Z", "I"];
      const texts = Array.from({ length: 3 }, () => Array.from({ length: n }, (_, q) => `${letters[rng.int(4)]}${q}`).join(" "));
      const coefficients = texts.map(() => rng.normal());
      const observable = pauliSum(texts.map((t, k) => [coefficients[k]!, t]));
      let expectedRe = new Float64Array(2 ** n);
      let expectedIm = new Float64Array(2 ** n);
      texts.forEach((text, k) => {
        const out = applyDense(densePauli(text, n), state.re, state.im);
        expectedRe = expectedRe.map((v, i) => v + coefficients[k]! * out.re[i]!);
        expectedIm = expectedIm.map((v, i) => v + coefficients[k]! * out.im[i]!);
      });
      const out = createState(n);
      applyObservable(state, observable, out);
      expect(maxAbsDiff(out.re, out.im, expectedRe, expectedIm)).toBeLessThan(1e-12);
      const [value, imaginary] = innerProduct(state, out);
      expect(expectation(state, observable)).toBeCloseTo(value, 12);
      expect(Math.abs(imaginary)).toBeLessThan(1e-12);
    }
  });

  it("gives textbook values: ⟨Z⟩ = 1 on |0⟩, ⟨X⟩ = 1 on |+⟩, ⟨Z0 Z1⟩ = 1 on a Bell pair", () => {
    expect(expectation(simulate(circuit(1).build()).state, pauliSum([[1, "Z0"]]))).toBe(1);
    expect(expectation(simulate(circuit(1).h(0).build()).state, pauliSum([[1, "X0"]]))).toBeCloseTo(1, 15);
    expect(expectation(simulate(circuit(1).h(0).s(0).build()).state, pauliSum([[1, "Y0"]]))).toBeCloseTo(1, 15);
    const bell = simulate(circuit(2).h(0).cx(0, 1).build()).state;
    expect(expectation(bell, pauliSum([[1, "Z0 Z1"], [0.5, "X0 X1"], [2, "Z0"]]))).toBeCloseTo(1.5, 14);
  });

  it("rejects malformed Pauli terms", () => {
    expect(() => pauliTerm(1, "Q0")).toThrow(/X0, Y3 or Z12/);
    expect(() => pauliTerm(1, "Z0 X0")).toThrow(/repeats qubit 0/);
    expect(() => expectation(createState(2), pauliSum([[1, "Z5"]]))).toThrow(/0\.\.1/);
  });

  it("QUBO energies of every basis state match quboEnergy, and the diagonal expectation is their average", () => {
    const rng = createRng("qubo");
    const n = 7;
    const terms: [number, number, number][] = [];
    for (let t = 0; t < 20; t++) terms.push([rng.int(n), rng.int(n), rng.normal()]);
    const qubo = quboFromTerms(Array.from({ length: n }, (_, i) => `x${i}`), terms, 1.5);
    const energies = quboEnergies(qubo);
    for (let z = 0; z < 2 ** n; z++) {
      const x = Array.from({ length: n }, (_, i) => (z >> i) & 1);
      expect(energies[z]).toBeCloseTo(quboEnergy(qubo, x), 12);
    }
    const plus = simulate(circuit(n).h(0).h(1).h(2).h(3).h(4).h(5).h(6).build()).state;
    const mean = energies.reduce((a, b) => a + b, 0) / 2 ** n;
    expect(expectation(plus, { kind: "diagonal", values: energies })).toBeCloseTo(mean, 12);
  });

  it("the cost layer e^{−iγC} matches rz/rzz gates for an Ising cost, in both level and per-amplitude forms", () => {
    // C(z) = Σ_{(i,j)} w_ij z_i z_j with z = ±1 spins ⇒ e^{−iγC} = Π rzz(2γ w_ij).
    const n = 5;
    const edges: [number, number, number][] = [[0, 1, 1], [1, 2, 2], [2, 3, 1], [3, 4, 0.5], [0, 4, 1]];
    const energies = new Float64Array(2 ** n);
    for (let z = 0; z < 2 ** n; z++) {
      for (const [i, j, w] of edges) energies[z]! += w * (1 - 2 * ((z >> i) & 1)) * (1 - 2 * ((z >> j) & 1));
    }
    const gamma = 0.37;
    const start = randomState(createRng(3), n);
    const b = circuit(n);
    for (const [i, j, w] of edges) b.rzz(2 * gamma * w, i, j);
    const expected = copyState(start);
    simulate(b.build(), { initialState: expected });
    const levelled = prepareDiagonalCost(energies);
    expect(levelled.levels).toBeDefined();
    const viaLevels = copyState(start);
    applyCostLayer(viaLevels, levelled, gamma, 1);
    expect(maxAbsDiff(viaLevels.re, viaLevels.im, expected.re, expected.im)).toBeLessThan(1e-13);
    const viaEnergies = copyState(start);
    applyCostLayer(viaEnergies, { energies }, gamma, 2);
    expect(maxAbsDiff(viaEnergies.re, viaEnergies.im, expected.re, expected.im)).toBeLessThan(1e-13);
  });
});

describe("energy levels", () => {
  it("index integer and non-integer energies so that values[levels[z]] = E(z)", async () => {
    const { energyLevels } = await import("../../src/sim/energies.js");
    for (const energies of [Float64Array.from([3, -2, 3, 7, -2, 0]), Float64Array.from([0.5, 1.25, 0.5, -3.75])]) {
      const result = energyLevels(energies)!;
      for (let z = 0; z < energies.length; z++) expect(result.values[result.levels[z]!]).toBe(energies[z]);
    }
    expect(energyLevels(Float64Array.from({ length: 70_000 }, (_, z) => z * 0.5))).toBeUndefined();
  });
});
