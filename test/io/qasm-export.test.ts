import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GATES, type AngleExpr, type Circuit, type ConditionedOp, type GateName, type Op } from "../../src/circuit/ir.js";
import { exportQasm2, exportQasm3, importQasm } from "../../src/io/index.js";

const GATE_NAMES = Object.keys(GATES) as GateName[];
const piFraction = fc.tuple(fc.integer({ min: -8, max: 8 }), fc.constantFrom(1, 2, 4, 8)).map(([k, d]) => (k * Math.PI) / d);
const angleValue = fc.oneof(fc.double({ min: -20, max: 20, noNaN: true }), piFraction, fc.double({ min: -1e-9, max: 1e-9, noNaN: true }));

/** `bitConditions`: conditions read single bits, else the whole register (OpenQASM cannot mix overlapping ranges). */
function arbitraryCircuit(nQubits: number, nClbits: number, bitConditions: boolean): fc.Arbitrary<Circuit> {
  const gate = fc
    .constantFrom(...GATE_NAMES.filter((name) => GATES[name].nQubits <= nQubits))
    .chain((name) =>
      fc.record({
        name: fc.constant(name),
        qubits: fc.shuffledSubarray([...Array(nQubits).keys()], { minLength: GATES[name].nQubits, maxLength: GATES[name].nQubits }),
        angles: fc.array(angleValue, { minLength: GATES[name].nAngles, maxLength: GATES[name].nAngles }),
      }),
    )
    .map(({ name, qubits, angles }): Op => ({ kind: "gate", name, qubits, angles: angles.map((value): AngleExpr => ({ kind: "const", value })) }));
  const qubit = fc.integer({ min: 0, max: nQubits - 1 });
  const other: fc.Arbitrary<Op>[] = [
    fc.record({ kind: fc.constant("reset" as const), qubit }),
    fc.uniqueArray(qubit, { minLength: 1, maxLength: nQubits }).map((qubits): Op => ({ kind: "barrier", qubits })),
  ];
  if (nClbits > 0) {
    const measure = fc.record({ kind: fc.constant("measure" as const), qubit, clbit: fc.integer({ min: 0, max: nClbits - 1 }) });
    other.push(measure);
    // Conditions on the whole register or on single bits (export then splits the register).
    const clbits = bitConditions ? fc.integer({ min: 0, max: nClbits - 1 }).map((c) => [c]) : fc.constant([...Array(nClbits).keys()]);
    const guarded = fc.oneof(gate.map((op) => op as ConditionedOp), measure, fc.record({ kind: fc.constant("reset" as const), qubit }));
    other.push(
      fc
        .tuple(clbits, guarded)
        .chain(([bits, op]) => fc.integer({ min: 0, max: 2 ** bits.length - 1 }).map((value): Op => ({ kind: "if", clbits: bits, value, op }))),
    );
  }
  return fc
    .array(fc.oneof({ arbitrary: gate, weight: 6 }, ...other.map((arbitrary) => ({ arbitrary, weight: 1 }))), { maxLength: 40 })
    .map((ops) => ({ name: "random", nQubits, nClbits, parameters: [], ops }));
}

const anyCircuit = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.boolean()).chain(([n, m, bits]) => arbitraryCircuit(n, m, bits));

/** Equal ops, angles within 1e-12 (a conditional op: the same condition and guarded op). */
function expectSameOp(op: Op, original: Op): void {
  if (op.kind === "if" && original.kind === "if") {
    expect({ clbits: op.clbits, value: op.value }).toEqual({ clbits: original.clbits, value: original.value });
    expectSameOp(op.op, original.op);
    return;
  }
  if (op.kind !== "gate" || original.kind !== "gate") {
    expect(op).toEqual(original);
    return;
  }
  expect(op.name).toBe(original.name);
  expect(op.qubits).toEqual(original.qubits);
  op.angles.forEach((angle, j) => {
    const expected = (original.angles[j] as { value: number }).value;
    expect(Math.abs((angle as { value: number }).value - expected)).toBeLessThanOrEqual(1e-12);
  });
}

