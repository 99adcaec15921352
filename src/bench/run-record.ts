// The tidy record of one run (instance × solver × seed): what was asked, what ran, what came out,
// and how long each phase took. Plain JSON; one line per run in records.jsonl, one row in records.csv.
import type { JsonObject } from "../solve/json.js";

export type RunStatus = "ok" | "failed" | "timeout";

export interface RunRecord {
  readonly suite: string;
  readonly instance: string;
  /** The solver's label in the spec. */
  readonly solver: string;
  /** The registered sampler that was asked for. */
  readonly solverName: string;
  readonly mode: string;
  readonly seed: number;
  readonly status: RunStatus;
  /** Why the run failed or timed out; null for ok runs. */
  readonly error: string | null;
  readonly budgetTimeMs: number | null;
  readonly budgetReads: number | null;
  /** The objective evaluations the solver was held to; null without one, or for a solver that does not count them. */
  readonly budgetEvaluations: number | null;
  /**
   * True when this solver's budget differs from the suite's, or when it ran outside the suite's
   * evaluation budget because it does not count evaluations (both allowed only by `allowUnequalBudget`).
   */
  readonly unequalBudget: boolean;
  readonly sense: "min" | "max" | null;
  /** Best feasible objective in the problem's own sense; null when no feasible sample was found. */
  readonly bestObjective: number | null;
  /** Lowest energy of any sample (feasible or not). */
  readonly bestEnergy: number | null;
  /** Bitstring of the best feasible sample (else the lowest-energy one). */
  readonly bestBits: string | null;
  /** Fraction of reads that were feasible; null when a `reads: Infinity` run did not keep every sample (`info.readsNotKept`). */
  readonly feasibleFraction: number | null;
  /** Reads the run made, those whose samples were not kept included. */
  readonly nReads: number | null;
  /** Objective evaluations the run spent (sampler's `info.evaluations`); null for solvers that do not count them. */
  readonly evaluations: number | null;
  readonly bestKnown: number | null;
  /** Relative shortfall from the best known, ≥ 0 when not beaten: (best known − objective)/|best known| for max. */
  readonly gap: number | null;
  /** objective / best known. */
  readonly approximationRatio: number | null;
  /** Reached the best known within the suite's relative tolerance. */
  readonly success: boolean | null;
  /**
   * When the first read that reached the best known was pushed, in ms from the start of the solve
   * (≤ solveMs; read granularity: a read's own work counts whole); null for unsuccessful runs.
   */
  readonly timeToTargetMs: number | null;
  /** Reads up to and including that first successful read; null for unsuccessful runs. */
  readonly readsToTarget: number | null;
  /**
   * Objective evaluations the solver had spent when it first held that target sample (≤ evaluations;
   * a walk's or a shot's own count); null for unsuccessful runs and solvers that do not count.
   */
  readonly evaluationsToTarget: number | null;
  /** Reading or compiling the instance (DSL grounding and penalties count here). */
  readonly loadMs: number | null;
  readonly encodeMs: number | null;
  readonly solveMs: number | null;
  readonly decodeMs: number | null;
  /** Mode and solver that actually ran, and why they differ from the request. */
  readonly modeUsed: string | null;
  readonly solverUsed: string | null;
  readonly fallbackReason: string | null;
  readonly stoppedBy: string | null;
  /** Circuit resource estimate of quantum runs (qubits, depth, gate counts, memory). */
  readonly resources: JsonObject | null;
  readonly inputHash: string | null;
  readonly nVariables: number | null;
  /** False when a wall-clock limit cut the run short: its results then depend on machine speed. */
  readonly deterministic: boolean;
  /** Stage suites: the stage's own seeded metrics (accuracy, stability, KL, coverage, …; no timings); null otherwise. */
  readonly stageMetrics: JsonObject | null;
}

/** The fields replay compares bit for bit (for records that are deterministic). */
export const DETERMINISTIC_FIELDS = [
  "status",
  "bestObjective",
  "bestEnergy",
  "bestBits",
  "feasibleFraction",
  "nReads",
  "evaluations",
  "bestKnown",
  "gap",
  "approximationRatio",
  "success",
  "readsToTarget",
  "evaluationsToTarget",
  "modeUsed",
  "solverUsed",
  "inputHash",
  "nVariables",
  "stageMetrics",
] as const satisfies readonly (keyof RunRecord)[];

/** The key a run is identified by (for resume and replay). */
export function runKey(record: Pick<RunRecord, "instance" | "solver" | "seed">): string {
  return JSON.stringify([record.instance, record.solver, record.seed]);
}

export const RECORD_COLUMNS: readonly (keyof RunRecord)[] = [
  "suite", "instance", "solver", "solverName", "mode", "seed", "status", "error", "budgetTimeMs", "budgetReads", "budgetEvaluations", "unequalBudget",
  "sense", "bestObjective", "bestEnergy", "bestBits", "feasibleFraction", "nReads", "evaluations", "bestKnown", "gap", "approximationRatio",
  "success", "timeToTargetMs", "readsToTarget", "evaluationsToTarget", "loadMs", "encodeMs", "solveMs", "decodeMs", "modeUsed", "solverUsed", "fallbackReason", "stoppedBy",
  "resources", "inputHash", "nVariables", "deterministic", "stageMetrics",
];

/** RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break. */
export function recordsToCsv(records: readonly RunRecord[]): string {
  const lines = [RECORD_COLUMNS.join(",")];
  for (const record of records) {
    lines.push(RECORD_COLUMNS.map((column) => csvField(record[column])).join(","));
  }
  return lines.join("\n") + "\n";
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parses records.jsonl text; a torn last line (a run killed mid-write) is dropped, other bad lines are errors. */
export function parseRecordLines(text: string, file: string): RunRecord[] {
  const lines = text.split("\n");
  const records: RunRecord[] = [];
  lines.forEach((line, k) => {
    if (line.trim() === "") return;
    try {
      const record = JSON.parse(line) as RunRecord;
      if (typeof record?.instance !== "string" || typeof record.solver !== "string" || typeof record.seed !== "number") throw new Error("not a run record");
      records.push(record);
    } catch (error) {
      if (k === lines.length - 1) return;
      throw new RangeError(`${file}:${k + 1}: not a run record (${(error as Error).message})`);
    }
  });
  return records;
}
