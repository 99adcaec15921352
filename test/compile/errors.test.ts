import { describe, expect, it } from "vitest";
import { compile, CompileError, compileSource } from "../../src/compile/index.js";
import { Expr, Model } from "../../src/model/index.js";

describe("bad input gives clear errors, never NaN or a crash", () => {
  it("an empty model compiles to an empty QUBO", () => {
    const compiled = compile(new Model("empty"));
    expect(compiled.nBits).toBe(0);
    expect(compiled.qubo().linear.length).toBe(0);
    const d = compiled.decode([]);
    expect(d).toMatchObject({ objective: 0, energy: 0, feasible: true });
  });

  it("modelling-API misuse throws RangeError / TypeError saying what must be what", () => {
    const m = new Model();
    const x = m.binary("x", [2]);
    expect(() => m.int("k", 3, 1)).toThrow(/lo <= hi/);
    expect(() => m.int("k", 0, 1.5)).toThrow(RangeError);
    expect(() => m.binary("2x")).toThrow(/identifier/);
    expect(() => x.at(0, 1)).toThrow(/dimension/);
    expect(() => x.at(-1)).toThrow(/0\.\.1/);
    expect(() => x.at(0).times(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => x.at(0).pow(1.5)).toThrow(/non-negative integer/);
    expect(() => m.constraint("c", x.at(0).times(x.at(1)), "<=", 1)).toThrow(/linear/);
    m.constraint("c", x.at(0), "<=", 1);
    expect(() => m.constraint("c", x.at(0), "<=", 1)).toThrow(/already defined/);
    expect(() => m.constraint("d", x.at(0), "<=", 1, { penalty: -1 })).toThrow(/positive/);
    expect(() => m.constraint("e", x.at(0), "<" as "<=", 1)).toThrow(/operator/);
    expect(() => m.constraint("f", x.at(0), "<=", 1, { penalty: "big" as unknown as number })).toThrow(TypeError);
    expect(() => compile(m, { higherOrder: "drop" as "keep" })).toThrow(RangeError);
    const compiled = compile(m);
    expect(() => compiled.decode([1])).toThrow(/entries/);
    expect(() => compiled.energy([1, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => compiled.explain("y[0]")).toThrow(/no bit named/);
    expect(() => compiled.explain(0, 0)).toThrow(/distinct/);
    expect(() => compiled.setPenalty("c", Number.NaN)).toThrow(RangeError);
    expect(() => compiled.setPenaltyScale(0)).toThrow(RangeError);
  });

  it("penalty auto on coefficients without a common grid is a diagnostic at the constraint", () => {
    const m = new Model();
    const x = m.binary("x", [2]);
    const span = { start: { line: 3, column: 3, offset: 20 }, end: { line: 3, column: 30, offset: 47 }, file: "g.qp" };
    m.constraint("irrational", x.at(0).times(Math.SQRT2).plus(x.at(1)), "==", 1, { span });
    try {
      compile(m);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      const [d] = (error as CompileError).diagnostics;
      expect(d).toMatchObject({ severity: "error", code: "penalty-auto-no-grid", span });
    }
    // slack needs the grid even for a soft constraint; the unbalanced form does not
    const soft = new Model();
    const z = soft.binary("z", [2]);
    soft.constraint("cap", z.at(0).times(Math.SQRT2).plus(z.at(1)), "<=", 1, { penalty: { soft: 1 } });
    expect(() => compile(soft)).toThrow(/slack-no-grid/);
    const unbalanced = new Model();
    const u = unbalanced.binary("u", [2]);
    unbalanced.constraint("cap", u.at(0).times(Math.SQRT2).plus(u.at(1)), "<=", 1, { method: "unbalanced" });
    expect(compile(unbalanced).nSlackBits).toBe(0);
    // an explicit weight is fine
    const ok = new Model();
    const y = ok.binary("y", [2]);
    ok.constraint("irrational", y.at(0).times(Math.SQRT2).plus(y.at(1)), "==", 1, { penalty: 5 });
    expect(compile(ok).penalties()[1].weight).toBe(5);
  });

  it("a constraint that always holds adds nothing and says so", () => {
    const m = new Model();
    const x = m.binary("x", [2]);
    m.constraint("loose", x.at(0).plus(x.at(1)), "<=", 5);
    const compiled = compile(m);
    expect(compiled.diagnostics.map((d) => d.code)).toEqual(["constraint-always-satisfied"]);
    expect(compiled.qubo().values.length).toBe(0);
    expect(compiled.nSlackBits).toBe(0);
  });

  it("compileSource turns grounding failures into diagnostics", () => {
    const source = "problem p {\n  param n: int\n  param w: real[n]\n  var x: binary[n]\n  minimize sum(i in 0..n-1) x[i] / w[i]\n}\n";
    const result = compileSource(source, { file: "p.qp", data: { n: 2, w: [1, 0] } });
    expect(result.compiled).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.message, d.span.start.line])).toEqual([["division-by-zero", "division by zero", 5]]);
    expect(() => compileSource(source, { problem: "q", data: {} })).toThrow(RangeError);
    expect(Expr.constant(2).plus(3).constant).toBe(5);
  });
});