/** export → import gives back every op of random circuits (fast-check, 300 runs). */
function expectRoundTrips(exporter: (circuit: Circuit) => string): void {
  fc.assert(
    fc.property(anyCircuit, (circuit) => {
      const back = importQasm(exporter(circuit));
      expect(back.diagnostics).toEqual([]);
      expect(back.circuit!.nQubits).toBe(circuit.nQubits);
      expect(back.circuit!.nClbits).toBe(circuit.nClbits);
      expect(back.circuit!.ops.length).toBe(circuit.ops.length);
      back.circuit!.ops.forEach((op, k) => expectSameOp(op, circuit.ops[k]!));
    }),
    { numRuns: 300 },
  );
}

describe("OpenQASM 2.0 export", () => {
  it("round-trips through import: same ops, angles within 1e-12", () => {
    expectRoundTrips(exportQasm2);
  });

  it("writes standard qelib1 names and exact pi fractions", () => {
    const circuit: Circuit = {
      name: "t",
      nQubits: 2,
      nClbits: 1,
      parameters: [],
      ops: [
        { kind: "gate", name: "u", qubits: [0], angles: [{ kind: "const", value: Math.PI / 2 }, { kind: "const", value: 0 }, { kind: "const", value: -Math.PI }] },
        { kind: "gate", name: "cp", qubits: [1, 0], angles: [{ kind: "const", value: (3 * Math.PI) / 4 }] },
        { kind: "gate", name: "ryy", qubits: [0, 1], angles: [{ kind: "const", value: 0.1 }] },
        { kind: "measure", qubit: 1, clbit: 0 },
      ],
    };
    expect(exportQasm2(circuit)).toBe(
      [
        "OPENQASM 2.0;",
        'include "qelib1.inc";',
        "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
        "qreg q[2];",
        "creg c[1];",
        "u3(pi/2, 0, -pi) q[0];",
        "cu1(3*pi/4) q[1], q[0];",
        "ryy(0.1) q[0], q[1];",
        "measure q[1] -> c[0];",
        "",
      ].join("\n"),
    );
  });

  it("writes a condition on the whole register as if(c==n), and splits the register when a condition reads part of it", () => {
    const x = (q: number): ConditionedOp => ({ kind: "gate", name: "x", qubits: [q], angles: [] });
    const whole: Circuit = { name: "w", nQubits: 2, nClbits: 2, parameters: [], ops: [{ kind: "measure", qubit: 0, clbit: 0 }, { kind: "if", clbits: [0, 1], value: 3, op: x(1) }] };
    expect(exportQasm2(whole)).toContain("creg c[2];\nmeasure q[0] -> c[0];\nif(c==3) x q[1];\n");
    expect(exportQasm3(whole)).toContain("bit[2] c;\nc[0] = measure q[0];\nif (c == 3) x q[1];\n");
    const split: Circuit = { ...whole, nClbits: 3, ops: [{ kind: "measure", qubit: 0, clbit: 1 }, { kind: "if", clbits: [1], value: 1, op: { kind: "measure", qubit: 1, clbit: 2 } }] };
    expect(exportQasm2(split)).toContain("creg c0[1];\ncreg c1[1];\ncreg c2[1];\nmeasure q[0] -> c1[0];\nif(c1==1) measure q[1] -> c2[0];\n");
    expect(importQasm(exportQasm2(split)).circuit?.ops).toEqual(split.ops);
  });

  it("refuses conditions OpenQASM cannot spell: bits out of order, or overlapping different ranges", () => {
    const x: ConditionedOp = { kind: "gate", name: "x", qubits: [0], angles: [] };
    const base = { name: "bad", nQubits: 1, nClbits: 3, parameters: [] };
    expect(() => exportQasm2({ ...base, ops: [{ kind: "if", clbits: [1, 0], value: 1, op: x }] })).toThrow(/consecutive and increasing/);
    expect(() => exportQasm3({ ...base, ops: [{ kind: "if", clbits: [0, 1], value: 1, op: x }, { kind: "if", clbits: [1, 2], value: 1, op: x }] })).toThrow(/overlapping/);
    expect(() => exportQasm2({ ...base, ops: [{ kind: "if", clbits: [0], value: 2, op: x }] })).toThrow(/0\.\.1/);
  });

  it("binds parameters, and refuses a parameterised circuit without values", () => {
    const circuit: Circuit = {
      name: "p",
      nQubits: 1,
      nClbits: 0,
      parameters: ["theta[0]"],
      ops: [{ kind: "gate", name: "rx", qubits: [0], angles: [{ kind: "mul", left: { kind: "const", value: 2 }, right: { kind: "param", index: 0 } }] }],
    };
    expect(() => exportQasm2(circuit)).toThrow(RangeError);
    expect(exportQasm2(circuit, { parameters: { theta: [0.25] } })).toContain("rx(0.5) q[0];");
  });
});

