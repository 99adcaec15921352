// Classically conditioned operations (OpenQASM's `if (c == n) op;`): teleportation lands the state,
// the deferred-measurement principle holds (measure, then a conditioned gate ≡ a controlled gate,
// then measure), fusion does not cross a condition, and malformed conditions are refused.
import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import type { Circuit, ConditionedOp, Op } from "../../src/circuit/ir.js";
import { importQasm } from "../../src/io/index.js";
import { probabilities } from "../../src/sim/measure.js";
import { validateCircuit } from "../../src/sim/plan.js";
import { hasMidCircuitMeasurement, sampleCircuit, withoutTerminalMeasurements } from "../../src/sim/sample-circuit.js";
import { simulate } from "../../src/sim/simulate.js";
import { createRng } from "../../src/util/rng.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function imported(text: string): Circuit {
  const result = importQasm(text);
  expect(result.diagnostics).toEqual([]);
  return result.circuit!;
}

/** Teleports u3(θ, φ, 0)|0⟩ from q[0] to q[2]; `corrections` false leaves out the two `if`s. */
function teleportation(theta: number, phi: number, corrections: boolean, undo: boolean): string {
  return [
    HEADER,
    "qreg q[3];\ncreg m0[1];\ncreg m1[1];\ncreg out[1];",
    `u3(${theta}, ${phi}, 0) q[0];`,
    "h q[1];\ncx q[1], q[2];\ncx q[0], q[1];\nh q[0];",
    "measure q[0] -> m0[0];\nmeasure q[1] -> m1[0];",
    corrections ? "if(m1==1) x q[2];\nif(m0==1) z q[2];" : "",
    // Undoing the preparation on q[2] turns "q[2] holds the state" into "q[2] reads 0".
    undo ? `u3(${-theta}, 0, ${-phi}) q[2];\nmeasure q[2] -> out[0];` : "",
  ].join("\n");
}

/** Pearson's χ² of counts against probabilities. */
function chiSquare(counts: Record<string, number>, expected: Record<string, number>, shots: number): number {
  let chi = 0;
  for (const [key, p] of Object.entries(expected)) if (p > 0) chi += ((counts[key] ?? 0) - shots * p) ** 2 / (shots * p);
  return chi;
}

