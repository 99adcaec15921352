// Exhaustive QUBO search: wall time of solveExact for n = 20 … 30 on dense random QUBOs, next to a
// textbook Gray-code enumeration (one local-field update per neighbour per flip) timed in the same
// process. Run: npx tsx bench/exact.ts [--sizes 20,24,28,30] [--runs 3]
import { parseArgs } from "node:util";
import { type Qubo, quboAdjacency, quboFromTerms } from "../src/compile/qubo.js";
import { solveExact } from "../src/solve/exact.js";
import { createRng } from "../src/util/rng.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "20,24,28,30" }, runs: { type: "string", default: "3" } } });
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
  const { start, neighbors, weights } = quboAdjacency(qubo);
  const field = Float64Array.from(qubo.linear);
  const x = new Uint8Array(n);
  let e = qubo.offset;
  let best = e;
  const nStates = 2 ** n;
  for (let t = 1; t < nStates; t++) {
    const b = t % 4294967296 === 0 ? 32 + (31 - Math.clz32((t / 4294967296) & -(t / 4294967296))) : 31 - Math.clz32(t & -t);
    const sign = x[b] === 1 ? -1 : 1;
    e += sign * field[b];
    x[b] ^= 1;
    for (let k = start[b]; k < start[b + 1]; k++) field[neighbors[k]] += sign * weights[k];
    if (e < best) best = e;
  }
  return best;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log("| n | states | solveExact median (s) | textbook Gray median (s) | speed-up | min energy |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const n of sizes) {
  const qubo = denseQubo(n);
  const exactS: number[] = [];
  const baseS: number[] = [];
  let min = NaN;
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const solution = solveExact(qubo);
    exactS.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    const baseline = grayBaseline(qubo);
    baseS.push((performance.now() - t0) / 1000);
    if (baseline !== solution.minEnergy) throw new Error(`baseline ${baseline} disagrees with solveExact ${solution.minEnergy}`);
    min = solution.minEnergy;
  }
  const a = median(exactS);
  const b = median(baseS);
  console.log(`| ${n} | 2^${n} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(b / a).toFixed(1)}× | ${min} |`);
}
