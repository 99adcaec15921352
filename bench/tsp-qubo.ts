// TSP → QUBO build time and peak memory, from the DSL and from the TypeScript modelling API.
//
// Model (as in arXiv 2307.02577, the PyQUBO / ToQUBO.jl / dimod comparison): n cities, n² binaries
// x[i][t] (city i at tour position t), one-hot rows and columns as equality constraints, the tour
// length as objective. Each measured run is a fresh child process: its first build is the cold
// figure (one CLI call) and its maxRSS the peak; a third build in the same process is the warm
// figure (a rebuild in a notebook), compared with hand-written terms timed in the same process.
//
//   npx tsx bench/tsp-qubo.ts                 # n = 50 (2,500 vars) ×5 runs, n = 100 (10,000 vars) ×3
//   npx tsx bench/tsp-qubo.ts --runs 3        # fewer runs
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compileSource } from "../src/compile/from-source.js";
import { compile } from "../src/compile/compile.js";
import { quboFromTerms } from "../src/compile/qubo.js";
import { Model, range, sum } from "../src/model/index.js";
import { createRng } from "../src/util/rng.js";

export const TSP_SOURCE = `problem tsp {
  param n: int
  param d: real[n][n]
  var x: binary[n][n]
  minimize sum(i in 0..n-1, j in 0..n-1, t in 0..n-2 where i != j) d[i][j] * x[i][t] * x[j][t+1] +
           sum(i in 0..n-1, j in 0..n-1 where i != j) d[i][j] * x[i][n-1] * x[j][0]
  constraint city[i in 0..n-1]: sum(t in 0..n-1) x[i][t] == 1
  constraint slot[t in 0..n-1]: sum(i in 0..n-1) x[i][t] == 1
}
`;

/** Euclidean distances between n seeded random points in the unit square. */
export function distances(n: number, seed = 1): number[][] {
  const rng = createRng(seed);
  const points = Array.from({ length: n }, () => [rng.nextDouble(), rng.nextDouble()]);
  return points.map(([ax, ay]) => points.map(([bx, by]) => Math.hypot(ax - bx, ay - by)));
}

interface Measured {
  readonly nVariables: number;
  readonly nCouplings: number;
  readonly phasesMs: Record<string, number>;
  readonly wallMs: number;
  /** User + system CPU time of the process (all threads): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
}

interface ChildRecord {
  readonly path: "dsl" | "api";
  readonly n: number;
  /** The first build in a fresh process (what one CLI call pays, JIT warm-up included). */
  readonly cold: Measured;
  /** Peak resident memory of the process after the cold build. */
  readonly maxRssMiB: number;
  /** Peak resident memory before building: Node, the TypeScript loader and qpipe's modules. */
  readonly importRssMiB: number;
  /** The third build in the same process (what a notebook pays for a rebuild). */
  readonly warm: Measured;
  /** Hand-written terms into quboFromTerms, CPU ms, second of two runs in the same process. */
  readonly handWarmCpuMs: number;
}

