import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quboEnergy, quboFromTerms } from "../../src/compile/qubo.js";
import { type Decoded, type SolvableModel, ReadBuffer, SampleSet, randomSampler, bitsToString, stringToBits, quboHash } from "../../src/solve/index.js";
import { randomQubo } from "./problems.js";
import { createRng } from "../../src/util/rng.js";

describe("SampleSet", () => {
  it("merges duplicate reads, recomputes energies from the QUBO and sorts lowest energy first", async () => {
    const qubo = randomQubo(4, 1);
    const set = await randomSampler.sample(qubo, { seed: 3, reads: 200 });
    expect(set.nReads).toBe(200);
    expect(set.samples.length).toBeLessThanOrEqual(16);
    expect(new Set(set.samples.map((s) => s.bits)).size).toBe(set.samples.length);
    for (const sample of set.samples) {
      expect(sample.energy).toBe(quboEnergy(qubo, sample.x));
      expect(sample.objective).toBe(sample.energy);
      expect(sample.feasible).toBe(true);
      expect(bitsToString(sample.x)).toBe(sample.bits);
    }
    for (let k = 1; k < set.samples.length; k++) expect(set.samples[k].energy).toBeGreaterThanOrEqual(set.samples[k - 1].energy);
    expect(set.bestEnergy).toBe(set.samples[0]);
  });

  it("holds its invariants for any random QUBO and seed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 50 }), async (n, seed, reads) => {
        const qubo = randomQubo(n, seed);
        const set = await randomSampler.sample(qubo, { seed, reads });
        expect(set.nReads).toBe(reads);
        const min = Math.min(...set.samples.map((s) => s.energy));
        expect(set.bestEnergy?.energy).toBe(min);
        for (const s of set.samples) expect(s.occurrences).toBeGreaterThanOrEqual(1);
        expect(set.manifest.inputHash).toBe(quboHash(qubo));
        expect(SampleSet.fromJSON(JSON.parse(JSON.stringify(set))).toJSON()).toEqual(set.toJSON());
      }),
      { numRuns: 40 },
    );
  });

  it("reports a maximisation problem's objective in its own sense", async () => {
    const qubo = quboFromTerms(["a", "b"], [[0, 0, -3], [1, 1, -2], [0, 1, 1]]);
    const set = await randomSampler.sample({ qubo, sense: "max" }, { seed: 1, reads: 64 });
    expect(set.sense).toBe("max");
    expect(set.bestFeasible?.bits).toBe("11");
    expect(set.bestFeasible?.objective).toBe(4);
    for (const s of set.samples) expect(s.objective).toBe(0 - s.energy);
  });

  it("never reports an infeasible sample as the best feasible one", async () => {
    // Minimise −x0 − x1 + 3·x0·x1 with a decode that calls x0 = x1 = 0 infeasible ("need one").
    const qubo = quboFromTerms(["x0", "x1"], [[0, 0, -1], [1, 1, -1.5], [0, 1, 0.5]]);
    const model: SolvableModel = {
      qubo,
      sense: "min",
      decode: (x): Decoded => ({
        values: { pick: x[0] + 2 * x[1] },
        objective: x[0] + x[1],
        feasible: x[0] + x[1] === 1,
        violations: x[0] + x[1] === 1 ? {} : { exactlyOne: Math.abs(x[0] + x[1] - 1) },
      }),
    };
    const set = await randomSampler.sample(model, { seed: 2, reads: 100 });
    expect(set.bestEnergy?.bits).toBe("11");
    expect(set.bestEnergy?.feasible).toBe(false);
    expect(set.bestEnergy?.violations).toEqual({ exactlyOne: 1 });
    expect(set.bestFeasible?.feasible).toBe(true);
    expect(set.bestFeasible?.bits).toBe("10");
    expect(set.feasibleOnly().samples.every((s) => s.feasible)).toBe(true);
    expect(set.filter((s) => !s.feasible).bestFeasible).toBeUndefined();
    expect(set.valuesOf(set.bestFeasible!)).toEqual({ pick: 2 });
  });

  it("keeps lowest(k), merge and JSON consistent", async () => {
    const qubo = randomQubo(6, 4);
    const a = await randomSampler.sample(qubo, { seed: 1, reads: 30 });
    const b = await randomSampler.sample(qubo, { seed: 2, reads: 30 });
    const merged = a.merge(b);
    expect(merged.nReads).toBe(60);
    expect(merged.lowest(3).samples).toEqual(merged.samples.slice(0, 3));
    const text = JSON.stringify(merged);
    const back = SampleSet.fromJSON(JSON.parse(text));
    expect(JSON.stringify(back)).toBe(text);
    expect(back.bestEnergy?.x).toEqual(merged.bestEnergy?.x);
    expect(() => a.merge(SampleSet.fromJSON({ ...a.toJSON(), manifest: { ...a.manifest, inputHash: "sha256:other" } }))).toThrow(RangeError);
  });

  it("writes bitstrings with variable n−1 on the left", () => {
    expect(bitsToString(Uint8Array.from([1, 0, 0]))).toBe("001");
    expect(stringToBits("001", 3)).toEqual(Uint8Array.from([1, 0, 0]));
    expect(() => stringToBits("0a1", 3)).toThrow(RangeError);
    expect(() => stringToBits("01", 3)).toThrow(RangeError);
  });

  it("records the solver, parameters, seed, version and input hash in the manifest", async () => {
    const qubo = randomQubo(5, 9);
    const set = await randomSampler.sample(qubo, { seed: "abc", reads: 3 });
    expect(set.manifest).toMatchObject({ solver: "random", family: "classical", seed: "abc", reads: 3, nVariables: 5 });
    expect(set.manifest.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(set.manifest.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const renamed = { ...qubo, variables: qubo.variables.map((v) => `y_${v}`) };
    expect(quboHash(renamed)).toBe(quboHash(qubo));
    const changed = { ...qubo, offset: qubo.offset + 1 };
    expect(quboHash(changed)).not.toBe(quboHash(qubo));
    for (const ms of [set.timing.encodeMs, set.timing.solveMs, set.timing.decodeMs]) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("rejects malformed JSON and decode results", async () => {
    const qubo = randomQubo(3, 1);
    const json = (await randomSampler.sample(qubo, { reads: 4 })).toJSON();
    expect(() => SampleSet.fromJSON({ ...json, sense: "up" as "min" })).toThrow(RangeError);
    expect(() => SampleSet.fromJSON({ ...json, samples: [{ ...json.samples[0], occurrences: 0 }] })).toThrow(RangeError);
    const badDecode = { qubo, decode: () => ({ objective: NaN, feasible: true, values: {}, violations: {} }) };
    await expect(randomSampler.sample(badDecode, { reads: 2 })).rejects.toThrow(RangeError);
  });
});

describe("ReadBuffer", () => {
  it("keeps every pushed read through growth, merging identical ones", () => {
    const buffer = new ReadBuffer(3, 1e9);
    for (let k = 0; k < 5000; k++) buffer.push([k & 1, (k >> 1) & 1, (k >> 2) & 1]);
    expect(buffer.length).toBe(5000);
    expect(buffer.distinct).toBe(8);
    for (let row = 0; row < 8; row++) {
      expect(Array.from(buffer.row(row))).toEqual([row & 1, (row >> 1) & 1, (row >> 2) & 1]);
      expect(buffer.firstRead(row)).toBe(row);
      expect(buffer.occurrences(row)).toBe(5000 / 8);
    }
    expect(() => buffer.row(8)).toThrow(RangeError);
  });

  it("bounded by keep, holds the lowest-energy assignments and counts the reads it dropped", () => {
    const qubo = randomQubo(10, 4);
    const keep = 50;
    const buffer = new ReadBuffer(10, 1, undefined, { keep, energyOf: (x) => quboEnergy(qubo, x) });
    const rng = createRng(3);
    const all = new Map<string, number>();
    for (let k = 0; k < 20_000; k++) {
      const x = Uint8Array.from({ length: 10 }, () => (rng.next() < 0.5 ? 1 : 0));
      buffer.push(x);
      all.set(bitsToString(x), quboEnergy(qubo, x));
    }
    expect(buffer.length).toBe(20_000);
    expect(buffer.distinct).toBeGreaterThanOrEqual(keep);
    expect(buffer.distinct).toBeLessThanOrEqual(2 * keep);
    let held = 0;
    const heldEnergies: number[] = [];
    for (let row = 0; row < buffer.distinct; row++) {
      held += buffer.occurrences(row);
      heldEnergies.push(quboEnergy(qubo, buffer.row(row)));
    }
    expect(held + buffer.dropped).toBe(20_000);
    // The kept ones are the lowest energies met: every one of the `keep` lowest is held.
    const lowest = [...all.values()].sort((a, b) => a - b).slice(0, keep);
    expect(Math.max(...lowest)).toBeGreaterThanOrEqual(Math.min(...heldEnergies));
    for (const e of lowest) expect(heldEnergies).toContain(e);
  });

  it.each([20, 40, 70])("tells distinct assignments apart at n = %i (numeric and packed keys)", (n) => {
    const buffer = new ReadBuffer(n, 1);
    const rng = createRng(7);
    const pushed = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      // Few distinct rows (bits only in 3 positions spread over the width), each pushed many times.
      const x = new Uint8Array(n);
      for (const i of [0, Math.floor(n / 2), n - 1]) x[i] = rng.next() < 0.5 ? 1 : 0;
      buffer.push(x);
      const bits = bitsToString(x);
      pushed.set(bits, (pushed.get(bits) ?? 0) + 1);
    }
    expect(buffer.distinct).toBe(pushed.size);
    for (let row = 0; row < buffer.distinct; row++) expect(buffer.occurrences(row)).toBe(pushed.get(bitsToString(buffer.row(row))));
  });
});
