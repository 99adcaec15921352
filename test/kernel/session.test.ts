import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellOutcome } from "../../src/kernel/cell-outcome.js";
import { KernelSession } from "../../src/kernel/session.js";

const PAIR = "problem pair {\n  var x: binary[2]\n  minimize x[0] + x[1] - 2 * x[0] * x[1]\n}";
const MAX_CUT = `problem max_cut {
  param n: int
  param edges: (int, int, real)[]
  var x: binary[n]
  maximize sum((u, v, w) in edges) w * (x[u] + x[v] - 2 * x[u] * x[v])
}`;

const resultText = (outcome: CellOutcome) => {
  const result = outcome.outputs.findLast((o) => o.kind === "result");
  return result?.kind === "result" ? result.data["text/plain"] : undefined;
};

describe("a kernel session", async () => {
  it("keeps declarations across cells so a later cell can compile them", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    expect((await session.execute(PAIR)).error).toBeUndefined();
    const outcome = await session.execute("compile pair to qubo");
    expect(outcome.error).toBeUndefined();
    expect(resultText(outcome)).toMatch(/^problem pair → QUBO: 2 variables .* 1 quadratic terms/);
    expect(session.executionCount).toBe(2);
  });

  it("binds inline JSON and compiles with it", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    const outcome = await session.execute(`${MAX_CUT}\nbind max_cut {\n  "n": 3,\n  "edges": [[0, 1, 1.0], [1, 2, 2.0]]\n}\ncompile max_cut`);
    expect(outcome.error).toBeUndefined();
    expect(resultText(outcome)).toMatch(/^problem max_cut → QUBO: 3 variables .* 2 quadratic terms/);
    expect(outcome.outputs.map((o) => o.kind)).toEqual(["display", "result"]);
  });

  it("binds data from a JSON file relative to its directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-session-"));
    writeFileSync(join(dir, "graph.json"), JSON.stringify({ n: 4, edges: [[0, 1, 1], [1, 2, 1], [2, 3, 1]] }));
    const session = new KernelSession({ cwd: dir });
    await session.execute(MAX_CUT);
    expect((await session.execute('bind max_cut from "graph.json"')).error).toBeUndefined();
    expect(resultText(await session.execute("compile max_cut"))).toMatch(/4 variables/);
    expect((await session.execute('bind max_cut from "missing.json"')).error?.ename).toBe("data-unreadable");
  });

  it("reports a diagnostic with the line and column of the cell and a caret", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(PAIR);
    const outcome = await session.execute("problem broken {\n  var x: binary[2]\n  minimize x[0] + y\n}");
    expect(outcome.error?.ename).toBe("unknown-symbol");
    const traceback = outcome.error?.traceback.join("\n") ?? "";
    expect(traceback).toContain("--> cell[2]:3:19");
    expect(traceback).toContain("3 |   minimize x[0] + y");
    expect(traceback).toMatch(/\| {19}\^/);
  });

  it("keeps the session unchanged when a cell fails", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(PAIR);
    const before = session.source;
    expect((await session.execute("problem pair {\n  minimize q\n}")).error).toBeDefined();
    expect(session.source).toBe(before);
    expect((await session.execute("compile pair")).error).toBeUndefined();
  });

  it("lets a later cell redefine a declaration", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(PAIR);
    await session.execute("problem pair {\n  var x: binary[3]\n  minimize x[0] + x[1] + x[2]\n}");
    expect(resultText(await session.execute("compile pair"))).toMatch(/3 variables/);
  });

  it("sends warnings to stderr and still runs the cell", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    const outcome = await session.execute("problem p {\n  param n: int\n  var x: binary[2]\n  minimize x[0] + x[1]\n}");
    expect(outcome.error).toBeUndefined();
    const stream = outcome.outputs.find((o) => o.kind === "stream");
    expect(stream?.kind === "stream" && stream.name === "stderr" && stream.text).toMatch(/unused-param/);
  });

  it("rejects commands about unknown problems and malformed commands as user errors", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    expect((await session.execute("compile nothing")).error?.ename).toBe("unknown-problem");
    await session.execute(PAIR);
    expect((await session.execute("compile pair to lp now")).error?.ename).toBe("command-syntax");
    expect((await session.execute("bind pair [1, 2]")).error?.ename).toBe("command-syntax");
    expect((await session.execute("bind pair {oops}")).error?.ename).toBe("command-syntax");
  });

  it("reports bind errors from the compiler as diagnostics", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(MAX_CUT);
    const outcome = await session.execute("compile max_cut");
    expect(outcome.error?.ename).toBe("missing-param");
    expect(outcome.error?.traceback.join("\n")).toMatch(/no value for param 'edges'[\s\S]*--> session:3:9/);
  });

  it("records history with the text of each result; silent runs are not counted", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(PAIR);
    await session.execute("compile pair", false);
    await session.execute("compile pair");
    expect(session.history.map((h) => [h.executionCount, h.code])).toEqual([
      [1, PAIR],
      [2, "compile pair"],
    ]);
    expect(session.history[1]?.output).toMatch(/^problem pair → QUBO/);
  });
});

