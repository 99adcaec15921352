import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibratePenalties, compile, compiledFromJson, compiledToJson, denseQubo, quboEnergy } from "../../src/compile/index.js";
import { arbModel, bruteForceMin, buildModel } from "./random-model.js";

describe("JSON round trip", () => {
  it("a compiled model read back gives the same QUBO, decoding, weights and provenance", () => {
    fc.assert(
      fc.property(arbModel({ maxVars: 3, maxConstraints: 2 }), fc.nat(), (t, seed) => {
        const compiled = compile(buildModel(t));
        compiled.setPenaltyScale(1.5);
        const text = JSON.stringify(compiledToJson(compiled));
        const back = compiledFromJson(JSON.parse(text));
        const [a, b] = [compiled.qubo(), back.qubo()];
        expect(b.variables).toEqual(a.variables);
        expect(b.linear).toEqual(a.linear);
        expect(b.values).toEqual(a.values);
        expect(b.offset).toBe(a.offset);
        expect(back.penalties()).toEqual(compiled.penalties());
        const bits = Uint8Array.from({ length: compiled.nBits }, (_, i) => (seed >>> i) & 1);
        expect(back.decode(bits)).toEqual(compiled.decode(bits));
        if (compiled.nBits > 0) expect(back.explain(0)).toEqual(compiled.explain(0));
      }),
      { numRuns: 100 },
    );
  });

  it("refuses malformed input with a TypeError naming the field", () => {
    const compiled = compile(buildModel({ domains: [{ kind: "binary" }], objective: { k: "var", i: 0 }, sense: "minimize", constraints: [] }));
    const json = compiledToJson(compiled) as Record<string, unknown>;
    expect(() => compiledFromJson({ ...json, compSlot: [99] })).toThrow(TypeError);
    expect(() => compiledFromJson({ ...json, format: "other" })).toThrow(/format/);
    expect(() => compiledFromJson({ ...json, compAmount: [Number.NaN] })).toThrow(/compAmount/);
    expect(() => compiledFromJson(null)).toThrow(TypeError);
    const decode = json.decode as Record<string, unknown>;
    expect(() => compiledFromJson({ ...json, decode: { ...decode, encodings: [{ offset: 0, coefs: [1, 1], suffixes: [], validity: "none" }] } })).toThrow(/past the last bit/);
    const objective = [{ constant: 0, linIdx: [5], linCoef: [1], quadI: [], quadJ: [], quadCoef: [], higher: [] }];
    expect(() => compiledFromJson({ ...json, decode: { ...decode, objective } })).toThrow(/beyond/);
  });
});

describe("dense view and calibration", () => {
  it("xᵀQx + offset equals the sparse energy, upper-triangular or symmetric", () => {
    const t = arbModel({ maxVars: 3 });
    fc.assert(
      fc.property(t, fc.nat(), (model, seed) => {
        const qubo = compile(buildModel(model)).qubo();
        const n = qubo.linear.length;
        const x = Array.from({ length: n }, (_, i) => (seed >>> i) & 1);
        for (const symmetric of [false, true]) {
          const q = denseQubo(qubo, { symmetric });
          let e = qubo.offset;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) e += x[i] * q.get(i, j) * x[j];
          expect(e).toBeCloseTo(quboEnergy(qubo, x), 9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("reports feasibility and best feasible objective per penalty scale, and restores the scale", async () => {
    // maximise x0 + x1 + x2 with x0 + x1 + x2 <= 1: tiny penalties make the all-ones point optimal
    const compiled = compile(
      buildModel({
        domains: [{ kind: "binary" }, { kind: "binary" }, { kind: "binary" }],
        objective: { k: "add", a: { k: "add", a: { k: "var", i: 0 }, b: { k: "var", i: 1 } }, b: { k: "var", i: 2 } },
        sense: "maximize",
        constraints: [{ lhs: { k: "add", a: { k: "add", a: { k: "var", i: 0 }, b: { k: "var", i: 1 } }, b: { k: "var", i: 2 } }, op: "<=", rhs: 1 }],
      }),
    );
    const exact = (qubo: ReturnType<typeof compiled.qubo>) => bruteForceMin(qubo.linear.length, (b) => quboEnergy(qubo, b)).argmin;
    const points = await calibratePenalties(compiled, exact, [0.01, 1]);
    expect(points[0].feasibleRate).toBe(0);
    expect(points[0].bestFeasibleObjective).toBeUndefined();
    expect(points[1].feasibleRate).toBe(1);
    expect(points[1].bestFeasibleObjective).toBe(1);
    expect(compiled.penaltyScale).toBe(1);
    await expect(calibratePenalties(compiled, exact, [])).rejects.toThrow(RangeError);
  });
});
