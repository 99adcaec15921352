import { describe, expect, it } from "vitest";
import { evaluateAngle, parameterVector } from "../../src/circuit/angles.js";
import { angleCall, circuit } from "../../src/circuit/builder.js";

describe("the circuit builder", () => {
  it("builds the IR fluently with controls first and targets last", () => {
    const c = circuit(3, { name: "ghz" }).h(0).cx(0, 1).cx(1, 2).ccx(0, 1, 2).measureAll().build();
    expect(c.name).toBe("ghz");
    expect(c.nQubits).toBe(3);
    expect(c.nClbits).toBe(3);
    expect(c.ops.map((op) => (op.kind === "gate" ? `${op.name}(${op.qubits.join(",")})` : op.kind))).toEqual([
      "h(0)", "cx(0,1)", "cx(1,2)", "ccx(0,1,2)", "measure", "measure", "measure",
    ]);
  });

  it("keeps angles symbolic over named parameter arrays, bound later", () => {
    const b = circuit(2);
    const gamma = b.parameters("gamma", 2);
    const theta = b.parameters("theta", [2, 2]);
    const phi = b.parameter("phi");
    b.rz(gamma[0]!.times(2), 1).rx(theta[1]![0]!.plus(phi).neg(), 0).ry(angleCall("cos", gamma[1]!).over(2), 1);
    const c = b.build();
    expect(c.parameters).toEqual(["gamma[0]", "gamma[1]", "theta[0][0]", "theta[0][1]", "theta[1][0]", "theta[1][1]", "phi"]);
    const values = parameterVector(c, { gamma: [0.5, 1], theta: [[0, 0], [0.25, 0]], phi: 0.125 });
    const angles = c.ops.map((op) => (op.kind === "gate" ? evaluateAngle(op.angles[0]!, values) : NaN));
    expect(angles[0]).toBeCloseTo(1, 15);
    expect(angles[1]).toBeCloseTo(-0.375, 15);
    expect(angles[2]).toBeCloseTo(Math.cos(1) / 2, 15);
  });

  it("snapshots on build: later calls do not change a built circuit", () => {
    const b = circuit(1).h(0);
    const first = b.build();
    b.x(0);
    expect(first.ops).toHaveLength(1);
    expect(b.build().ops).toHaveLength(2);
  });

  it("rejects bad qubits, arities, angles and parameters with clear errors", () => {
    expect(() => circuit(0)).toThrow(/positive integer qubit count/);
    expect(() => circuit(2).cx(0, 2)).toThrow(/qubit must be an integer in 0..1, got 2/);
    expect(() => circuit(2).cx(1, 1)).toThrow(/distinct qubits/);
    expect(() => circuit(2).rz(NaN, 0)).toThrow(RangeError);
    expect(() => circuit(2).gate("rz", [0])).toThrow(/needs 1 angles/);
    expect(() => circuit(2).gate("cx", [0])).toThrow(/needs 2 qubits/);
    expect(() => circuit(2).gate("foo" as "x", [0])).toThrow(TypeError);
    const b = circuit(1);
    b.parameter("a");
    expect(() => b.parameter("a")).toThrow(/already declared/);
    const other = circuit(1);
    const foreign = circuit(1);
    foreign.parameter("x");
    const y = foreign.parameter("y");
    expect(() => other.rz(y, 0)).toThrow(/not declared/);
    expect(() => circuit(2, { nClbits: 1 }).measure(1)).toThrow(/clbit must be in 0..0/);
  });
});
