// Classically conditioned ops through the circuit tools: drawing, basis translation, routing (which
// must not move a conditioned op before the measurement it reads) and resource counts.
import { describe, expect, it } from "vitest";
import { circuitStats, drawCircuitText, lineCoupling, routeCircuit, transpileToBasis, type Circuit, type ConditionedOp, type Op } from "../../src/circuit/index.js";

const gate = (name: "h" | "x" | "cx" | "ccx", qubits: number[]): ConditionedOp => ({ kind: "gate", name, qubits, angles: [] });
const when = (clbits: number[], value: number, op: ConditionedOp): Op => ({ kind: "if", clbits, value, op });

describe("conditioned ops in the circuit tools", () => {
  it("draws the condition beside the guarded gate", () => {
    const circuit: Circuit = { name: "d", nQubits: 2, nClbits: 2, parameters: [], ops: [{ kind: "measure", qubit: 0, clbit: 0 }, when([0, 1], 2, gate("cx", [0, 1]))] };
    const text = drawCircuitText(circuit);
    expect(text).toContain("M0");
    expect(text.split("\n")[1]).toContain("⊕ if c[0:1]=2");
  });

  it("translates a conditioned gate into basis gates under the same condition", () => {
    const circuit: Circuit = { name: "t", nQubits: 3, nClbits: 1, parameters: [], ops: [{ kind: "measure", qubit: 0, clbit: 0 }, when([0], 1, gate("ccx", [0, 1, 2]))] };
    const basis = transpileToBasis(circuit);
    const guarded = basis.ops.slice(1);
    expect(guarded.length).toBeGreaterThan(6);
    for (const op of guarded) {
      expect(op).toMatchObject({ kind: "if", clbits: [0], value: 1 });
      expect(["rz", "sx", "x", "cx"]).toContain(op.kind === "if" && op.op.kind === "gate" ? op.op.name : "");
    }
  });

  it("routing keeps a conditioned op after the measurement it reads, even on idle qubits", () => {
    // cx q0,q2 needs a swap on the line; x on q4 is free at once but reads c0, written after the cx.
    const circuit: Circuit = {
      name: "r",
      nQubits: 5,
      nClbits: 1,
      parameters: [],
      ops: [gate("cx", [0, 2]), { kind: "measure", qubit: 0, clbit: 0 }, when([0], 1, gate("x", [4]))],
    };
    const routed = routeCircuit(circuit, lineCoupling(5), { layoutSearch: false });
    expect(routed.nSwaps).toBeGreaterThan(0);
    const kinds = routed.circuit.ops.map((op) => op.kind);
    expect(kinds.indexOf("measure")).toBeLessThan(kinds.indexOf("if"));
  });

  it("counts conditioned ops and orders them after their condition's measurement in the depth", () => {
    const circuit: Circuit = {
      name: "s",
      nQubits: 3,
      nClbits: 1,
      parameters: [],
      ops: [gate("h", [0]), gate("h", [0]), { kind: "measure", qubit: 0, clbit: 0 }, when([0], 1, gate("x", [2]))],
    };
    expect(circuitStats(circuit)).toMatchObject({ depth: 4, nGates: 3, nMeasurements: 1, nConditional: 1, gateCounts: { h: 2, x: 1 } });
  });
});
