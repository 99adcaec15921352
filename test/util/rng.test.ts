import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng.js";

describe("createRng", () => {
  it("replays the same stream from the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const first = Array.from({ length: 100 }, () => a.nextDouble());
    expect(Array.from({ length: 100 }, () => b.nextDouble())).toEqual(first);
  });

  it("gives different streams for different seeds and for forks", () => {
    const rng = createRng(1);
    expect(createRng(2).next()).not.toBe(createRng(1).next());
    expect(rng.fork("a").next()).not.toBe(rng.fork("b").next());
    expect(rng.fork("a").next()).toBe(createRng(1).fork("a").next());
  });

  it("draws integers uniformly in range", () => {
    const rng = createRng("uniform");
    const counts = new Array(6).fill(0);
    for (let k = 0; k < 60_000; k++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it("draws normal deviates with mean 0 and variance 1", () => {
    const rng = createRng(7);
    let sum = 0;
    let sumSq = 0;
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });

  it("rejects seeds and bounds that make no sense", () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng({} as unknown as number)).toThrow(TypeError);
    expect(() => createRng(1).int(0)).toThrow(RangeError);
    expect(() => createRng(1).int(2.5)).toThrow(RangeError);
  });
});
