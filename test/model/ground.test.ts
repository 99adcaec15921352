// Grounding from the DSL, checked against an independent interpreter of the parsed AST.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, encodeValue } from "../../src/compile/index.js";
import type { Ast } from "../../src/lang/index.js";
import { parse } from "../../src/lang/index.js";
import { bind } from "../../src/model/bind.js";
import type { ParamValue } from "../../src/model/bind-types.js";
import { ground } from "../../src/model/ground.js";
import { allAssignments, arbModel, type TestDomain, type TestExpr, type TestModel } from "../compile/random-model.js";

function renderDomain(d: TestDomain): string {
  return d.kind === "int" ? `int[${d.lo}..${d.hi}] encoding ${d.encoding}` : d.kind;
}

function renderExpr(e: TestExpr): string {
  switch (e.k) {
    case "num":
      return e.v < 0 ? `(${e.v})` : `${e.v}`;
    case "var":
      return `v${e.i}`;
    case "add":
      return `(${renderExpr(e.a)} + ${renderExpr(e.b)})`;
    case "mul":
      return `${renderExpr(e.a)} * ${renderExpr(e.b)}`;
  }
}

/** A program mixing the random model with params, sums, where, if, lets and a constraint family. */
function renderProgram(t: TestModel): string {
  const lines = [
    "problem random {",
    "  param n: int",
    "  param w: real[n]",
    "  param a: real[n][n]",
    "  param flip: bool = false",
    "  var x: binary[n]",
    ...t.domains.map((d, i) => `  var v${i}: ${renderDomain(d)}`),
    "  let load = sum(i in 0..n-1) w[i] * x[i] + v0",
    `  ${t.sense} ${renderExpr(t.objective)} + sum(i in 0..n-1, j in 0..n-1 where i < j) a[i][j] * x[i] * x[j]` +
      " - (if flip then 2 else 1) * load / 2",
    ...t.constraints.map((c, k) => `  constraint c${k}: ${renderExpr(c.lhs)} ${c.op} ${c.rhs} penalty 3`),
    "  constraint cap[i in 0..n-1 where i != 1]: x[i] + v0 <= 2 penalty 3",
    "}",
  ];
  return lines.join("\n");
}

/** The reference: evaluates AST expressions directly on numbers (no polynomials involved). */
function interpret(e: Ast.Expr, env: Map<string, ParamValue>): number | boolean {
  const num = (x: Ast.Expr) => interpret(x, env) as number;
  switch (e.kind) {
    case "number":
    case "bool":
      return e.value;
    case "constant":
      return e.name === "pi" ? Math.PI : Math.E;
    case "name":
      return env.get(e.name) as number;
    case "index": {
      let v = env.get(e.target.name) as ParamValue;
      for (const i of e.indices) v = (v as ParamValue[])[num(i)];
      return v as number;
    }
    case "unary":
      return e.op === "-" ? -num(e.operand) : !interpret(e.operand, env);
    case "binary": {
      const a = interpret(e.left, env) as number;
      const b = interpret(e.right, env) as number;
      const ops: Record<string, () => number | boolean> = {
        "+": () => a + b, "-": () => a - b, "*": () => a * b, "/": () => a / b, "^": () => a ** b,
        "==": () => a === b, "!=": () => a !== b, "<": () => a < b, "<=": () => a <= b, ">": () => a > b, ">=": () => a >= b,
        and: () => Boolean(a) && Boolean(b), or: () => Boolean(a) || Boolean(b),
      };
      return ops[e.op]();
    }
    case "if":
      return interpret(e.condition, env) ? interpret(e.then, env) : interpret(e.else, env);
    case "call":
      throw new Error("not used");
    case "sum": {
      let total = 0;
      const loop = (k: number) => {
        if (k === e.binders.length) {
          if (!e.where || interpret(e.where, env)) total += num(e.body);
          return;
        }
        const b = e.binders[k];
        if (b.kind !== "range-binder") throw new Error("not used");
        for (let i = num(b.lo); i <= num(b.hi); i++) {
          env.set(b.name.name, i);
          loop(k + 1);
        }
        env.delete(b.name.name);
      };
      loop(0);
      return total;
    }
  }
}

