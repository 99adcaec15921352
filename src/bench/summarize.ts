// Records → one summary per solver × instance, ranks, and a plain-language verdict per instance.
//
// Quality is the best feasible objective of a run; a run that failed, timed out or found nothing
// feasible counts as the worst possible quality (−∞ when maximising), so that failures pull the
// median down instead of silently vanishing. Confidence intervals are seeded percentile bootstraps;
// differences between solvers resample each solver's runs independently.
import { createRng } from "../util/rng.js";
import type { RunRecord } from "./run-record.js";
import type { SuiteSpec } from "./spec.js";
import { bootstrapCi, bootstrapDifferenceCi, interquartileRange, median, successProbability, timeToSolution } from "./statistics.js";

export interface SolverSummary {
  readonly instance: string;
  readonly solver: string;
  readonly mode: string;
  readonly sense: "min" | "max";
  readonly nRuns: number;
  readonly nFailed: number;
  readonly nInfeasible: number;
  readonly nFallback: number;
  /** Median best objective (null when the median run found nothing feasible). */
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  readonly iqr: number | null;
  /** 95% bootstrap CI of the median objective. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly bestKnown: number | null;
  readonly medianGap: number | null;
  readonly successProbability: number | null;
  /** Median reads to the best known over all runs (a miss counts as never); null when the median run missed. */
  readonly medianReadsToTarget: number | null;
  /** The same in objective evaluations; null also when the solver does not count them. */
  readonly medianEvaluationsToTarget: number | null;
  /** Median solve time of the completed runs (under a time budget: how much of it was used). */
  readonly medianSolveMs: number | null;
  /** Median objective evaluations spent by the completed runs; null when the solver does not count them. */
  readonly medianEvaluations: number | null;
  /** Median of load + encode + solve + decode. */
  readonly medianTotalMs: number | null;
  /** Median of load + encode: what the formulation costs before any solving. */
  readonly medianOverheadMs: number | null;
  /** TTS(99%) in ms; null when the target was never reached or no best known exists (see ttsReached). */
  readonly ttsMs: number | null;
  readonly ttsReached: boolean | null;
  /** 1 = best median objective on this instance (equal medians share a rank). */
  readonly rank: number;
  /** The best solver of another family (the classical reference for quantum runs), or the rank-1 solver. */
  readonly reference: string | null;
  /** median(this) − median(reference) in the objective's units; positive = better for max problems. */
  readonly delta: number | null;
  readonly deltaCiLow: number | null;
  readonly deltaCiHigh: number | null;
  /** medianTotalMs(this) − medianTotalMs(reference). */
  readonly addedTimeMs: number | null;
  readonly verdict: string;
}

export interface SuiteSummary {
  readonly suite: string;
  readonly rows: readonly SolverSummary[];
  /** One sentence per instance × non-reference solver. */
  readonly verdicts: readonly string[];
}

const RESAMPLES = 2000;

