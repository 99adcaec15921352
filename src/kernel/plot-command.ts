// `plot` cells: every chart is the cell's result, as Vega-Lite v5 (interactive in JupyterLab and
// VS Code), SVG and PNG (nbconvert), with a line of text.
//
//   plot [counts] CIRCUIT [shots N] [seed S]   measurement counts of a sampled circuit
//   plot energies PROBLEM                      energy histogram of the last `solve PROBLEM`
//   plot convergence PROBLEM                   best value per evaluation of the last QAOA / VQE solve
//   plot qubo PROBLEM                          the compiled QUBO matrix as a heatmap
//   plot bench NAME                            objective per solver across seeds of the last `bench`
import { convergenceTraceSpec } from "../viz/charts/convergence-trace.js";
import { energyHistogramSpec } from "../viz/charts/energy-histogram.js";
import { measurementCountsSpec } from "../viz/charts/measurement-counts.js";
import { quboHeatmapSpec } from "../viz/charts/qubo-heatmap.js";
import { solverComparisonSpec } from "../viz/charts/solver-comparison.js";
import { RecordsTable } from "../viz/records-table.js";
import type { CellOutput } from "./cell-outcome.js";
import { CellFailure } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";
import { asCommandFailure, chartOutput, type ChartOutput, type CommandContext, compileProblem, requireProblem, usage } from "./command-support.js";
import { sampleCounts } from "./simulate-command.js";

export const PLOT_KINDS = ["counts", "energies", "convergence", "qubo", "bench"] as const;
type PlotKind = (typeof PLOT_KINDS)[number];

const KIND_AND_NAME = /^plot\s+(counts|energies|convergence|qubo|bench)\s+([A-Za-z_][A-Za-z0-9_.-]*)(\s[\s\S]*)?$/;

export async function runPlot(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const match = KIND_AND_NAME.exec(command.text);
  // `plot C …` with no kind plots a circuit's counts (and a circuit may itself be called `qubo`).
  const kind: PlotKind = (match?.[1] as PlotKind | undefined) ?? "counts";
  const name = match?.[2] ?? "";
  const rest = (match?.[3] ?? "").trim();
  if (kind !== "counts" && rest !== "") throw usage(command, `expected \`plot ${kind} NAME\` with nothing after the name`);
  try {
    switch (kind) {
      case "counts":
        return [await plotCounts(match ? `${name} ${rest}`.trim() : command.text.replace(/^plot\s+/, ""), command, context)];
      case "energies":
        return plotEnergies(name, command, context);
      case "convergence":
        return [await plotConvergence(name, command, context)];
      case "qubo":
        return [await plotQubo(name, command, context)];
      case "bench":
        return [await plotBench(name, context, command)];
    }
  } catch (error) {
    return asCommandFailure(error, "plot-failed", command);
  }
}

async function plotCounts(args: string, command: CommandText, context: CommandContext): Promise<CellOutput> {
  const { name, shots, seed, counts } = sampleCounts(args, command, context);
  return chartOutput(measurementCountsSpec(counts, { title: `${name}: ${shots} shots, seed ${seed}` }), `chart: measurement counts of ${name} (${shots} shots, seed ${seed})`);
}

function lastSolve(name: string, command: CommandText, context: CommandContext) {
  requireProblem(name, command, context);
  const solved = context.solves.get(name);
  if (!solved) throw new CellFailure("nothing-to-plot", `problem ${name} has not been solved in this session`, [`line ${command.line}: run \`solve ${name} …\` first, then plot its result`]);
  return solved;
}

/** The histogram as the result, after a table of the lowest-energy samples. */
async function plotEnergies(name: string, command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const solved = lastSolve(name, command, context);
  const lowest = [...solved.samples].sort((a, b) => a.energy - b.energy).slice(0, 10);
  const table = new RecordsTable(lowest, { columns: ["bits", "energy", "objective", "feasible", "occurrences"] });
  const reads = solved.samples.reduce((n, s) => n + s.occurrences, 0);
  const title = `${name}: energies of ${reads} reads (${solved.solver}, seed ${solved.seed})`;
  return [
    { kind: "display", data: { "text/plain": `lowest energies of ${name} (${solved.solver}, seed ${solved.seed})\n${table.toText()}`, "text/html": table.toHTML() } },
    await chartOutput(energyHistogramSpec(solved.samples, { title }), `chart: ${title}, feasible and infeasible stacked`),
  ];
}

async function plotConvergence(name: string, command: CommandText, context: CommandContext): Promise<CellOutput> {
  const solved = lastSolve(name, command, context);
  if (solved.trace === null || solved.trace.length === 0) {
    throw new CellFailure("nothing-to-plot", `the last solve of ${name} used ${solved.solver}, which has no convergence trace`, [
      `line ${command.line}: convergence is recorded by the variational solvers: \`solve ${name} with qaoa\` or \`with vqe\``,
    ]);
  }
  const run = `${solved.solver} seed ${solved.seed}`;
  const points = solved.trace.map(([iteration, value]) => ({ iteration, value, run }));
  const title = `${name}: ${solved.solver} convergence (${points.length} points)`;
  return chartOutput(convergenceTraceSpec(points, { title, goal: "min", valueTitle: "Best expected energy" }), `chart: ${title}`);
}

async function plotQubo(name: string, command: CommandText, context: CommandContext): Promise<CellOutput> {
  const qubo = compileProblem(name, command, context).qubo();
  return chartOutput(quboHeatmapSpec(qubo, { title: `${name}: QUBO matrix (${qubo.linear.length} variables)` }), `chart: QUBO matrix of ${name}, ${qubo.linear.length} variables`);
}

async function plotBench(name: string, context: CommandContext, command: CommandText): Promise<CellOutput> {
  const bench = context.benches.get(name);
  if (!bench) throw new CellFailure("nothing-to-plot", `nothing named ${name} has been benchmarked in this session`, [`line ${command.line}: run \`bench ${name} with …\` first`]);
  return benchChart(bench.name, bench.runs);
}

/** The solver comparison of a bench's runs; runs without a feasible result are left out (and counted). */
export async function benchChart(name: string, runs: readonly { instance: string; solver: string; seed: number; objective: number | null; elapsedMs: number | null }[]): Promise<ChartOutput> {
  const plotted = runs.filter((r) => r.objective !== null).map((r) => ({ instance: r.instance, solver: r.solver, seed: r.seed, objective: r.objective as number, elapsedMs: r.elapsedMs ?? 0 }));
  if (plotted.length === 0) throw new CellFailure("nothing-to-plot", `no run of ${name} found a feasible result`, [`no run of ${name} found a feasible result to plot`]);
  const left = runs.length - plotted.length;
  const title = `${name}: best objective per solver across seeds`;
  return chartOutput(solverComparisonSpec(plotted, { title }), `chart: ${title}${left > 0 ? ` (${left} runs without a feasible result left out)` : ""}`);
}
