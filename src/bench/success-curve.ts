// Success probability as the budget grows: from each run's first arrival at the target (reads, ms
// or objective evaluations, see RunRecord.readsToTarget / timeToTargetMs / evaluationsToTarget), the fraction of a solver's runs that would have
// succeeded with budget b, for every b where some solver's curve steps, with a Wilson 95% band.
//
// Reading a longer run's prefix as a shorter run holds for qpipe's solvers: a read (a restart, or one
// of QAOA's i.i.d. shots) does not depend on how many reads follow it, and a time budget only
// decides when the loop of reads stops.
import type { RunRecord } from "./run-record.js";
import { wilsonInterval } from "./statistics.js";

export type SuccessAxis = "reads" | "time" | "evaluations";

export interface SuccessCurvePoint {
  readonly solver: string;
  /** Reads, solve time in ms, or objective evaluations. */
  readonly budget: number;
  readonly successProbability: number;
  readonly low: number;
  readonly high: number;
  /** Runs of this solver behind the estimate (failed runs count as not reaching the target). */
  readonly nRuns: number;
}

export interface SuccessCurveOptions {
  /** The instance to draw (success is per instance); default: the only instance of the records. */
  readonly instance?: string;
  /** Default: evaluations when runs had an evaluation budget, reads when every run's budget was a read count, else time. */
  readonly axis?: SuccessAxis;
}

export function successCurve(records: readonly RunRecord[], options: SuccessCurveOptions = {}): SuccessCurvePoint[] {
  if (!Array.isArray(records)) throw new TypeError("successCurve needs an array of run records");
  const instances = [...new Set(records.map((r) => r.instance))];
  const instance = options.instance ?? instances[0];
  if (options.instance === undefined && instances.length > 1) {
    throw new RangeError(`success curves are per instance: choose one of ${instances.join(", ")} with { instance }`);
  }
  // Failed and timed-out runs stay in the denominator: they did not reach the target.
  let runs = records.filter((r) => r.instance === instance && (r.success !== null || r.status !== "ok"));
  if (!runs.some((r) => r.success !== null)) throw new RangeError(`no runs with a best known to reach${instance === undefined ? "" : ` on instance '${instance}'`}`);
  const axis = options.axis ?? defaultAxis(runs);
  if (axis !== "reads" && axis !== "time" && axis !== "evaluations") throw new RangeError(`axis must be 'reads', 'time' or 'evaluations', got ${String(axis)}`);
  if (axis === "evaluations") {
    // A solver that ran outside the evaluation budget (it does not count evaluations) has no place on this axis.
    runs = runs.filter((r) => typeof r.budgetEvaluations === "number");
    if (runs.length === 0) throw new RangeError(`no run${instance === undefined ? "" : ` on instance '${instance}'`} had a budget of objective evaluations: choose axis 'reads' or 'time'`);
  }

  const spent = (r: RunRecord): number => {
    if (axis === "reads") return r.nReads ?? r.budgetReads ?? 0;
    if (axis === "time") return r.solveMs ?? r.budgetTimeMs ?? 0;
    return r.evaluations ?? r.budgetEvaluations ?? 0;
  };
  // A success without a recorded arrival (a record from before the field existed) is charged its whole run.
  const arrival = (r: RunRecord): number | null => (r.success !== true ? null : (arrivalOn(axis, r) ?? spent(r)));
  const bySolver = new Map<string, RunRecord[]>();
  for (const run of runs) bySolver.set(run.solver, [...(bySolver.get(run.solver) ?? []), run]);

  // A log axis needs positive budgets: an arrival at 0 ms is drawn at the smallest positive step.
  const steps = runs.flatMap((r) => [arrival(r), spent(r)]).filter((v): v is number => v !== null && v > 0);
  const grid = [...new Set(steps)].sort((a, b) => a - b);
  if (grid.length === 0) grid.push(1);
  // Start below the first arrival so that every curve visibly rises from where nothing had arrived:
  // at one read, or at half the earliest time or evaluation count.
  const start = axis === "reads" ? 1 : grid[0]! / 2;
  if (start < grid[0]!) grid.unshift(start);
  const points: SuccessCurvePoint[] = [];
  for (const [solver, solverRuns] of bySolver) {
    const arrivals = solverRuns.map(arrival).map((v) => (v === null ? Infinity : v)).sort((a, b) => a - b);
    // Beyond what its runs spent, a solver's curve would be a guess: stop there.
    const maxSpent = Math.max(...solverRuns.map(spent));
    let k = 0;
    for (const budget of grid) {
      if (budget > maxSpent && budget !== grid[0]) break;
      while (k < arrivals.length && arrivals[k]! <= budget) k++;
      const ci = wilsonInterval(k, arrivals.length);
      points.push({ solver, budget, successProbability: ci.estimate, low: ci.low, high: ci.high, nRuns: arrivals.length });
    }
  }
  return points;
}

function arrivalOn(axis: SuccessAxis, r: RunRecord): number | null {
  if (axis === "reads") return r.readsToTarget;
  if (axis === "time") return r.timeToTargetMs;
  return r.evaluationsToTarget ?? null;
}

function defaultAxis(runs: readonly RunRecord[]): SuccessAxis {
  // Solvers outside an evaluation budget (they count none) have no budgetEvaluations and are left off that axis.
  if (runs.some((r) => typeof r.budgetEvaluations === "number")) return "evaluations";
  return runs.every((r) => r.budgetTimeMs === null && r.budgetReads !== null) ? "reads" : "time";
}