export function summarizeSuite(spec: SuiteSpec, records: readonly RunRecord[]): SuiteSummary {
  const rows: SolverSummary[] = [];
  const verdicts: string[] = [];
  for (const instanceSpec of spec.instances) {
    const instance = instanceSpec.name;
    const groups = spec.solvers
      .map((solver) => ({ solver, runs: records.filter((r) => r.instance === instance && r.solver === solver.label) }))
      .filter((group) => group.runs.length > 0);
    if (groups.length === 0) continue;
    const sense = groups.flatMap((g) => g.runs).find((r) => r.sense !== null)?.sense ?? "max";
    const base = groups.map(({ solver, runs }) => describeGroup(spec, instance, solver.label, runs, sense));
    // Equal medians: fewer runs without a result first, then higher success probability, then fewer
    // reads to the target, then the spec's order. Only fields that replay decide, so the reference
    // (and every verdict's wording) is the same on every run of a seeded suite; time is reported
    // beside it (TTS, added time), not used to break ties on the noise of one machine.
    const misses = (g: Group): number => g.row.nFailed + g.row.nInfeasible;
    const order = [...base].sort(
      (a, b) =>
        compareQuality(a.qualityMedian, b.qualityMedian, sense) ||
        misses(a) - misses(b) ||
        (b.row.successProbability ?? 0) - (a.row.successProbability ?? 0) ||
        compareAscending(a.row.medianReadsToTarget, b.row.medianReadsToTarget),
    );
    const rankOf = new Map<string, number>();
    order.forEach((group, k) => {
      const previous = order[k - 1];
      rankOf.set(group.solver, previous !== undefined && previous.qualityMedian === group.qualityMedian ? rankOf.get(previous.solver)! : k + 1);
    });
    for (const group of base) {
      const reference = pickReference(group, order);
      const comparison = reference === undefined ? undefined : compare(spec, instance, group, reference, sense);
      const verdict = comparison?.sentence ?? `${group.solver} has the best median objective on ${instance}`;
      if (comparison !== undefined) verdicts.push(comparison.sentence);
      rows.push({
        ...group.row,
        rank: rankOf.get(group.solver)!,
        reference: reference?.solver ?? null,
        delta: comparison === undefined ? null : finiteOrNull(comparison.delta),
        deltaCiLow: comparison === undefined ? null : finiteOrNull(comparison.low),
        deltaCiHigh: comparison === undefined ? null : finiteOrNull(comparison.high),
        addedTimeMs: reference === undefined || group.totalMs === null || reference.totalMs === null ? null : group.totalMs - reference.totalMs,
        verdict,
      });
    }
  }
  return { suite: spec.name, rows, verdicts };
}

interface Group {
  readonly solver: string;
  readonly mode: string;
  readonly quality: Float64Array;
  readonly qualityMedian: number;
  readonly totalMs: number | null;
  readonly unequalBudget: boolean;
  readonly row: Omit<SolverSummary, "rank" | "reference" | "delta" | "deltaCiLow" | "deltaCiHigh" | "addedTimeMs" | "verdict">;
}

function describeGroup(spec: SuiteSpec, instance: string, solver: string, runs: readonly RunRecord[], sense: "min" | "max"): Group {
  const worst = sense === "max" ? -Infinity : Infinity;
  const quality = Float64Array.from(runs, (r) => (r.status === "ok" && r.bestObjective !== null ? r.bestObjective : worst));
  const { q1, q3, iqr } = interquartileRange(quality);
  const mid = median(quality);
  const ci = bootstrapCi(quality, median, { rng: createRng(spec.statisticsSeed).fork(`ci/${instance}/${solver}`), resamples: RESAMPLES });
  const ok = runs.filter((r) => r.status === "ok");
  const medianOf = (values: number[]): number | null => (values.length === 0 ? null : median(values));
  const medianSolveMs = medianOf(ok.map((r) => r.solveMs ?? 0));
  const totalMs = medianOf(ok.map((r) => (r.loadMs ?? 0) + (r.encodeMs ?? 0) + (r.solveMs ?? 0) + (r.decodeMs ?? 0)));
  const bestKnown = runs.find((r) => r.bestKnown !== null)?.bestKnown ?? null;
  const p = bestKnown === null ? null : successProbability(runs.filter((r) => r.success === true).length, runs.length);
  const tts = p === null || medianSolveMs === null ? null : timeToSolution(medianSolveMs, p);
  const gaps = runs.map((r) => r.gap).filter((g): g is number => g !== null);
  return {
    solver,
    mode: runs[0]!.mode,
    quality,
    qualityMedian: mid,
    totalMs,
    unequalBudget: runs.some((r) => r.unequalBudget),
    row: {
      instance,
      solver,
      mode: runs[0]!.mode,
      sense,
      nRuns: runs.length,
      nFailed: runs.filter((r) => r.status !== "ok").length,
      nInfeasible: runs.filter((r) => r.status === "ok" && r.bestObjective === null).length,
      nFallback: runs.filter((r) => r.fallbackReason !== null).length,
      median: finiteOrNull(mid),
      q1: finiteOrNull(q1),
      q3: finiteOrNull(q3),
      iqr: finiteOrNull(iqr),
      ciLow: finiteOrNull(ci.low),
      ciHigh: finiteOrNull(ci.high),
      bestKnown,
      medianGap: gaps.length === runs.length ? median(gaps) : null,
      successProbability: p,
      medianReadsToTarget: bestKnown === null ? null : medianToTarget(runs, (r) => r.readsToTarget),
      medianEvaluationsToTarget: bestKnown === null || !ok.some((r) => typeof r.evaluations === "number") ? null : medianToTarget(runs, (r) => r.evaluationsToTarget ?? null),
      medianSolveMs,
      medianEvaluations: medianOf(ok.flatMap((r) => (r.evaluations === null || r.evaluations === undefined ? [] : [r.evaluations]))),
      medianTotalMs: totalMs,
      medianOverheadMs: medianOf(ok.map((r) => (r.loadMs ?? 0) + (r.encodeMs ?? 0))),
      ttsMs: tts === null || !Number.isFinite(tts) ? null : tts,
      ttsReached: tts === null ? null : Number.isFinite(tts),
    },
  };
}

