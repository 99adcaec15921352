// Branching sampling (one simulated state per outcome branch, shots split binomially) against one
// trajectory per shot: the same distribution (two-sample χ² at p = 0.001), reproducible counts,
// and no more branches than min(shots, 2^splits).
import { describe, expect, it } from "vitest";
import type { Circuit } from "../../src/circuit/ir.js";
import { importQasm } from "../../src/io/index.js";
import { midCircuitSplits, sampleBranching } from "../../src/sim/branching.js";
import { sampleCircuit } from "../../src/sim/sample-circuit.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function imported(body: string): Circuit {
  const result = importQasm(HEADER + body);
  expect(result.diagnostics).toEqual([]);
  return result.circuit!;
}

const CIRCUITS: Readonly<Record<string, Circuit>> = {
  // Measure, condition on the bit, reset and reuse the qubit, condition on two bits.
  "measure, if, reset": imported(
    "qreg q[3];\ncreg c[3];\nh q[0];\ncx q[0], q[1];\nry(0.9) q[2];\nmeasure q[0] -> c[0];\nif(c==1) x q[2];\nreset q[0];\nry(0.7) q[0];\nmeasure q[1] -> c[1];\nif(c==3) h q[2];\ncx q[2], q[0];\nmeasure q[0] -> c[0];\nmeasure q[2] -> c[2];\n",
  ),
  // Four rounds of prepare, measure into its own bit, reset: up to 16 branches.
  "repeated rounds": imported(
    `qreg q[2];\ncreg c[5];\n${[0.4, 1.1, 2.0, 2.7].map((theta, k) => `ry(${theta}) q[0];\ncx q[0], q[1];\nmeasure q[0] -> c[${k}];\nreset q[0];\n`).join("")}measure q[1] -> c[4];\n`,
  ),
  // A conditioned measurement and a conditioned reset.
  "conditioned measure and reset": imported(
    "qreg q[2];\ncreg a[1];\ncreg b[1];\nh q[0];\nmeasure q[0] -> a[0];\nh q[1];\nif(a==1) measure q[1] -> b[0];\nif(a==0) reset q[0];\nrx(1.3) q[0];\ncx q[0], q[1];\nmeasure q[0] -> a[0];\nmeasure q[1] -> b[0];\n",
  ),
};

/** Pearson's χ² for two samples of equal size over the union of their outcomes, and its degrees of freedom. */
function twoSampleChiSquare(a: Record<string, number>, b: Record<string, number>): { chi: number; df: number } {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let chi = 0;
  for (const key of keys) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    chi += (x - y) ** 2 / (x + y);
  }
  return { chi, df: keys.size - 1 };
}

/** The χ² value exceeded with probability 0.001 (Wilson–Hilferty; within a few percent for df ≥ 1). */
function chiSquareCritical(df: number): number {
  const z = 3.0902;
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

describe("branching sampling of mid-circuit measurements", () => {
  for (const [name, circuit] of Object.entries(CIRCUITS)) {
    it(`${name}: the distribution of one trajectory per shot`, () => {
      const shots = 4000;
      const branching = sampleCircuit(circuit, shots, { seed: 11 });
      const perShot = sampleCircuit(circuit, shots, { seed: 12, trajectories: shots });
      expect(perShot.trajectories).toBe(shots);
      expect(Object.values(branching.counts).reduce((t, n) => t + n, 0)).toBe(shots);
      const { chi, df } = twoSampleChiSquare(branching.counts, perShot.counts);
      expect(df).toBeGreaterThan(0);
      expect(chi).toBeLessThan(chiSquareCritical(df));
      expect(branching.trajectories).toBeLessThanOrEqual(Math.min(shots, 2 ** midCircuitSplits(circuit)));
    });
  }

  it("gives the same counts for the same seed, and other counts for another", () => {
    const circuit = CIRCUITS["repeated rounds"]!;
    const first = sampleBranching(circuit, 3000, { seed: 5 });
    expect(sampleBranching(circuit, 3000, { seed: 5 })).toEqual(first);
    expect(sampleBranching(circuit, 3000, { seed: 6 }).counts).not.toEqual(first.counts);
    expect(sampleCircuit(circuit, 3000, { seed: 5 })).toEqual(first);
  });

  it("runs one branch for one shot, and never more branches than shots", () => {
    const circuit = CIRCUITS["repeated rounds"]!;
    expect(sampleBranching(circuit, 1, { seed: 1 }).trajectories).toBe(1);
    for (const shots of [2, 3, 7]) expect(sampleBranching(circuit, shots, { seed: shots }).trajectories).toBeLessThanOrEqual(shots);
    expect(midCircuitSplits(circuit)).toBe(8); // four measurements and four resets
  });

  it("keeps a deterministic outcome on one branch (a measured |1⟩ always reads 1)", () => {
    const circuit = imported("qreg q[2];\ncreg c[2];\nx q[0];\nmeasure q[0] -> c[0];\nif(c==1) x q[1];\nreset q[0];\nmeasure q[1] -> c[1];\n");
    const result = sampleBranching(circuit, 500, { seed: 2 });
    expect(result.counts).toEqual({ "11": 500 });
    expect(result.trajectories).toBe(1);
  });

  it("refuses a shot count that is not a positive integer", () => {
    expect(() => sampleBranching(CIRCUITS["repeated rounds"]!, 0)).toThrow(RangeError);
    expect(() => sampleBranching(CIRCUITS["repeated rounds"]!, 1.5)).toThrow(RangeError);
  });
});
