import { describe, expect, it } from "vitest";
import { quboEnergy } from "../../src/compile/qubo.js";
import { effectiveSampleSize, exactBoltzmann, klFromExact, metropolisChain, modeCoverage, runSampling, sherringtonKirkpatrickQubo, totalVariation } from "../../src/ml/index.js";
import { createRng } from "../../src/util/rng.js";

const qubo = sherringtonKirkpatrickQubo(6, createRng(3));

describe("exact Boltzmann distribution", () => {
  it("is normalised, uniform at β = 0, and has probability ratios e^{−βΔE}", () => {
    const { probabilities, energies } = exactBoltzmann(qubo, 1.5);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(probabilities[5] / probabilities[40]).toBeCloseTo(Math.exp(-1.5 * (energies[5] - energies[40])), 10);
    const x = Uint8Array.from({ length: 6 }, (_, i) => (45 >> i) & 1);
    expect(energies[45]).toBeCloseTo(quboEnergy(qubo, x), 12);
    for (const p of exactBoltzmann(qubo, 0).probabilities) expect(p).toBeCloseTo(1 / 64, 14);
    expect(() => exactBoltzmann(qubo, -1)).toThrow(RangeError);
  });

  it("distances are 0 for counts proportional to the distribution and bounded otherwise", () => {
    const uniform = new Float64Array(4).fill(0.25);
    const even = new Map([[0, 5], [1, 5], [2, 5], [3, 5]]);
    expect(totalVariation(even, uniform)).toBeCloseTo(0, 14);
    expect(klFromExact(even, uniform)).toBeCloseTo(0, 14);
    const one = new Map([[2, 10]]);
    expect(totalVariation(one, uniform)).toBeCloseTo(0.75, 14);
    expect(klFromExact(one, uniform)).toBeCloseTo(Math.log(4), 12);
    expect(modeCoverage(one, Float64Array.from([0.1, 0.2, 0.6, 0.1]), 2)).toBe(0.5);
    expect(() => totalVariation(new Map(), uniform)).toThrow(RangeError);
  });
});

describe("Metropolis", () => {
  it("converges to the exact distribution (TV < 0.06 after 20,000 samples at β = 1)", () => {
    const exact = exactBoltzmann(qubo, 1).probabilities;
    const chain = metropolisChain(qubo, { beta: 1, nSamples: 20_000, rng: createRng(5) });
    expect(totalVariation(chain.counts, exact)).toBeLessThan(0.06);
    const ess = effectiveSampleSize(chain.energyTrace);
    expect(ess).toBeGreaterThan(1000);
    expect(ess).toBeLessThanOrEqual(20_000);
  });

  it("effective sample size of a perfectly correlated chain is small, of an alternating one capped at N", () => {
    const ramp = Float64Array.from({ length: 200 }, (_, i) => i);
    expect(effectiveSampleSize(ramp)).toBeLessThan(10);
    expect(effectiveSampleSize(Float64Array.from({ length: 200 }, (_, i) => i % 2))).toBeLessThanOrEqual(200);
  });
});

describe("runSampling", () => {
  it("records finite distances per method and sample count; Metropolis improves with more samples", async () => {
    const records = await runSampling(qubo, { beta: 1, nSamples: [100, 5000], methods: ["metropolis", "sa"], seed: 2 });
    expect(records.map((r) => `${r.method}/${r.nSamples}`)).toEqual(["metropolis/100", "metropolis/5000", "sa/100", "sa/5000"]);
    for (const r of records) for (const v of [r.totalVariation, r.kl, r.modeCoverage, r.timeMs]) expect(Number.isFinite(v)).toBe(true);
    expect(records[1].totalVariation).toBeLessThan(records[0].totalVariation);
    // SA anneals past β = 1 towards the ground states, so it stays far from the β = 1 distribution.
    expect(records[3].totalVariation).toBeGreaterThan(records[1].totalVariation);
  });
});
