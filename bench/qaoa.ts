// QAOA benchmarks (BENCHMARKS.md, "Variational loop (QAOA / VQE)").
//
//   npx tsx bench/qaoa.ts timing [--sizes 12,14,16,18,20,22] [--depths 1,2,3,4,5] [--runs 5]
//       per n and p: median time of one QAOA energy evaluation and of one adjoint gradient on the
//       fast path, and (n ≤ 18) of one energy evaluation through the circuit IR on the general
//       simulator, timed in the same process; plus the one-off energy table per n
//   npx tsx bench/qaoa.ts ratio [--sizes 10,12,14] [--graphs 3] [--depth 5] [--evaluations 400]
//       random 3-regular max-cut: approximation ratio ⟨cut⟩/max-cut and P(optimal cut) per p of an
//       INTERP + L-BFGS run, with the optimum from the exact solver and tabu's best, same run
//
// Times are process CPU time (user + system) of single-threaded runs: on the shared machine wall
// time mostly measures the other jobs. Each table records the load average.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { qaoaCircuitFromLayout, qaoaLayout } from "../src/compile/ansatz/index.js";
import { quboToIsing } from "../src/compile/ising.js";
import type { Qubo } from "../src/compile/qubo.js";
import { maxCutQubo } from "../src/io/graph.js";
import { expectation } from "../src/sim/observable.js";
import { compilePlan } from "../src/sim/plan.js";
import { simulate } from "../src/sim/simulate.js";
import { quboEnergies } from "../src/sim/energies.js";
import { solveExact } from "../src/solve/exact.js";
import { tabuSearch } from "../src/solve/tabu-search.js";
import { linearRamp, QaoaEvaluator, runQaoa } from "../src/solve/variational/index.js";
import { createRng } from "../src/util/rng.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: "string" },
    depths: { type: "string" },
    runs: { type: "string", default: "5" },
    graphs: { type: "string", default: "3" },
    depth: { type: "string", default: "5" },
    evaluations: { type: "string", default: "400" },
  },
});
const list = (text: string | undefined, fallback: number[]): number[] => (text === undefined ? fallback : text.split(",").map(Number));

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median CPU ms of `body` over `runs` runs (after one warm-up). */
function time(runs: number, body: () => void): number {
  body();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = cpuMs();
    body();
    samples.push(cpuMs() - start);
  }
  return median(samples);
}

/** A random 3-regular simple graph by seeded pairing with rejection (n even). */
function random3Regular(n: number, seed: number): [number, number][] {
  const rng = createRng(`bench-3-regular/${n}/${seed}`);
  for (;;) {
    const stubs = Array.from({ length: 3 * n }, (_, k) => Math.floor(k / 3));
    for (let k = stubs.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [stubs[k], stubs[j]] = [stubs[j]!, stubs[k]!];
    }
    const seen = new Set<number>();
    const edges: [number, number][] = [];
    for (let k = 0; k < stubs.length; k += 2) {
      const a = Math.min(stubs[k]!, stubs[k + 1]!);
      const b = Math.max(stubs[k]!, stubs[k + 1]!);
      if (a === b || seen.has(a * n + b)) break;
      seen.add(a * n + b);
      edges.push([a, b]);
    }
    if (edges.length === (3 * n) / 2) return edges;
  }
}

function maxCut(n: number, edges: [number, number][]) {
  return maxCutQubo({ nNodes: n, from: Int32Array.from(edges, (e) => e[0]), to: Int32Array.from(edges, (e) => e[1]), weight: new Float64Array(edges.length).fill(1) });
}

