// `qpipe bench SPEC.json [--out DIR]`: run a benchmark suite (resuming from DIR's records when it
// holds an interrupted run of the same spec), or `qpipe bench --replay MANIFEST --out DIR`: re-run
// a recorded suite and check that every deterministic field is bit-identical.
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InstanceError } from "../../bench/load-instance.js";
import { progressSink } from "../../bench/progress.js";
import { readSuiteSpec } from "../../bench/read-suite-spec.js";
import { replaySuite } from "../../bench/replay.js";
import { OUTPUT_FILES, runSuite } from "../../bench/run-suite.js";
import { SuiteSpecError } from "../../bench/spec.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe bench SPEC.json [--out DIR] [--workers N] [--no-report]
       qpipe bench --replay MANIFEST.json --out DIR [--workers N]

Runs every instance × solver × seed of the suite under the spec's budget (the same for every
solver unless the spec sets allowUnequalBudget) on a pool of worker threads, and writes to DIR
(default: bench-out/<suite name>): records.jsonl, records.csv, summary.json, manifest.json and an
offline report.html. Re-running into the same DIR resumes: recorded runs are not redone.

options:
  --out DIR          output folder
  --workers N        worker threads (default: every core)
  --no-report        skip the HTML report
  --replay MANIFEST  re-run a recorded suite into --out and compare every deterministic field;
                     exit 1 when any differs`;

export const command: Command = {
  summary: "run a benchmark suite under equal budgets (or replay one from its manifest)",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        workers: { type: "string" },
        replay: { type: "string" },
        "no-report": { type: "boolean", default: false },
      },
    });
    const nWorkers = values.workers === undefined ? undefined : Number(values.workers);
    if (nWorkers !== undefined && !(Number.isSafeInteger(nWorkers) && nWorkers >= 1)) throw new UsageError(`--workers must be a positive integer, got '${values.workers}'`);
    const progress = progressSink(io.stderr, process.stderr.isTTY === true);
    try {
      if (values.replay !== undefined) {
        if (positionals.length !== 0) throw new UsageError("--replay takes the manifest, not a SPEC");
        if (values.out === undefined) throw new UsageError("--replay needs --out DIR for the re-run's records");
        const result = await replaySuite(resolve(io.cwd, values.replay), { outDir: resolve(io.cwd, values.out), nWorkers, progress, skipReport: true });
        io.stdout(`replay: ${result.nCompared} runs compared, ${result.nTimeBound} cut short by a time limit (not comparable)\n`);
        for (const key of result.missing) io.stdout(`  missing in the replay: ${key}\n`);
        for (const d of result.differences) io.stdout(`  ${d.run} ${d.field}: recorded ${JSON.stringify(d.recorded)}, replayed ${JSON.stringify(d.replayed)}\n`);
        io.stdout(result.identical ? "every deterministic field is bit-identical\n" : `${result.differences.length} differences\n`);
        return result.identical ? EXIT_OK : EXIT_USER_ERROR;
      }
      if (positionals.length !== 1) throw new UsageError(`expected one SPEC file, got ${positionals.length}`);
      const specPath = resolve(io.cwd, positionals[0]!);
      const spec = await readSuiteSpec(specPath);
      const outDir = resolve(io.cwd, values.out ?? join("bench-out", spec.name));
      const result = await runSuite(spec, { baseDir: dirname(specPath), outDir, nWorkers, progress, skipReport: values["no-report"] });
      const failed = result.records.filter((r) => r.status !== "ok").length;
      io.stdout(`${spec.name}: ${result.records.length} runs (${result.nResumed} resumed, ${failed} failed or timed out) → ${outDir}\n`);
      for (const verdict of result.summary.verdicts) io.stdout(`  ${verdict}\n`);
      io.stdout(`records: ${OUTPUT_FILES.records}, ${OUTPUT_FILES.csv}; summary: ${OUTPUT_FILES.summary}; manifest: ${OUTPUT_FILES.manifest}${values["no-report"] ? "" : `; report: ${OUTPUT_FILES.report}`}\n`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof SuiteSpecError || error instanceof InstanceError || error instanceof RangeError) {
        io.stderr(`qpipe bench: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
  },
};
