// Random small models for property tests, with an independent reference evaluator: a tiny
// expression tree evaluated directly on variable values, never through Expr/normalize/compile.
import fc from "fast-check";
import { type Expr, Model, type IntEncoding } from "../../src/model/index.js";

export type TestDomain =
  | { kind: "binary" }
  | { kind: "spin" }
  | { kind: "int"; lo: number; hi: number; encoding: IntEncoding };

export type TestExpr =
  | { k: "num"; v: number }
  | { k: "var"; i: number }
  | { k: "add"; a: TestExpr; b: TestExpr }
  | { k: "mul"; a: TestExpr; b: TestExpr };

export interface TestConstraint {
  lhs: TestExpr;
  op: "==" | "<=" | ">=";
  rhs: number;
}

export interface TestModel {
  domains: TestDomain[];
  objective: TestExpr;
  sense: "minimize" | "maximize";
  constraints: TestConstraint[];
}

export function evalTest(e: TestExpr, values: readonly number[]): number {
  switch (e.k) {
    case "num":
      return e.v;
    case "var":
      return values[e.i];
    case "add":
      return evalTest(e.a, values) + evalTest(e.b, values);
    case "mul":
      return evalTest(e.a, values) * evalTest(e.b, values);
  }
}

export function toApiExpr(e: TestExpr, vars: Expr[]): Expr | number {
  switch (e.k) {
    case "num":
      return e.v;
    case "var":
      return vars[e.i];
    case "add": {
      const a = toApiExpr(e.a, vars);
      const b = toApiExpr(e.b, vars);
      return typeof a === "number" ? (typeof b === "number" ? a + b : b.plus(a)) : a.plus(b);
    }
    case "mul": {
      const a = toApiExpr(e.a, vars);
      const b = toApiExpr(e.b, vars);
      return typeof a === "number" ? (typeof b === "number" ? a * b : b.times(a)) : a.times(b);
    }
  }
}

export function buildModel(t: TestModel, penalty: number | "auto" = "auto"): Model {
  const m = new Model("random");
  const vars = t.domains.map((d, i) => {
    if (d.kind === "binary") return m.binary(`v${i}`).at();
    if (d.kind === "spin") return m.spin(`v${i}`).at();
    return m.int(`v${i}`, d.lo, d.hi, [], { encoding: d.encoding }).at();
  });
  const objective = toApiExpr(t.objective, vars);
  if (t.sense === "minimize") m.minimize(objective);
  else m.maximize(objective);
  t.constraints.forEach((c, k) => m.constraint(`c${k}`, toApiExpr(c.lhs, vars), c.op, c.rhs, { penalty }));
  return m;
}

export function domainValues(d: TestDomain): number[] {
  if (d.kind === "binary") return [0, 1];
  if (d.kind === "spin") return [-1, 1];
  const out: number[] = [];
  for (let v = d.lo; v <= d.hi; v++) out.push(v);
  return out;
}

/** Every assignment of the model variables (the brute-force box). */
export function* allAssignments(domains: readonly TestDomain[]): Generator<number[]> {
  const lists = domains.map(domainValues);
  const index = new Array<number>(lists.length).fill(0);
  for (;;) {
    yield index.map((k, i) => lists[i][k]);
    let d = lists.length - 1;
    while (d >= 0 && ++index[d] === lists[d].length) index[d--] = 0;
    if (d < 0) return;
  }
}

export function isFeasible(t: TestModel, values: readonly number[]): boolean {
  return t.constraints.every((c) => {
    const g = evalTest(c.lhs, values) - c.rhs;
    return c.op === "==" ? Math.abs(g) < 1e-9 : c.op === "<=" ? g <= 1e-9 : g >= -1e-9;
  });
}

export const arbDomain: fc.Arbitrary<TestDomain> = fc.oneof(
  fc.constant({ kind: "binary" } as TestDomain),
  fc.constant({ kind: "spin" } as TestDomain),
  fc
    .record({
      lo: fc.integer({ min: -3, max: 3 }),
      width: fc.integer({ min: 0, max: 4 }),
      encoding: fc.constantFrom<IntEncoding>("binary", "unary", "onehot", "domainwall"),
    })
    .map(({ lo, width, encoding }) => ({ kind: "int", lo, hi: lo + width, encoding }) as TestDomain),
);

const arbCoef = fc.integer({ min: -4, max: 4 });

function arbMonomial(nVars: number, maxDegree: number): fc.Arbitrary<TestExpr> {
  return fc
    .tuple(arbCoef, fc.array(fc.integer({ min: 0, max: nVars - 1 }), { minLength: 0, maxLength: maxDegree }))
    .map(([c, vs]) => vs.reduce<TestExpr>((acc, i) => ({ k: "mul", a: acc, b: { k: "var", i } }), { k: "num", v: c }));
}

export function arbPolynomial(nVars: number, maxDegree: number, maxTerms = 5): fc.Arbitrary<TestExpr> {
  return fc
    .array(arbMonomial(nVars, maxDegree), { minLength: 1, maxLength: maxTerms })
    .map((terms) => terms.reduce((a, b) => ({ k: "add", a, b })));
}

export function arbModel(opts: { maxVars?: number; maxDegree?: number; maxConstraints?: number } = {}): fc.Arbitrary<TestModel> {
  return fc.array(arbDomain, { minLength: 1, maxLength: opts.maxVars ?? 3 }).chain((domains) =>
    fc.record({
      domains: fc.constant(domains),
      objective: arbPolynomial(domains.length, opts.maxDegree ?? 2),
      sense: fc.constantFrom<"minimize" | "maximize">("minimize", "maximize"),
      constraints: fc.array(
        fc.record({
          lhs: arbPolynomial(domains.length, 1, 3),
          op: fc.constantFrom<"==" | "<=" | ">=">("==", "<=", ">="),
          rhs: fc.integer({ min: -4, max: 4 }),
        }),
        { maxLength: opts.maxConstraints ?? 2 },
      ),
    }),
  );
}

/** Minimum of f over all 2ⁿ bit vectors (n small) and one minimiser. */
export function bruteForceMin(n: number, energy: (bits: Uint8Array) => number): { min: number; argmin: Uint8Array[] } {
  if (n > 22) throw new RangeError(`brute force over ${n} bits is too large for a test`);
  const bits = new Uint8Array(n);
  let min = Infinity;
  let argmin: Uint8Array[] = [];
  for (let s = 0; s < 2 ** n; s++) {
    for (let i = 0; i < n; i++) bits[i] = (s >>> i) & 1;
    const e = energy(bits);
    if (e < min - 1e-9) {
      min = e;
      argmin = [bits.slice()];
    } else if (Math.abs(e - min) <= 1e-9) argmin.push(bits.slice());
  }
  return { min, argmin };
}
