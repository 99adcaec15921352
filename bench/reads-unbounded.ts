// Memory of `reads: Infinity`: a sampler restarting until its budget is spent pushes millions of
// reads on a small problem; the ReadBuffer merges identical reads as they arrive, so memory follows
// the distinct assignments (at most 2ⁿ), not the reads. Reports reads, distinct samples, wall and
// CPU time and the process's peak resident set (each solver in its own process, so peaks do not mix).
// Run: npx tsx bench/reads-unbounded.ts [--solver random|greedy] [--n 20] [--seconds 10]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { getSampler } from "../src/solve/registry.js";
import { randomQubo } from "../test/solve/problems.js";

const { values } = parseArgs({
  options: { solver: { type: "string", default: "random" }, n: { type: "string", default: "20" }, seconds: { type: "string", default: "10" } },
});
const n = Number(values.n);
const qubo = randomQubo(n, 1, 0.5);
const before = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const started = performance.now();
const set = await getSampler(values.solver).sample(qubo, { reads: Infinity, timeLimitMs: Number(values.seconds) * 1000, seed: 1 });
const wallMs = performance.now() - started;
const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    solver: values.solver,
    n,
    readsPushed: set.nReads + Number(set.info.readsNotKept ?? 0),
    readsKept: set.nReads,
    readsNotKept: set.info.readsNotKept ?? 0,
    distinctKept: set.samples.length,
    evaluations: set.info.evaluations,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    rssBeforeMiB: Math.round(before / 2 ** 20),
    peakRssMiB: Math.round(peakMiB),
    load: loadavg().map((l) => l.toFixed(1)),
  }),
);