describe("classically conditioned operations", () => {
  it("teleportation: q[2] ends in the prepared state for every measurement outcome", () => {
    const rng = createRng("teleport");
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 24; trial++) {
      const theta = rng.nextDouble() * Math.PI;
      const phi = rng.nextDouble() * 2 * Math.PI;
      const { state, clbits } = simulate(imported(teleportation(theta, phi, true, false)), { seed: trial });
      const m0 = clbits[0]!;
      const m1 = clbits[1]!;
      outcomes.add(`${m0}${m1}`);
      // q[0], q[1] are collapsed to (m0, m1); q[2] must hold cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩ up to a global phase.
      const i0 = m0 | (m1 << 1);
      const a = [state.re[i0]!, state.im[i0]!];
      const b = [state.re[i0 | 4]!, state.im[i0 | 4]!];
      const overlapRe = Math.cos(theta / 2) * a[0]! + Math.sin(theta / 2) * (Math.cos(phi) * b[0]! + Math.sin(phi) * b[1]!);
      const overlapIm = Math.cos(theta / 2) * a[1]! + Math.sin(theta / 2) * (Math.cos(phi) * b[1]! - Math.sin(phi) * b[0]!);
      expect(Math.hypot(overlapRe, overlapIm)).toBeCloseTo(1, 12);
    }
    expect(outcomes.size).toBe(4);
  });

  it("teleportation counts: the undone state always reads 0, the Bell measurement is uniform (χ², df 3, p = 0.001: 16.27)", () => {
    const circuit = imported(teleportation(1.1, 0.7, true, true));
    expect(hasMidCircuitMeasurement(circuit)).toBe(true);
    const shots = 2000;
    const result = sampleCircuit(circuit, shots, { seed: 3 });
    expect(result.trajectories).toBe(4); // noiseless: one branch per outcome of the two mid-circuit measurements
    expect(Object.keys(result.counts).every((key) => key.startsWith("0"))).toBe(true);
    expect(chiSquare(result.counts, { "000": 0.25, "001": 0.25, "010": 0.25, "011": 0.25 }, shots)).toBeLessThan(16.27);
    expect(sampleCircuit(circuit, shots, { seed: 3 })).toEqual(result);
    // Without the corrections q[2] is wrong whenever a measured bit is 1: out = 1 in a large share.
    const uncorrected = sampleCircuit(imported(teleportation(1.1, 0.7, false, true)), shots, { seed: 3 });
    const ones = Object.entries(uncorrected.counts).reduce((sum, [key, n]) => sum + (key.startsWith("1") ? n : 0), 0);
    expect(ones / shots).toBeGreaterThan(0.2);
  });

  it("deferred measurement: measure + conditioned gates has the distribution of controlled gates + measure (χ², df 7, p = 0.001: 24.32)", () => {
    const rng = createRng("deferred");
    for (let trial = 0; trial < 2; trial++) {
      const angles = Array.from({ length: 9 }, () => (rng.nextDouble() * 2 - 1) * Math.PI);
      const [a, b, c, d, e, f, g, h, k] = angles.map((x) => x!.toFixed(12));
      const prefix = `${HEADER}qreg q[3];\ncreg c0[1];\ncreg rest[2];\nu3(${a}, ${b}, ${c}) q[0];\nu3(${d}, ${e}, 0) q[1];\ncx q[1], q[2];\n`;
      const suffix = `ry(${h}) q[1];\ncx q[2], q[1];\nrz(${k}) q[2];\nmeasure q[1] -> rest[0];\nmeasure q[2] -> rest[1];\n`;
      const measured = imported(`${prefix}measure q[0] -> c0[0];\nif(c0==1) u3(${f}, ${g}, 0.3) q[1];\nif(c0==1) cx q[1], q[2];\n${suffix}`);
      const deferred = imported(`${prefix}cu3(${f}, ${g}, 0.3) q[0], q[1];\nccx q[0], q[1], q[2];\n${suffix}`);
      const p = probabilities(simulate(withoutTerminalMeasurements(deferred)).state);
      // Clbit k = qubit k here, so the bitstring of basis index i is the key of outcome i.
      const expected = Object.fromEntries(Array.from(p, (value, i) => [i.toString(2).padStart(3, "0"), value]));
      const shots = 4000;
      const counts = sampleCircuit(measured, shots, { seed: trial }).counts;
      expect(chiSquare(counts, expected, shots)).toBeLessThan(24.32);
    }
  });

  it("is the same with and without fusion (no block crosses a condition), threads included", () => {
    const text = `${HEADER}qreg q[4];\ncreg c[2];\nh q;\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\nh q[2];\nif(c==1) rz(0.4) q[2];\nif(c==3) cx q[2], q[3];\nh q[2];\nry(0.3) q[3];\ncx q[2], q[3];\n`;
    const circuit = imported(text);
    for (let seed = 0; seed < 8; seed++) {
      const fused = simulate(circuit, { seed, maxFusedQubits: 2 });
      const unfused = simulate(circuit, { seed, maxFusedQubits: 0, threads: 2 });
      expect(Array.from(fused.clbits)).toEqual(Array.from(unfused.clbits));
      for (let i = 0; i < 16; i++) {
        expect(fused.state.re[i]).toBeCloseTo(unfused.state.re[i]!, 12);
        expect(fused.state.im[i]).toBeCloseTo(unfused.state.im[i]!, 12);
      }
    }
  });

  it("compares registers wider than 53 bits exactly, bit by bit", () => {
    const nClbits = 60;
    const x: ConditionedOp = { kind: "gate", name: "x", qubits: [0], angles: [] };
    const clbits = Array.from({ length: nClbits }, (_, k) => k);
    const circuit: Circuit = { name: "wide", nQubits: 1, nClbits, parameters: [], ops: [{ kind: "if", clbits, value: 0, op: x }] };
    expect(simulate(circuit).state.re[1]).toBe(1);
    expect(simulate({ ...circuit, ops: [{ kind: "if", clbits, value: 1, op: x }] }).state.re[0]).toBe(1);
  });

  it("the builder's when() makes the same circuit as the imported if statements", () => {
    const built = circuit(3)
      .u(1.1, 0.7, 0, 0)
      .h(1)
      .cx(1, 2)
      .cx(0, 1)
      .h(0)
      .measure(0, 0)
      .measure(1, 1)
      .when([1], 1, (b) => b.x(2))
      .when(0, 1, (b) => b.z(2).barrier())
      .build();
    const x2: ConditionedOp = { kind: "gate", name: "x", qubits: [2], angles: [] };
    expect(built.ops.slice(-3)).toEqual([
      { kind: "if", clbits: [1], value: 1, op: x2 },
      { kind: "if", clbits: [0], value: 1, op: { ...x2, name: "z" } },
      { kind: "barrier", qubits: [0, 1, 2] },
    ]);
    const fromText = imported(teleportation(1.1, 0.7, true, false));
    for (let seed = 0; seed < 6; seed++) {
      const a = simulate(built, { seed });
      const b = simulate(fromText, { seed });
      expect(Array.from(a.clbits)).toEqual(Array.from(b.clbits).slice(0, 2));
      for (let i = 0; i < 8; i++) expect(a.state.re[i]).toBeCloseTo(b.state.re[i]!, 12);
    }
    expect(() => circuit(1).measure(0).when([1], 1, (b) => b.x(0))).toThrow(/clbit must be a measured clbit in 0\.\.0/);
    expect(() => circuit(1).measure(0).when(0, 2, (b) => b.x(0))).toThrow(/value must be an integer in 0\.\.1/);
    expect(() => circuit(1).measure(0).when(0, 1, (b) => b.when(0, 1, (inner) => inner.x(0)))).toThrow(/do not nest/);
  });

  it("refuses malformed conditions with a clear error", () => {
    const x: ConditionedOp = { kind: "gate", name: "x", qubits: [0], angles: [] };
    const withOp = (op: Op): Circuit => ({ name: "bad", nQubits: 1, nClbits: 2, parameters: [], ops: [op] });
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [2], value: 0, op: x }))).toThrow(/clbit index must be an integer in 0\.\.1, got 2/);
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [0], value: 2, op: x }))).toThrow(/value must be an integer in 0\.\.1/);
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [], value: 0, op: x }))).toThrow(/at least one clbit/);
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [0, 0], value: 0, op: x }))).toThrow(/distinct/);
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [0], value: 0, op: { kind: "barrier", qubits: [0] } as unknown as ConditionedOp }))).toThrow(TypeError);
    expect(() => validateCircuit(withOp({ kind: "if", clbits: [0], value: 0, op: { ...x, qubits: [3] } }))).toThrow(/qubit index/);
  });
});
