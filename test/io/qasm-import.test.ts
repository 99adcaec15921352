import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importQasm } from "../../src/io/index.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function only(text: string) {
  const result = importQasm(text);
  expect(result.circuit).toBeUndefined();
  expect(result.diagnostics.length).toBeGreaterThan(0);
  return result.diagnostics[0]!;
}

describe("importQasm: well-formed programs", () => {
  it("numbers qubits of several registers in declaration order and broadcasts over registers", () => {
    const { circuit, diagnostics } = importQasm(`${HEADER}qreg a[2];\nqreg b[2];\ncreg c[2];\nh a;\ncx a, b;\ncx a[0], b;\nmeasure b -> c;\n`);
    expect(diagnostics).toEqual([]);
    expect(circuit!.nQubits).toBe(4);
    expect(circuit!.nClbits).toBe(2);
    expect(circuit!.ops).toEqual([
      { kind: "gate", name: "h", qubits: [0], angles: [] },
      { kind: "gate", name: "h", qubits: [1], angles: [] },
      { kind: "gate", name: "cx", qubits: [0, 2], angles: [] },
      { kind: "gate", name: "cx", qubits: [1, 3], angles: [] },
      { kind: "gate", name: "cx", qubits: [0, 2], angles: [] },
      { kind: "gate", name: "cx", qubits: [0, 3], angles: [] },
      { kind: "measure", qubit: 2, clbit: 0 },
      { kind: "measure", qubit: 3, clbit: 1 },
    ]);
  });

  it("evaluates parameter expressions with pi, powers, unary minus and functions", () => {
    const { circuit } = importQasm(`${HEADER}qreg q[1];\nrz(-pi/2^2 + 2*sin(pi/6) - ln(exp(1)) + sqrt(4) - tan(0) + cos(0)) q[0];\n`);
    const angle = circuit!.ops[0]!.kind === "gate" ? circuit!.ops[0]!.angles[0] : undefined;
    expect(angle).toEqual({ kind: "const", value: expect.closeTo(-Math.PI / 4 + 1 - 1 + 2 + 1, 12) });
  });

  it("treats ^ as right-associative and tighter than unary minus on its left operand", () => {
    const { circuit } = importQasm(`${HEADER}qreg q[1];\nrz(2^3^2) q[0];\nrz(-2^2) q[0];\n`);
    const values = circuit!.ops.map((op) => (op.kind === "gate" ? (op.angles[0] as { value: number }).value : NaN));
    expect(values).toEqual([512, -4]);
  });

  it("maps qelib1 gates onto IR gates (u2, u1, cu3, u0)", () => {
    const { circuit } = importQasm(`${HEADER}qreg q[2];\nu2(0.1,0.2) q[0];\nu1(0.3) q[1];\ncu3(1,2,3) q[0],q[1];\nu0(5) q[0];\nU(1,2,3) q[1];\nCX q[1],q[0];\n`);
    expect(circuit!.ops.map((op) => (op.kind === "gate" ? [op.name, op.angles.map((a) => (a as { value: number }).value)] : op.kind))).toEqual([
      ["u", [Math.PI / 2, 0.1, 0.2]],
      ["p", [0.3]],
      ["cu", [1, 2, 3, 0]],
      ["id", []],
      ["u", [1, 2, 3]],
      ["cx", []],
    ]);
  });

  it("inlines user gate definitions with parameters, including nested ones", () => {
    const text = `${HEADER}gate inner(a) x { rz(a/2) x; }\ngate outer(t) a, b { inner(t) a; cx a, b; inner(-t) b; }\nqreg q[2];\nouter(pi) q[1], q[0];\n`;
    const { circuit, diagnostics } = importQasm(text);
    expect(diagnostics).toEqual([]);
    expect(circuit!.ops).toEqual([
      { kind: "gate", name: "rz", qubits: [1], angles: [{ kind: "const", value: Math.PI / 2 }] },
      { kind: "gate", name: "cx", qubits: [1, 0], angles: [] },
      { kind: "gate", name: "rz", qubits: [0], angles: [{ kind: "const", value: -Math.PI / 2 }] },
    ]);
  });

  it("expands qelib1 gates the IR lacks by their definitions (c3x uses only qelib1 primitives)", () => {
    const { circuit } = importQasm(`${HEADER}qreg q[5];\nc3x q[0],q[1],q[2],q[3];\nc4x q[0],q[1],q[2],q[3],q[4];\nrccx q[0],q[1],q[2];\ncsx q[0],q[1];\n`);
    expect(circuit!.ops.length).toBeGreaterThan(20);
    expect(new Set(circuit!.ops.map((op) => (op.kind === "gate" ? op.name : op.kind)))).toEqual(new Set(["h", "cp", "cx", "u", "p"]));
  });

  it("accepts barrier, reset, comments and keeps going after includes of qelib1 twice", () => {
    const { circuit, diagnostics } = importQasm(`${HEADER}include "qelib1.inc";\n/* block */ qreg q[3]; // line\nbarrier q[0], q;\nreset q;\n`);
    expect(diagnostics).toEqual([]);
    expect(circuit!.ops).toEqual([{ kind: "barrier", qubits: [0, 1, 2] }, { kind: "reset", qubit: 0 }, { kind: "reset", qubit: 1 }, { kind: "reset", qubit: 2 }]);
  });

  it("reads if (c == n) as conditional ops on the whole register, one per op the statement expands to", () => {
    const text = `${HEADER}gate flip2 a, b { x a; barrier a, b; x b; }\nqreg q[3];\ncreg a[1];\ncreg c[2];\nmeasure q[0] -> c[1];\nif(c==2) flip2 q[1], q[2];\nif (c == 3) measure q[1] -> a[0];\nif(a==1) reset q;\n`;
    const { circuit, diagnostics } = importQasm(text);
    expect(diagnostics).toEqual([]);
    const x = (q: number) => ({ kind: "gate", name: "x", qubits: [q], angles: [] });
    expect(circuit!.ops).toEqual([
      { kind: "measure", qubit: 0, clbit: 2 },
      { kind: "if", clbits: [1, 2], value: 2, op: x(1) },
      { kind: "barrier", qubits: [1, 2] },
      { kind: "if", clbits: [1, 2], value: 2, op: x(2) },
      { kind: "if", clbits: [1, 2], value: 3, op: { kind: "measure", qubit: 1, clbit: 0 } },
      ...[0, 1, 2].map((qubit) => ({ kind: "if", clbits: [0], value: 1, op: { kind: "reset", qubit } })),
    ]);
  });

  it("reads other includes through resolveInclude", () => {
    const { circuit } = importQasm(`OPENQASM 2.0;\ninclude "mine.inc";\nqreg q[1];\nflip q[0];\n`, {
      resolveInclude: (path) => (path === "mine.inc" ? "gate flip a { U(pi,0,pi) a; }" : undefined),
    });
    expect(circuit!.ops).toEqual([{ kind: "gate", name: "u", qubits: [0], angles: [{ kind: "const", value: Math.PI }, { kind: "const", value: 0 }, { kind: "const", value: Math.PI }] }]);
  });
});

