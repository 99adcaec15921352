import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";

function degreesOf(body: string): Record<string, number> {
  const { diagnostics, symbols } = check(`problem p {
  param n: int
  param w: real[n]
  var x: binary[n]
  var s: spin[n]
  var y: int[0..3]
${body}
}`);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return Object.fromEntries(symbols.problems.get("p")!.lets.map((l) => [l.name, l.degree]));
}

describe("check: degrees", () => {
  it("simplifies binary and spin squares and keeps integer squares", () => {
    expect(
      degreesOf(`  let a = x[0] * x[0]
  let b = s[1] * s[1]
  let c = y * y
  let d = sum(i in 0..n-1) w[i] * x[i] * x[i]
  let pw = x[0]^3 + s[0]^3 + y^2
  let f = x[0] * x[1] * s[0]
  let g = 3 + n * w[0]
  let h = (x[0] + x[1]) * (x[0] - 1)`),
    ).toEqual({ a: 1, b: 0, c: 2, d: 1, pw: 2, f: 3, g: 0, h: 2 });
  });

  it("records the degree of the objective, each constraint and the problem", () => {
    const { symbols } = check(`problem p {
  param n: int
  var x: binary[n]
  minimize sum(i in 0..n-1, j in 0..n-1) x[i] * x[j]
  constraint one: sum(i in 0..n-1) x[i] == 1
  constraint cap[i in 0..n-1]: x[i] <= 1
}`);
    const p = symbols.problems.get("p")!;
    expect(p.objective).toMatchObject({ sense: "minimize", degree: 2 });
    expect(p.constraints.map((c) => [c.name, c.degree])).toEqual([["one", 1], ["cap", 1]]);
    expect(p.maxDegree).toBe(2);
  });
});

describe("check: symbol tables", () => {
  it("resolves params, vars, lets, circuits, gates and ansatz declarations", () => {
    const { diagnostics, symbols } = check(`problem ks {
  param n: int
  param cost: real[n][n]
  param edges: (int, int, real)[]
  param k: int = 2
  var c: int[0..k][n] encoding unary
  let load = sum((u, v, w) in edges) w * c[u] + sum(i in 0..n-1) cost[i][i] * c[i]
  minimize load
}
gate zz(t: angle) a, b { cx a, b; rz(t) b; cx a, b }
circuit hea(n: int, layers: int, theta: angle[layers][n], scale: real) {
  qubit q[n]
  qubit anc
  for l in 0..layers-1 { for i in 0..n-2 { zz(scale * theta[l][i]) q[i], q[i+1] } }
  cx q[0], anc
}
circuit qa = qaoa(ks, p: 3, mixer: xy)`);
    expect(diagnostics).toEqual([]);
    const ks = symbols.problems.get("ks")!;
    expect(ks.params.map((p) => [p.name, p.shape.kind, p.hasDefault])).toEqual([
      ["n", "scalar", false],
      ["cost", "array", false],
      ["edges", "tuple-list", false],
      ["k", "scalar", true],
    ]);
    expect(ks.params[2]!.shape).toEqual({ kind: "tuple-list", fields: ["int", "int", "real"] });
    const c = ks.vars[0]!;
    expect([c.name, c.domain.kind, c.dims.length]).toEqual(["c", "int-domain", 1]);
    expect(c.domain.kind === "int-domain" && c.domain.encoding).toBe("unary");
    expect(ks.lets.map((l) => [l.name, l.type, l.degree])).toEqual([["load", "real", 1]]);
    expect([...ks.symbols.keys()]).toEqual(["n", "cost", "edges", "k", "c", "load"]);
    const hea = symbols.circuits.get("hea")!;
    expect(hea.params.map((p) => [p.name, p.element, p.dims.length])).toEqual([
      ["n", "int", 0],
      ["layers", "int", 0],
      ["theta", "angle", 2],
      ["scale", "real", 0],
    ]);
    expect(hea.registers.map((r) => [r.name, r.size !== undefined])).toEqual([["q", true], ["anc", false]]);
    expect(symbols.gates.get("zz")).toMatchObject({ qubits: ["a", "b"] });
    expect(symbols.ansatzes.get("qa")).toMatchObject({ ansatz: "qaoa", problem: "ks" });
  });

  it("finds gates that apply themselves through other gates", () => {
    const { diagnostics } = check(`gate g1 a { g2 a }
gate g2 a { for i in 0..1 { g3 a } }
gate g3 a { h a; g1 a }
gate fine a { g1 a }`);
    expect(diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["recursive-gate", 3]]);
  });

  it("keeps going after errors and reports each once, in source order", () => {
    const { diagnostics } = check(`problem p {
  var x: binary[3]
  minimize x[0] * q + zz(x[1])
  constraint c: x[0] * x[1] * x[2] >= 1
}`);
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown-symbol", "unknown-function", "nonlinear-inequality"]);
  });
});