function measure(build: () => { phasesMs: Record<string, number>; nVariables: number; nCouplings: number }): Measured {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = build();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(c0);
  return { ...result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function buildDsl(n: number, d: number[][]) {
  const result = compileSource(TSP_SOURCE, { data: { n, d } });
  if (!result.compiled) throw new Error(`the TSP model did not compile: ${JSON.stringify(result.diagnostics)}`);
  const t1 = performance.now();
  const qubo = result.compiled.qubo();
  const { checkMs, bindMs, groundMs, compileMs } = result.timings;
  return {
    phasesMs: { check: checkMs, bind: bindMs, ground: groundMs, compile: compileMs, qubo: performance.now() - t1 },
    nVariables: qubo.linear.length,
    nCouplings: qubo.values.length,
  };
}

function buildApi(n: number, d: number[][]) {
  const t0 = performance.now();
  const m = new Model("tsp");
  const x = m.binary("x", [n, n]);
  const next = (t: number) => (t + 1) % n;
  m.minimize(
    sum(range(0, n - 1), (t) =>
      sum(range(0, n - 1), (i) => sum(range(0, n - 1), (j) => (i === j ? 0 : x.at(i, t).times(x.at(j, next(t))).times(d[i][j])))),
    ),
  );
  for (const i of range(0, n - 1)) m.constraint("city", sum(range(0, n - 1), (t) => x.at(i, t)), "==", 1, { index: [i] });
  for (const t of range(0, n - 1)) m.constraint("slot", sum(range(0, n - 1), (i) => x.at(i, t)), "==", 1, { index: [t] });
  const t1 = performance.now();
  const compiled = compile(m);
  const t2 = performance.now();
  const qubo = compiled.qubo();
  const t3 = performance.now();
  return { phasesMs: { model: t1 - t0, compile: t2 - t1, qubo: t3 - t2 }, nVariables: qubo.linear.length, nCouplings: qubo.values.length };
}

function runChild(path: "dsl" | "api", n: number): ChildRecord {
  const d = distances(n);
  const build = () => (path === "dsl" ? buildDsl(n, d) : buildApi(n, d));
  const importRssMiB = process.resourceUsage().maxRSS / 1024;
  const cold = measure(build);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  measure(build);
  const warm = measure(build);
  handWrittenCpuMs(n, d);
  return { path, n, cold, maxRssMiB, importRssMiB, warm, handWarmCpuMs: handWrittenCpuMs(n, d) };
}

/**
 * The baseline: the same QUBO written by hand as (i, j, value) terms — tour edges, then
 * P·(Σ x − 1)² for every row and column — merged by the shared `quboFromTerms`. CPU ms.
 */
function handWrittenCpuMs(n: number, d: number[][]): number {
  const P = 2 * n;
  const id = (i: number, t: number) => i * n + t;
  const c0 = process.cpuUsage();
  function* terms(): Generator<[number, number, number]> {
    for (let t = 0; t < n; t++) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) yield [id(i, t), id(j, (t + 1) % n), d[i][j]];
    }
    for (let a = 0; a < n; a++) {
      for (let p = 0; p < n; p++) {
        yield [id(a, p), id(a, p), -2 * P]; // row a and column a each give −P per bit
        for (let q = p + 1; q < n; q++) {
          yield [id(a, p), id(a, q), 2 * P];
          yield [id(p, a), id(q, a), 2 * P];
        }
      }
    }
  }
  const names = Array.from({ length: n * n }, (_, k) => `x[${Math.floor(k / n)}][${k % n}]`);
  const qubo = quboFromTerms(names, terms(), 2 * n * P);
  if (qubo.linear.length !== n * n) throw new Error("internal: baseline size");
  const used = process.cpuUsage(c0);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function child(path: string, n: number): ChildRecord {
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ["--import", "tsx", script, "--child", path, String(n)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`child run failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop()!) as ChildRecord;
}

function main(argv: string[]): void {
  if (argv[0] === "--child") {
    console.log(JSON.stringify(runChild(argv[1] as "dsl" | "api", Number(argv[2]))));
    return;
  }
  const runsAt = (n: number) => (argv[0] === "--runs" ? Number(argv[1]) : n <= 50 ? 5 : 3);
  const rows: string[] = [];
  const s = (ms: number) => (ms / 1000).toFixed(2);
  for (const n of [50, 100]) {
    for (const path of ["dsl", "api"] as const) {
      const records = Array.from({ length: runsAt(n) }, () => child(path, n));
      const med = (f: (r: ChildRecord) => number) => median(records.map(f));
      const phases = Object.keys(records[0].cold.phasesMs)
        .map((k) => `${k} ${med((r) => r.cold.phasesMs[k]).toFixed(0)}`)
        .join(", ");
      const walls = records.map((r) => r.cold.wallMs);
      const row = {
        path,
        variables: records[0].cold.nVariables,
        couplings: records[0].cold.nCouplings,
        runs: records.length,
        coldWallMs: med((r) => r.cold.wallMs),
        coldWallMinMs: Math.min(...walls),
        coldWallMaxMs: Math.max(...walls),
        coldCpuMs: med((r) => r.cold.cpuMs),
        warmCpuMs: med((r) => r.warm.cpuMs),
        warmOverHand: med((r) => r.warm.cpuMs / r.handWarmCpuMs),
        peakRssMiB: med((r) => r.maxRssMiB),
        importRssMiB: med((r) => r.importRssMiB),
        coldPhasesMs: phases,
      };
      console.log(JSON.stringify(row));
      rows.push(
        `| ${path === "dsl" ? "DSL: check + bind + ground + compile" : "TypeScript API: model + compile"} | ${row.variables} | ${row.couplings} | ` +
          `${s(row.coldWallMs)} (${s(row.coldWallMinMs)}–${s(row.coldWallMaxMs)}) | ${s(row.coldCpuMs)} | ${s(row.warmCpuMs)} | ` +
          `${row.warmOverHand.toFixed(2)} | ${row.peakRssMiB.toFixed(0)} (${row.importRssMiB.toFixed(0)}) | ${phases} |`,
      );
    }
  }
  console.log(
    [
      "",
      "| path | variables | couplings | cold wall s, median (min–max) | cold CPU s | warm CPU s | warm ÷ hand-written (CPU) | peak RSS MiB (before building) | cold phases, median wall ms |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
    ].join("\n"),
  );
}

main(process.argv.slice(2));
