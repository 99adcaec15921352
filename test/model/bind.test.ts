import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Program } from "../../src/lang/ast.js";
import { check } from "../../src/lang/check.js";
import { renderDiagnostic } from "../../src/lang/render.js";
import { bind } from "../../src/model/bind.js";

const KNAPSACK = `problem knapsack {
  param n: int
  param value: real[n]
  param weight: real[n]
  param capacity: real = 10
  var x: binary[n]
  maximize sum(i in 0..n-1) value[i] * x[i]
  constraint cap: sum(i in 0..n-1) weight[i] * x[i] <= capacity
}
`;

const GRAPH = `problem cut {
  param n: int
  param edges: (int, int, real)[]
  param dist: real[n + 1][2 * n]
  param flags: bool[3]
  param scale: real = sum((u, v, w) in edges) abs(w) / n
  var x: binary[n]
  maximize sum((u, v, w) in edges) w * (x[u] + x[v] - 2 * x[u] * x[v])
}
`;

/** The checked program, as every caller of `bind` holds it; the sources here must check cleanly. */
function parsed(source: string, file: string): Program {
  const { ast, diagnostics } = check(source, { file });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return ast;
}

function bindAndRender(source: string, file: string, data: unknown): string[] {
  return bind(parsed(source, file), undefined, data).diagnostics.map((d) => renderDiagnostic(d, source));
}

const ones = (k: number) => new Array<number>(k).fill(1);

