// Wall time of a mode-quantum solve that falls back, against its time limit T: QAOA (p = 1) on a
// random 5-variable QUBO in front of a device that never answers (the attempt runs out its time),
// one that fails after 0.3·T, and a problem QAOA refuses (30 variables, no attempt). The fallback is
// tabu restarting until its time is spent (as the benchmark harness runs it), so the wall time shows
// the share it was given. Reports medians of --runs runs per case, wall / T, the fallback's time
// limit (its manifest's), process CPU time and the load average.
// Run: npx tsx bench/fallback-time.ts [--limits 500,2000] [--runs 5]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { median } from "../src/bench/statistics.js";
import { type Backend, BackendError, type SampleSet, solve } from "../src/solve/index.js";
import { randomQubo } from "../test/solve/problems.js";
import { hanging, scripted, slow } from "../test/solve/test-backends.js";

const { values } = parseArgs({ options: { limits: { type: "string", default: "500,2000" }, runs: { type: "string", default: "5" } } });
const limits = values.limits.split(",").map(Number);
const runs = Number(values.runs);

interface Case {
  readonly name: string;
  readonly variables: number;
  readonly backend?: (limitMs: number) => Backend;
}
const cases: readonly Case[] = [
  { name: "device never answers", variables: 5, backend: () => hanging() },
  { name: "device fails at 0.3·T", variables: 5, backend: (limitMs) => slow(0.3 * limitMs, scripted([new BackendError("device offline", false)])) },
  { name: "refused (30 qubits)", variables: 30 },
];

for (const limitMs of limits) {
  for (const c of cases) {
    const walls: number[] = [];
    const given: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < runs; run++) {
      const parameters = { p: 1, maxEvaluations: 5, ...(c.backend ? { backend: c.backend(limitMs), backendTimeoutMs: 60_000, backendRetries: 0 } : {}) };
      const cpu = process.cpuUsage();
      const started = performance.now();
      const set: SampleSet = await solve(randomQubo(c.variables, run), {
        mode: "quantum",
        seed: run,
        reads: 50,
        timeLimitMs: limitMs,
        parameters,
        fallback: { solver: "tabu", reads: Infinity },
      });
      walls.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      if (set.fallback === null) throw new Error(`${c.name}: expected a fallback`);
      given.push(set.manifest.timeLimitMs ?? NaN);
    }
    const wall = median(walls);
    console.log(
      JSON.stringify({
        limitMs,
        case: c.name,
        medianWallMs: Math.round(wall),
        wallOverLimit: Number((wall / limitMs).toFixed(2)),
        wallRangeMs: [Math.round(Math.min(...walls)), Math.round(Math.max(...walls))],
        medianFallbackLimitMs: median(given),
        medianCpuMs: Math.round(median(cpus)),
        load: loadavg().map((l) => l.toFixed(1)),
      }),
    );
  }
}
