// The chart commands beyond counts (energies, convergence, qubo, bench) and the bench command, run in
// a kernel session: the MIME bundles they return and the numbers in them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBenchCommand } from "../../src/kernel/bench-command.js";
import { CellFailure } from "../../src/kernel/cell-outcome.js";
import type { CellOutcome, CellOutput } from "../../src/kernel/cell-outcome.js";
import { KernelSession } from "../../src/kernel/session.js";

const MAX_CUT = `problem max_cut {
  param n: int
  param edges: (int, int, real)[]
  var x: binary[n]
  maximize sum((u, v, w) in edges) w * (x[u] + x[v] - 2 * x[u] * x[v])
}
bind max_cut {"n": 5, "edges": [[0, 1, 1.0], [1, 2, 2.0], [2, 3, 1], [3, 4, 1], [4, 0, 1]]}`;
const CHART_MIMES = ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"];

const resultOf = (outcome: CellOutcome) => {
  expect(outcome.error).toBeUndefined();
  const result = outcome.outputs.findLast((o): o is Extract<CellOutput, { kind: "result" }> => o.kind === "result");
  expect(result).toBeDefined();
  return result!.data;
};
const vegaOf = (data: Record<string, unknown>) => data["application/vnd.vegalite.v5+json"] as { $schema: string; data: { values: Record<string, unknown>[] }; mark: unknown };

function expectChart(data: Record<string, unknown>): void {
  expect(Object.keys(data).sort()).toEqual(CHART_MIMES);
  expect(vegaOf(data).$schema).toMatch(/vega-lite\/v5/);
  expect(String(data["image/svg+xml"])).toMatch(/^<svg/);
  expect(String(data["image/png"])).toMatch(/^iVBORw0KGgo/);
}

async function session(): Promise<KernelSession> {
  const s = new KernelSession({ cwd: tmpdir() });
  expect((await s.execute(MAX_CUT)).error).toBeUndefined();
  return s;
}

describe("plot energies", () => {
  it("shows the last solve's samples as a table and a histogram whose reads add up", { timeout: 60_000 }, async () => {
    const s = await session();
    await s.execute("solve max_cut with sa(seed: 4, reads: 30)");
    const outcome = await s.execute("plot energies max_cut");
    const data = resultOf(outcome);
    expectChart(data);
    const values = vegaOf(data).data.values as { value: number; occurrences: number; feasibility: string }[];
    expect(values.reduce((n, v) => n + v.occurrences, 0)).toBe(30);
    // Max-cut has no constraints: every sample is feasible, energies are minus the cut weights.
    expect(values.every((v) => v.feasibility === "feasible" && v.value <= 0)).toBe(true);
    const table = outcome.outputs[0];
    expect(table?.kind).toBe("display");
    expect(table?.kind === "display" && String(table.data["text/html"])).toMatch(/^<table/);
    expect(table?.kind === "display" && String(table.data["text/plain"])).toMatch(/bits\s+energy\s+objective/);
  });

  it("fails clearly before any solve", async () => {
    const s = await session();
    expect((await s.execute("plot energies max_cut")).error?.ename).toBe("nothing-to-plot");
    expect((await s.execute("plot energies nothing")).error?.ename).toBe("unknown-problem");
  });
});

describe("plot convergence", () => {
  it("draws the optimiser trace of a QAOA solve, best so far never getting worse", { timeout: 60_000 }, async () => {
    const s = await session();
    expect((await s.execute("solve max_cut with qaoa(seed: 2, reads: 100)")).error).toBeUndefined();
    const data = resultOf(await s.execute("plot convergence max_cut"));
    expectChart(data);
    const points = vegaOf(data).data.values as { iteration: number; bestSoFar: number; run: string }[];
    expect(points.length).toBeGreaterThan(3);
    expect(points.every((p) => p.run === "qaoa seed 2")).toBe(true);
    for (let i = 1; i < points.length; i++) expect(points[i]!.bestSoFar).toBeLessThanOrEqual(points[i - 1]!.bestSoFar);
  });

  it("refuses a solver without a trace", { timeout: 60_000 }, async () => {
    const s = await session();
    await s.execute("solve max_cut with tabu(seed: 1, reads: 5)");
    const outcome = await s.execute("plot convergence max_cut");
    expect(outcome.error?.ename).toBe("nothing-to-plot");
    expect(outcome.error?.evalue).toContain("tabu");
  });
});