describe("importQasm: malformed programs give diagnostics with line and column", () => {
  const cases: [string, string, string, number, number][] = [
    ["unknown gate", `${HEADER}qreg q[1];\nhh q[0];\n`, "qasm-unknown-gate", 4, 1],
    ["wrong arity", `${HEADER}qreg q[2];\ncx q[0];\n`, "qasm-arity", 4, 1],
    ["wrong parameter count", `${HEADER}qreg q[1];\nrz q[0];\n`, "qasm-parameter-count", 4, 1],
    ["undeclared register", `${HEADER}qreg q[1];\nh r[0];\n`, "qasm-undeclared-register", 4, 3],
    ["out-of-range index", `${HEADER}qreg q[2];\nh q[2];\n`, "qasm-index-range", 4, 3],
    ["duplicate operands", `${HEADER}qreg q[2];\ncx q[1], q[1];\n`, "qasm-duplicate-qubit", 4, 1],
    ["syntax error", `${HEADER}qreg q[2];\nh q[0]\nx q[1];\n`, "qasm-syntax", 5, 1],
    ["opaque gate used", `${HEADER}opaque magic a;\nqreg q[1];\nmagic q[0];\n`, "qasm-opaque-gate", 5, 1],
    ["condition value beyond the register", `${HEADER}qreg q[1];\ncreg c[1];\nif (c == 2) x q[0];\n`, "qasm-condition-value", 5, 1],
    ["condition on an undeclared register", `${HEADER}qreg q[1];\ncreg c[1];\nif (d == 1) x q[0];\n`, "qasm-undeclared-register", 5, 5],
    ["condition on a quantum register", `${HEADER}qreg q[1];\ncreg c[1];\nif (q == 1) x q[0];\n`, "qasm-register-kind", 5, 5],
    ["condition on one bit", `${HEADER}qreg q[1];\ncreg c[1];\nif (c[0] == 1) x q[0];\n`, "qasm-syntax", 5, 6],
    ["condition with '='", `${HEADER}qreg q[1];\ncreg c[1];\nif (c = 1) x q[0];\n`, "qasm-syntax", 5, 7],
    ["condition without parentheses", `${HEADER}qreg q[1];\ncreg c[1];\nif c == 1 x q[0];\n`, "qasm-syntax", 5, 4],
    ["condition with a negative value", `${HEADER}qreg q[1];\ncreg c[1];\nif (c == -1) x q[0];\n`, "qasm-syntax", 5, 10],
    ["conditioned barrier", `${HEADER}qreg q[1];\ncreg c[1];\nif (c == 1) barrier q;\n`, "qasm-condition-operation", 5, 13],
    ["conditioned unknown gate", `${HEADER}qreg q[1];\ncreg c[1];\nif (c == 1) hh q[0];\n`, "qasm-unknown-gate", 5, 13],
    ["conditioned measurement into its own register", `${HEADER}qreg q[2];\ncreg c[2];\nif (c == 0) measure q -> c;\n`, "qasm-condition-operation", 5, 13],
    ["unequal registers", `${HEADER}qreg a[2];\nqreg b[3];\ncx a, b;\n`, "qasm-broadcast", 5, 1],
    ["unknown parameter in a body", `${HEADER}gate g(a) x { rz(b) x; }\n`, "qasm-unknown-parameter", 3, 18],
    ["indexed qubit in a body", `${HEADER}gate g x { h x[0]; }\n`, "qasm-indexed-gate-argument", 3, 14],
    ["duplicate gate", `${HEADER}gate h a { x a; }\n`, "qasm-duplicate-gate", 3, 6],
    ["measure into a quantum register", `${HEADER}qreg q[1];\nmeasure q[0] -> q[0];\n`, "qasm-register-kind", 4, 17],
    ["bad character", `${HEADER}qreg q[1];\nh q[0]; @\n`, "qasm-syntax", 4, 9],
    ["unsupported version", `OPENQASM 4.0;\nqubit q;\n`, "qasm-version", 1, 10],
    ["OpenQASM 3 declaration in a 2.0 program", `${HEADER}qubit[2] q;\n`, "qasm-syntax", 3, 6],
    ["OpenQASM 3 assignment other than measure", `OPENQASM 3.0;\nqubit q;\nbit c;\nc = reset q;\n`, "qasm-syntax", 4, 5],
    ["non-finite angle", `${HEADER}qreg q[1];\nrz(ln(0)) q[0];\n`, "qasm-angle", 4, 1],
    ["standard gate without include", `OPENQASM 2.0;\nqreg q[1];\nh q[0];\n`, "qasm-unknown-gate", 3, 1],
    ["unterminated gate body", `${HEADER}gate g a { h a;\n`, "qasm-syntax", 4, 1],
  ];
  it.each(cases)("%s", (_, text, code, line, column) => {
    const diagnostic = only(text);
    expect(diagnostic.code).toBe(code);
    expect(diagnostic.span.start).toMatchObject({ line, column });
    expect(diagnostic.message.length).toBeGreaterThan(10);
  });

  it("stops exponential gate nesting with a diagnostic instead of exhausting memory", () => {
    const definitions = Array.from({ length: 40 }, (_, k) => (k === 0 ? "gate g0 a { x a; }" : `gate g${k} a { g${k - 1} a; g${k - 1} a; }`)).join("\n");
    const result = importQasm(`${HEADER}${definitions}\nqreg q[1];\ng39 q[0];\n`, { maxOps: 10_000 });
    expect(result.circuit).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["qasm-too-large", 44]]);
  });

  it("reports absurd nesting and register sizes instead of crashing", () => {
    const deep = `${HEADER}qreg q[1];\nrz(${"(".repeat(200_000)}1${")".repeat(200_000)}) q[0];\n`;
    expect(only(deep).code).toBe("qasm-nesting");
    expect(only(`${HEADER}qreg q[2000000];\n`).code).toBe("qasm-register-size");
  });

  it("names the registers that are declared when an undeclared one is used", () => {
    const result = importQasm(`${HEADER}qreg reg[4];\nmeasure q[0] -> c[0];\n`);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.message, d.notes])).toEqual([
      ["qasm-undeclared-register", 4, 9, "quantum register 'q' is not declared", ["help: the quantum register declared so far: reg[4]"]],
      ["qasm-undeclared-register", 4, 17, "classical register 'c' is not declared", ["help: the program declares no classical register before this line; declare one with 'creg c[n];'"]],
    ]);
  });

  it("suggests the nearest gate name", () => {
    expect(only(`${HEADER}qreg q[1];\ncnot q[0];\n`).code).toBe("qasm-unknown-gate");
    expect(only(`${HEADER}qreg q[2];\nczz q[0],q[1];\n`).notes).toEqual(["help: did you mean 'cz'?"]);
    // case breaks a tie of case-blind distances: the library's cx, not the built-in CX
    expect(only(`${HEADER}qreg q[2];\nhx q[0],q[1];\n`).notes).toEqual(["help: did you mean 'cx'?"]);
  });

  it("reports several independent errors in one pass", () => {
    const { diagnostics } = importQasm(`${HEADER}qreg q[1];\nfoo q[0];\nh q[4];\nx q[0]\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(["qasm-syntax"]);
    const semantic = importQasm(`${HEADER}qreg q[1];\nfoo q[0];\nh q[4];\n`).diagnostics;
    expect(semantic.map((d) => [d.code, d.span.start.line])).toEqual([["qasm-unknown-gate", 4], ["qasm-index-range", 5]]);
  });

  it("never throws on arbitrary text, and every diagnostic points inside the text", () => {
    const fragments = ["OPENQASM 2.0;", 'include "qelib1.inc";', "qreg q[3];", "creg c[3];", "h q;", "cx q[0],q[1];", "rz(pi/", "gate g(a) x {", "}", "measure q -> c;", "barrier q;", "if(c==1)", "U(1,2,3) q[0];", ";", "[", "q[9]", "-", "(", ")", "u3(1,2) q[0];"];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join("\n");
        const result = importQasm(text);
        for (const d of result.diagnostics) {
          expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.span.start.offset).toBeLessThanOrEqual(text.length);
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
        }
        expect(result.circuit !== undefined || result.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
