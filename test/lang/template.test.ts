import { describe, expect, it } from "vitest";
import { qp, QpTemplateError } from "../../src/lang/template.js";

describe("the qp tagged template", () => {
  it("returns the checked program and binds interpolations as parameter values", () => {
    const values = [4, 3, 2, 7];
    const program = qp`
      problem knapsack {
        param n: int = ${values.length}
        param value: real[n] = ${values}
        param greedy: bool = ${true}
        var x: binary[n]
        maximize sum(i in 0..n-1) value[i] * x[i] * (if greedy then 2 else 1)
      }`;
    expect(program.diagnostics).toEqual([]);
    expect(program.data).toEqual({ knapsack: { n: 4, value: [4, 3, 2, 7], greedy: true } });
    expect(program.symbols.problems.get("knapsack")!.params.map((p) => [p.name, p.hasDefault])).toEqual([
      ["n", false],
      ["value", false],
      ["greedy", false],
    ]);
  });

  it("never splices a value into the source, even one that looks like code", () => {
    const sneaky = "1\n  var y: binary\n  minimize y";
    expect(() => qp`problem p {\n  param n: int = ${sneaky}\n  var x: binary\n  minimize x\n}`).toThrow(/invalid-interpolation/);
    expect(() => qp`problem p {\n  var x: binary\n  minimize ${2} * x\n}`).toThrow(/misplaced-interpolation/);
  });

  it("throws one error listing every diagnostic with template positions", () => {
    let caught: unknown;
    try {
      qp`problem p {
  var x: binary
  minimize y
  constraint c: x * x * z <= 1
}`;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QpTemplateError);
    const error = caught as QpTemplateError;
    expect(error.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["unknown-symbol", 3, 12],
      ["unknown-symbol", 4, 25],
    ]);
    expect(error.message).toMatch(/^qp template has 2 errors:/);
    expect(error.message).toContain(" --> qp`…`:3:12");
    expect(error.message).toContain(" --> qp`…`:4:25");
  });

  it("returns warnings without throwing", () => {
    const program = qp`problem p {\n  param unused: real\n  var x: binary\n  minimize x\n}`;
    expect(program.diagnostics.map((d) => d.code)).toEqual(["unused-param"]);
  });

  it("rejects being called as a plain function", () => {
    expect(() => (qp as unknown as (s: string) => unknown)("problem p {}")).toThrow(TypeError);
  });
});
