// A whole suite, start to finish:
//
//   spec ─▶ grid (instances × seeds × solvers) ─▶ minus runs already in OUT/records.jsonl (resume)
//        ─▶ worker pool ─▶ each record appended (records.jsonl rewritten atomically after every run)
//        ─▶ records.csv, summary.json, manifest.json, report.html (each written atomically)
//
// Runs are ordered instance by instance and, within an instance, seed by seed with every solver
// interleaved, so that machine noise over time hits all solvers alike.
import { mkdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import "../solve/index.js"; // registers every sampler, so unknown solver names are caught before any run
import { findSampler, listSamplers } from "../solve/registry.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { RunTask } from "./execute-run.js";
import { type ProgressSink, silentProgress } from "./progress.js";
import { runPool } from "./run-pool.js";
import { type RunRecord, parseRecordLines, recordsToCsv, runKey } from "./run-record.js";
import { type SuiteSpec, SuiteSpecError } from "./spec.js";
import { type SuiteManifest, specHash, suiteManifest } from "./suite-manifest.js";
import { suiteReportHtml } from "./suite-report.js";
import { type SuiteSummary, summarizeSuite } from "./summarize.js";

export interface RunSuiteOptions {
  /** Directory relative instance paths resolve from (the spec file's). */
  readonly baseDir: string;
  readonly outDir: string;
  /** Default: every core. */
  readonly nWorkers?: number;
  readonly progress?: ProgressSink;
  /** Skip the HTML report (charts take a few seconds to render). */
  readonly skipReport?: boolean;
}

export interface SuiteResult {
  readonly records: readonly RunRecord[];
  readonly summary: SuiteSummary;
  readonly manifest: SuiteManifest;
  /** Runs found in the output folder and not redone. */
  readonly nResumed: number;
}

export const OUTPUT_FILES = { records: "records.jsonl", csv: "records.csv", summary: "summary.json", manifest: "manifest.json", report: "report.html", spec: "spec.json" } as const;

export function suiteGrid(spec: SuiteSpec): RunTask[] {
  const tasks: RunTask[] = [];
  spec.instances.forEach((_, instance) => {
    for (const seed of spec.seeds) spec.solvers.forEach((_, solver) => tasks.push({ instance, solver, seed }));
  });
  return tasks;
}

export async function runSuite(spec: SuiteSpec, options: RunSuiteOptions): Promise<SuiteResult> {
  checkSolversExist(spec);
  const outDir = resolve(options.outDir);
  const progress = options.progress ?? silentProgress;
  const hash = specHash(spec);
  await mkdir(outDir, { recursive: true });
  const previous = await readPrevious(outDir, hash);
  const grid = suiteGrid(spec);
  const keyOf = (task: RunTask): string => runKey({ instance: spec.instances[task.instance]!.name, solver: spec.solvers[task.solver]!.label, seed: task.seed });
  const wanted = new Set(grid.map(keyOf));
  const done = new Map<string, RunRecord>();
  for (const record of previous) if (wanted.has(runKey(record))) done.set(runKey(record), record);
  const nResumed = done.size;
  await writeFileAtomic(join(outDir, OUTPUT_FILES.spec), JSON.stringify({ specHash: hash, spec }, null, 1) + "\n");

  const todo = grid.filter((task) => !done.has(keyOf(task)));
  progress.start(grid.length, nResumed);
  let writing = Promise.resolve();
  await runPool(todo, {
    spec,
    baseDir: options.baseDir,
    nWorkers: options.nWorkers ?? availableParallelism(),
    onRecord: (record) => {
      done.set(runKey(record), record);
      progress.record(record);
      const lines = [...done.values()].map((r) => JSON.stringify(r)).join("\n") + "\n";
      writing = writing.then(() => writeFileAtomic(join(outDir, OUTPUT_FILES.records), lines));
      return writing;
    },
  });
  progress.end();

  const records = grid.map((task) => done.get(keyOf(task))).filter((r): r is RunRecord => r !== undefined);
  const summary = summarizeSuite(spec, records);
  const manifest = suiteManifest(spec, relative(outDir, resolve(options.baseDir)) || ".", records);
  await writeFileAtomic(join(outDir, OUTPUT_FILES.records), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  await writeFileAtomic(join(outDir, OUTPUT_FILES.csv), recordsToCsv(records));
  await writeFileAtomic(join(outDir, OUTPUT_FILES.summary), JSON.stringify(summary, null, 1) + "\n");
  await writeFileAtomic(join(outDir, OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 1) + "\n");
  if (options.skipReport !== true) await writeFileAtomic(join(outDir, OUTPUT_FILES.report), await suiteReportHtml(spec, records, summary));
  return { records, summary, manifest, nResumed };
}

/** Records of an earlier, interrupted run of the same spec; a folder holding another spec's results is refused. */
async function readPrevious(outDir: string, hash: string): Promise<RunRecord[]> {
  let specText: string;
  try {
    specText = await readFile(join(outDir, OUTPUT_FILES.spec), "utf8");
  } catch {
    return [];
  }
  const stored = JSON.parse(specText) as { specHash?: string };
  if (stored.specHash !== hash) {
    throw new RangeError(`${outDir} holds results of a different suite spec (${stored.specHash ?? "no hash"}); choose another --out folder`);
  }
  try {
    return parseRecordLines(await readFile(join(outDir, OUTPUT_FILES.records), "utf8"), join(outDir, OUTPUT_FILES.records));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

function checkSolversExist(spec: SuiteSpec): void {
  // Stage methods were checked against the stage when the spec was parsed; decision solvers are samplers or the stage's own.
  const ownMethod = (name: string): boolean => spec.stage !== undefined && (spec.stage.kind !== "decision" || name === "milp" || name === "rule-greedy");
  const unknown = spec.solvers.flatMap((solver, k) => (!ownMethod(solver.solver) && findSampler(solver.solver) === undefined ? [k] : []));
  if (unknown.length === 0) return;
  const known = listSamplers().map((s) => s.name).join(", ");
  throw new SuiteSpecError(unknown.map((k) => ({ field: `solvers[${k}].solver`, message: `unknown solver '${spec.solvers[k]!.solver}'; known: ${known}` })));
}
