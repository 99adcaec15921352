import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GATES, type AngleExpr, type Circuit, type GateName, type Op } from "../../src/circuit/ir.js";
import { BASIS_GATES, peepholeOptimize, transpileToBasis, translateToBasis } from "../../src/circuit/index.js";
import { denseUnitary, distanceUpToPhase, flatten } from "./transpile-reference.js";

const GATE_NAMES = Object.keys(GATES) as GateName[];
const constant = (value: number): AngleExpr => ({ kind: "const", value });

function gate(name: GateName, qubits: number[], angles: number[] = []): Op {
  return { kind: "gate", name, qubits, angles: angles.map(constant) };
}

function circuitOf(nQubits: number, ops: Op[], parameters: string[] = []): Circuit {
  return { name: "test", nQubits, nClbits: 0, parameters, ops };
}

function expectEquivalent(a: Circuit, b: Circuit, values: number[] = []): void {
  expect(distanceUpToPhase(flatten(denseUnitary(a, values)), flatten(denseUnitary(b, values)))).toBeLessThan(1e-10);
}

const arbitraryGate = (nQubits: number): fc.Arbitrary<Op> =>
  fc
    .constantFrom(...GATE_NAMES.filter((name) => GATES[name].nQubits <= nQubits))
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        fc.shuffledSubarray([...Array(nQubits).keys()], { minLength: GATES[name].nQubits, maxLength: GATES[name].nQubits }),
        fc.array(fc.oneof(fc.double({ min: -7, max: 7, noNaN: true }), fc.constantFrom(0, Math.PI, -Math.PI / 2, 2 * Math.PI)), {
          minLength: GATES[name].nAngles,
          maxLength: GATES[name].nAngles,
        }),
      ),
    )
    .map(([name, qubits, angles]) => gate(name, qubits, angles));

describe("translateToBasis", () => {
  it.each(GATE_NAMES)("translates %s exactly up to a global phase, on reordered qubits", (name) => {
    const { nQubits, nAngles } = GATES[name];
    const angles = [0.37, -1.21, 2.45, 0.83].slice(0, nAngles);
    const qubits = [...Array(nQubits).keys()].reverse();
    const original = circuitOf(3, [gate(name, qubits.map((q) => (q + 1) % 3), angles)]);
    const translated = translateToBasis(original);
    expect(translated.ops.every((op) => op.kind === "gate" && (BASIS_GATES as readonly string[]).includes(op.name))).toBe(true);
    expectEquivalent(translated, original);
  });

  it("keeps symbolic angles symbolic and correct for any parameter value", () => {
    const theta: AngleExpr = { kind: "param", index: 0 };
    const original = circuitOf(2, [
      { kind: "gate", name: "cu", qubits: [1, 0], angles: [theta, { kind: "mul", left: constant(2), right: theta }, constant(0.4), { kind: "neg", arg: theta }] },
      { kind: "gate", name: "ryy", qubits: [0, 1], angles: [theta] },
    ], ["theta"]);
    const translated = transpileToBasis(original);
    expect(translated.parameters).toEqual(["theta"]);
    for (const value of [0, 0.3, -2.2, Math.PI]) expectEquivalent(translated, original, [value]);
  });

  it("preserves random circuits (n ≤ 4) after translation and peephole optimisation", () => {
    const circuits = fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(arbitraryGate(n), { maxLength: 14 }).map((ops) => circuitOf(n, ops)));
    fc.assert(
      fc.property(circuits, (circuit) => {
        const transpiled = transpileToBasis(circuit);
        expect(transpiled.ops.every((op) => op.kind === "gate" && (BASIS_GATES as readonly string[]).includes(op.name))).toBe(true);
        expectEquivalent(transpiled, circuit);
      }),
      { numRuns: 120 },
    );
  });
});

describe("peepholeOptimize", () => {
  it("cancels adjacent self-inverse pairs, including cascades", () => {
    const circuit = circuitOf(2, [gate("h", [0]), gate("x", [0]), gate("x", [0]), gate("h", [0]), gate("cx", [0, 1]), gate("cx", [0, 1]), gate("cz", [0, 1]), gate("cz", [1, 0])]);
    const { circuit: optimised, stats } = peepholeOptimize(circuit);
    expect(optimised.ops).toEqual([]);
    expect(stats.nCancelledPairs).toBe(4);
  });

  it("does not cancel across a gate on a shared qubit, a barrier, or reversed cx", () => {
    const circuit = circuitOf(2, [gate("x", [0]), gate("cx", [1, 0]), gate("x", [0]), gate("h", [1]), { kind: "barrier", qubits: [1] }, gate("h", [1]), gate("cx", [0, 1]), gate("cx", [1, 0])]);
    expect(peepholeOptimize(circuit).circuit.ops).toEqual(circuit.ops);
  });

  it("merges rz runs and drops whole turns and id", () => {
    const circuit = circuitOf(2, [gate("rz", [0], [0.5]), gate("id", [1]), gate("rz", [0], [0.25]), gate("x", [1]), gate("rz", [1], [Math.PI]), gate("rz", [1], [Math.PI])]);
    expect(peepholeOptimize(circuit).circuit.ops).toEqual([gate("rz", [0], [0.75]), gate("x", [1])]);
  });

  it("never changes the unitary up to phase, and never lengthens a circuit", () => {
    const selfInverse = (n: number) => fc.constantFrom(gate("x", [0]), gate("h", [0]), gate("z", [n - 1]), ...(n > 1 ? [gate("cx", [0, 1])] : []));
    const circuits = fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.array(fc.oneof(arbitraryGate(n), selfInverse(n)), { maxLength: 16 }).map((ops) => circuitOf(n, ops)));
    fc.assert(
      fc.property(circuits, (circuit) => {
        const optimised = peepholeOptimize(circuit).circuit;
        expect(optimised.ops.length).toBeLessThanOrEqual(circuit.ops.length);
        expectEquivalent(optimised, circuit);
      }),
      { numRuns: 150 },
    );
  });
});
