// Classical solver benchmarks on the public QUBO and max-cut sets (BENCHMARKS.md, "Classical solvers").
//
//   npx tsx bench/solvers-qubo.ts qubo [--budget-ms 1000] [--seeds 10] [--solvers sa,tabu]
//       bqp50, bqp100 and gka a–d: per instance and solver, how many of the seeds reach the
//       best-known value within the budget (runs stop at the target), and the time to target
//   npx tsx bench/solvers-qubo.ts rate [--runs 5]
//       SA ns per spin-flip attempt on G1 and bqp100.1, and SA time-to-target on both
//   npx tsx bench/solvers-qubo.ts gset [--budget-ms 10000] [--seeds 10] [--graphs G1-G21] [--solvers sa,tabu]
//       best and mean cut over the seeds at a fixed wall-clock budget, gap to the best-known cut
//
// Data are read from ../shared/data (never copied into the repository). Budgets are wall-clock, so
// on a shared machine the work done per budget varies; every table records the load average.
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { readProblemFile } from "../src/io/index.js";
import type { QuboProblem } from "../src/io/index.js";
import { getSampler, simulatedAnnealing } from "../src/solve/index.js";

const DATA = new URL("../../shared/data/", import.meta.url);

interface Instance {
  readonly group: string;
  readonly name: string;
  readonly bestKnown: number;
  load(): Promise<QuboProblem>;
}

function bestKnown(path: string): Record<string, { best_known: number; file: string; index_in_file?: number }> {
  const raw = JSON.parse(readFileSync(new URL(path, DATA), "utf8")) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith("_"))) as ReturnType<typeof bestKnown>;
}

function quboInstances(): Instance[] {
  const instances: Instance[] = [];
  for (const [name, entry] of Object.entries(bestKnown("qubo/beasley/best_known.json"))) {
    const file = new URL(`qubo/beasley/${entry.file}`, DATA).pathname;
    instances.push({ group: name.split(".")[0], name, bestKnown: entry.best_known, load: () => readProblemFile(file, { format: "beasley", instance: entry.index_in_file }) });
  }
  for (const [name, entry] of Object.entries(bestKnown("qubo/gka/best_known.json"))) {
    const file = new URL(`qubo/gka/${entry.file}`, DATA).pathname;
    instances.push({ group: `gka ${name.slice(-1)}`, name, bestKnown: entry.best_known, load: () => readProblemFile(file, { sense: "max" }) });
  }
  return instances;
}

function gsetInstances(selection: string): Instance[] {
  const [from, to] = selection.replace(/G/g, "").split("-").map(Number);
  return Object.entries(bestKnown("maxcut/gset/best_known.json"))
    .map(([name, entry]) => ({ name, entry, k: Number(name.slice(1)) }))
    .filter(({ k }) => k >= from && k <= (to ?? from))
    .sort((a, b) => a.k - b.k)
    .map(({ name, entry }) => ({ group: "gset", name, bestKnown: entry.best_known, load: () => readProblemFile(new URL(`maxcut/gset/${entry.file}`, DATA).pathname) }));
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value: number): string => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(2) : value.toFixed(0));
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" / ");

/** Runs until the best-known value (as a target energy) or the budget; reads unbounded. */
async function runToTarget(solver: string, problem: QuboProblem, target: number, seed: number, budgetMs: number) {
  const set = await getSampler(solver).sample(problem, { seed, reads: 1e9, timeLimitMs: budgetMs, targetEnergy: -target });
  const best = set.bestFeasible!.objective;
  if (best > target) throw new Error(`${solver} beat the best-known value ${target} with ${best}: check the sense conventions`);
  return { hit: best === target, best, solveMs: set.timing.solveMs };
}

async function quboSuite(budgetMs: number, nSeeds: number, solvers: readonly string[]): Promise<void> {
  const instances = quboInstances();
  console.log(`load average at start: ${load()}`);
  const rows = new Map<string, { instances: number; all9: number; hits: number; runs: number; ttt: number[]; misses: string[] }>();
  for (const instance of instances) {
    const problem = await instance.load();
    for (const solver of solvers) {
      let hits = 0;
      const ttt: number[] = [];
      for (let seed = 0; seed < nSeeds; seed++) {
        const run = await runToTarget(solver, problem, instance.bestKnown, seed, budgetMs);
        if (run.hit) {
          hits++;
          ttt.push(run.solveMs);
        }
      }
      const key = `${instance.group}|${solver}`;
      const row = rows.get(key) ?? { instances: 0, all9: 0, hits: 0, runs: 0, ttt: [], misses: [] };
      row.instances++;
      row.hits += hits;
      row.runs += nSeeds;
      row.ttt.push(...ttt);
      if (hits >= Math.ceil(0.9 * nSeeds)) row.all9++;
      else row.misses.push(`${instance.name} ${hits}/${nSeeds}`);
      rows.set(key, row);
      process.stderr.write(`${instance.name} ${solver} ${hits}/${nSeeds} median ttt ${ms(median(ttt))} ms\n`);
    }
  }
  console.log(`\n| set | solver | instances with ≥ 9/10 seeds at best-known | runs at best-known | median / max time to target (ms) | below 9/10 |`);
  console.log(`| --- | --- | --- | --- | --- | --- |`);
  for (const [key, row] of rows) {
    const [group, solver] = key.split("|");
    console.log(`| ${group} | ${solver} | ${row.all9}/${row.instances} | ${row.hits}/${row.runs} | ${ms(median(row.ttt))} / ${ms(Math.max(...row.ttt))} | ${row.misses.join(", ") || "–"} |`);
  }
  console.log(`\nload average at end: ${load()}`);
}

