// Prints a suite's summary.json as Markdown tables (one row per solver × instance) and its verdicts,
// for BENCHMARKS.md: npx tsx bench/suites/summary-table.ts OUT_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SuiteSummary } from "../../src/bench/summarize.js";

const dir = process.argv[2];
if (dir === undefined) {
  console.error("usage: npx tsx bench/suites/summary-table.ts OUT_DIR");
  process.exit(2);
}
const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as SuiteSummary;
const fmt = (value: number | null, digits = 4): string => (value === null ? "—" : Number.isInteger(value) ? String(value) : Number(value.toPrecision(digits)).toString());
const ms = (value: number | null): string => (value === null ? "—" : value < 10 ? value.toFixed(2) : value.toFixed(0));
// Suites whose solvers counted objective evaluations get a column of the median spent.
const counted = summary.rows.some((row) => row.medianEvaluations !== null && row.medianEvaluations !== undefined);
console.log(`| instance | solver | rank | median [95% CI] | IQR | best known | P(success) | TTS(99%) ms | median solve ms |${counted ? " median evaluations |" : ""} overhead ms | Δ vs ref [95% CI] | failed |`);
console.log(`|---|---|---|---|---|---|---|---|---|${counted ? "---|" : ""}---|---|---|`);
for (const row of summary.rows) {
  const tts = row.ttsReached === null ? "—" : row.ttsReached ? ms(row.ttsMs) : "∞";
  const delta = row.reference === null ? "(reference)" : `${fmt(row.delta)} [${fmt(row.deltaCiLow)}, ${fmt(row.deltaCiHigh)}] vs ${row.reference}`;
  const evaluations = counted ? ` ${fmt(row.medianEvaluations ?? null, 6)} |` : "";
  console.log(
    `| ${row.instance} | ${row.solver} | ${row.rank} | ${fmt(row.median)} [${fmt(row.ciLow)}, ${fmt(row.ciHigh)}] | ${fmt(row.iqr)} | ${fmt(row.bestKnown)} | ${fmt(row.successProbability, 2)} | ${tts} | ${ms(row.medianSolveMs)} |${evaluations} ${ms(row.medianOverheadMs)} | ${delta} | ${row.nFailed}/${row.nRuns} |`,
  );
}
console.log("");
for (const verdict of summary.verdicts) console.log(`- ${verdict}`);
