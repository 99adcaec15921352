// `qpipe select-features DATA.csv --target COL --k K [--json]`: chooses k features by the k-of-n QUBO
// (written in the qpipe language, solved by --solver) and compares it, under stratified CV with the
// selection made inside each fold, with classical baselines on the same folds.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { diagnosticToJson, renderDiagnostic } from "../../lang/render.js";
import { REDUNDANCY_MEASURES, type RedundancyMeasure } from "../../ml/feature-scores.js";
import { FEATURE_SELECTORS, type FeatureSelectionStageRecord, type FeatureSelectorName, runFeatureSelection, select } from "../../ml/feature-selection-stage.js";
import { readCsvDataset } from "../../ml/read-csv-dataset.js";
import { QUBO_SOLVERS, type QuboSolverName } from "../../ml/select-qubo.js";
import { createRng } from "../../util/rng.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe select-features DATA.csv --target COL --k K [options] [--json]

Chooses K features by the k-of-n QUBO (mean relevance − α·mean redundancy, exactly K features),
stated in the qpipe language and solved by --solver on all rows; then scores that method and the
baselines by stratified k-fold CV of a fixed L2 logistic regression, selecting inside each fold.

DATA.csv: a header row of column names (or scikit-learn's "nSamples,nFeatures,labels…" layout);
numeric features; missing values and non-numeric features are errors; constant columns are dropped.

options:
  --target COL        target column name, or 'last' (default last)
  --k K               number of features to choose (required)
  --solver S          ${QUBO_SOLVERS.join(" | ")} (default tabu; qaoa runs the simulator, n ≤ ~20)
  --baselines LIST    comma-separated, from ${FEATURE_SELECTORS.filter((m) => !m.startsWith("qubo-")).join(", ")}, or none
                      (default mrmr,random-forest,all)
  --redundancy M      ${REDUNDANCY_MEASURES.join(" | ")} (default mi)
  --alpha A           redundancy weight α ≥ 0 (default 0.5; 1 is the MID form of mRMR)
  --folds F           CV folds ≥ 2 (default 5)
  --seed N            seed for folds, solvers and baselines (default 0)
  --json              print {"selected", "records", "diagnostics"}`;

export const command: Command = {
  summary: "choose k features by a QUBO and compare with classical baselines under CV",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        target: { type: "string" },
        k: { type: "string" },
        solver: { type: "string", default: "tabu" },
        baselines: { type: "string", default: "mrmr,random-forest,all" },
        redundancy: { type: "string", default: "mi" },
        alpha: { type: "string", default: "0.5" },
        folds: { type: "string", default: "5" },
        seed: { type: "string", default: "0" },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one DATA.csv, got ${positionals.length}`);
    if (values.k === undefined) throw new UsageError("--k is required");
    const k = integerOption(values.k, "--k", 1);
    const folds = integerOption(values.folds, "--folds", 2);
    const seed = integerOption(values.seed, "--seed", -Number.MAX_SAFE_INTEGER);
    const alpha = Number(values.alpha);
    if (!Number.isFinite(alpha) || alpha < 0) throw new UsageError(`--alpha must be a finite number ≥ 0, got '${values.alpha}'`);
    const solver = values.solver as QuboSolverName;
    if (!QUBO_SOLVERS.includes(solver)) throw new UsageError(`--solver must be one of ${QUBO_SOLVERS.join(", ")}, got '${values.solver}'`);
    const redundancy = values.redundancy as RedundancyMeasure;
    if (!REDUNDANCY_MEASURES.includes(redundancy)) throw new UsageError(`--redundancy must be one of ${REDUNDANCY_MEASURES.join(", ")}, got '${values.redundancy}'`);
    const baselines = values.baselines === "none" ? [] : values.baselines.split(",").map((b) => b.trim());
    for (const b of baselines) {
      if (!FEATURE_SELECTORS.includes(b as FeatureSelectorName) || b.startsWith("qubo-")) throw new UsageError(`unknown baseline '${b}'`);
    }

    const file = positionals[0];
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), "utf8");
    } catch (error) {
      io.stderr(`qpipe select-features: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return EXIT_USER_ERROR;
    }
    const { dataset, diagnostics } = readCsvDataset(text, { file, target: values.target });
    if (!values.json) for (const d of diagnostics) io.stderr(`${renderDiagnostic(d, text)}\n\n`);
    const diagnosticsJson = diagnostics.map((d) => diagnosticToJson(d, file));
    if (dataset === undefined) {
      if (values.json) io.stdout(`${JSON.stringify({ selected: null, records: [], diagnostics: diagnosticsJson })}\n`);
      return EXIT_USER_ERROR;
    }
    const n = dataset.columns.length;
    if (k > n) {
      const dropped = dataset.dropped?.length ? ` (dropped: ${dataset.dropped.map((d) => `${d.name}, ${d.reason}`).join("; ")})` : "";
      io.stderr(`qpipe select-features: --k ${k} is larger than the ${n} usable feature${n === 1 ? "" : "s"} in ${file}${dropped}\n`);
      return EXIT_USER_ERROR;
    }
    const options = { k, alpha, redundancy, folds, seed };
    let records: FeatureSelectionStageRecord[];
    let chosen: readonly number[];
    try {
      chosen = (await select(`qubo-${solver}`, dataset, options, createRng(seed).fork("all-rows"))).features;
      records = await runFeatureSelection(dataset, { ...options, methods: [`qubo-${solver}`, ...(baselines as FeatureSelectorName[])] });
    } catch (error) {
      if (error instanceof RangeError) {
        io.stderr(`qpipe select-features: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
    const selected = chosen.map((j) => dataset.featureNames[j]);
    if (values.json) {
      io.stdout(`${JSON.stringify({ selected, records, diagnostics: diagnosticsJson })}\n`);
      return EXIT_OK;
    }
    io.stdout(`selected (qubo-${solver}, all ${dataset.nSamples} rows): ${selected.join(", ")}\n\n`);
    io.stdout(`${folds}-fold stratified CV, selection inside each fold, L2 logistic regression:\n`);
    io.stdout(`${"method".padEnd(16)}${"k".padStart(4)}${"accuracy".padStart(10)}${"AUC".padStart(8)}${"stability".padStart(11)}${"select ms".padStart(11)}\n`);
    for (const r of records) {
      const selectMs = r.scoringMs + r.encodingMs + r.solvingMs;
      io.stdout(`${r.method.padEnd(16)}${String(r.k).padStart(4)}${r.accuracy.toFixed(3).padStart(10)}${r.auc.toFixed(3).padStart(8)}${r.stability.toFixed(2).padStart(11)}${selectMs.toFixed(0).padStart(11)}\n`);
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
