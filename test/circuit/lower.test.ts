import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateAngle } from "../../src/circuit/angles.js";
import { lowerCircuit, transpileToBasis } from "../../src/circuit/index.js";
import { opQubits, type Circuit } from "../../src/circuit/ir.js";
import { check } from "../../src/lang/index.js";
import { denseUnitary, distanceUpToPhase, flatten } from "./transpile-reference.js";

function lower(source: string, name: string, sizes: Record<string, number> = {}) {
  const checked = check(source);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return lowerCircuit(checked, name, { sizes });
}

function gates(circuit: Circuit): string[] {
  return circuit.ops.map((op) => {
    switch (op.kind) {
      case "gate":
        return `${op.name}${op.angles.length ? `(${op.angles.map((a) => +evaluateAngle(a, circuit.parameters.map((_, k) => k + 1)).toFixed(6)).join(",")})` : ""} ${op.qubits.join(",")}`;
      case "measure":
        return `measure ${op.qubit}->${op.clbit}`;
      case "reset":
        return `reset ${op.qubit}`;
      case "barrier":
        return `barrier ${op.qubits.join(",")}`;
      case "if":
        return `if ${op.clbits.join(",")}==${op.value} ${op.op.kind}`;
    }
  });
}

describe("lowerCircuit", () => {
  it("unrolls loops, fixes int sizes and keeps angle arrays symbolic in row-major order", () => {
    const source = `circuit hea(n: int, layers: int, theta: angle[layers][n]) {
  qubit q[n]
  for l in 0..layers-1 {
    for i in 0..n-1 { ry(theta[l][i]) q[i] }
    for i in 0..n-2 { cx q[i], q[i+1] }
  }
  measure q
}`;
    const { circuit, diagnostics } = lower(source, "hea", { n: 3, layers: 2 });
    expect(diagnostics).toEqual([]);
    expect(circuit!.parameters).toEqual(["theta[0][0]", "theta[0][1]", "theta[0][2]", "theta[1][0]", "theta[1][1]", "theta[1][2]"]);
    // Parameter k is bound to k + 1 in `gates`, so ry(4) is theta[1][0].
    expect(gates(circuit!)).toEqual([
      "ry(1) 0", "ry(2) 1", "ry(3) 2", "cx 0,1", "cx 1,2",
      "ry(4) 0", "ry(5) 1", "ry(6) 2", "cx 0,1", "cx 1,2",
      "measure 0->0", "measure 1->1", "measure 2->2",
    ]);
    expect(circuit!.nClbits).toBe(3);
  });

  it("inlines user gates with symbolic angle arithmetic, several registers and broadcasting", () => {
    const source = `gate zz(t: angle) a, b {
  cx a, b; rz(t) b; cx a, b
}
circuit ring(n: int, gamma: angle, beta: angle) {
  qubit q[n]
  qubit anc
  h q
  for i in 0..n-2 { zz(2 * gamma) q[i], q[i+1] }
  rx(beta / 2 - pi) anc
  cx q[0], anc
  barrier
  reset anc
}`;
    const { circuit } = lower(source, "ring", { n: 3 });
    expect(circuit!.parameters).toEqual(["gamma", "beta"]);
    expect(gates(circuit!)).toEqual([
      "h 0", "h 1", "h 2",
      "cx 0,1", "rz(2) 1", "cx 0,1",
      "cx 1,2", "rz(2) 2", "cx 1,2",
      `rx(${+(2 / 2 - Math.PI).toFixed(6)}) 3`,
      "cx 0,3",
      "barrier 0,1,2,3",
      "reset 3",
    ]);
    const rz = circuit!.ops[4]!;
    expect(rz.kind === "gate" && evaluateAngle(rz.angles[0]!, [0.7, 0])).toBeCloseTo(1.4, 12);
  });

  it("builds the QFT example, whose unitary is the discrete Fourier transform", () => {
    const source = readFileSync(join("grammar", "examples", "qft.qp"), "utf8");
    const { circuit } = lower(source, "qft", { n: 3 });
    const dim = 8;
    const columns = denseUnitary(circuit!);
    const dft = Array.from({ length: dim }, (_, j) => Array.from({ length: dim }, (_, k) => ({ re: Math.cos((2 * Math.PI * j * k) / dim) / Math.sqrt(dim), im: Math.sin((2 * Math.PI * j * k) / dim) / Math.sqrt(dim) })));
    expect(distanceUpToPhase(flatten(columns), flatten(dft))).toBeLessThan(1e-10);
    expect(distanceUpToPhase(flatten(denseUnitary(transpileToBasis(circuit!))), flatten(dft))).toBeLessThan(1e-10);
  });

  it("reports indices out of range after evaluation, with the DSL span", () => {
    const source = `circuit bad(n: int) {
  qubit q[n]
  for i in 0..n-1 { cx q[i], q[i+1] }
}`;
    const { circuit, diagnostics } = lower(source, "bad", { n: 3 });
    expect(circuit).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "lower-qubit-range", span: { start: { line: 3, column: 30 } } });
    expect(diagnostics[0]!.message).toContain("index 3 is out of range for 'q'");
  });

  it("reports operands that coincide only after evaluation", () => {
    const source = `circuit clash(n: int, k: int) {
  qubit q[n]
  cx q[k], q[n-1]
}`;
    expect(lower(source, "clash", { n: 3, k: 2 }).diagnostics[0]).toMatchObject({ code: "lower-duplicate-qubit", span: { start: { line: 3 } } });
  });

  it("asks for missing or fractional sizes and rejects unknown ones", () => {
    const source = `circuit ghz(n: int) {
  qubit q[n]
  h q[0]
}`;
    expect(lower(source, "ghz").diagnostics[0]).toMatchObject({ code: "lower-missing-size", span: { start: { line: 1, column: 13 } } });
    expect(lower(source, "ghz", { n: 2.5 }).diagnostics[0]!.code).toBe("lower-not-integer");
    expect(lower(source, "ghz", { n: 2, m: 3 }).diagnostics[0]!.code).toBe("lower-unknown-size");
    expect(lower(source, "ghz", { n: 0 }).diagnostics[0]!.code).toBe("lower-register-size");
    expect(lower(source, "ghz", { n: 1e9 }).diagnostics[0]!.code).toBe("lower-register-size");
  });

  it("stops runaway loops with a diagnostic instead of hanging", () => {
    const source = `circuit big(n: int) {
  qubit q[1]
  for i in 0..n { h q[0] }
}`;
    const checked = check(source);
    expect(lowerCircuit(checked, "big", { sizes: { n: 1e9 }, maxOps: 1000 }).diagnostics[0]!.code).toBe("lower-too-large");
  });

  it("returns 'not supported yet' for a qaoa ansatz declaration", () => {
    const source = readFileSync(join("grammar", "examples", "qaoa-knapsack.qp"), "utf8");
    const { circuit, diagnostics } = lowerCircuit(check(source), "qaoa_ks");
    expect(circuit).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "lower-not-supported-yet", span: { start: { line: 15 } } });
  });

  it("throws a RangeError for a circuit name the program does not have", () => {
    expect(() => lowerCircuit(check("circuit a() { qubit q }"), "b")).toThrow(RangeError);
  });

  const examples = existsSync(join("grammar", "examples")) ? readdirSync(join("grammar", "examples")).filter((f) => f.endsWith(".qp")) : [];
  it.each(examples)("lowers every circuit of grammar/examples/%s", (file) => {
    const checked = check(readFileSync(join("grammar", "examples", file), "utf8"), { file });
    for (const name of checked.symbols.circuits.keys()) {
      const decl = checked.symbols.circuits.get(name)!.decl;
      const sizes = Object.fromEntries(decl.params.filter((p) => p.type.kind === "scalar-type" && p.type.name === "int").map((p) => [p.name.name, 3]));
      const { circuit, diagnostics } = lowerCircuit(checked, name, { sizes });
      expect(diagnostics).toEqual([]);
      expect(circuit!.nQubits).toBeGreaterThan(0);
      for (const op of circuit!.ops) {
        const qubits = opQubits(op);
        for (const q of qubits) expect(q).toBeLessThan(circuit!.nQubits);
      }
    }
  });
});
