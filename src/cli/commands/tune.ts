// `qpipe tune DATA.csv --target COL [--budget B] [--seeds S] [--solver S] [--json]`: proposes
// hyperparameters of the project's logistic regression (L2, L1, iterations; CV ROC AUC) by FMQA,
// TPE and random search from the same initial design under the same evaluation budget.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { diagnosticToJson, renderDiagnostic } from "../../lang/render.js";
import { LOGISTIC_SEARCH_SPACE, logisticTuningObjective } from "../../ml/logistic-tuning-problem.js";
import { readCsvDataset } from "../../ml/read-csv-dataset.js";
import { QUBO_SOLVERS, type QuboSolverName } from "../../ml/select-qubo.js";
import { runTuning, TUNING_METHODS, type TuningMethod } from "../../ml/tuning-stage.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe tune DATA.csv [--target COL] [options] [--json]

Tunes L2 weight, L1 weight and iterations of a logistic regression (score: stratified CV ROC AUC)
with FMQA (factorisation-machine surrogate → one-hot QUBO in the qpipe language → solver), TPE and
random search. Every method starts from the same random initial design and gets the same budget.

options:
  --target COL    target column name, or 'last' (default last)
  --budget B      evaluations per run, initial design included (default 20)
  --initial I     shared random initial evaluations (default 5)
  --seeds S       number of seeds, 0..S-1 (default 3)
  --methods LIST  comma-separated from ${TUNING_METHODS.join(", ")} (default all)
  --solver S      FMQA surrogate solver: ${QUBO_SOLVERS.join(" | ")} (default tabu)
  --folds F       CV folds (default 5)
  --json          print {"runs", "points", "diagnostics"}`;

export const command: Command = {
  summary: "propose hyperparameters by FMQA (QUBO surrogate), TPE and random search under equal budgets",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        target: { type: "string" },
        budget: { type: "string", default: "20" },
        initial: { type: "string", default: "5" },
        seeds: { type: "string", default: "3" },
        methods: { type: "string", default: TUNING_METHODS.join(",") },
        solver: { type: "string", default: "tabu" },
        folds: { type: "string", default: "5" },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one DATA.csv, got ${positionals.length}`);
    const budget = integerOption(values.budget, "--budget", 2);
    const nInitial = integerOption(values.initial, "--initial", 1);
    const nSeeds = integerOption(values.seeds, "--seeds", 1);
    const folds = integerOption(values.folds, "--folds", 2);
    const solver = values.solver as QuboSolverName;
    if (!QUBO_SOLVERS.includes(solver)) throw new UsageError(`--solver must be one of ${QUBO_SOLVERS.join(", ")}, got '${values.solver}'`);
    const methods = values.methods.split(",").map((m) => m.trim()) as TuningMethod[];
    for (const m of methods) if (!TUNING_METHODS.includes(m)) throw new UsageError(`unknown method '${m}'; known: ${TUNING_METHODS.join(", ")}`);

    const file = positionals[0];
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), "utf8");
    } catch (error) {
      io.stderr(`qpipe tune: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return EXIT_USER_ERROR;
    }
    const { dataset, diagnostics } = readCsvDataset(text, { file, target: values.target });
    if (!values.json) for (const d of diagnostics) io.stderr(`${renderDiagnostic(d, text)}\n\n`);
    const diagnosticsJson = diagnostics.map((d) => diagnosticToJson(d, file));
    if (dataset === undefined) {
      if (values.json) io.stdout(`${JSON.stringify({ runs: [], points: [], diagnostics: diagnosticsJson })}\n`);
      return EXIT_USER_ERROR;
    }
    let result;
    try {
      const objective = logisticTuningObjective(dataset, folds);
      result = await runTuning(LOGISTIC_SEARCH_SPACE, objective, { budget, nInitial, seeds: Array.from({ length: nSeeds }, (_, s) => s), methods, solver });
    } catch (error) {
      if (error instanceof RangeError) {
        io.stderr(`qpipe tune: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ runs: result.runs, points: result.points, diagnostics: diagnosticsJson })}\n`);
      return EXIT_OK;
    }
    io.stdout(`${"method".padEnd(8)}${"seed".padStart(5)}${"best AUC".padStart(10)}${"propose ms".padStart(12)}${"evaluate ms".padStart(13)}  best configuration\n`);
    for (const r of result.runs) {
      io.stdout(`${r.method.padEnd(8)}${String(r.seed).padStart(5)}${r.bestScore.toFixed(4).padStart(10)}${r.proposeMs.toFixed(0).padStart(12)}${r.evaluateMs.toFixed(0).padStart(13)}  ${JSON.stringify(r.bestConfiguration)}\n`);
      for (const reason of r.fallbacks) io.stdout(`  fallback: ${reason}\n`);
    }
    return EXIT_OK;
  },
};

function integerOption(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${name} must be an integer ≥ ${min}, got '${text}'`);
  return value;
}
