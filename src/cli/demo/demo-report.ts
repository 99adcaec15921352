// Turns the demo's studies into the report: a per-solver summary against the exact optimum, the
// charts (rendered to SVG and PNG once), and the offline HTML page that holds them all.
import { circuitDiagramSvg } from "../../viz/charts/circuit-diagram.js";
import { energyHistogramSpec } from "../../viz/charts/energy-histogram.js";
import { measurementCountsSpec } from "../../viz/charts/measurement-counts.js";
import { quboHeatmapSpec } from "../../viz/charts/qubo-heatmap.js";
import { solverComparisonSpec } from "../../viz/charts/solver-comparison.js";
import { htmlReport, type ReportSection } from "../../viz/html-report.js";
import { table } from "../../viz/records-table.js";
import { type RenderedChart, renderChart } from "../../viz/rendered-chart.js";
import type { CircuitStudy } from "./circuit-study.js";
import type { CorpusFileResult } from "./corpus-check.js";
import type { KnapsackStudy, RunRecord } from "./knapsack-study.js";

export interface SolverSummary {
  readonly solver: string;
  readonly mode: string;
  readonly runs: number;
  /** Fraction of runs whose best sample was feasible. */
  readonly feasibleRate: number;
  readonly medianObjective: number | null;
  readonly bestObjective: number | null;
  /** Fraction of runs that reached the proven optimum (exact enumeration). */
  readonly optimumRate: number | null;
  readonly medianMs: number;
  readonly fallbacks: number;
}

export function summariseRuns(runs: readonly RunRecord[], optimum: number | null): SolverSummary[] {
  const solvers = [...new Set(runs.map((run) => run.solver))];
  return solvers.map((solver) => {
    const own = runs.filter((run) => run.solver === solver);
    const objectives = own.flatMap((run) => (run.objective === null ? [] : [run.objective]));
    return {
      solver,
      mode: own[0]!.mode,
      runs: own.length,
      feasibleRate: objectives.length / own.length,
      medianObjective: objectives.length ? median(objectives) : null,
      bestObjective: objectives.length ? Math.max(...objectives) : null,
      optimumRate: optimum === null ? null : own.filter((run) => run.objective !== null && Math.abs(run.objective - optimum) <= 1e-9).length / own.length,
      medianMs: median(own.map((run) => run.elapsedMs)),
      fallbacks: own.filter((run) => run.fallback !== undefined).length,
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface DemoCharts {
  readonly solverObjective: RenderedChart;
  readonly solverRuntime: RenderedChart;
  readonly energyHistogram: RenderedChart;
  readonly quboHeatmap: RenderedChart;
  readonly ghzCounts: RenderedChart;
  /** The GHZ circuit as a standalone SVG drawing. */
  readonly ghzCircuitSvg: string;
}

export async function renderDemoCharts(knapsack: KnapsackStudy, circuit: CircuitStudy, histogramSolver: string): Promise<DemoCharts> {
  const feasibleRuns = knapsack.runs.flatMap((run) =>
    run.objective === null ? [] : [{ solver: run.solver, seed: run.seed, objective: run.objective, elapsedMs: run.elapsedMs }],
  );
  const histogramSet = knapsack.firstSets.get(histogramSolver);
  if (!histogramSet) throw new RangeError(`no sample set for '${histogramSolver}'`);
  return {
    solverObjective: await renderChart(solverComparisonSpec(feasibleRuns, { metric: "objective", title: "Best feasible total value by solver (seeds)" })),
    solverRuntime: await renderChart(solverComparisonSpec(knapsack.runs.map((run) => ({ ...run, objective: run.objective ?? 0 })), { metric: "elapsedMs", title: "Runtime by solver" })),
    energyHistogram: await renderChart(
      energyHistogramSpec(histogramSet.samples, { value: "objective", title: `Objective of ${histogramSolver} reads, feasible vs infeasible` }),
    ),
    quboHeatmap: await renderChart(quboHeatmapSpec(knapsack.qubo, { title: "Compiled QUBO (objective + capacity penalty + slack)" })),
    ghzCounts: await renderChart(measurementCountsSpec(circuit.counts, { title: `GHZ(${circuit.circuit.nQubits}) counts, ${circuit.shots} shots` })),
    ghzCircuitSvg: circuitDiagramSvg(circuit.circuit),
  };
}

export interface DemoReportInput {
  readonly seed: number;
  readonly version: string;
  readonly corpus: readonly CorpusFileResult[];
  readonly knapsack: KnapsackStudy;
  readonly optimum: number | null;
  readonly summaries: readonly SolverSummary[];
  readonly circuit: CircuitStudy;
  readonly charts: DemoCharts;
}

export function demoReportHtml(input: DemoReportInput): string {
  const { knapsack, charts } = input;
  const qubo = knapsack.qubo;
  const t = knapsack.compileTimings;
  const fallbacks = knapsack.runs.flatMap((run) => (run.fallback ? [`${run.solver} (seed ${run.seed}): ${run.fallback}`] : []));
  const sections: ReportSection[] = [
    {
      kind: "text",
      heading: "What ran",
      text:
        `qpipe ${input.version}, seed ${input.seed}. A ${knapsack.data.n}-item knapsack (capacity ${knapsack.data.capacity}) written in the qpipe ` +
        `language was compiled to a QUBO and solved by exact enumeration, HiGHS MILP, classical heuristics over several seeds, the ` +
        `quantum-inspired simulated bifurcation and the quantum (simulated QAOA) path; a GHZ circuit was sampled on the statevector simulator.`,
    },
    {
      kind: "table",
      table: table(input.corpus),
      caption: `The language front end on the example corpus: ${input.corpus.length} programs checked.`,
    },
    {
      kind: "text",
      heading: "Compilation",
      text:
        `${qubo.variables.length} QUBO variables (${knapsack.data.n} items plus slack bits for the capacity constraint), ` +
        `${qubo.values.length} quadratic terms. Check ${t.checkMs.toFixed(1)} ms, bind ${t.bindMs.toFixed(1)} ms, ground ${t.groundMs.toFixed(1)} ms, ` +
        `compile ${t.compileMs.toFixed(1)} ms.`,
    },
    { kind: "chart", chart: charts.quboHeatmap, caption: "Upper-triangular QUBO coefficients." },
    {
      kind: "table",
      table: table(input.summaries),
      caption: `Per solver, against the proven optimum ${input.optimum ?? "(not computed)"}: feasibility, objective and runtime.`,
    },
    { kind: "chart", chart: charts.solverObjective },
    { kind: "chart", chart: charts.solverRuntime },
    { kind: "chart", chart: charts.energyHistogram },
    {
      kind: "text",
      heading: "Fallbacks",
      text: fallbacks.length ? fallbacks.join("; ") : "None: every requested solver ran.",
    },
    { kind: "chart", chart: charts.ghzCounts, caption: "Only the all-zeros and all-ones outcomes appear, each about half the time." },
  ];
  return htmlReport({ title: "qpipe demo", sections });
}