describe("OpenQASM 3.0 export", () => {
  it("round-trips through import (the 3.0 subset the importer reads): same ops, angles within 1e-12", () => {
    expectRoundTrips(exportQasm3);
  });

  it("reads single-qubit declarations, whole-register measurement and the phase aliases", () => {
    const back = importQasm('OPENQASM 3;\ninclude "stdgates.inc";\nqubit a;\nqubit[2] b;\nbit[2] c;\nphase(0.5) a;\ncphase(0.25) a, b[1];\nc = measure b;\n');
    expect(back.diagnostics).toEqual([]);
    expect(back.circuit!.nQubits).toBe(3);
    expect(back.circuit!.ops).toEqual([
      { kind: "gate", name: "p", qubits: [0], angles: [{ kind: "const", value: 0.5 }] },
      { kind: "gate", name: "cp", qubits: [0, 2], angles: [{ kind: "const", value: 0.25 }] },
      { kind: "measure", qubit: 1, clbit: 0 },
      { kind: "measure", qubit: 2, clbit: 1 },
    ]);
  });

  const circuit: Circuit = {
    name: "ansatz",
    nQubits: 2,
    nClbits: 2,
    parameters: ["theta[0][1]", "gamma"],
    ops: [
      { kind: "gate", name: "ry", qubits: [0], angles: [{ kind: "param", index: 0 }] },
      { kind: "gate", name: "rzz", qubits: [0, 1], angles: [{ kind: "mul", left: { kind: "const", value: 2 }, right: { kind: "param", index: 1 } }] },
      { kind: "gate", name: "u", qubits: [1], angles: [{ kind: "call", fn: "sin", arg: { kind: "param", index: 1 } }, { kind: "const", value: -1 }, { kind: "neg", arg: { kind: "param", index: 0 } }] },
      { kind: "measure", qubit: 0, clbit: 1 },
      { kind: "barrier", qubits: [0, 1] },
      { kind: "reset", qubit: 1 },
    ],
  };

  it("keeps parameters symbolic as input angles with valid identifiers", () => {
    expect(exportQasm3(circuit)).toBe(
      [
        "OPENQASM 3.0;",
        'include "stdgates.inc";',
        "input angle theta_0_1; // theta[0][1]",
        "input angle gamma; // gamma",
        "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
        "qubit[2] q;",
        "bit[2] c;",
        "ry(theta_0_1) q[0];",
        "rzz((2 * gamma)) q[0], q[1];",
        "u3(sin(gamma), (-1), -(theta_0_1)) q[1];",
        "c[1] = measure q[0];",
        "barrier q[0], q[1];",
        "reset q[1];",
        "",
      ].join("\n"),
    );
  });

  it("binds values when given", () => {
    const text = exportQasm3(circuit, { parameters: [0.5, Math.PI / 4] });
    expect(text).not.toContain("input");
    expect(text).toContain("rzz(pi/2) q[0], q[1];");
  });
});
