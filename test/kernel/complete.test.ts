import { describe, expect, it } from "vitest";
import { completeReply, inspectReply } from "../../src/kernel/complete.js";

const SESSION =
  "problem knapsack {\n  param n: int\n  var take: binary[n]\n  maximize sum(i in 0..n-1) take[i]\n}\n\ngate rzz2(t: angle) a, b {\n  cx a, b\n  rz(t) b\n  cx a, b\n}\n\n" +
  "circuit ghz(n: int) {\n  qubit q[n]\n  h q[0]\n  measure q\n}";

const matchesOf = (session: string, code: string, cursor = [...code].length) => completeReply(session, code, cursor)["matches"] as string[];
const typesOf = (session: string, code: string) =>
  Object.fromEntries(((completeReply(session, code, [...code].length)["metadata"] as { _jupyter_types_experimental: { text: string; type: string }[] })._jupyter_types_experimental).map((m) => [m.text, m.type]));

describe("completion from the grammar", () => {
  it("offers keywords only where the grammar allows them", () => {
    expect(matchesOf("", "problem p {\n  mini")).toEqual(["minimize"]);
    // An objective cannot start a top-level statement.
    expect(matchesOf("", "mini")).toEqual([]);
    expect(matchesOf("", "")).toEqual(["bench", "bind", "circuit", "compile", "gate", "plot", "problem", "simulate", "solve"]);
    // After a complete expression: operators that are words, and what may follow a constraint.
    expect(matchesOf("", "problem p {\n  var x: binary[3]\n  constraint one: sum(i in 0..2) x[i] == 1 ")).toEqual(["and", "or", "penalty", "soft"]);
    // A statement keyword needs a separator first.
    expect(matchesOf("", "problem p {\n  var x: binary[3]\n  minimize x[0] ")).toEqual(["and", "or"]);
  });

  it("offers the domains after `var x:` and the scalar types after `param n:`", () => {
    expect(typesOf("", "problem p {\n  var x: ")).toEqual({ binary: "domain", int: "domain", spin: "domain" });
    expect(matchesOf("", "problem p {\n  param n: ")).toEqual(["angle", "bool", "int", "real"]);
  });

  it("offers the encodings after `encoding`", () => {
    expect(matchesOf("", "problem p {\n  var c: int[0..3] encoding ")).toEqual(["binary", "domainwall", "onehot", "unary"]);
    expect(matchesOf("", "problem p {\n  var c: int[0..3] encoding o")).toEqual(["onehot"]);
  });

  it("offers gates where a circuit statement starts and registers as a gate's operands", () => {
    const start = matchesOf(SESSION, "circuit c() {\n  qubit q[2]\n  ");
    expect(start).toEqual(expect.arrayContaining(["cx", "h", "rz", "rzz2", "measure", "qubit", "for", "barrier", "reset"]));
    expect(start).not.toContain("minimize");
    expect(typesOf(SESSION, "circuit c() {\n  qubit q[2]\n  rz")).toEqual({ rzz: "gate", rzz2: "gate" });
    expect(typesOf("", "circuit c() {\n  qubit q[2]\n  qubit anc\n  h ")).toEqual({ q: "qubit", anc: "qubit" });
    expect(typesOf("", "gate g(t: angle) a, b {\n  rz(t) ")).toEqual({ a: "qubit", b: "qubit" });
  });

  it("offers a circuit's parameters and functions inside a gate's angles", () => {
    const types = typesOf("", "circuit c(theta: angle) {\n  qubit q[2]\n  rz(");
    expect(types["theta"]).toBe("param");
    expect(types["cos"]).toBe("function");
    expect(types["pi"]).toBe("keyword");
    expect(types["q"]).toBeUndefined();
  });

  it("offers a problem's params, vars, lets and binder indices in expressions", () => {
    const code = "problem p {\n  param n: int\n  param edges: (int, int)[]\n  var x: binary[n]\n  let s = x[0]\n  minimize sum((u, v) in edges) x[u] * ";
    expect(typesOf("", code)).toMatchObject({ n: "param", edges: "param", x: "var", s: "let", u: "index", v: "index", abs: "function" });
    // Another problem's members are not in scope.
    expect(matchesOf(SESSION, "problem other {\n  var y: binary[2]\n  minimize t")).toEqual(["true"]);
  });

  it("offers ansatz families, problems from earlier cells, and the ansatz options", () => {
    expect(matchesOf(SESSION, "circuit c = ")).toEqual(["qaoa"]);
    expect(typesOf(SESSION, "circuit c = qaoa(")).toEqual({ knapsack: "problem" });
    expect(matchesOf(SESSION, "circuit c = qaoa(knapsack, ")).toEqual(["mixer", "p"]);
    expect(matchesOf(SESSION, "circuit c = qaoa(knapsack, mixer: x")).toEqual(["xy"]);
  });

  it("suggests nothing where a new name is declared or inside a comment", () => {
    expect(matchesOf(SESSION, "problem kn")).toEqual([]);
    expect(matchesOf(SESSION, "problem p {\n  var ta")).toEqual([]);
    expect(matchesOf(SESSION, "// mini")).toEqual([]);
  });

  it("completes at a cursor in the middle of a multi-line cell, from the text before it", () => {
    const code = "problem p {\n  var x: \n  minimize x[0]\n}\ncompile p";
    const cursor = "problem p {\n  var x: ".length;
    expect(matchesOf("", code, cursor)).toEqual(["binary", "int", "spin"]);
    // The word under the cursor is replaced from its start to the cursor.
    const reply = completeReply("", code, "problem p {\n  va".length);
    expect(reply["matches"]).toEqual(["var"]);
    expect([reply["cursor_start"], reply["cursor_end"]]).toEqual([14, 16]);
  });

  it("completes inside a loop body and after a closed declaration", () => {
    const loop = "circuit c(n: int) {\n  qubit q[n]\n  for i in 0..n-2 {\n    cx q[i], ";
    expect(typesOf("", loop)).toEqual({ q: "qubit" });
    expect(matchesOf("", "circuit c(n: int) {\n  qubit q[n]\n  for i in 0..n-2 {\n    rz(")).toEqual(expect.arrayContaining(["i", "n", "pi"]));
    expect(matchesOf("", "problem p {\n  var x: binary[2]\n  minimize x[0]\n}\nc")).toEqual(["circuit", "compile"]);
  });

  it("follows a broken earlier declaration by starting at the declaration being typed", () => {
    expect(matchesOf("", "problem broken {\n  minimize +\n}\nproblem p {\n  var x: s")).toEqual(["spin"]);
  });
});

