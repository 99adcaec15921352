import { describe, expect, it } from "vitest";
import { circuitStats, DEFAULT_NS_PER_AMPLITUDE, estimateResources, lineCoupling } from "../../src/circuit/index.js";
import type { Circuit, Op } from "../../src/circuit/ir.js";

const gate = (name: "h" | "cx" | "rz" | "x" | "ccx" | "swap", qubits: number[], angle?: number): Op => ({
  kind: "gate",
  name,
  qubits,
  angles: angle === undefined ? [] : [{ kind: "const", value: angle }],
});

function ghz(n: number): Circuit {
  const ops: Op[] = [gate("h", [0])];
  for (let q = 0; q + 1 < n; q++) ops.push(gate("cx", [q, q + 1]));
  ops.push({ kind: "barrier", qubits: [...Array(n).keys()] });
  for (let q = 0; q < n; q++) ops.push({ kind: "measure", qubit: q, clbit: q });
  return { name: "ghz", nQubits: n, nClbits: n, parameters: [], ops };
}

describe("circuitStats", () => {
  it("counts depth through the longest qubit chain; barriers align but add no depth", () => {
    const stats = circuitStats(ghz(5));
    expect(stats).toEqual({ nQubits: 5, depth: 6, nGates: 5, nTwoQubitGates: 4, nMeasurements: 5, nConditional: 0, gateCounts: { cx: 4, h: 1 } });
  });

  it("runs gates on disjoint qubits in parallel", () => {
    const circuit: Circuit = { name: "p", nQubits: 4, nClbits: 0, parameters: [], ops: [gate("h", [0]), gate("h", [1]), gate("cx", [2, 3]), gate("cx", [0, 1]), gate("x", [3])] };
    expect(circuitStats(circuit).depth).toBe(2);
  });
});

describe("estimateResources", () => {
  it("reports the circuit as written, in the basis, and routed on a line and heavy-hex", () => {
    const circuit: Circuit = {
      name: "mixed",
      nQubits: 5,
      nClbits: 0,
      parameters: [],
      ops: [gate("h", [0]), gate("ccx", [0, 2, 4]), gate("cx", [4, 0]), gate("rz", [3], 0.3), gate("swap", [1, 3])],
    };
    const estimate = estimateResources(circuit);
    expect(estimate.logical.gateCounts).toEqual({ ccx: 1, cx: 1, h: 1, rz: 1, swap: 1 });
    expect(estimate.logical.nTwoQubitGates).toBe(2);
    expect(Object.keys(estimate.basis.gateCounts).every((name) => ["rz", "sx", "x", "cx"].includes(name))).toBe(true);
    expect(estimate.basis.gateCounts.cx).toBe(6 + 1 + 3);
    for (const routed of [estimate.line!, estimate.heavyHex!]) {
      expect(Object.keys(routed.gateCounts).every((name) => ["rz", "sx", "x", "cx"].includes(name))).toBe(true);
      expect(routed.nSwaps).toBeGreaterThan(0);
      expect(routed.nTwoQubitGates).toBeLessThanOrEqual(estimate.basis.nTwoQubitGates + 3 * routed.nSwaps);
      expect(routed.nTwoQubitGates).toBeGreaterThanOrEqual(estimate.basis.nTwoQubitGates - routed.nSwaps);
    }
    expect(estimate.line!.couplingMap).toBe("line-5");
    expect(estimate.heavyHex!.couplingMap).toBe("falcon-27");
  });

  it("needs no swaps on a line for a nearest-neighbour GHZ circuit", () => {
    const estimate = estimateResources(ghz(6));
    expect(estimate.line!.nSwaps).toBe(0);
    expect(estimate.line!.nTwoQubitGates).toBe(5);
  });

  it("predicts simulator memory (16·2ⁿ bytes) and time from fused passes", () => {
    const circuit = ghz(20);
    const { simulator } = estimateResources(circuit, { routing: false, nsPerAmplitude: 3 });
    expect(simulator.memoryBytes).toBe(16 * 2 ** 20);
    expect(simulator.passes).toBeGreaterThan(0);
    expect(simulator.passes).toBeLessThanOrEqual(circuit.ops.length);
    expect(simulator.predictedSeconds).toBeCloseTo(simulator.passes * 2 ** 20 * 3e-9, 12);
    expect(estimateResources(circuit, { routing: false }).simulator.nsPerAmplitude).toBe(DEFAULT_NS_PER_AMPLITUDE);
    expect(estimateResources({ ...circuit, nQubits: 30 }, { routing: false }).simulator.memoryBytes).toBe(16 * 2 ** 30);
  });

  it("uses the heavy-hex map it is given and rejects a bad time constant", () => {
    expect(estimateResources(ghz(4), { heavyHex: lineCoupling(4) }).heavyHex!.couplingMap).toBe("line-4");
    expect(() => estimateResources(ghz(2), { nsPerAmplitude: -1 })).toThrow(RangeError);
  });

  it("picks Eagle 127 for circuits wider than 27 qubits", () => {
    expect(estimateResources(ghz(30)).heavyHex!.couplingMap).toBe("eagle-127");
  });
});
