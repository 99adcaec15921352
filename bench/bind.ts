// Data binding throughput: bind a TSP-style model's n×n distance matrix and a tuple list of 10·n
// edges (every entry type-checked, every edge's indices bounds-checked against the variables).
// Run: npx tsx bench/bind.ts [--sizes 250,1000,2000] [--runs 5]
import { parseArgs } from "node:util";
import { check } from "../src/lang/check.js";
import { bind } from "../src/model/bind.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "250,1000,2000" }, runs: { type: "string", default: "5" } } });
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);

const SOURCE = `problem tsp {
  param n: int
  param dist: real[n][n]
  param edges: (int, int, real)[]
  var x: binary[n][n]
  minimize sum(i in 0..n-1, j in 0..n-1) dist[i][j] * x[i][j] + sum((u, v, w) in edges) w * x[u][v]
}
`;
const checked = check(SOURCE, { file: "tsp.qp" });
if (checked.diagnostics.some((d) => d.severity === "error")) throw new Error("internal: benchmark model does not check");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log("| n | matrix entries | edges | bind wall median (ms) | bind CPU median (ms) | ns/entry (CPU) |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const n of sizes) {
  const dist = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.abs(i - j) + 0.5));
  const edges = Array.from({ length: 10 * n }, (_, k) => [k % n, (k * 7) % n, 1.5]);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = bind(checked.ast, "tsp", { n, dist, edges });
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
    if (result.diagnostics.length > 0) throw new Error(`internal: ${result.diagnostics[0].message}`);
  }
  const entries = n * n + 30 * n;
  console.log(`| ${n} | ${n * n} | ${10 * n} | ${median(wall).toFixed(1)} | ${median(cpu).toFixed(1)} | ${((median(cpu) * 1e6) / entries).toFixed(1)} |`);
}
