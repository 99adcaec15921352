import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { bind } from "../../src/model/bind.js";

/** Binds `param r: real = EXPR` after n, v and edges, returning r's value or the diagnostic messages. */
function evaluateDefault(expr: string, data: Record<string, unknown> = {}): number | string[] {
  const source = `problem p {
  param n: int = 4
  param v: real[n]
  param edges: (int, int, real)[]
  param r: real = ${expr}
}
`;
  const { ast, diagnostics } = check(source, { file: "p.qp" });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = bind(ast, "p", { v: [1.5, -2, 3, 0.25], edges: [[0, 1, 2], [1, 2, -1], [2, 3, 4]], ...data });
  if (result.diagnostics.length > 0) return result.diagnostics.map((d) => d.message);
  return result.values.get("r") as number;
}

describe("parameter expressions in defaults and dimensions", () => {
  it.each([
    ["sum(i in 0..n-1) v[i]", 2.75],
    ["sum(i in 0..n-1, j in i+1..n-1) v[i] * v[j]", 1.5 * -2 + 1.5 * 3 + 1.5 * 0.25 + -2 * 3 + -2 * 0.25 + 3 * 0.25],
    ["sum(i in 0..n-1 where v[i] > 0) v[i]", 4.75],
    ["sum((a, b, w) in edges where a < b) w * b", 2 + -2 + 12],
    ["if n > 3 and not (n == 5) then pi else e", Math.PI],
    ["max(abs(v[1]), sqrt(v[2] * 3), 1) - min(2, v[3])", 3 - 0.25],
    ["2 ^ 3 ^ 2 / 64", 8],
    ["-v[0] * 2 + exp(0) + log(e) + cos(0) + sin(0)", -3 + 3],
    ["sum(i in 3..2) 1", 0],
  ])("%s = %d", (expr, expected) => {
    expect(evaluateDefault(expr)).toBeCloseTo(expected as number, 12);
  });

  it.each([
    ["sqrt(v[1])", "the default of 'r' cannot be computed: sqrt(-2) is NaN, not a finite number"],
    ["v[n]", "the default of 'r' cannot be computed: index 4 is outside v's range 0..3"],
    ["log(0)", "the default of 'r' cannot be computed: log(0) is -Infinity, not a finite number"],
    ["10 ^ 400", "the default of 'r' cannot be computed: 10 ^ 400 is Infinity, not a finite number"],
    ["sum(i in 0..100000000) 1", "the default of 'r' cannot be computed: range 0..100000000 is too long to evaluate"],
  ])("reports %s", (expr, message) => {
    expect(evaluateDefault(expr)).toEqual([message]);
  });

  it("agrees with direct arithmetic on random integer expressions", () => {
    type Node = { text: string; value: number };
    const leaf = fc.integer({ min: -9, max: 9 }).map((k): Node => ({ text: k < 0 ? `(${k})` : String(k), value: k }));
    const tree = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.tuple(tie("node"), fc.constantFrom("+", "-", "*"), tie("node")).map(([a, op, b]): Node => ({
          text: `(${a.text} ${op} ${b.text})`,
          value: op === "+" ? a.value + b.value : op === "-" ? a.value - b.value : a.value * b.value,
        })),
        fc.tuple(tie("node"), tie("node")).map(([a, b]): Node => ({ text: `max(${a.text}, abs(${b.text}))`, value: Math.max(a.value, Math.abs(b.value)) })),
        fc.tuple(tie("node"), tie("node"), tie("node")).map(([c, a, b]): Node => ({
          text: `(if ${c.text} <= 0 then ${a.text} else ${b.text})`,
          value: c.value <= 0 ? a.value : b.value,
        })),
      ),
    })).node;
    fc.assert(
      fc.property(tree, ({ text, value }) => {
        expect(evaluateDefault(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 150 },
    );
  });
});