describe("bind: values", () => {
  it("binds the data, applies defaults, and lets data override them", () => {
    const program = parsed(KNAPSACK, "knapsack.qp");
    const first = bind(program, "knapsack", { n: 3, value: [1, 2, 3], weight: [4, 5, 6] });
    expect(first.diagnostics).toEqual([]);
    expect(first.problem).toBe("knapsack");
    expect([...first.values]).toEqual([["n", 3], ["value", [1, 2, 3]], ["weight", [4, 5, 6]], ["capacity", 10]]);
    // The same checked program binds again to other data, with no parsing in between.
    const second = bind(program, "knapsack", { n: 2, value: [1, 2], weight: [3, 4], capacity: 2.5 });
    expect(second.diagnostics).toEqual([]);
    expect(second.values.get("capacity")).toBe(2.5);
    expect(first.values.get("capacity")).toBe(10);
  });

  it("evaluates defaults and dimensions that are expressions over earlier params", () => {
    const result = bind(parsed(GRAPH, "cut.qp"), "cut", {
      n: 2,
      edges: [[0, 1, -3], [1, 0, 1.5]],
      dist: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]],
      flags: [true, false, true],
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.values.get("scale")).toBe(2.25);
    expect(result.values.get("edges")).toEqual([[0, 1, -3], [1, 0, 1.5]]);
    expect(result.values.get("flags")).toEqual([true, false, true]);
  });

  it("accepts typed arrays from TypeScript callers", () => {
    const result = bind(parsed(KNAPSACK, "k.qp"), "knapsack", { n: 2, value: Float64Array.of(1, 2), weight: Int32Array.of(3, 4) });
    expect(result.diagnostics).toEqual([]);
    expect(result.values.get("weight")).toEqual([3, 4]);
  });

  it("round-trips any well-formed data, and reports exactly the one field a corruption breaks", () => {
    const program = parsed(KNAPSACK, "knapsack.qp");
    const data = fc.integer({ min: 0, max: 20 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        value: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        weight: fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }),
        capacity: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
    );
    const corruption = fc.constantFrom(Number.NaN, Infinity, "7", null, true, [1]);
    fc.assert(
      fc.property(data, corruption, fc.nat(), (d, bad, at) => {
        const clean = bind(program, "knapsack", d);
        expect(clean.diagnostics).toEqual([]);
        expect(clean.values.get("value")).toEqual(d.value.map((v) => (v === 0 ? 0 : v)));
        expect(clean.values.get("capacity")).toBe(d.capacity === 0 ? 0 : d.capacity);
        if (d.n === 0) return;
        const k = at % d.n;
        const broken = bind(program, "knapsack", { ...d, weight: d.weight.map((w, i) => (i === k ? bad : w)) });
        expect(broken.diagnostics).toHaveLength(1);
        expect(broken.diagnostics[0].message.startsWith(`weight[${k}] `)).toBe(true);
        expect(broken.diagnostics[0].span.start.line).toBe(4);
        expect(broken.values.has("weight")).toBe(false);
        expect(broken.values.has("value")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a problem name the program does not declare as API misuse", () => {
    const program = parsed(KNAPSACK, "knapsack.qp");
    expect(() => bind(program, "knapsak", {})).toThrow(/no problem named 'knapsak' \(did you mean 'knapsack'\?\)/);
    const two = parsed(`${KNAPSACK}${GRAPH}`, "two.qp");
    expect(() => bind(two, undefined, {})).toThrow(/declares 2 problems \(knapsack, cut\)/);
  });
});

describe("bind: every error code, rendered (golden)", () => {
  it("shape-mismatch: an array whose length disagrees with its dimension", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 8, value: ones(7), weight: ones(8) })).toEqual([
      `error[shape-mismatch]: value has 7 entries but n = 8
 --> knapsack.qp:3:21
  |
3 |   param value: real[n]
  |                     ^`,
    ]);
  });

  it("shape-mismatch: inner dimensions that are expressions name their value", () => {
    const data = { n: 2, edges: [], dist: [ones(4), ones(3), ones(4)], flags: [true, true, true] };
    expect(bindAndRender(GRAPH, "cut.qp", data)).toEqual([
      `error[shape-mismatch]: dist[1] has 3 entries but 2 * n = 4
 --> cut.qp:4:27
  |
4 |   param dist: real[n + 1][2 * n]
  |                           ^^^^^`,
    ]);
  });

  it("shape-mismatch: a literal dimension", () => {
    const data = { n: 1, edges: [], dist: [ones(2), ones(2)], flags: [true] };
    expect(bindAndRender(GRAPH, "cut.qp", data)).toEqual([
      `error[shape-mismatch]: flags has 1 entry but must have 3
 --> cut.qp:5:21
  |
5 |   param flags: bool[3]
  |                     ^`,
    ]);
  });

  it("missing-param: no value and no default", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 1, value: [1] })).toEqual([
      `error[missing-param]: no value for param 'weight' in the data
 --> knapsack.qp:4:9
  |
4 |   param weight: real[n]
  |         ^^^^^^
  = help: add "weight": <real[n]> to the data, or give the param a default`,
    ]);
  });

  it("unknown-param: a misspelt name gets the nearest param, at its declaration", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 1, value: [1], weight: [1], capacty: 3 })).toEqual([
      `error[unknown-param]: the data gives 'capacty', which is not a param of problem 'knapsack' (did you mean 'capacity'?)
 --> knapsack.qp:5:9
  |
5 |   param capacity: real = 10
  |         ^^^^^^^^`,
    ]);
  });

  it("unknown-param: data for a decision variable", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 1, value: [1], weight: [1], x: [1] })).toEqual([
      `error[unknown-param]: the data gives 'x', which is not a param of problem 'knapsack'
 --> knapsack.qp:6:7
  |
6 |   var x: binary[n]
  |       ^
  = note: 'x' is a decision variable; its values come from solving, not from data`,
    ]);
  });

  it("unknown-param: nothing near it lists the params", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 1, value: [1], weight: [1], budget: 3 })).toEqual([
      `error[unknown-param]: the data gives 'budget', which is not a param of problem 'knapsack'
 --> knapsack.qp:1:9
  |
1 | problem knapsack {
  |         ^^^^^^^^
  = note: the params are n, value, weight, capacity`,
    ]);
  });

  it("param-type: a string where a number belongs, and a scalar where a list belongs", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 2, value: [1, "2"], weight: 5 })).toEqual([
      `error[param-type]: value[1] must be a number, got the string "2"
 --> knapsack.qp:3:16
  |
3 |   param value: real[n]
  |                ^^^^`,
      `error[param-type]: weight must be a list of 2 reals (real[n]), got 5
 --> knapsack.qp:4:9
  |
4 |   param weight: real[n]
  |         ^^^^^^`,
    ]);
  });

  it("param-type: values JSON cannot hold but TypeScript callers can pass are described plainly", () => {
    const messages = bind(parsed(KNAPSACK, "knapsack.qp"), "knapsack", { n: 10n, value: [undefined], weight: [{}] }).diagnostics.map((d) => d.message);
    // n failed, so the lengths of value and weight (sized by n) go unchecked; their entries do not.
    expect(messages).toEqual([
      "n must be an int, got the bigint 10n",
      "value[0] must be a number, got nothing",
      "weight[0] must be a number, got an object",
    ]);
  });

  it("param-type: booleans are true or false, not numbers", () => {
    const data = { n: 1, edges: [], dist: [ones(2), ones(2)], flags: [true, 1, false] };
    expect(bindAndRender(GRAPH, "cut.qp", data)).toEqual([
      `error[param-type]: flags[1] must be true or false, got 1
 --> cut.qp:5:16
  |
5 |   param flags: bool[3]
  |                ^^^^`,
    ]);
  });

  it("not-an-integer: fractions and integers beyond 2^53", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 2.5, value: [], weight: [] })).toEqual([
      `error[not-an-integer]: n must be an int, got 2.5
 --> knapsack.qp:2:9
  |
2 |   param n: int
  |         ^`,
    ]);
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 1e20, value: [], weight: [] })[0].split("\n")[0]).toBe(
      "error[not-an-integer]: n = 100000000000000000000 is too large for an int (the limit is ±9007199254740991)",
    );
  });

  it("not-finite: NaN and Infinity from TypeScript callers", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", { n: 2, value: [1, Number.NaN], weight: [1, 2], capacity: -Infinity })).toEqual([
      `error[not-finite]: value[1] must be a finite number, got NaN
 --> knapsack.qp:3:16
  |
3 |   param value: real[n]
  |                ^^^^`,
      `error[not-finite]: capacity must be a finite number, got -Infinity
 --> knapsack.qp:5:9
  |
5 |   param capacity: real = 10
  |         ^^^^^^^^`,
    ]);
  });

  it("bad-dimension: a size that evaluates below zero", () => {
    const source = `problem p {\n  param n: int\n  param w: real[n - 10]\n}\n`;
    expect(bindAndRender(source, "p.qp", { n: 4, w: [] })).toEqual([
      `error[bad-dimension]: the size n - 10 of 'w' is -6
 --> p.qp:3:17
  |
3 |   param w: real[n - 10]
  |                 ^^^^^^
  = note: sizes must be whole numbers ≥ 0`,
    ]);
  });

  it("tuple-arity: a tuple with the wrong number of fields", () => {
    const data = { n: 2, edges: [[0, 1, 2], [1, 0]], dist: [ones(4), ones(4), ones(4)], flags: [true, true, true] };
    expect(bindAndRender(GRAPH, "cut.qp", data)).toEqual([
      `error[tuple-arity]: edges[1] has 2 fields but (int, int, real) tuples have 3
 --> cut.qp:3:16
  |
3 |   param edges: (int, int, real)[]
  |                ^^^^^^^^^^^^^^^^^^`,
      `error[bad-default]: the default of 'scale' depends on 'edges', which has no valid value
 --> cut.qp:6:23
  |
6 |   param scale: real = sum((u, v, w) in edges) abs(w) / n
  |                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^`,
    ]);
  });

  it("param-type: a tuple field of the wrong type is named by position", () => {
    const data = { n: 2, edges: [[0, 0.5, 2]], dist: [ones(4), ones(4), ones(4)], flags: [true, true, true] };
    expect(bindAndRender(GRAPH, "cut.qp", data)[0]).toBe(
      `error[not-an-integer]: edges[0][1] must be an int, got 0.5
 --> cut.qp:3:22
  |
3 |   param edges: (int, int, real)[]
  |                      ^^^`,
    );
  });

  it("bad-default: a default that cannot be computed from the data", () => {
    const source = `problem p {\n  param n: int\n  param rate: real = 1 / n\n}\n`;
    expect(bindAndRender(source, "p.qp", { n: 0 })).toEqual([
      `error[bad-default]: the default of 'rate' cannot be computed: division by zero
 --> p.qp:3:26
  |
3 |   param rate: real = 1 / n
  |                          ^`,
    ]);
  });

  it("bad-default: a default whose value does not fit the declared type", () => {
    const source = `problem p {\n  param n: int\n  param big: int = n * n * n\n}\n`;
    expect(bindAndRender(source, "p.qp", { n: 3_000_000 })).toEqual([
      `error[bad-default]: the default of 'big' is invalid: big = 27000000000000000000 is too large for an int (the limit is ±9007199254740991)
 --> p.qp:3:20
  |
3 |   param big: int = n * n * n
  |                    ^^^^^^^^^`,
    ]);
    expect(bind(parsed(source, "p.qp"), "p", { n: 3 }).values.get("big")).toBe(27);
  });

  it("index-out-of-range: a tuple field used as an index past the variable's size", () => {
    const data = { n: 3, edges: [[0, 1, 1], [2, 3, 1], [-1, 0, 2]], dist: [ones(6), ones(6), ones(6), ones(6)], flags: [true, true, true] };
    expect(bindAndRender(GRAPH, "cut.qp", data)).toEqual([
      `error[index-out-of-range]: edges[1][1] = 3 is out of range as an index in x[v]: x has indices 0..2 (n = 3)
 --> cut.qp:3:9
  |
3 |   param edges: (int, int, real)[]
  |         ^^^^^
  = note: used as an index at line 8, column 48`,
      `error[index-out-of-range]: edges[2][0] = -1 is out of range as an index in x[u]: x has indices 0..2 (n = 3)
 --> cut.qp:3:9
  |
3 |   param edges: (int, int, real)[]
  |         ^^^^^
  = note: used as an index at line 8, column 41`,
    ]);
  });

  it("index-out-of-range: tuple fields indexing a param array, checked per dimension; shadowed names are not", () => {
    const source = `problem route {
  param n: int
  param m: int
  param cost: real[n][m]
  param pairs: (int, int)[]
  var y: binary[n]
  minimize sum((a, b) in pairs) cost[a][b] * y[a] + sum((a, b) in pairs) sum(b in 0..1) y[b]
}
`;
    const program = parsed(source, "route.qp");
    const ok = bind(program, "route", { n: 2, m: 3, cost: [[1, 2, 3], [4, 5, 6]], pairs: [[1, 2], [0, 0]] });
    expect(ok.diagnostics).toEqual([]);
    const bad = bind(program, "route", { n: 2, m: 3, cost: [[1, 2, 3], [4, 5, 6]], pairs: [[1, 3], [2, 0]] });
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      "pairs[0][1] = 3 is out of range as an index in cost[a][b]: cost has indices 0..2 (m = 3)",
      "pairs[1][0] = 2 is out of range as an index in cost[a][b]: cost has indices 0..1 (n = 2)",
    ]);
    // pairs is bound (its values are well-formed); only the uses are out of range.
    expect(bad.values.has("pairs")).toBe(true);
    // In `sum(b in 0..1) y[b]` the inner b shadows the tuple field, so b = 9 indexes nothing here.
    const shadowed = `problem s {\n  param pairs: (int, int)[]\n  var y: binary[2]\n  minimize sum((a, b) in pairs) sum(b in 0..1) y[b] * a\n}\n`;
    expect(bind(parsed(shadowed, "s.qp"), "s", { pairs: [[0, 9]] }).diagnostics).toEqual([]);
  });

  it("data-not-object: the data must map names to values", () => {
    expect(bindAndRender(KNAPSACK, "knapsack.qp", [1, 2])).toEqual([
      `error[data-not-object]: data for problem 'knapsack' must be an object mapping param names to values, got a list of 2
 --> knapsack.qp:1:9
  |
1 | problem knapsack {
  |         ^^^^^^^^`,
    ]);
  });

  it("caps the errors shown per param and says how many more there are", () => {
    const rendered = bindAndRender(KNAPSACK, "knapsack.qp", { n: 9, value: new Array(9).fill("v"), weight: ones(9) });
    expect(rendered).toHaveLength(5);
    expect(rendered[4]).toBe(`error[param-type]: value[4] must be a number, got the string "v"
 --> knapsack.qp:3:16
  |
3 |   param value: real[n]
  |                ^^^^
  = note: 4 more errors in the data for 'value' not shown`);
  });
});