function timing(): void {
  const sizes = list(values.sizes, [12, 14, 16, 18, 20, 22]);
  const depths = list(values.depths, [1, 2, 3, 4, 5]);
  const runs = Number(values.runs);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(", ")}`);
  console.log("| n | energy table (ms, once) | p | energy eval (ms) | adjoint gradient (ms) | gradient / eval | circuit-IR eval (ms) | IR / fast |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const n of sizes) {
    const qubo: Qubo = maxCut(n, random3Regular(n, 1)).qubo;
    let energies: Float64Array = new Float64Array(0);
    const tableMs = time(Math.min(runs, 3), () => {
      energies = quboEnergies(qubo);
    });
    for (const p of depths) {
      const evaluator = new QaoaEvaluator(qaoaLayout(quboToIsing(qubo), { p }), energies);
      const theta = linearRamp(evaluator.layout, 0.75);
      const gradient = new Float64Array(theta.length);
      const evalMs = time(runs, () => void evaluator.value(theta));
      const gradMs = time(runs, () => void evaluator.valueAndGradient(theta, gradient));
      let irMs = NaN;
      if (n <= 18) {
        const plan = compilePlan(qaoaCircuitFromLayout(evaluator.layout));
        const observable = { kind: "diagonal" as const, values: energies };
        irMs = time(runs, () => void expectation(simulate(plan, { parameters: theta, threads: 1 }).state, observable));
      }
      const cells = [n, p === depths[0] ? tableMs.toFixed(1) : "", p, evalMs.toFixed(2), gradMs.toFixed(2), (gradMs / evalMs).toFixed(2), Number.isNaN(irMs) ? "—" : irMs.toFixed(2), Number.isNaN(irMs) ? "—" : (irMs / evalMs).toFixed(1)];
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(1)).join(", ")}`);
}

async function ratio(): Promise<void> {
  const sizes = list(values.sizes, [10, 12, 14]);
  const nGraphs = Number(values.graphs);
  const depth = Number(values.depth);
  const maxEvaluations = Number(values.evaluations);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(", ")}`);
  const header = Array.from({ length: depth }, (_, k) => `p=${k + 1}`);
  console.log(`| n | graph | max cut (exact) | tabu best | ${header.map((h) => `${h} ratio / P(opt)`).join(" | ")} | evaluations | CPU s |`);
  console.log(`| --- | --- | --- | --- | ${header.map(() => "---").join(" | ")} | --- | --- |`);
  const perDepth: number[][] = Array.from({ length: depth }, () => []);
  for (const n of sizes) {
    for (let g = 1; g <= nGraphs; g++) {
      const problem = maxCut(n, random3Regular(n, g));
      const exact = solveExact(problem.qubo).minEnergy;
      const tabu = await tabuSearch.sample(problem, { seed: g, reads: 10 });
      const energies = quboEnergies(problem.qubo);
      const start = cpuMs();
      const cells: string[] = [];
      let spent = 0;
      // One INTERP run to depth p per p, so that each p gets the full budget and its own optimum.
      for (let p = 1; p <= depth; p++) {
        const run = runQaoa(problem.qubo, { p, initialisation: "interp", optimizer: "lbfgs", maxEvaluations, rng: createRng(g) }, energies);
        const state = run.evaluator.state(run.angles);
        let pOpt = 0;
        for (let z = 0; z < energies.length; z++) if (energies[z] === exact) pOpt += state.re[z]! ** 2 + state.im[z]! ** 2;
        const r = run.evaluator.meanEnergy(run.angles) / exact;
        perDepth[p - 1]!.push(r);
        cells.push(`${r.toFixed(4)} / ${pOpt.toFixed(3)}`);
        spent += run.nEvaluations;
      }
      console.log(`| ${n} | ${g} | ${-exact} | ${-tabu.samples[0]!.energy} | ${cells.join(" | ")} | ${spent} | ${((cpuMs() - start) / 1000).toFixed(1)} |`);
    }
  }
  console.log(`mean ratio per p: ${perDepth.map((rs, k) => `p=${k + 1}: ${(rs.reduce((a, b) => a + b, 0) / rs.length).toFixed(4)} (min ${Math.min(...rs).toFixed(4)})`).join("; ")}`);
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(1)).join(", ")}`);
}

const mode = positionals[0] ?? "timing";
if (mode === "timing") timing();
else if (mode === "ratio") await ratio();
else {
  console.error(`unknown mode '${mode}'; use timing or ratio`);
  process.exitCode = 2;
}