/** CPU milliseconds this process spends in `work` (user + system): steadier than wall time on a shared machine. */
async function cpuMs<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1000];
}

async function rateSuite(nRuns: number): Promise<void> {
  const targets = [...gsetInstances("G1"), ...quboInstances().filter((i) => i.name === "bqp100.1")];
  console.log(`load average at start: ${load()}`);
  console.log(`\n| instance | n | couplings | SA ns per flip attempt: CPU, median (min) of ${nRuns} | wall, median | CPU time to best-known, median of 10 seeds (hits) | CPU time to 99.7% of best-known (hits) |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
  for (const instance of targets) {
    const problem = await instance.load();
    const n = problem.qubo.linear.length;
    const cpuRates: number[] = [];
    const wallRates: number[] = [];
    for (let run = 0; run < nRuns; run++) {
      const reads = 5;
      const sweeps = 1000;
      const [set, cpu] = await cpuMs(() => simulatedAnnealing.sample(problem, { seed: run, reads, sweeps }));
      // CPU time covers encode and decode too (a few ms against seconds of annealing).
      cpuRates.push((cpu * 1e6) / (reads * sweeps * n));
      wallRates.push((set.timing.solveMs * 1e6) / (reads * sweeps * n));
    }
    const cells: string[] = [];
    for (const fraction of [1, 0.997]) {
      const target = Math.ceil(fraction * instance.bestKnown);
      const ttt: number[] = [];
      for (let seed = 0; seed < 10; seed++) {
        const [set, cpu] = await cpuMs(() => simulatedAnnealing.sample(problem, { seed, reads: 1e9, timeLimitMs: 10_000, targetEnergy: -target }));
        if (set.bestFeasible!.objective >= target) ttt.push(cpu);
      }
      cells.push(`${ms(median(ttt))} ms (${ttt.length}/10)`);
    }
    console.log(`| ${instance.name} | ${n} | ${problem.qubo.values.length} | ${median(cpuRates).toFixed(0)} (${Math.min(...cpuRates).toFixed(0)}) | ${median(wallRates).toFixed(0)} | ${cells.join(" | ")} |`);
  }
  console.log(`\nload average at end: ${load()}`);
}

async function gsetSuite(budgetMs: number, nSeeds: number, graphs: string, solvers: readonly string[]): Promise<void> {
  console.log(`load average at start: ${load()}`);
  console.log(`\n| graph | best-known | ${solvers.map((s) => `${s} best / mean cut | ${s} gap best / mean`).join(" | ")} |`);
  console.log(`| --- | --- | ${solvers.map(() => "--- | ---").join(" | ")} |`);
  for (const instance of gsetInstances(graphs)) {
    const problem = await instance.load();
    const cells: string[] = [];
    for (const solver of solvers) {
      const cuts: number[] = [];
      for (let seed = 0; seed < nSeeds; seed++) {
        const set = await getSampler(solver).sample(problem, { seed, reads: 1e9, timeLimitMs: budgetMs, targetEnergy: -instance.bestKnown });
        cuts.push(set.bestFeasible!.objective);
      }
      const best = Math.max(...cuts);
      const mean = cuts.reduce((a, b) => a + b, 0) / cuts.length;
      const gap = (cut: number): string => `${((100 * (instance.bestKnown - cut)) / instance.bestKnown).toFixed(2)}%`;
      cells.push(`${best} / ${mean.toFixed(1)}`, `${gap(best)} / ${gap(mean)}`);
      process.stderr.write(`${instance.name} ${solver} best ${best} mean ${mean.toFixed(1)}\n`);
    }
    console.log(`| ${instance.name} | ${instance.bestKnown} | ${cells.join(" | ")} |`);
  }
  console.log(`\nload average at end: ${load()}`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    "budget-ms": { type: "string" },
    seeds: { type: "string", default: "10" },
    runs: { type: "string", default: "5" },
    graphs: { type: "string", default: "G1-G21" },
    solvers: { type: "string", default: "sa,tabu" },
  },
});
if (!existsSync(DATA)) {
  console.log("skipped: the public benchmark data (../shared/data) is not present");
} else {
  const suite = positionals[0];
  const solvers = values.solvers.split(",");
  const seeds = Number(values.seeds);
  if (suite === "qubo") await quboSuite(Number(values["budget-ms"] ?? 1000), seeds, solvers);
  else if (suite === "rate") await rateSuite(Number(values.runs));
  else if (suite === "gset") await gsetSuite(Number(values["budget-ms"] ?? 10_000), seeds, values.graphs, solvers);
  else console.error("usage: npx tsx bench/solvers-qubo.ts qubo|rate|gset [options] (see the file header)");
}
