import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qaoaCircuitFromLayout, qaoaLayout } from "../../../src/compile/ansatz/index.js";
import { quboToIsing } from "../../../src/compile/ising.js";
import type { Qubo } from "../../../src/compile/qubo.js";
import { quboEnergies } from "../../../src/sim/energies.js";
import { parameterShiftGradient } from "../../../src/sim/gradient-shift.js";
import { simulate } from "../../../src/sim/simulate.js";
import { innerProduct } from "../../../src/sim/statevector.js";
import { QaoaEvaluator } from "../../../src/solve/variational/qaoa-evaluator.js";
import { randomQubo } from "../problems.js";
import { graphProblem, ringEdges } from "./graphs.js";
import type { QaoaAnsatzOptions } from "../../../src/compile/ansatz/qaoa-layout.js";

function evaluator(qubo: Qubo, options: QaoaAnsatzOptions, cvarAlpha?: number): QaoaEvaluator {
  const layout = qaoaLayout(quboToIsing(qubo), options);
  return new QaoaEvaluator(layout, quboEnergies(qubo), cvarAlpha === undefined ? {} : { aggregation: { kind: "cvar", alpha: cvarAlpha } });
}

/**
 * Wang, Hadfield, Jiang & Rieffel (2018), Theorem 1: for p = 1 on an unweighted graph, an edge whose
 * ends have d_u, d_v further neighbours and λ common neighbours has
 *   ⟨C_uv⟩ = ½ + ¼ sin4β sinγ (cos^{d_u}γ + cos^{d_v}γ) − ¼ sin²2β cos^{d_u+d_v−2λ}γ (1 − cos^λ 2γ)
 * with U = e^{−iβB} e^{−iγC}, C the cut. qpipe minimises E = −C, so its γ is the paper's −γ.
 */
function wangEdge(gamma: number, beta: number, du: number, dv: number, triangles: number): number {
  return (
    0.5 +
    0.25 * Math.sin(4 * beta) * Math.sin(gamma) * (Math.cos(gamma) ** du + Math.cos(gamma) ** dv) -
    0.25 * Math.sin(2 * beta) ** 2 * Math.cos(gamma) ** (du + dv - 2 * triangles) * (1 - Math.cos(2 * gamma) ** triangles)
  );
}

