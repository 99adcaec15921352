// Whatever data arrives, bind reports diagnostics and never throws; every value it does return has
// the declared shape, with finite numbers only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { bind, type ParamValue } from "../../src/model/bind.js";

const SOURCE = `problem p {
  param n: int
  param m: int = n + 1
  param w: real[n][m]
  param on: bool[2]
  param edges: (int, int, real)[]
  param scale: real = sum((u, v, c) in edges) c / m
  var x: binary[m]
  minimize sum((u, v, c) in edges) c * x[u] * x[v] * scale + sum(i in 0..n-1) w[i][0] * x[i]
}
`;

function allFinite(value: ParamValue): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "boolean") return true;
  return value.every(allFinite);
}

describe("bind on arbitrary data", () => {
  const { ast, diagnostics } = check(SOURCE, { file: "p.qp" });

  it("never throws, and binds only well-formed values", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const small = fc.integer({ min: -2, max: 4 });
    const anything = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      small,
      fc.constantFrom(Number.NaN, Infinity, 2.5, 1e300, undefined, null, true),
      fc.array(fc.oneof(small, fc.array(fc.oneof(small, fc.double()), { maxLength: 5 })), { maxLength: 5 }),
    );
    const data = fc.oneof(
      anything,
      fc.record({ n: anything, m: anything, w: anything, on: anything, edges: anything, scale: anything }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom("n", "w", "on", "edges", "nn", "x", "total"), anything),
    );
    fc.assert(
      fc.property(data, (d) => {
        const result = bind(ast, "p", d);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.span.start.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.message.length).toBeGreaterThan(0);
        }
        for (const value of result.values.values()) expect(allFinite(value)).toBe(true);
        const n = result.values.get("n");
        const w = result.values.get("w");
        if (typeof n === "number" && w !== undefined) {
          expect(Number.isInteger(n)).toBe(true);
          expect((w as ParamValue[]).length).toBe(n);
        }
        if (result.diagnostics.length === 0) expect([...result.values.keys()]).toEqual(["n", "m", "w", "on", "edges", "scale"]);
      }),
      { numRuns: 2000 },
    );
  });
});
