import { describe, expect, it } from "vitest";
import type { Circuit } from "../../src/circuit/ir.js";
import { circuitDiagramSvg, drawCircuit } from "../../src/viz/index.js";
import { formatConstant } from "../../src/viz/charts/angle-label.js";
import { layoutCircuit } from "../../src/viz/charts/circuit-layout.js";

const bell: Circuit = {
  name: "bell",
  nQubits: 2,
  nClbits: 2,
  parameters: ["theta"],
  ops: [
    { kind: "gate", name: "h", qubits: [0], angles: [] },
    { kind: "gate", name: "cx", qubits: [0, 1], angles: [] },
    { kind: "gate", name: "rz", qubits: [1], angles: [{ kind: "mul", left: { kind: "const", value: 2 }, right: { kind: "param", index: 0 } }] },
    { kind: "measure", qubit: 0, clbit: 0 },
    { kind: "measure", qubit: 1, clbit: 1 },
  ],
};

describe("circuitDiagramSvg", () => {
  it("draws wires, labels, the control dot, the ⊕ target and the meters", () => {
    const svg = circuitDiagramSvg(bell);
    expect(svg).toContain(">q0</text>");
    expect(svg).toContain(">q1</text>");
    expect(svg).toContain(">H</text>");
    expect(svg).toContain(">RZ</text>");
    expect(svg).toContain(">2·θ</text>");
    expect(svg.match(/r="4.5" fill="#000"/g)).toHaveLength(1); // one control dot
    expect(svg.match(/r="10" fill="#fff"/g)).toHaveLength(1); // one ⊕
    expect(svg.match(/<path d="M [^"]* A 10 10/g)).toHaveLength(2); // two meters
  });

  it("places gates on disjoint wires in the same column and respects order on shared wires", () => {
    const layout = layoutCircuit({
      name: "c",
      nQubits: 3,
      nClbits: 0,
      parameters: [],
      ops: [
        { kind: "gate", name: "h", qubits: [0], angles: [] },
        { kind: "gate", name: "h", qubits: [2], angles: [] },
        { kind: "gate", name: "cx", qubits: [0, 2], angles: [] },
        { kind: "gate", name: "x", qubits: [1], angles: [] },
      ],
    });
    expect(layout.placed.map((p) => p.column)).toEqual([0, 0, 1, 2]); // x on q1 waits: the cx line crosses q1
    expect(layout.nColumns).toBe(3);
  });

  it("labels angles as multiples of π", () => {
    expect(formatConstant(Math.PI / 2)).toBe("π/2");
    expect(formatConstant((-3 * Math.PI) / 4)).toBe("−3π/4");
    expect(formatConstant(2 * Math.PI)).toBe("2π");
    expect(formatConstant(0.123456)).toBe("0.123");
  });

  it("rejects a qubit outside the register", () => {
    expect(() => circuitDiagramSvg({ ...bell, ops: [{ kind: "gate", name: "x", qubits: [2], angles: [] }] })).toThrow(/qubit 2, outside 0..1/);
    expect(() => circuitDiagramSvg({} as Circuit)).toThrow(TypeError);
  });

  it("renders to a PNG with the same text", async () => {
    const figure = await drawCircuit(bell);
    expect(figure.png.length).toBeGreaterThan(1000);
    expect(figure.summary).toBe('Circuit "bell": 2 qubits, 2 classical bits, 3 gates');
  });
});

describe("angleLabel", () => {
  it("writes constants first, Greek names as letters, and brackets by precedence", async () => {
    const { angleLabel } = await import("../../src/viz/charts/angle-label.js");
    const gamma = { kind: "param", index: 0 } as const;
    const x = { kind: "param", index: 1 } as const;
    const two = { kind: "const", value: 2 } as const;
    expect(angleLabel({ kind: "mul", left: gamma, right: two }, ["gamma[0]", "x"])).toBe("2·γ[0]");
    expect(angleLabel({ kind: "mul", left: { kind: "add", left: gamma, right: x }, right: two }, ["gamma", "x"])).toBe("2·(γ + x)");
    expect(angleLabel({ kind: "sub", left: x, right: { kind: "sub", left: x, right: gamma } }, ["theta", "x"])).toBe("x − (x − θ)");
  });
});
