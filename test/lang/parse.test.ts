import { describe, expect, it } from "vitest";
import { parse } from "../../src/lang/parse.js";

describe("parse", () => {
  it("reads a problem with params, vars, lets, an objective and constraints", () => {
    const { ast, diagnostics } = parse(
      `problem knapsack {
  param n: int
  param value: real[n]
  param capacity: real = 10   // default
  var x: binary[n]
  let total = sum(i in 0..n-1) value[i] * x[i]
  maximize total
  constraint cap: sum(i in 0..n-1) x[i] <= capacity
}`,
      { file: "k.qp" },
    );
    expect(diagnostics).toEqual([]);
    const problem = ast.items[0]!;
    expect(problem.kind).toBe("problem");
    if (problem.kind !== "problem") return;
    expect(problem.members.map((m) => m.kind)).toEqual(["param", "param", "param", "var", "let", "objective", "constraint"]);
    expect(problem.span.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(problem.span.file).toBe("k.qp");
    expect(ast.comments.map((c) => c.text)).toEqual(["// default"]);
  });

  it("continues an expression after a binary operator and inside brackets", () => {
    const { ast, diagnostics } = parse("problem p {\n var x: binary[3]\n minimize x[0] +\n   x[1] + (x[2]\n * 2)\n}");
    expect(diagnostics).toEqual([]);
    const item = ast.items[0]!;
    if (item.kind !== "problem") throw new Error("expected a problem");
    const objective = item.members[1]!;
    expect(objective.kind).toBe("objective");
  });

  it("reports every syntax error of a file in one run", () => {
    const { diagnostics } = parse("problem p {\n var x binary\n let sum = 3\n maximize 1 2\n}\n");
    expect(diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([
      ["expected-token", 2],
      ["expected-token", 3],
      ["expected-token", 4],
    ]);
  });
});
