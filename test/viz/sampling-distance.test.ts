import { describe, expect, it } from "vitest";
import { runSampling, sherringtonKirkpatrickQubo } from "../../src/ml/index.js";
import { createRng } from "../../src/util/rng.js";
import { compileVegaLite, renderSvg, samplingDistanceSpec, type VegaLiteSpec } from "../../src/viz/index.js";

type Row = { method: string; nSamples: number; value: number; beta: string };
const rows = (spec: VegaLiteSpec): Row[] => (spec["data"] as { values: Row[] }).values;

describe("samplingDistanceSpec", () => {
  it("charts the sampling stage's records as they are, one β per panel, and compiles without warnings", async () => {
    const qubo = sherringtonKirkpatrickQubo(6, createRng(2));
    const records = [
      ...(await runSampling(qubo, { beta: 1, nSamples: [10, 100], methods: ["metropolis", "sa"], seed: 3 })),
      ...(await runSampling(qubo, { beta: 3, nSamples: [10, 100], methods: ["metropolis", "sa"], seed: 3 })),
    ];
    const spec = samplingDistanceSpec(records, { title: "SK n = 6" });
    expect(rows(spec)).toHaveLength(8);
    expect(rows(spec)[0]).toEqual({ method: "metropolis", nSamples: 10, value: records[0].totalVariation, beta: "β = 1" });
    expect(spec["facet"]).toEqual({ column: { field: "beta", type: "nominal", title: null } });
    const compiled = await compileVegaLite(spec);
    expect(compiled.warnings).toEqual([]);
    const svg = await renderSvg(spec);
    for (const text of ["SK n = 6", "β = 1", "β = 3", "Samples drawn", "metropolis", "sa"]) expect(svg).toContain(`>${text}</text>`);
  }, 30_000);

  it("draws one panel for a single β, plots KL when asked, on a log sample axis", () => {
    const records = [
      { method: "a", nSamples: 100, totalVariation: 0.5, kl: 1.2 },
      { method: "a", nSamples: 1000, totalVariation: 0.2, kl: 0.3 },
    ];
    const spec = samplingDistanceSpec(records, { metric: "kl" });
    expect(spec["facet"]).toBeUndefined();
    expect(rows(spec).map((r) => r.value)).toEqual([1.2, 0.3]);
    const encoding = spec["encoding"] as { x: { scale: { type: string }; axis: { values: number[] } }; y: { title: string } };
    expect(encoding.x.scale.type).toBe("log");
    expect(encoding.x.axis.values).toEqual([100, 1000]);
    expect(encoding.y.title).toMatch(/KL/);
  });

  it("names the bad record: NaN, a distance out of range, a sample count the log axis cannot show", () => {
    const good = { method: "a", nSamples: 10, totalVariation: 0.1 };
    expect(() => samplingDistanceSpec([good, { ...good, totalVariation: Number.NaN }])).toThrow(/records\[1\]\.totalVariation must be a finite number, got NaN/);
    expect(() => samplingDistanceSpec([{ ...good, totalVariation: 1.5 }])).toThrow(/records\[0\]\.totalVariation must be in \[0, 1\]/);
    expect(() => samplingDistanceSpec([{ ...good, nSamples: 0 }])).toThrow(/nSamples must be > 0/);
    expect(() => samplingDistanceSpec([good], { metric: "kl" })).toThrow(/records\[0\]\.kl must be a finite number/);
    expect(() => samplingDistanceSpec([good], { metric: "tv" as never })).toThrow(RangeError);
    expect(() => samplingDistanceSpec([])).toThrow(RangeError);
  });
});