/** Quantum runs are compared with the best non-quantum solver; every other non-winner with the winner. */
function pickReference(group: Group, order: readonly Group[]): Group | undefined {
  if (group.mode === "quantum") return order.find((g) => g.mode !== "quantum");
  const winner = order[0];
  return winner === undefined || winner.solver === group.solver ? undefined : winner;
}

function compare(spec: SuiteSpec, instance: string, group: Group, reference: Group, sense: "min" | "max") {
  const nothing = (g: Group): boolean => g.row.nFailed + g.row.nInfeasible === g.row.nRuns;
  if (nothing(group) || nothing(reference)) {
    const empty = [group, reference].filter(nothing).map((g) => `${g.solver} found no feasible result in any of its ${g.row.nRuns} runs (${g.row.nFailed} failed or timed out)`);
    return { delta: NaN, low: NaN, high: NaN, sentence: `${instance}: no comparison of ${group.solver} with ${reference.solver}: ${empty.join("; ")}` };
  }
  const ci = bootstrapDifferenceCi(group.quality, reference.quality, median, {
    rng: createRng(spec.statisticsSeed).fork(`delta/${instance}/${group.solver}/${reference.solver}`),
    resamples: RESAMPLES,
  });
  const better = (value: number): boolean => (sense === "max" ? value > 0 : value < 0);
  const worse = (value: number): boolean => (sense === "max" ? value < 0 : value > 0);
  const relation =
    ci.low === 0 && ci.high === 0
      ? "ties with"
      : better(ci.low) && better(ci.high)
        ? "is better than"
        : worse(ci.low) && worse(ci.high)
          ? "is worse than"
          : "is not distinguishable from";
  const budget = group.unequalBudget || reference.unequalBudget ? "at UNEQUAL budget" : `at equal budget${spec.budget.evaluations === undefined ? "" : ` of ${spec.budget.evaluations} evaluations`}`;
  const direction = sense === "max" ? "higher is better" : "lower is better";
  const sentence =
    `${instance}: ${group.solver} ${relation} ${reference.solver} ${budget}: Δ median objective = ${formatNumber(ci.estimate)} ` +
    `(${direction}; 95% CI [${formatNumber(ci.low)}, ${formatNumber(ci.high)}], ${group.quality.length} vs ${reference.quality.length} runs)`;
  return { delta: ci.estimate, low: ci.low, high: ci.high, sentence };
}

function compareQuality(a: number, b: number, sense: "min" | "max"): number {
  if (a === b) return 0;
  return sense === "max" ? (a > b ? -1 : 1) : a < b ? -1 : 1;
}

/** Ascending, null (unknown or never) last; 0 for equal values, so that a stable sort keeps the spec's order. */
function compareAscending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Median of a per-run arrival at the target over all runs, a miss (or an unknown arrival) counting as never. */
function medianToTarget(runs: readonly RunRecord[], arrival: (r: RunRecord) => number | null): number | null {
  return finiteOrNull(median(runs.map((r) => (r.success === true ? (arrival(r) ?? Infinity) : Infinity))));
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function formatNumber(value: number): string {
  if (value === Infinity) return "+∞";
  if (value === -Infinity) return "−∞";
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}
