// The offline HTML report of a suite: verdicts, the summary table, and charts built by src/viz —
// objective box plots by solver, TTS bars and success probability vs budget per instance, runtime vs
// approximation ratio (Pareto).
// Everything is embedded (SVG data URIs, inline tables): the file opens without a network.
import { paretoScatterSpec } from "../viz/charts/pareto-scatter.js";
import { solverComparisonSpec } from "../viz/charts/solver-comparison.js";
import { successProbabilitySpec } from "../viz/charts/success-probability.js";
import { ttsBarsSpec } from "../viz/charts/tts-bars.js";
import { type ReportSection, htmlReport } from "../viz/html-report.js";
import { table } from "../viz/records-table.js";
import { renderChart } from "../viz/rendered-chart.js";
import type { RunRecord } from "./run-record.js";
import { type Budget, type SuiteSpec, outsideEvaluationBudget } from "./spec.js";
import { type SuccessAxis, successCurve } from "./success-curve.js";
import type { SuiteSummary } from "./summarize.js";

/** At most this many instances get their own TTS chart (the table covers all of them). */
const MAX_TTS_CHARTS = 6;

export const SUMMARY_COLUMNS = [
  "instance", "solver", "rank", "nRuns", "nFailed", "median", "q1", "q3", "ciLow", "ciHigh", "bestKnown", "successProbability",
  "medianReadsToTarget", "medianEvaluationsToTarget", "ttsMs", "medianSolveMs", "medianEvaluations", "medianOverheadMs", "reference", "delta", "deltaCiLow", "deltaCiHigh", "addedTimeMs",
] as const;

/** "500 ms solve time and 10 reads", "20000 objective evaluations": the budget in words. */
export function describeBudget(budget: Budget): string {
  const parts = [
    budget.timeMs === undefined ? null : `${budget.timeMs} ms solve time`,
    budget.reads === undefined ? null : `${budget.reads} reads`,
    budget.evaluations === undefined ? null : `${budget.evaluations} objective evaluations`,
  ];
  return parts.filter((part) => part !== null).join(" and ");
}

const AXIS_TITLES: Readonly<Record<SuccessAxis, string>> = { reads: "Reads", time: "Solve time (ms)", evaluations: "Objective evaluations" };

/** The success curve's budget axis: evaluations when the suite's budget counts them, else time when it has a time limit, else reads. */
function successAxis(spec: SuiteSpec): SuccessAxis {
  if (spec.budget.evaluations !== undefined) return "evaluations";
  return spec.budget.timeMs === undefined ? "reads" : "time";
}

export async function suiteReportHtml(spec: SuiteSpec, records: readonly RunRecord[], summary: SuiteSummary): Promise<string> {
  const sections: ReportSection[] = [];
  const outside = spec.solvers.filter((solver) => outsideEvaluationBudget(spec, solver)).map((solver) => solver.label);
  const outsideText = outside.length === 0 ? "" : ` ${outside.join(", ")} ${outside.length === 1 ? "does" : "do"} not count objective evaluations and ran outside that budget, bound only by the rest of it.`;
  sections.push({
    kind: "text",
    heading: "Suite",
    text: `${spec.description ?? spec.name}. ${spec.instances.length} instances × ${spec.solvers.length} solvers × ${spec.seeds.length} seeds; budget per run: ${describeBudget(spec.budget)}${spec.allowUnequalBudget ? " (this suite allows unequal budgets: see the records)" : ", the same for every solver"}.${outsideText}`,
  });
  sections.push({ kind: "text", heading: "Verdicts", text: summary.verdicts.length === 0 ? "Only one solver ran." : summary.verdicts.join("\n") });
  sections.push({ kind: "table", table: table(summary.rows, { columns: [...SUMMARY_COLUMNS], maxRows: 500, digits: 5 }), caption: "Per solver × instance: median best objective with quartiles and 95% bootstrap CI; success probability and TTS(99%) against the best known; Δ against the reference solver." });

  const ok = records.filter((r) => r.status === "ok" && r.bestObjective !== null);
  if (ok.length > 0) {
    const runs = ok.map((r) => ({ solver: r.solver, instance: r.instance, seed: r.seed, objective: r.bestObjective!, elapsedMs: r.solveMs ?? 0 }));
    sections.push({ kind: "chart", chart: await renderChart(solverComparisonSpec(runs, { title: "Best objective per run" })), caption: "Box plots of each run's best feasible objective by solver." });
    const withRatio = ok.filter((r) => r.approximationRatio !== null && (r.solveMs ?? 0) > 0);
    if (withRatio.length > 0) {
      const points = withRatio.map((r) => ({ solver: r.solver, elapsedMs: r.solveMs!, quality: r.approximationRatio!, seed: r.seed }));
      const goal = withRatio[0]!.sense === "min" ? "min" : "max";
      sections.push({ kind: "chart", chart: await renderChart(paretoScatterSpec(points, { goal, qualityTitle: "Objective / best known", title: "Solve time vs quality" })), caption: "Every run of every instance; the dashed line is the Pareto front." });
    }
  }
  for (const instance of spec.instances.slice(0, MAX_TTS_CHARTS)) {
    const rows = summary.rows.filter((row) => row.instance === instance.name && row.ttsReached !== null);
    if (rows.length === 0) continue;
    const tts = rows.map((row) => ({ solver: row.solver, ttsMs: row.ttsMs !== null && row.ttsMs > 0 ? row.ttsMs : null, successProbability: row.successProbability ?? undefined }));
    sections.push({ kind: "chart", chart: await renderChart(ttsBarsSpec(tts, { title: `TTS(99%) on ${instance.name}` })), caption: "Time to reach the best known with 99% confidence; solvers that never reached it are marked." });
    const axis = successAxis(spec);
    const curve = successCurve(records, { instance: instance.name, axis });
    sections.push({
      kind: "chart",
      chart: await renderChart(successProbabilitySpec(curve, { title: `Success probability vs budget on ${instance.name}`, budgetTitle: AXIS_TITLES[axis] })),
      caption: `Fraction of runs that had reached the best known within each budget (from each run's first arrival), with a Wilson 95% band.${axis === "evaluations" && outside.length > 0 ? ` Not drawn: ${outside.join(", ")} (no evaluation count).` : ""}`,
    });
  }
  const failures = records.filter((r) => r.status !== "ok" || r.fallbackReason !== null);
  if (failures.length > 0) {
    sections.push({ kind: "table", table: table(failures, { columns: ["instance", "solver", "seed", "status", "error", "fallbackReason"], maxRows: 200 }), caption: "Runs that failed, timed out or fell back to a classical solver." });
  }
  return htmlReport({ title: `qpipe bench: ${spec.name}`, sections });
}
