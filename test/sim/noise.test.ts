import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import { expectationNoisy, sampleNoisy } from "../../src/sim/noise.js";
import { pauliSum } from "../../src/sim/observable.js";

/** |observed − expected| within k standard errors of a binomial proportion. */
function expectProportion(count: number, total: number, p: number, k = 4.5): void {
  const se = Math.sqrt((p * (1 - p)) / total);
  expect(Math.abs(count / total - p)).toBeLessThan(k * se + 1e-12);
}

describe("noisy trajectories against the density-matrix results", () => {
  it("bit flip p after X gives P(1) = 1 − p, reporting the trajectory count", () => {
    const result = sampleNoisy(circuit(1).x(0).measure(0).build(), 4000, { noise: { bitFlip: 0.2 }, trajectories: 4000, seed: 1 });
    expect(result.trajectories).toBe(4000);
    expect(result.shots).toBe(4000);
    expectProportion(result.counts["1"] ?? 0, 4000, 0.8);
  });

  it("depolarising p after H gives ⟨X⟩ = 1 − 4p/3", () => {
    const p = 0.3;
    const result = expectationNoisy(circuit(1).h(0).build(), pauliSum([[1, "X0"]]), { noise: { depolarizing: p }, trajectories: 3000, seed: 2 });
    expect(Math.abs(result.value - (1 - (4 * p) / 3))).toBeLessThan(4.5 * result.standardError);
    expect(result.trajectories).toBe(3000);
  });

  it("phase flip p after H gives ⟨X⟩ = 1 − 2p", () => {
    const p = 0.15;
    const result = expectationNoisy(circuit(1).h(0).build(), pauliSum([[1, "X0"]]), { noise: { phaseFlip: p }, trajectories: 3000, seed: 3 });
    expect(Math.abs(result.value - (1 - 2 * p))).toBeLessThan(4.5 * result.standardError);
  });

  it("amplitude damping γ: |1⟩ decays with probability γ and |+⟩ keeps coherence √(1−γ)", () => {
    const gamma = 0.25;
    const decay = sampleNoisy(circuit(1).x(0).build(), 4000, { noise: { amplitudeDamping: gamma }, trajectories: 4000, seed: 4 });
    expectProportion(decay.counts["0"] ?? 0, 4000, gamma);
    const coherence = expectationNoisy(circuit(1).h(0).build(), pauliSum([[1, "X0"]]), { noise: { amplitudeDamping: gamma }, trajectories: 3000, seed: 5 });
    expect(Math.abs(coherence.value - Math.sqrt(1 - gamma))).toBeLessThan(4.5 * coherence.standardError + 1e-9);
  });

  it("readout error flips measured bits with P(1|0) = p01 and P(0|1) = p10", () => {
    const c = circuit(2).x(1).measure(0, 0).measure(1, 1).build();
    const result = sampleNoisy(c, 6000, { noise: { readout: { p01: 0.1, p10: 0.3 } }, trajectories: 20, seed: 6 });
    let clbit0One = 0;
    let clbit1Zero = 0;
    for (const [bits, count] of Object.entries(result.counts)) {
      if (bits[1] === "1") clbit0One += count;
      if (bits[0] === "0") clbit1Zero += count;
    }
    expectProportion(clbit0One, 6000, 0.1);
    expectProportion(clbit1Zero, 6000, 0.3);
  });

  it("is reproducible from the seed and noiseless runs match the ideal distribution", () => {
    const c = circuit(3).h(0).cx(0, 1).cx(1, 2).build();
    const options = { noise: { depolarizing: 0.05 }, trajectories: 50, seed: 7 };
    expect(sampleNoisy(c, 500, options)).toEqual(sampleNoisy(c, 500, options));
    const ideal = sampleNoisy(c, 2000, { noise: {}, trajectories: 10, seed: 8 });
    expect(Object.keys(ideal.counts).sort()).toEqual(["000", "111"]);
    expectProportion(ideal.counts["111"]!, 2000, 0.5);
  });

  it("rejects invalid noise parameters and counts", () => {
    const c = circuit(1).h(0).build();
    expect(() => sampleNoisy(c, 10, { noise: { depolarizing: 1.5 } })).toThrow(/probability in \[0, 1\]/);
    expect(() => sampleNoisy(c, 10, { noise: { bitFlip: NaN } })).toThrow(RangeError);
    expect(() => sampleNoisy(c, 0, { noise: {} })).toThrow(/shots must be a positive integer/);
    expect(() => sampleNoisy(c, 10, { noise: {}, trajectories: 20 })).toThrow(/must not exceed shots/);
  });
});
