// Is simulated annealing weak on penalised models because of its β schedule? The default range is
// set by the whole QUBO's coefficients, which a `penalty auto` weight dominates: hot = ln 2 / the
// largest local-field bound, cold = ln 100 / the smallest non-zero coefficient. This tries ranges
// scaled from the *objective's* coefficients (the item values) instead, on DSL knapsacks whose
// optimum is known by enumeration: 10 seeds × 64 reads × 1000 sweeps per range.
// Run: npx tsx bench/sa-penalised-beta.ts
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { compileSource } from "../src/compile/index.js";
import { defaultBetaRange, exactSampler, localSearchForm, simulatedAnnealing } from "../src/solve/index.js";
import { randomKnapsack } from "./knapsack-data.js";

const source = readFileSync(new URL("../grammar/examples/knapsack.qp", import.meta.url), "utf8");
const suiteData = JSON.parse(readFileSync(new URL("suites/data/knapsack-12.json", import.meta.url), "utf8")) as unknown;
const instances: [string, unknown][] = [["knapsack-12 (suite)", suiteData], ["random 14 items", randomKnapsack(14, 1)], ["random 16 items", randomKnapsack(16, 2)]];
const SEEDS = 10;

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(", ")}`);
console.log("| instance | bits | β range | from | optimum found (seeds) | mean best objective |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const [name, data] of instances) {
  const model = compileSource(source, { data }).compiled!;
  const optimum = (await exactSampler.sample(model)).bestFeasible!.objective;
  const [hot, cold] = defaultBetaRange(localSearchForm(model.qubo()));
  const values = (data as { value: number[] }).value;
  const objectiveHot = Math.log(2) / Math.max(...values);
  const objectiveCold = Math.log(100) / Math.min(...values);
  const ranges: [string, [number, number]][] = [
    ["default (whole QUBO)", [hot, cold]],
    ["objective", [objectiveHot, objectiveCold]],
    ["QUBO hot, objective cold", [hot, objectiveCold]],
    ["QUBO hot, 3× objective cold", [hot, 3 * objectiveCold]],
    ["objective hot ÷ 10, objective cold", [objectiveHot / 10, objectiveCold]],
  ];
  for (const [label, range] of ranges) {
    let found = 0;
    let total = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const set = await simulatedAnnealing.sample(model, { seed, reads: 64, sweeps: 1000, betaRange: range });
      const best = set.bestFeasible?.objective ?? 0;
      total += best;
      if (best === optimum) found++;
    }
    console.log(`| ${name} (optimum ${optimum}) | ${model.nBits} | ${range.map((b) => b.toExponential(2)).join(" … ")} | ${label} | ${found}/${SEEDS} | ${(total / SEEDS).toFixed(1)} |`);
  }
}
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(", ")}`);