describe("plot qubo", () => {
  it("draws the compiled QUBO with one cell per non-zero coefficient", { timeout: 60_000 }, async () => {
    const s = await session();
    const data = resultOf(await s.execute("plot qubo max_cut"));
    expectChart(data);
    const cells = vegaOf(data).data.values as { row: string; col: string; value: number }[];
    // 5 linear terms (minus each node's weighted degree) and 5 couplings, one per edge.
    expect(cells.filter((c) => c.row === c.col)).toHaveLength(5);
    expect(cells.filter((c) => c.row !== c.col)).toHaveLength(5);
    expect(cells.find((c) => c.row === "x[1]" && c.col === "x[2]")?.value).toBe(4);
  });
});

describe("bench", () => {
  it("runs every solver on every seed and returns the summary table, the chart and volatile timings", { timeout: 120_000 }, async () => {
    const s = await session();
    const outcome = await s.execute("bench max_cut with tabu, sa(sweeps: 50), qaoa(p: 2) seeds 3 budget 40 reads");
    const data = resultOf(outcome);
    expect(Object.keys(data).sort()).toEqual(["application/json", "text/html", "text/plain"]);
    const json = data["application/json"] as { seeds: number[]; budget: unknown; rows: { solver: string; runs: number; failed: number; median: number; bestKnown: number }[] };
    expect(json.seeds).toEqual([1, 2, 3]);
    expect(json.budget).toEqual({ reads: 40 });
    expect(json.rows.map((r) => r.solver).sort()).toEqual(["qaoa", "sa", "tabu"]);
    // The exact optimum is the best known (5 variables): the 5-cycle of weight 6 is odd, so one
    // edge of weight 1 stays uncut and the maximum cut weighs 5.
    for (const row of json.rows) {
      expect(row).toMatchObject({ runs: 3, failed: 0, bestKnown: 5 });
      expect(row.median).toBeLessThanOrEqual(5);
    }
    expect(String(data["text/plain"])).toMatch(/^bench max_cut: 3 solvers × 3 seeds, budget 40 reads each/);
    const [chart, timings] = outcome.outputs;
    expect(chart?.kind === "display" && Object.keys(chart.data).sort()).toEqual(CHART_MIMES);
    expect(chart?.kind === "display" && vegaOf(chart.data).data.values).toHaveLength(9);
    expect(timings?.kind === "display" && timings.metadata).toEqual({ qpipe: { volatile: true } });
    // One verdict per solver compared with the reference.
    expect(timings?.kind === "display" && String(timings.data["text/plain"]).match(/at equal budget/g)).toHaveLength(2);
    // The bench is kept for `plot bench`, whose chart is the cell's result.
    expectChart(resultOf(await s.execute("plot bench max_cut")));
  });

  it("gives the same quality summary for the same seeds under a reads budget", { timeout: 120_000 }, async () => {
    const s = await session();
    const summary = async () => (resultOf(await s.execute("bench max_cut with sa, tabu seeds 2 budget 10 reads"))["application/json"] as object);
    expect(await summary()).toEqual(await summary());
  });

  it("holds every solver to `budget N evals` and shows what each spent", { timeout: 120_000 }, async () => {
    const s = await session();
    const outcome = await s.execute("bench max_cut with sa, sa(sweeps: 4) seeds 2 budget 600 evals");
    const data = resultOf(outcome);
    const json = data["application/json"] as { budget: unknown; rows: { solver: string; runs: number; evaluations: number }[] };
    expect(json.budget).toEqual({ evaluations: 600 });
    expect(String(data["text/plain"])).toMatch(/^bench max_cut: 2 solvers × 2 seeds, budget 600 evaluations each/);
    expect(json.rows).toHaveLength(2);
    for (const row of json.rows) {
      expect(row.runs).toBe(2);
      expect(row.evaluations).toBeGreaterThan(0);
      expect(row.evaluations).toBeLessThanOrEqual(600);
    }
    const timings = outcome.outputs[1];
    expect(timings?.kind === "display" && String(timings.data["text/plain"])).toContain("at equal budget of 600 evaluations");
    // Evaluations, unlike time, give the same summary on every run.
    expect(resultOf(await s.execute("bench max_cut with sa, sa(sweeps: 4) seeds 2 budget 600 evals"))["application/json"]).toEqual(json);
  });

  it("runs a suite file relative to the notebook's directory", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-bench-cell-"));
    const suite = {
      name: "ring",
      instances: [{ kind: "random-regular-maxcut", name: "ring8", nodes: 8, degree: 2, seed: 1, bestKnown: "exact" }],
      solvers: [{ solver: "tabu" }, { solver: "greedy" }],
      seeds: [1, 2],
      budget: { reads: 5 },
    };
    writeFileSync(join(dir, "suite.json"), JSON.stringify(suite));
    const s = new KernelSession({ cwd: dir });
    const json = resultOf(await s.execute('bench from "suite.json"'))["application/json"] as { name: string; rows: { solver: string; runs: number; bestKnown: number }[] };
    expect(json.name).toBe("ring");
    expect(json.rows.map((r) => [r.solver, r.runs, r.bestKnown])).toEqual(expect.arrayContaining([["tabu", 2, 8], ["greedy", 2, 8]]));
    expect((await s.execute('bench from "missing.json"')).error?.ename).toBe("data-unreadable");
  });

  it("parses any text after `with` into a command or a command-syntax failure, never another throw", () => {
    const words = fc.constantFrom("tabu", "sa", "(", ")", ",", ":", "seeds", "budget", "reads", "evals", "s", "ms", "3", "-1", "0.5", '"x"', "true", "p");
    const text = fc.array(fc.oneof(words, fc.string({ maxLength: 4 })), { maxLength: 10 }).map((parts) => `bench p with ${parts.join(" ")}`);
    fc.assert(
      fc.property(text, (command) => {
        try {
          const parsed = parseBenchCommand({ word: "bench", text: command, line: 1 });
          expect(parsed.solvers.length).toBeGreaterThan(0);
          expect(parsed.seeds.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(CellFailure);
          expect((error as CellFailure).ename).toBe("command-syntax");
        }
      }),
      { numRuns: 500, seed: 4 },
    );
    expect(parseBenchCommand({ word: "bench", text: "bench p with sa(sweeps: 50), qaoa(p: 2, mixer: x), sa seeds 3, 8 budget 2 s", line: 1 })).toEqual({
      problem: "p",
      solvers: [
        { label: "sa(sweeps: 50)", solver: "sa", parameters: { sweeps: 50 } },
        { label: "qaoa", solver: "qaoa", parameters: { p: 2, mixer: "x" } },
        { label: "sa", solver: "sa", parameters: {} },
      ],
      seeds: [3, 8],
      budget: { timeMs: 2000 },
    });
    expect(parseBenchCommand({ word: "bench", text: "bench p with tabu budget 20000 evals", line: 1 }).budget).toEqual({ evaluations: 20000 });
  });

  it("rejects malformed commands, unknown solvers and solver parameters the suite sets", async () => {
    const s = await session();
    expect((await s.execute("bench max_cut")).error?.ename).toBe("command-syntax");
    expect((await s.execute("bench max_cut with tabu budget 10 parsecs")).error?.evalue).toContain("reads, evals (objective evaluations), s or ms");
    expect((await s.execute("bench max_cut with sa budget 2.5 evals")).error?.evalue).toContain("a budget in evals must be a whole number");
    // milp counts no evaluations: the suite refuses it by its entry.
    const milp = await s.execute("bench max_cut with sa, milp budget 100 evals");
    expect(milp.error?.ename).toBe("bench-spec");
    expect(milp.error?.evalue).toMatch(/^solvers\[1\]: milp \(milp\) does not count objective evaluations/);
    expect((await s.execute("bench max_cut with tabu seeds x")).error?.ename).toBe("command-syntax");
    expect((await s.execute("bench max_cut with nonsense")).error?.ename).toBe("unknown-solver");
    expect((await s.execute("bench max_cut with tabu(seed: 3)")).error?.ename).toBe("bench-spec");
    expect((await s.execute("bench nothing with tabu")).error?.ename).toBe("unknown-problem");
  });
});