describe("the solve command", () => {
  it("solves a bound problem with a seeded solver and shows the best answer", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    const outcome = await session.execute(`${MAX_CUT}\nbind max_cut {"n": 3, "edges": [[0, 1, 1.0], [1, 2, 2.0]]}\nsolve max_cut with tabu(seed: 3, time: 1)`);
    expect(outcome.error).toBeUndefined();
    const result = outcome.outputs.findLast((o) => o.kind === "result");
    const record = result?.kind === "result" ? (result.data["application/json"] as Record<string, unknown>) : undefined;
    // Cutting both edges (x1 on the other side of x0 and x2) is optimal: weight 3.
    expect(record).toMatchObject({ problem: "max_cut", solver: "tabu", seed: 3, feasible: true, objective: 3 });
    expect(resultText(outcome)).toMatch(/^max_cut with tabu: objective 3/);
  });

  it("rejects unknown solvers and options as user errors", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(PAIR);
    expect((await session.execute("solve pair with nonsense")).error?.ename).toBe("solver-options");
    expect((await session.execute("solve pair with tabu(speed: 3)")).error?.ename).toBe("command-syntax");
    expect((await session.execute("solve pair with sa(evaluations: 2.5)")).error?.ename).toBe("solver-options");
    expect((await session.execute("solve pair with milp(evaluations: 100)")).error?.ename).toBe("solver-options");
  });

  it("takes an evaluation budget", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(`${MAX_CUT}\nbind max_cut {"n": 3, "edges": [[0, 1, 1.0], [1, 2, 2.0]]}`);
    const outcome = await session.execute("solve max_cut with sa(seed: 2, evaluations: 400, reads: 4)");
    expect(outcome.error).toBeUndefined();
    expect(resultText(outcome)).toMatch(/^max_cut with sa: objective 3/);
  });
});

describe("the simulate command", () => {
  const GHZ = "circuit ghz(n: int) {\n  qubit q[n]\n  h q[0]\n  for i in 0..n-2 { cx q[i], q[i+1] }\n  measure q\n}";

  it("samples a circuit sized by bound data, reproducibly for a seed", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    await session.execute(`${GHZ}\nbind ghz {"n": 3}`);
    const countsOf = async () => {
      const outcome = await session.execute("simulate ghz shots 1000 seed 7");
      expect(outcome.error).toBeUndefined();
      const result = outcome.outputs.findLast((o) => o.kind === "result");
      return (result?.kind === "result" ? (result.data["application/json"] as { counts: Record<string, number> }) : undefined)?.counts ?? {};
    };
    const counts = await countsOf();
    // A GHZ state measures all-zeros or all-ones, about half each.
    expect(Object.keys(counts).sort()).toEqual(["000", "111"]);
    expect((counts["000"] ?? 0) + (counts["111"] ?? 0)).toBe(1000);
    expect(Math.abs((counts["000"] ?? 0) - 500)).toBeLessThan(100);
    expect(await countsOf()).toEqual(counts);
  });

  it("rejects unknown circuits and bad shot counts", async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    expect((await session.execute("simulate nothing")).error?.ename).toBe("unknown-circuit");
    await session.execute(GHZ);
    expect((await session.execute("simulate ghz shots 0")).error?.ename).toBe("command-syntax");
    expect((await session.execute("simulate ghz shots many")).error?.ename).toBe("command-syntax");
  });
});

describe("the plot command", () => {
  it("shows measurement counts as a result bundle with Vega-Lite v5, SVG and PNG", { timeout: 60_000 }, async () => {
    const session = new KernelSession({ cwd: tmpdir() });
    const outcome = await session.execute("circuit bell() {\n  qubit q[2]\n  h q[0]\n  cx q[0], q[1]\n  measure q\n}\nplot bell shots 200 seed 3");
    expect(outcome.error).toBeUndefined();
    const result = outcome.outputs.find((o) => o.kind === "result");
    const data = result?.kind === "result" ? result.data : {};
    expect(Object.keys(data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"]);
    expect(String(data["image/svg+xml"])).toMatch(/^<svg/);
    // Base64 of a PNG starts with the encoded signature \x89PNG.
    expect(String(data["image/png"])).toMatch(/^iVBORw0KGgo/);
  });
});