function referenceEnergy(problem: Ast.ProblemDecl, params: ReadonlyMap<string, ParamValue>, vars: Map<string, ParamValue>): number {
  const env = new Map<string, ParamValue>([...params, ...vars]);
  let energy = 0;
  for (const m of problem.members) {
    if (m.kind === "let") env.set(m.name.name, interpret(m.value, env) as number);
    if (m.kind === "objective") energy += (m.sense === "minimize" ? 1 : -1) * (interpret(m.expr, env) as number);
    if (m.kind === "constraint") {
      const body = () => {
        const g = (interpret(m.left, env) as number) - (interpret(m.right, env) as number);
        const v = m.op === "==" ? g : m.op === "<=" ? Math.max(0, g) : Math.max(0, -g);
        energy += 3 * v * v;
      };
      if (m.binders.length === 0) body();
      else {
        const b = m.binders[0] as Ast.RangeBinder;
        for (let i = interpret(b.lo, env) as number; i <= (interpret(b.hi, env) as number); i++) {
          env.set(b.name.name, i);
          if (!m.where || interpret(m.where, env)) body();
        }
        env.delete(b.name.name);
      }
    }
  }
  return energy;
}

describe("grounding a DSL program", () => {
  it("energy (best slack) equals objective + penalties from an independent AST interpreter", () => {
    fc.assert(
      fc.property(
        arbModel({ maxVars: 3, maxConstraints: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 9, maxLength: 9 }),
        fc.boolean(),
        fc.nat(),
        (t, n, numbers, flip, pick) => {
          const source = renderProgram(t);
          const { ast, diagnostics } = parse(source);
          expect(diagnostics).toEqual([]);
          const data = {
            n,
            w: numbers.slice(0, n),
            a: Array.from({ length: n }, (_, i) => numbers.slice(3 + i, 3 + i + n)),
            flip,
          };
          const bound = bind(ast, "random", data);
          expect(bound.diagnostics).toEqual([]);
          const problem = ast.items[0] as Ast.ProblemDecl;
          const grounded = ground(problem, bound.values);
          expect(grounded.diagnostics).toEqual([]);
          const compiled = compile(grounded.model!);
          fc.pre(compiled.nSlackBits <= 8);
          // one random assignment of x and the v's
          const domains: TestDomain[] = [...Array.from({ length: n }, () => ({ kind: "binary" }) as TestDomain), ...t.domains];
          const assignments = [...allAssignments(domains)];
          const values = assignments[pick % assignments.length];
          const vars = new Map<string, ParamValue>([["x", values.slice(0, n)], ...t.domains.map((_, i) => [`v${i}`, values[n + i]] as [string, number])]);
          const expected = referenceEnergy(problem, bound.values, vars);
          const bits = new Uint8Array(compiled.nBits);
          const info = compiled.data.decode;
          values.forEach((v, k) => bits.set(encodeValue(info.encodings[k], v), info.firstBit[k]));
          const first = compiled.data.nModelBits;
          let best = Infinity;
          for (let s = 0; s < 2 ** compiled.nSlackBits; s++) {
            for (let k = 0; k < compiled.nSlackBits; k++) bits[first + k] = (s >>> k) & 1;
            best = Math.min(best, compiled.energy(bits));
          }
          expect(best).toBeCloseTo(expected, 7);
          expect(compiled.decode(bits).lets.load).toBeCloseTo(interpret(problem.members.find((m) => m.kind === "let")!.value as Ast.Expr, new Map([...bound.values, ...vars])) as number, 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reports an index out of range at the index expression", () => {
    const source = "problem p {\n  param n: int\n  var x: binary[n]\n  minimize sum(i in 0..n) x[i]\n}";
    const { ast } = parse(source, { file: "p.qp" });
    const bound = bind(ast, "p", { n: 2 });
    const result = ground(ast.items[0] as Ast.ProblemDecl, bound.values);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0].code).toBe("index-out-of-range");
    expect(result.diagnostics[0].message).toBe("index 2 is outside x's range 0..1");
    expect(result.diagnostics[0].span.start).toMatchObject({ line: 4, column: 29 });
  });

  it("expands tuple lists and names constraint instances by their binders", () => {
    const source = [
      "problem cut {",
      "  param n: int",
      "  param edges: (int, int, real)[]",
      "  var s: spin[n]",
      "  minimize sum((u, v, w) in edges) w * s[u] * s[v]",
      "  constraint pair[(u, v, w) in edges where w > 1]: s[u] + s[v] == 0",
      "}",
    ].join("\n");
    const { ast } = parse(source);
    const bound = bind(ast, "cut", { n: 3, edges: [[0, 1, 2], [1, 2, 1]] });
    const result = ground(ast.items[0] as Ast.ProblemDecl, bound.values);
    expect(result.diagnostics).toEqual([]);
    const model = result.model!;
    expect(model.constraints.map((c) => c.name)).toEqual(["pair[0][1][2]"]);
    expect(model.objective[0].poly.quadCoef).toEqual(new Float64Array([2, 1]));
  });
});
