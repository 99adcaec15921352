// MILP routes on DSL knapsacks: HiGHS on the model's own MILP (capacity as one row) against HiGHS on
// the linearised penalised QUBO (capacity as a squared penalty with slack bits), in the same process.
// The QUBO route (the model with its native MILP taken away) runs under a time limit; it is reported as proven optimal or not, with its energy.
// Run: npx tsx bench/milp-native.ts [--sizes 12,30,60] [--runs 5] [--qubo-limit-s 60]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { compileSource } from "../src/compile/index.js";
import { compiledProblem, milpSolver, type SampleSet } from "../src/solve/index.js";
import { randomKnapsack } from "./knapsack-data.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "12,30,60" }, runs: { type: "string", default: "5" }, "qubo-limit-s": { type: "string", default: "60" } } });
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
const quboLimitMs = Number(values["qubo-limit-s"]) * 1000;
const source = readFileSync(new URL("../grammar/examples/knapsack.qp", import.meta.url), "utf8");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => Promise<SampleSet>): Promise<{ set: SampleSet; wallS: number; cpuS: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const set = await run();
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { set, wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(", ")}`);
console.log("| items | QUBO bits | native wall (s) | native CPU (s) | native value | QUBO-route wall (s) | QUBO-route CPU (s) | QUBO-route proven | QUBO-route value | wall ratio |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const n of sizes) {
  const compiled = compileSource(source, { data: randomKnapsack(n, 7) }).compiled!;
  await milpSolver.sample(compiled); // loads HiGHS once, outside the timings
  // the same model without its native MILP: milp then solves the penalised QUBO's linearisation
  const { nativeLp: _native, ...quboOnly } = compiledProblem(compiled);
  const native: Awaited<ReturnType<typeof timed>>[] = [];
  for (let r = 0; r < runs; r++) native.push(await timed(() => milpSolver.sample(compiled, { seed: r })));
  // One QUBO-route run per size when it hits its limit: more would only repeat the limit.
  const qubo: Awaited<ReturnType<typeof timed>>[] = [];
  for (let r = 0; r < runs; r++) {
    const run = await timed(() => milpSolver.sample(quboOnly, { seed: r, timeLimitMs: quboLimitMs }));
    qubo.push(run);
    if (run.set.info.optimal !== true) break;
  }
  const nativeBest = native[0]!.set.bestFeasible;
  const quboBest = qubo[0]!.set.bestFeasible;
  const nativeWall = median(native.map((t) => t.wallS));
  const quboWall = median(qubo.map((t) => t.wallS));
  const proven = qubo.every((t) => t.set.info.optimal === true);
  console.log(
    `| ${n} | ${compiled.nBits} | ${nativeWall.toFixed(3)} | ${median(native.map((t) => t.cpuS)).toFixed(3)} | ${nativeBest?.objective ?? "none"}${native.every((t) => t.set.info.optimal === true) ? " (proven)" : ""} | ` +
      `${quboWall.toFixed(2)}${proven ? "" : ` (limit ${quboLimitMs / 1000} s)`} | ${median(qubo.map((t) => t.cpuS)).toFixed(2)} | ${proven ? "yes" : `no (${qubo.length} run)`} | ${quboBest?.objective ?? "no feasible"} | ${(quboWall / nativeWall).toFixed(0)}× |`,
  );
}
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(", ")}`);