describe("QAOA fast path", () => {
  const angles: [number, number][] = [
    [0.3, 0.2],
    [-0.7, 0.45],
    [1.1, -0.35],
    [2.4, 1.3],
    [0.05, 0.6],
  ];

  it("matches Wang et al.'s p = 1 closed form on the triangle", () => {
    const f = evaluator(graphProblem(3, ringEdges(3)).qubo, { p: 1 });
    for (const [gamma, beta] of angles) {
      const expected = -3 * wangEdge(-gamma, beta, 1, 1, 1);
      expect(f.value(Float64Array.of(gamma, beta))).toBeCloseTo(expected, 12);
    }
  });

  it("matches the closed form ⟨C⟩ = n(½ + ¼ sin4β sin2γ) on rings of 4 to 9 nodes", () => {
    for (let n = 4; n <= 9; n++) {
      const f = evaluator(graphProblem(n, ringEdges(n)).qubo, { p: 1 });
      for (const [gamma, beta] of angles) {
        expect(f.value(Float64Array.of(gamma, beta))).toBeCloseTo(-n * wangEdge(-gamma, beta, 1, 1, 0), 12);
      }
    }
  });

  it("equals the circuit IR run on the simulator, for every mixer and with multi-angle (random problems)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean(), (n, seed, p, xy, multiAngle) => {
        const qubo = randomQubo(n, seed, 0.6);
        const groups = xy ? [{ bits: [0, ...(n > 2 ? [2] : []), 1], k: 1 }] : [];
        const options: QaoaAnsatzOptions = { p, mixer: xy ? "xy-ring" : "x", groups, multiAngle };
        const f = evaluator(qubo, options);
        const circuit = qaoaCircuitFromLayout(f.layout);
        const theta = Float64Array.from({ length: f.dimension }, (_, k) => Math.sin(seed + 1.7 * k));
        const fast = f.state(theta);
        const ir = simulate(circuit, { parameters: theta, threads: 1 }).state;
        const [re, im] = innerProduct(fast, ir);
        expect(Math.hypot(re, im)).toBeCloseTo(1, 10); // equal up to the dropped global phase e^{−iγc}
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it("keeps every constrained group at Hamming weight k under the xy-ring mixer", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (n, seed, p, multiAngle) => {
          const split = 1 + (seed % (n - 1));
          const a = { bits: Array.from({ length: split }, (_, i) => i), k: seed % (split + 1) };
          const b = { bits: Array.from({ length: n - split }, (_, i) => split + i), k: (seed >> 3) % (n - split + 1) };
          const f = evaluator(randomQubo(n, seed), { p, mixer: "xy-ring", groups: [a, b], multiAngle });
          const theta = Float64Array.from({ length: f.dimension }, (_, k) => 2 * Math.cos(seed * 0.37 + k));
          const state = f.state(theta);
          let feasible = 0;
          for (let z = 0; z < state.re.length; z++) {
            const weight = (bits: number[]) => bits.reduce((w, q) => w + ((z >> q) & 1), 0);
            if (weight(a.bits) === a.k && weight(b.bits) === b.k) feasible += state.re[z]! ** 2 + state.im[z]! ** 2;
          }
          expect(feasible).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it("has adjoint gradients equal to parameter-shift gradients of the circuit IR", () => {
    for (const [seed, options] of [
      [1, { p: 2 }],
      [2, { p: 3, multiAngle: true }],
      [3, { p: 2, mixer: "xy-ring", groups: [{ bits: [0, 1, 2, 3], k: 2 }] }],
      [4, { p: 2, mixer: "xy-ring", groups: [{ bits: [1, 4, 2], k: 1 }], multiAngle: true }],
    ] as const) {
      const qubo = randomQubo(5, seed, 0.7);
      const f = evaluator(qubo, options as QaoaAnsatzOptions);
      const theta = Float64Array.from({ length: f.dimension }, (_, k) => 0.3 * Math.cos(seed + k));
      const gradient = new Float64Array(f.dimension);
      const value = f.valueAndGradient(theta, gradient);
      const shift = parameterShiftGradient(qaoaCircuitFromLayout(f.layout), { kind: "diagonal", values: quboEnergies(qubo) }, theta);
      expect(value).toBeCloseTo(shift.value, 10);
      for (let k = 0; k < f.dimension; k++) expect(gradient[k]).toBeCloseTo(shift.gradient[k]!, 9);
      expect(f.value(theta)).toBe(value);
    }
  });

  it("differentiates CVaR exactly away from the tail boundary (central differences)", () => {
    const qubo = randomQubo(6, 8, 0.6);
    const f = evaluator(qubo, { p: 2 }, 0.2);
    const theta = Float64Array.of(0.4, -0.3, 0.8, 0.25);
    const gradient = new Float64Array(4);
    const value = f.valueAndGradient(theta, gradient);
    const h = 1e-6;
    for (let k = 0; k < 4; k++) {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[k]! += h;
      minus[k]! -= h;
      expect(gradient[k]).toBeCloseTo((f.value(plus) - f.value(minus)) / (2 * h), 5);
    }
    // CVaR of the lowest 20 % lies below the mean and above the ground energy.
    expect(value).toBeLessThan(f.meanEnergy(theta));
    expect(value).toBeGreaterThanOrEqual(Math.min(...quboEnergies(qubo)) - 1e-12);
  });

  it("refuses malformed angles and options", () => {
    const f = evaluator(randomQubo(3, 1), { p: 2 });
    expect(() => f.value(new Float64Array(3))).toThrow(/must have 4 entries/);
    expect(() => f.value(Float64Array.of(0, NaN, 0, 0))).toThrow(/must be finite/);
    const ising = quboToIsing(randomQubo(3, 1));
    expect(() => qaoaLayout(ising, { p: 0 })).toThrow(/positive integer/);
    expect(() => qaoaLayout(ising, { p: 1, mixer: "xy-ring", groups: [{ bits: [0, 1], k: 1 }, { bits: [1, 2], k: 1 }] })).toThrow(/disjoint/);
    expect(() => qaoaLayout(ising, { p: 1, mixer: "xy-ring", groups: [{ bits: [0, 5], k: 1 }] })).toThrow(/bits must be integers in 0..2/);
    expect(() => qaoaLayout(ising, { p: 1, mixer: "xy-ring", groups: [{ bits: [0, 1], k: 3 }] })).toThrow(/k must be/);
    expect(() => qaoaLayout(ising, { p: 1, mixer: "zz" as "x" })).toThrow(/mixer must be one of/);
  });
});
