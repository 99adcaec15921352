// Feature selection stage: the DSL k-of-n QUBO (exact / tabu / sa / qaoa) against classical
// baselines on two public tabular sets and one synthetic set with a known informative set.
// Stratified 5-fold CV with selection inside each fold; 3 seeds; medians over seeds.
//   npx tsx bench/ml-feature-selection.ts [--quick]
import { existsSync, readFileSync } from "node:fs";
import { makeClassification } from "../src/ml/make-classification.js";
import { readCsvDataset } from "../src/ml/read-csv-dataset.js";
import type { Dataset } from "../src/ml/dataset.js";
import { type FeatureSelectionStageRecord, type FeatureSelectorName, runFeatureSelection } from "../src/ml/feature-selection-stage.js";
import { createRng } from "../src/util/rng.js";

const quick = process.argv.includes("--quick");
const seeds = quick ? [0] : [0, 1, 2];
const tabular = new URL("../../shared/data/tabular/", import.meta.url);

interface Case {
  readonly dataset: Dataset;
  readonly k: number;
  readonly methods: readonly FeatureSelectorName[];
  readonly informative?: readonly number[];
}

const baselines: FeatureSelectorName[] = ["mrmr", "greedy-forward", "l1-path", "random-forest", "random", "all"];
const cases: Case[] = [];
const synthetic = makeClassification({ nSamples: 400, nFeatures: 16, nInformative: 4, nRedundant: 3, classSep: 1, rng: createRng(11) });
cases.push({ dataset: synthetic, k: 4, methods: ["qubo-exact", "qubo-tabu", "qubo-sa", "qubo-qaoa", ...baselines], informative: synthetic.informative });
if (existsSync(tabular)) {
  const wine = readCsvDataset(readFileSync(new URL("wine_data.csv", tabular), "utf8"), { file: "wine_data.csv" }).dataset;
  const cancer = readCsvDataset(readFileSync(new URL("breast_cancer.csv", tabular), "utf8"), { file: "breast_cancer.csv" }).dataset;
  if (wine) cases.push({ dataset: wine, k: 4, methods: ["qubo-exact", "qubo-tabu", "qubo-sa", "qubo-qaoa", ...baselines] });
  if (cancer) cases.push({ dataset: cancer, k: 5, methods: ["qubo-tabu", "qubo-sa", ...baselines] });
} else {
  console.log("../shared/data/tabular is absent: only the synthetic case runs");
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const all: FeatureSelectionStageRecord[] = [];
for (const c of cases) {
  const bySeed: FeatureSelectionStageRecord[][] = [];
  for (const seed of seeds) {
    bySeed.push(await runFeatureSelection(c.dataset, { k: c.k, methods: c.methods, seed, informative: c.informative, solverParameters: { qaoa: { p: 2 } } }));
  }
  all.push(...bySeed.flat());
  console.log(`\n${c.dataset.name}: n = ${c.dataset.columns.length}, N = ${c.dataset.nSamples}, k = ${c.k}, seeds ${seeds.join(",")}`);
  console.log("| method | accuracy | AUC | stability | recovery | scoring ms | encoding ms | solving ms | ΔAUC vs mRMR | fallbacks |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const method of c.methods) {
    const rs = bySeed.map((records) => records.find((r) => r.method === method)!);
    const m = (f: (r: FeatureSelectionStageRecord) => number) => median(rs.map(f));
    const recovery = rs[0].recovery === null ? "–" : m((r) => r.recovery ?? 0).toFixed(2);
    const fallbacks = [...new Set(rs.flatMap((r) => r.fallbacks))].length;
    console.log(
      `| ${method} | ${m((r) => r.accuracy).toFixed(3)} | ${m((r) => r.auc).toFixed(3)} | ${m((r) => r.stability).toFixed(2)} | ${recovery} | ${m((r) => r.scoringMs).toFixed(0)} | ${m((r) => r.encodingMs).toFixed(0)} | ${m((r) => r.solvingMs).toFixed(0)} | ${m((r) => r.aucGainOverMrmr ?? 0).toFixed(3)} | ${fallbacks} |`,
    );
  }
}
