import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GATES, type Circuit, type GateName, type Op } from "../../src/circuit/ir.js";
import { executePasses } from "../../src/sim/execute.js";
import { bindPlan, compilePlan } from "../../src/sim/plan.js";
import { simulate } from "../../src/sim/simulate.js";
import { copyState, normSquared, type StateVector } from "../../src/sim/statevector.js";
import { shutdownPool } from "../../src/sim/threads/pool.js";
import { createRng } from "../../src/util/rng.js";
import { applyDense, liftToFull, maxAbsDiff, referenceGate } from "./dense-reference.js";
import { ALL_GATES, randomCircuit, randomQubits, randomState } from "./random-circuit.js";

afterAll(() => shutdownPool());

/** The reference final state: each gate's full 2^n × 2^n matrix applied in turn. */
function referenceRun(circuit: Circuit, state: StateVector): { re: Float64Array; im: Float64Array } {
  let current: { re: Float64Array; im: Float64Array } = { re: Float64Array.from(state.re), im: Float64Array.from(state.im) };
  for (const op of circuit.ops) {
    if (op.kind !== "gate") throw new Error("reference handles gates only");
    const angles = op.angles.map((a) => (a.kind === "const" ? a.value : NaN));
    current = applyDense(liftToFull(referenceGate(op.name, angles), op.qubits, circuit.nQubits), current.re, current.im);
  }
  return current;
}

function runOn(state: StateVector, circuit: Circuit, maxFusedQubits: number, threads: number): StateVector {
  const copy = copyState(state);
  simulate(circuit, { initialState: copy, maxFusedQubits, threads });
  return copy;
}

describe("every kernel against the dense Kronecker-product reference", () => {
  it.each(ALL_GATES)("gate %s on random qubits of random states (n ≤ 6)", (name: GateName) => {
    const rng = createRng(`gate-${name}`);
    for (let trial = 0; trial < 12; trial++) {
      const n = Math.max(GATES[name].nQubits, 1 + rng.int(6));
      const angles = Array.from({ length: GATES[name].nAngles }, () => (rng.nextDouble() - 0.5) * 8);
      const op: Op = { kind: "gate", name, qubits: randomQubits(rng, n, GATES[name].nQubits), angles: angles.map((value) => ({ kind: "const", value })) };
      const circuit: Circuit = { name, nQubits: n, nClbits: 0, parameters: [], ops: [op] };
      const state = randomState(rng, n);
      const expected = referenceRun(circuit, state);
      const actual = runOn(state, circuit, 1, 1);
      expect(maxAbsDiff(actual.re, actual.im, expected.re, expected.im)).toBeLessThan(1e-12);
      expect(normSquared(actual)).toBeCloseTo(1, 12);
    }
  });

  it.each([0, 1, 2, 3, 4, 5, 6])("fused blocks of up to %i qubits match on random circuits (n ≤ 7)", (maxFusedQubits) => {
    const rng = createRng(`fused-${maxFusedQubits}`);
    for (let trial = 0; trial < 6; trial++) {
      const n = 2 + rng.int(6);
      const circuit = randomCircuit(rng, n, 40);
      const state = randomState(rng, n);
      const expected = referenceRun(circuit, state);
      const actual = runOn(state, circuit, maxFusedQubits, 1);
      expect(maxAbsDiff(actual.re, actual.im, expected.re, expected.im)).toBeLessThan(1e-11);
      expect(normSquared(actual)).toBeCloseTo(1, 11);
    }
  });

  it("fusion makes fewer passes than gates on a layered circuit", () => {
    const ops: Op[] = [];
    const n = 6;
    for (let layer = 0; layer < 4; layer++) {
      for (let q = 0; q < n; q++) ops.push({ kind: "gate", name: "h", qubits: [q], angles: [] });
      for (let q = 0; q < n; q++) ops.push({ kind: "gate", name: "rz", qubits: [q], angles: [{ kind: "const", value: 0.1 * q }] });
      for (let q = layer % 2; q + 1 < n; q += 2) ops.push({ kind: "gate", name: "cx", qubits: [q, q + 1], angles: [] });
    }
    const circuit: Circuit = { name: "layered", nQubits: n, nClbits: 0, parameters: [], ops };
    const unfused = bindPlan(compilePlan(circuit, { maxFusedQubits: 0 }), []).length;
    const fused2 = bindPlan(compilePlan(circuit, { maxFusedQubits: 2 }), []).length;
    const fused4 = bindPlan(compilePlan(circuit, { maxFusedQubits: 4 }), []).length;
    expect(unfused).toBe(ops.length);
    expect(fused2).toBeLessThan(ops.length / 3);
    expect(fused4).toBeLessThan(fused2);
    const state = randomState(createRng(3), n);
    const expected = referenceRun(circuit, state);
    for (const k of [2, 4]) {
      const actual = runOn(state, circuit, k, 1);
      expect(maxAbsDiff(actual.re, actual.im, expected.re, expected.im)).toBeLessThan(1e-12);
    }
  });

  it("the multi-threaded path matches the reference, including strides that cross slice boundaries (n ≤ 8)", () => {
    const rng = createRng("threads");
    for (const threads of [2, 3]) {
      for (let trial = 0; trial < 4; trial++) {
        const n = 5 + rng.int(4);
        const circuit = randomCircuit(rng, n, 30);
        const state = randomState(rng, n);
        const expected = referenceRun(circuit, state);
        for (const k of [1, 3]) {
          const actual = copyState(state);
          const passes = bindPlan(compilePlan(circuit, { maxFusedQubits: k }), []).map((s) => {
            if (s.kind !== "pass") throw new Error("gates only");
            return s.pass;
          });
          expect(executePasses(actual, passes, threads)).toBe(threads);
          expect(maxAbsDiff(actual.re, actual.im, expected.re, expected.im)).toBeLessThan(1e-11);
        }
      }
    }
  });

  it("fusion never changes the result: any block size equals the unfused run (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), (seed, n, k) => {
        const rng = createRng(seed);
        const c = randomCircuit(rng, n, 25);
        const state = randomState(rng, n);
        const unfused = runOn(state, c, 0, 1);
        const fused = runOn(state, c, k, 1);
        expect(maxAbsDiff(fused.re, fused.im, unfused.re, unfused.im)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });
});