describe("completion in commands", () => {
  it("offers problems and circuits by the command's slot, declared in this or earlier cells", () => {
    expect(typesOf(SESSION, "compile ")).toEqual({ knapsack: "problem" });
    expect(typesOf(SESSION, "bind ")).toEqual({ knapsack: "problem", ghz: "circuit" });
    expect(typesOf(SESSION, "simulate ")).toEqual({ ghz: "circuit" });
    expect(matchesOf(SESSION, "problem pair {\n  var x: binary[2]\n  minimize x[0]\n}\ncompile pa")).toEqual(["pair"]);
    expect(matchesOf(SESSION, "compile knapsack ")).toEqual(["to"]);
    expect(matchesOf(SESSION, "compile knapsack to ")).toEqual(["qubo"]);
  });

  it("offers solver names after `with` and their options inside the parentheses", () => {
    const solvers = matchesOf(SESSION, "solve knapsack with ");
    expect(solvers).toEqual(expect.arrayContaining(["exact", "qaoa", "sa", "tabu", "vqe"]));
    expect(matchesOf(SESSION, "solve knapsack with tabu(seed: 2, ")).toEqual(["evaluations", "reads", "time"]);
    expect(matchesOf(SESSION, "simulate ghz shots 10 ")).toEqual(["seed"]);
  });

  it("offers chart kinds and their subjects after `plot`", () => {
    expect(matchesOf(SESSION, "plot ")).toEqual(["bench", "convergence", "counts", "energies", "ghz", "qubo"]);
    expect(matchesOf(SESSION, "plot energies ")).toEqual(["knapsack"]);
    expect(matchesOf(SESSION, "plot counts ")).toEqual(["ghz"]);
  });

  it("offers solvers, solver parameters, clauses and budget units in `bench`", () => {
    expect(matchesOf(SESSION, "bench ")).toEqual(["from", "knapsack"]);
    expect(matchesOf(SESSION, "bench knapsack with tabu, q")).toEqual(["qaoa"]);
    expect(matchesOf(SESSION, "bench knapsack with qaoa(p: 2, mi")).toEqual(["mixer"]);
    expect(matchesOf(SESSION, "bench knapsack with tabu seeds 3 ")).toEqual(["budget"]);
    expect(matchesOf(SESSION, "bench knapsack with tabu budget 20 ")).toEqual(["evals", "ms", "reads", "s"]);
    expect(matchesOf(SESSION, 'bench from "su')).toEqual([]);
  });

  it("completes a command on a later line of a multi-line cell", () => {
    const code = 'problem pair {\n  var x: binary[2]\n  minimize x[0]\n}\nbind pair {\n  "n": 1\n}\nsolve pair with t';
    expect(matchesOf("", code)).toEqual(["tabu"]);
  });

  it("counts the cursor in code points, so text after an emoji still lines up", () => {
    const code = "// 🙂\ncomp";
    const reply = completeReply("", code, [...code].length);
    expect(reply["matches"]).toEqual(["compile"]);
    expect(reply["cursor_start"]).toBe([..."// 🙂\n"].length);
  });
});

describe("inspection", () => {
  it("shows a declared problem's shape and a member's declaration", () => {
    const problem = inspectReply(SESSION, "compile knapsack", 11);
    expect(problem["found"]).toBe(true);
    expect((problem["data"] as Record<string, string>)["text/plain"]).toMatch(/^knapsack: problem\nproblem knapsack: 1 params, 1 vars, 0 constraints/);
    const member = inspectReply(SESSION, "take", 2);
    expect((member["data"] as Record<string, string>)["text/plain"]).toContain("var take: binary[n]");
  });

  it("shows a solver's family, summary and parameters", () => {
    const text = (inspectReply("", "solve p with qaoa(p: 2)", 14)["data"] as Record<string, string>)["text/plain"];
    expect(text).toMatch(/^qaoa: solver\nsolver qaoa \(quantum\): QAOA/);
    expect(text).toMatch(/parameters: .*\bp\b/);
  });

  it("shows a built-in gate's arity", () => {
    expect((inspectReply("", "cx", 1)["data"] as Record<string, string>)["text/plain"]).toMatch(/gate cx: built-in, 2 qubits, 0 angles/);
  });

  it("finds nothing for unknown words or blank space", () => {
    expect(inspectReply("", "nothing_here", 3)["found"]).toBe(false);
    expect(inspectReply("", "   ", 1)["found"]).toBe(false);
  });
});
