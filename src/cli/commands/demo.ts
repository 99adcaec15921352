// `qpipe demo`: the whole pipeline as it stands, end to end, from one seed — the language front end on
// the example corpus, a knapsack compiled to a QUBO and solved by every kind of solver on the same
// objective, a circuit sampled on the simulator — written as results and an offline HTML report.
//
//   corpus ─check─▶ table
//   knapsack.qp + seeded data ─compile─▶ QUBO ─▶ exact | milp | sa tabu pt greedy random | sb | qaoa ─▶ runs
//   ghz.qp ─lower─▶ circuit ─sample─▶ counts
//   ─▶ OUT/results.json, OUT/runs.csv, OUT/report.html, OUT/charts/*.svg|png
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { renderDiagnostics } from "../../lang/render.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { packageInfo } from "../../util/package-root.js";
import { createRng } from "../../util/rng.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";
import { GHZ_SOURCE, runGhzStudy } from "../demo/circuit-study.js";
import { checkCorpus } from "../demo/corpus-check.js";
import { demoReportHtml, renderDemoCharts, summariseRuns } from "../demo/demo-report.js";
import { DemoError, KNAPSACK_SOURCE, knapsackInstance, runKnapsackStudy, type RunRecord, type SolverPlan } from "../demo/knapsack-study.js";

const usage = `usage: qpipe demo [--out DIR] [--seed N] [--items N] [--seeds K]

Runs the pipeline end to end and writes DIR/results.json, DIR/runs.csv, DIR/report.html (offline)
and DIR/charts/. The same seed gives the same results (timings aside).

options:
  --out DIR     output folder (default out)
  --seed N      master seed (default 1)
  --items N     knapsack items, 4..16 (default 10)
  --seeds K     seeds per stochastic solver, 1..50 (default 5)`;

export const command: Command = {
  summary: "run the whole pipeline on a seeded example and write results and an HTML report",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args: [...args],
      options: { out: { type: "string" }, seed: { type: "string" }, items: { type: "string" }, seeds: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    const out = resolve(io.cwd, values.out ?? "out");
    const seed = integerOption("--seed", values.seed, 1, 0, 2 ** 31 - 1);
    const nItems = integerOption("--items", values.items, 10, 4, 16);
    const nSeeds = integerOption("--seeds", values.seeds, 5, 1, 50);
    const say = (line: string): void => void io.stdout(`${line}\n`);

    try {
      const { root, version } = packageInfo();
      const corpus = await checkCorpus(join(root, "grammar", "examples"));
      say(`language   ${corpus.length} example programs checked, ${corpus.reduce((a, c) => a + c.errors, 0)} errors`);

      const rng = createRng(seed);
      const data = knapsackInstance(nItems, rng.fork("knapsack"));
      const seeds = Array.from({ length: nSeeds }, (_, i) => seed * 1000 + i);
      const plans: SolverPlan[] = [
        { solver: "exact", mode: "classical", seeds: [seed] },
        { solver: "milp", mode: "classical", seeds: [seed] },
        { solver: "tabu", mode: "classical", seeds },
        { solver: "sa", mode: "classical", seeds },
        { solver: "pt", mode: "classical", seeds },
        { solver: "greedy", mode: "classical", seeds },
        { solver: "random", mode: "classical", seeds },
        { solver: "sb", mode: "quantum-inspired", seeds },
        { solver: "qaoa", mode: "quantum", seeds: seeds.slice(0, 2) },
      ];
      const knapsack = await runKnapsackStudy(data, plans, 60_000);
      const qubo = knapsack.qubo;
      say(`compile    knapsack with ${nItems} items → QUBO with ${qubo.variables.length} variables, ${qubo.values.length} quadratic terms`);
      const optimum = knapsack.runs.find((run) => run.solver === "exact")?.objective ?? null;
      const summaries = summariseRuns(knapsack.runs, optimum);
      for (const s of summaries) {
        const reached = s.optimumRate === null ? "" : `, optimum in ${Math.round(s.optimumRate * 100)}% of runs`;
        say(`solve      ${s.solver.padEnd(7)} ${s.mode.padEnd(16)} median ${s.medianObjective ?? "none feasible"}${reached}, median ${s.medianMs.toFixed(1)} ms${s.fallbacks ? ` (${s.fallbacks} fallbacks)` : ""}`);
      }

      const circuit = runGhzStudy(5, 1000, seed);
      say(`simulate   GHZ(5), 1000 shots: ${Object.entries(circuit.counts).map(([bits, n]) => `${bits}:${n}`).join(" ")}`);

      const charts = await renderDemoCharts(knapsack, circuit, "sa");
      const html = demoReportHtml({ seed, version, corpus, knapsack, optimum, summaries, circuit, charts });
      const results = {
        qpipe: version,
        seed,
        sources: { knapsack: KNAPSACK_SOURCE, ghz: GHZ_SOURCE },
        knapsack: { data, nVariables: qubo.variables.length, optimum, summaries, runs: knapsack.runs },
        circuit: { nQubits: circuit.circuit.nQubits, shots: circuit.shots, counts: circuit.counts },
        corpus,
      };
      await mkdir(join(out, "charts"), { recursive: true });
      await writeFileAtomic(join(out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
      await writeFileAtomic(join(out, "runs.csv"), runsCsv(knapsack.runs));
      for (const [name, chart] of Object.entries(charts)) {
        if (typeof chart === "string") {
          await writeFileAtomic(join(out, "charts", `${kebab(name)}.svg`), chart);
        } else {
          await writeFileAtomic(join(out, "charts", `${kebab(name)}.svg`), chart.svg);
          await writeFileAtomic(join(out, "charts", `${kebab(name)}.png`), chart.png);
        }
      }
      await writeFileAtomic(join(out, "report.html"), html);
      say(`wrote      ${join(out, "report.html")}, results.json, runs.csv and charts/`);
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof DemoError)) throw error;
      io.stderr(`qpipe demo: ${error.message}\n${renderDiagnostics(error.diagnostics, "")}\n`);
      return EXIT_USER_ERROR;
    }
  },
};

function integerOption(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} must be an integer in ${min}..${max}, got '${text}'`);
  return value;
}

const CSV_COLUMNS = ["instance", "solver", "mode", "seed", "objective", "feasible", "energy", "elapsedMs", "encodeMs", "solveMs", "decodeMs", "fallback"] as const;

function runsCsv(runs: readonly RunRecord[]): string {
  const cell = (value: unknown): string => {
    const text = value === undefined || value === null ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [CSV_COLUMNS.join(","), ...runs.map((run) => CSV_COLUMNS.map((column) => cell(run[column])).join(","))].join("\n") + "\n";
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
