import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import { drawCircuitText as drawCircuit } from "../../src/circuit/draw.js";

describe("drawCircuit", () => {
  it("draws a Bell circuit with controls, targets and measurements", () => {
    const text = drawCircuit(circuit(2).h(0).cx(0, 1).measure(0).measure(1).build());
    expect(text).toBe(["q0: ─H──●──M0──", "q1: ────⊕──M1──", ""].join("\n"));
  });

  it("packs independent gates into one column and links over the wires a gate spans", () => {
    const b = circuit(3);
    const theta = b.parameters("theta", 1);
    b.h(0).h(2).cx(0, 2).rz(theta[0]!.times(2), 1);
    const lines = drawCircuit(b.build()).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("H");
    expect(lines[2]!.indexOf("H")).toBe(lines[0]!.indexOf("H"));
    expect(lines[1]).toContain("│");
    expect(lines[1]).toContain("RZ(theta[0]*2)");
    expect(lines[2]).toContain("⊕");
  });

  it("wraps long circuits into blocks no wider than maxWidth", () => {
    const b = circuit(1);
    for (let k = 0; k < 40; k++) b.h(0);
    const text = drawCircuit(b.build(), { maxWidth: 40 });
    const lines = text.trimEnd().split("\n").filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect((text.match(/H/g) ?? []).length).toBe(40);
  });
});
