// Decision support after a model scores, through the benchmark harness (a decision-stage suite):
// seeded subset instances (budget + category quotas + conflicts) and item-to-slot assignments of
// realistic size, every solver run with 10 seeds under the same reads budget; HiGHS on the model's
// own MILP is the exact reference. QAOA runs on a second suite of small instances (12 qubits).
// Prints medians with 95% bootstrap CIs, gaps, the feasibility rate (runs where the solver itself
// returned a feasible decision, not the greedy fallback), time, CPU time and the load average.
//   npx tsx bench/ml-decision.ts [--quick]
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunRecord, type SolverSummary, median, parseSuiteSpec, runSuite } from "../src/bench/index.js";

const quick = process.argv.includes("--quick");
const seeds = Array.from({ length: quick ? 3 : 10 }, (_, i) => i + 1);
const outRoot = fileURLToPath(new URL(".scratch/ml-decision/", import.meta.url));

const realistic = parseSuiteSpec({
  name: "ml-decision-realistic",
  description: "decision stage at realistic size: subset under budget, quotas and conflicts; assignment of items to slots",
  stage: { kind: "decision" },
  seeds,
  budget: { reads: 16 },
  runTimeoutMs: 180_000,
  instances: [
    { kind: "random-subset-decision", name: "subset-60", items: 60, categories: 4, conflicts: 15, seed: 1 },
    { kind: "random-subset-decision", name: "subset-150", items: 150, categories: 5, conflicts: 40, seed: 2 },
    { kind: "random-assignment", name: "assign-12x8", items: 12, slots: 8, seed: 3 },
    { kind: "random-assignment", name: "assign-20x12", items: 20, slots: 12, seed: 4 },
  ],
  solvers: [{ solver: "milp" }, { solver: "rule-greedy" }, { solver: "tabu" }, { solver: "sa" }, { solver: "greedy" }, { solver: "sb" }],
});

const small = parseSuiteSpec({
  name: "ml-decision-small-qaoa",
  description: "decision stage on 12-qubit instances, where QAOA fits the statevector simulator",
  stage: { kind: "decision" },
  seeds: seeds.slice(0, quick ? 2 : 5),
  budget: { reads: 64 },
  runTimeoutMs: 300_000,
  instances: [
    { kind: "random-subset-decision", name: "subset-5", items: 5, categories: 2, conflicts: 1, seed: 1 },
    { kind: "random-assignment", name: "assign-3x3", items: 3, slots: 3, seed: 1 },
  ],
  solvers: [{ solver: "milp" }, { solver: "rule-greedy" }, { solver: "tabu" }, { solver: "sb" }, { solver: "qaoa", parameters: { p: 2 } }],
});

const cpuStart = process.cpuUsage();
const loadStart = loadavg()[0];
const wallStart = performance.now();
for (const spec of [realistic, small]) {
  const { records, summary } = await runSuite(spec, { baseDir: ".", outDir: join(outRoot, spec.name), nWorkers: Math.min(2, cpus().length) });
  console.log(`\n### ${spec.name}: ${spec.seeds.length} seeds × ${spec.solvers.length} solvers, ${spec.budget.reads} reads per run\n`);
  console.log("| instance | bits | solver | mode | median value [95% CI] | median gap (own decisions) | own feasible decision | optimal | median solve ms |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of summary.rows) console.log(tableRow(row, records.filter((r) => r.instance === row.instance && r.solver === row.solver)));
  console.log("");
  for (const verdict of summary.verdicts) console.log(`- ${verdict}`);
}
const cpu = process.cpuUsage(cpuStart);
console.log(`\nwall ${((performance.now() - wallStart) / 1000).toFixed(0)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s (all threads), load average ${loadStart.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
console.log(`records, summaries and HTML reports: ${outRoot}`);

function tableRow(row: SolverSummary, runs: readonly RunRecord[]): string {
  const ok = runs.filter((r) => r.status === "ok");
  const feasible = ok.filter((r) => r.feasibleFraction === 1).length;
  const solveMs = ok.map((r) => r.solveMs ?? 0);
  const value = row.median === null ? "none" : `${row.median.toFixed(2)} [${fmt(row.ciLow)}, ${fmt(row.ciHigh)}]`;
  const gaps = ok.filter((r) => r.gap !== null).map((r) => r.gap!);
  const gap = gaps.length === 0 ? "–" : `${(100 * median(gaps)).toFixed(1)}%`;
  const optimal = row.successProbability === null ? "–" : `${Math.round(100 * row.successProbability)}%`;
  return `| ${row.instance} | ${runs[0]?.nVariables ?? "?"} | ${row.solver} | ${row.mode} | ${value} | ${gap} | ${feasible}/${runs.length} | ${optimal} | ${solveMs.length === 0 ? "–" : median(solveMs).toFixed(0)} |`;
}

function fmt(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}
