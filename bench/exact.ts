// Exhaustive QUBO search: wall time of solveExact for n = 20 … 30 on dense random QUBOs, next to a
// textbook Gray-code enumeration (one local-field update per neighbour per flip) timed in the same
// process (up to --baseline-max variables; beyond, it takes minutes).
// Run: npx tsx bench/exact.ts [--sizes 20,24,28,30] [--runs 3] [--baseline-max 26]
import { parseArgs } from "node:util";
import { type Qubo, quboAdjacency, quboFromTerms } from "../src/compile/qubo.js";
import { solveExact } from "../src/solve/exact.js";
import { createRng } from "../src/util/rng.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "20,24,28,30" }, runs: { type: "string", default: "3" }, "baseline-max": { type: "string", default: "26" } } });
const baselineMax = Number(values["baseline-max"]);
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);

/** Fully dense QUBO with integer coefficients in −50..50, seeded by n. */
function denseQubo(n: number): Qubo {
  const rng = createRng(`exact-bench-${n}`);
  const terms: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) terms.push([i, j, rng.int(101) - 50]);
  return quboFromTerms(Array.from({ length: n }, (_, i) => `x[${i}]`), terms);
}

// The textbook baseline: Gray code over all n bits, O(degree) field updates per flip.
function grayBaseline(qubo: Qubo): number {
  const n = qubo.linear.length;
  if (n > 31) throw new RangeError(`the baseline enumerates at most 31 variables, got ${n}`);
  const { start, neighbors, weights } = quboAdjacency(qubo);
  const field = Float64Array.from(qubo.linear);
  const x = new Uint8Array(n);
  let e = qubo.offset;
  let best = e;
  const nStates = 2 ** n;
  for (let t = 1; t < nStates; t++) {
    const b = 31 - Math.clz32(t & -t);
    const sign = x[b] === 1 ? -1 : 1;
    e += sign * field[b];
    x[b] ^= 1;
    for (let k = start[b]; k < start[b + 1]; k++) field[neighbors[k]] += sign * weights[k];
    if (e < best) best = e;
  }
  return best;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Wall time on a shared machine depends on what else runs; CPU time of this process much less so.
function timed<T>(run: () => T): { value: T; wallS: number; cpuS: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

console.log("| n | states | solveExact wall (s) | solveExact CPU (s) | ns/state (CPU) | textbook Gray CPU (s) | speed-up (CPU) | min energy |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const n of sizes) {
  const qubo = denseQubo(n);
  const exactWall: number[] = [];
  const exactCpu: number[] = [];
  const baseCpu: number[] = [];
  let min = NaN;
  for (let r = 0; r < runs; r++) {
    const exact = timed(() => solveExact(qubo));
    exactWall.push(exact.wallS);
    exactCpu.push(exact.cpuS);
    min = exact.value.minEnergy;
    if (n > baselineMax) continue;
    const baseline = timed(() => grayBaseline(qubo));
    baseCpu.push(baseline.cpuS);
    if (baseline.value !== min) throw new Error(`baseline ${baseline.value} disagrees with solveExact ${min}`);
  }
  const cpu = median(exactCpu);
  const b = baseCpu.length > 0 ? median(baseCpu) : undefined;
  const baseText = b === undefined ? "—" : b.toFixed(3);
  const ratio = b === undefined ? "—" : `${(b / cpu).toFixed(1)}×`;
  const nsPerState = ((cpu * 1e9) / 2 ** n).toFixed(2);
  console.log(`| ${n} | 2^${n} | ${median(exactWall).toFixed(3)} | ${cpu.toFixed(3)} | ${nsPerState} | ${baseText} | ${ratio} | ${min} |`);
}
