import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulateAngleGradient, angleIsConstant, evaluateAngle, formatAngle, parameterVector } from "../../src/circuit/angles.js";
import type { AngleExpr } from "../../src/circuit/ir.js";

const p = (index: number): AngleExpr => ({ kind: "param", index });
const k = (value: number): AngleExpr => ({ kind: "const", value });

/** Random expressions over 3 parameters whose value and derivatives stay finite (no div/log/sqrt). */
const smoothExpr: fc.Arbitrary<AngleExpr> = fc.letrec<{ e: AngleExpr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: 2 }).map(p),
    fc.double({ min: -3, max: 3, noNaN: true }).map(k),
    tie("e").map((arg): AngleExpr => ({ kind: "neg", arg })),
    fc.tuple(fc.constantFrom("add" as const, "sub" as const, "mul" as const), tie("e"), tie("e")).map(([kind, left, right]): AngleExpr => ({ kind, left, right })),
    fc.tuple(fc.constantFrom("sin" as const, "cos" as const), tie("e")).map(([fn, arg]): AngleExpr => ({ kind: "call", fn, arg })),
  ),
})).e;

describe("angle expressions", () => {
  it("evaluate arithmetic and functions over the parameter vector", () => {
    const expr: AngleExpr = { kind: "div", left: { kind: "mul", left: k(2), right: p(0) }, right: { kind: "call", fn: "sqrt", arg: p(1) } };
    expect(evaluateAngle(expr, [3, 4])).toBeCloseTo(3, 15);
    expect(evaluateAngle({ kind: "call", fn: "exp", arg: { kind: "neg", arg: p(0) } }, [1])).toBeCloseTo(Math.exp(-1), 15);
    expect(() => evaluateAngle(p(2), [1, 2])).toThrow(RangeError);
  });

  it("accumulate gradients that match central finite differences (property)", () => {
    fc.assert(
      fc.property(smoothExpr, fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }), (expr, values) => {
        const gradient = new Float64Array(3);
        accumulateAngleGradient(expr, values, 1, gradient);
        for (let j = 0; j < 3; j++) {
          const h = 1e-5;
          const up = [...values];
          const down = [...values];
          up[j]! += h;
          down[j]! -= h;
          const numeric = (evaluateAngle(expr, up) - evaluateAngle(expr, down)) / (2 * h);
          expect(Math.abs(gradient[j]! - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("sums the contributions of a parameter used several times", () => {
    // f = θ0·θ0 + sin(θ0) → f' = 2θ0 + cos θ0
    const expr: AngleExpr = { kind: "add", left: { kind: "mul", left: p(0), right: p(0) }, right: { kind: "call", fn: "sin", arg: p(0) } };
    const gradient = new Float64Array(1);
    accumulateAngleGradient(expr, [0.7], 2, gradient);
    expect(gradient[0]).toBeCloseTo(2 * (1.4 + Math.cos(0.7)), 14);
  });

  it("knows constant expressions and formats them readably", () => {
    expect(angleIsConstant({ kind: "mul", left: k(2), right: k(Math.PI) })).toBe(true);
    expect(angleIsConstant({ kind: "neg", arg: p(0) })).toBe(false);
    expect(formatAngle(k(Math.PI / 2))).toBe("pi/2");
    expect(formatAngle({ kind: "mul", left: k(2), right: p(0) }, ["gamma[0]"])).toBe("2*gamma[0]");
    expect(formatAngle({ kind: "sub", left: p(0), right: { kind: "sub", left: p(1), right: k(1) } }, ["a", "b"])).toBe("a-(b-1)");
    expect(formatAngle({ kind: "neg", arg: { kind: "add", left: p(0), right: p(1) } })).toBe("-(θ0+θ1)");
  });

  it("builds parameter vectors from flat or named values and rejects mismatches", () => {
    const circuit = { parameters: ["gamma[0]", "gamma[1]", "beta[0][0]", "phi"] };
    expect(Array.from(parameterVector(circuit, [1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
    expect(Array.from(parameterVector(circuit, { gamma: [1, 2], beta: [[3]], phi: 4 }))).toEqual([1, 2, 3, 4]);
    expect(() => parameterVector(circuit, [1, 2, 3])).toThrow(/must have 4 entries/);
    expect(() => parameterVector(circuit, { gamma: [1, 2], beta: [[3]] })).toThrow(/'phi' must have a value/);
    expect(() => parameterVector(circuit, { gamma: [1, 2, 5], beta: [[3]], phi: 4 })).toThrow(/unknown parameter 'gamma\[2\]'/);
    expect(() => parameterVector(circuit, [1, 2, NaN, 4])).toThrow(/finite/);
    expect(() => parameterVector(circuit, { gamma: "x" })).toThrow(TypeError);
  });
});
