import { describe, expect, it } from "vitest";
import { circuitStats } from "../../../src/circuit/resources.js";
import { hardwareEfficientAnsatz, qaoaCircuit, qaoaLayout } from "../../../src/compile/ansatz/index.js";
import { quboToIsing } from "../../../src/compile/ising.js";
import { quboFromTerms } from "../../../src/compile/qubo.js";
import { exportQasm2, exportQasm3 } from "../../../src/io/index.js";

// Max-cut of the path 0–1–2: fields vanish, two couplings.
const path = quboToIsing(quboFromTerms(["a", "b", "c"], [[0, 0, -1], [1, 1, -2], [2, 2, -1], [0, 1, 2], [1, 2, 2]]));

describe("QAOA circuit IR", () => {
  it("has p cost layers of rzz/rz and p mixer layers, with γ/β parameters per layer", () => {
    const c = qaoaCircuit(path, { p: 3 });
    expect(c.parameters).toEqual(["gamma[0]", "beta[0]", "gamma[1]", "beta[1]", "gamma[2]", "beta[2]"]);
    expect(circuitStats(c).gateCounts).toEqual({ h: 3, rx: 9, rzz: 6 });
  });

  it("uses rxx·ryy ring edges and a feasible basis start for the xy-ring mixer", () => {
    const ising = quboToIsing(quboFromTerms(["a", "b", "c", "d"], [[0, 0, 1], [3, 3, 1], [0, 3, 2]]));
    const c = qaoaCircuit(ising, { p: 1, mixer: "xy-ring", groups: [{ bits: [0, 1, 2], k: 1 }] });
    // Ring 0–1–2–0 → 3 edges; qubit 3 is in no group: h start and rx mixer.
    expect(circuitStats(c).gateCounts).toEqual({ h: 1, rx: 1, rxx: 3, ryy: 3, rz: 2, rzz: 1, x: 1 });
  });

  it("names one angle per term and per generator with multi-angle", () => {
    const layout = qaoaLayout(path, { p: 2, multiAngle: true });
    expect(layout.nParameters).toBe(2 * (2 + 3));
    expect(layout.parameterNames.slice(0, 5)).toEqual(["gamma[0][z0z1]", "gamma[0][z1z2]", "beta[0][x0]", "beta[0][x1]", "beta[0][x2]"]);
  });

  it("exports to OpenQASM 3 with symbolic angles and to OpenQASM 2 with bound ones", () => {
    const c = qaoaCircuit(path, { p: 1, measure: true });
    expect(exportQasm3(c)).toMatch(/input angle/);
    expect(exportQasm2(c, { parameters: [0.5, 0.25] })).toContain("rzz(0.5) q[0], q[1];");
  });
});

describe("hardware-efficient ansatz", () => {
  it("has L+1 rotation layers and L linear entanglers", () => {
    const c = hardwareEfficientAnsatz(4, { layers: 2 });
    expect(c.parameters.length).toBe(3 * 8);
    expect(circuitStats(c).gateCounts).toEqual({ cx: 6, ry: 12, rz: 12 });
    expect(circuitStats(hardwareEfficientAnsatz(4, { layers: 2, entangler: "ring" })).gateCounts.cx).toBe(8);
  });

  it("refuses bad sizes", () => {
    expect(() => hardwareEfficientAnsatz(0, { layers: 1 })).toThrow(RangeError);
    expect(() => hardwareEfficientAnsatz(3, { layers: 0 })).toThrow(/layers must be a positive integer/);
  });
});
