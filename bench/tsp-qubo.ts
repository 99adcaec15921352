// TSP → QUBO build time and peak memory, from the DSL and from the TypeScript modelling API.
//
// Model (as in arXiv 2307.02577, the PyQUBO / ToQUBO.jl / dimod comparison): n cities, n² binaries
// x[i][t] (city i at tour position t), one-hot rows and columns as equality constraints, the tour
// length as objective. Each measured run is a fresh child process, so maxRSS is that run's peak.
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

interface RunRecord {
  readonly path: "dsl" | "api";
  /** Hand-written term loops into the shared quboFromTerms, timed in the same process after the run. */
  readonly handMs: number;
  readonly n: number;
  readonly nVariables: number;
  readonly nCouplings: number;
  readonly phasesMs: Record<string, number>;
  readonly totalMs: number;
  /** User + system CPU time of the process over the run (all threads): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly maxRssMiB: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function runDsl(n: number): RunRecord {
  const d = distances(n);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = compileSource(TSP_SOURCE, { data: { n, d } });
  if (!result.compiled) throw new Error(`the TSP model did not compile: ${JSON.stringify(result.diagnostics)}`);
  const t1 = performance.now();
  const qubo = result.compiled.qubo();
  const t2 = performance.now();
  const { checkMs, bindMs, groundMs, compileMs } = result.timings;
  const cpu = cpuMs(c0);
  return record("dsl", n, qubo.linear.length, qubo.values.length, { check: checkMs, bind: bindMs, ground: groundMs, compile: compileMs, qubo: t2 - t1 }, t2 - t0, cpu);
}

function runApi(n: number): RunRecord {
  const d = distances(n);
  const c0 = process.cpuUsage();
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
  const cpu = cpuMs(c0);
  return record("api", n, qubo.linear.length, qubo.values.length, { model: t1 - t0, compile: t2 - t1, qubo: t3 - t2 }, t3 - t0, cpu);
}

function record(path: "dsl" | "api", n: number, nVariables: number, nCouplings: number, phasesMs: Record<string, number>, totalMs: number, cpuMs: number): RunRecord {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  return { path, n, nVariables, nCouplings, phasesMs, totalMs, cpuMs, maxRssMiB, handMs: handWritten(n) };
}

/**
 * The baseline: the same QUBO written by hand as (i, j, value) terms — tour edges, then
 * P·(Σ x − 1)² for every row and column — merged by the shared `quboFromTerms`.
 */
function handWritten(n: number): number {
  const d = distances(n);
  const P = 2 * n;
  const id = (i: number, t: number) => i * n + t;
  const t0 = performance.now();
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
  return performance.now() - t0;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function child(path: string, n: number): RunRecord {
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ["--import", "tsx", script, "--child", path, String(n)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`child run failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop()!) as RunRecord;
}

function main(argv: string[]): void {
  if (argv[0] === "--child") {
    const n = Number(argv[2]);
    console.log(JSON.stringify(argv[1] === "dsl" ? runDsl(n) : runApi(n)));
    return;
  }
  const runsAt = (n: number) => (argv[0] === "--runs" ? Number(argv[1]) : n <= 50 ? 5 : 3);
  const rows: string[] = [];
  for (const n of [50, 100]) {
    for (const path of ["dsl", "api"] as const) {
      const records = Array.from({ length: runsAt(n) }, () => child(path, n));
      const phases = Object.keys(records[0].phasesMs)
        .map((k) => `${k} ${median(records.map((r) => r.phasesMs[k])).toFixed(0)}`)
        .join(", ");
      const row = {
        path,
        variables: records[0].nVariables,
        couplings: records[0].nCouplings,
        medianS: median(records.map((r) => r.totalMs)) / 1000,
        minS: Math.min(...records.map((r) => r.totalMs)) / 1000,
        maxS: Math.max(...records.map((r) => r.totalMs)) / 1000,
        medianCpuS: median(records.map((r) => r.cpuMs)) / 1000,
        medianPeakRssMiB: median(records.map((r) => r.maxRssMiB)),
        medianRatioToHand: median(records.map((r) => r.totalMs / r.handMs)),
        runs: records.length,
        phasesMedianMs: phases,
      };
      console.log(JSON.stringify(row));
      rows.push(
        `| ${path === "dsl" ? "DSL (check+bind+ground+compile)" : "TypeScript API"} | ${row.variables} | ${row.couplings} | ` +
          `${row.medianS.toFixed(2)} (${row.minS.toFixed(2)}–${row.maxS.toFixed(2)}) | ${row.medianCpuS.toFixed(2)} | ${row.medianRatioToHand.toFixed(2)} | ${row.medianPeakRssMiB.toFixed(0)} | ${phases} |`,
      );
    }
  }
  console.log(
    [
      "",
      "| path | variables | couplings | wall s, median (min–max) | CPU s, median | ÷ hand-written (wall) | peak RSS MiB | phases, median wall ms |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
    ].join("\n"),
  );
}

main(process.argv.slice(2));
