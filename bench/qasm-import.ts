// OpenQASM 2.0 import throughput on the largest QASMBench "small" files (lex + parse + import), then
// the whole corpus: how many files import, what the others are told, and what sampling the files
// with classically conditioned gates (`if`) costs — one trajectory per shot.
// Run: npx tsx bench/qasm-import.ts   (reads ../shared/data/qasm/small; median of 5 runs per file)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { lexQasm } from "../src/io/qasm-lexer.js";
import { parseQasm } from "../src/io/qasm-parser.js";
import { importQasm } from "../src/io/qasm.js";
import { sampleCircuit } from "../src/sim/sample-circuit.js";

const CORPUS = "../shared/data/qasm/small";
if (!existsSync(CORPUS)) {
  console.log(`skipped: ${CORPUS} is absent`);
  process.exit(0);
}
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** CPU ms of this process (user + system) for one call, steadier than wall time on a shared machine. */
const cpuMs = (run: () => unknown): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
for (const file of ["hhl_n10/hhl_n10_transpiled.qasm", "vqe_uccsd_n8/vqe_uccsd_n8.qasm", "basis_trotter_n4/basis_trotter_n4_transpiled.qasm"]) {
  const text = readFileSync(`${CORPUS}/${file}`, "utf8");
  const time = (run: () => unknown) => median(Array.from({ length: 5 }, () => cpuMs(run)));
  const lexMs = time(() => lexQasm(text));
  const parseMs = time(() => parseQasm(text));
  const importMs = time(() => importQasm(text));
  const mb = text.length / 2 ** 20;
  console.log(`${file}: ${mb.toFixed(2)} MiB, CPU ms: lex ${lexMs.toFixed(0)}, lex+parse ${parseMs.toFixed(0)}, import ${importMs.toFixed(0)} (${(mb / (importMs / 1000)).toFixed(2)} MiB per CPU-second)`);
}

// The whole corpus, once per file.
const files = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(CORPUS, entry.name)).filter((f) => f.endsWith(".qasm")).map((f) => join(CORPUS, entry.name, f)))
  .sort();
let imported = 0;
let totalMs = 0;
const failures: string[] = [];
const conditional: { file: string; nIf: number; sampleMs: number; counts: string }[] = [];
for (const path of files) {
  const text = readFileSync(path, "utf8");
  const file = path.slice(path.lastIndexOf("/") + 1);
  let result: ReturnType<typeof importQasm> | undefined;
  totalMs += cpuMs(() => (result = importQasm(text, { file })));
  const circuit = result?.circuit;
  if (!circuit) {
    const first = result!.diagnostics[0]!;
    failures.push(`${file}: ${result!.diagnostics.length} diagnostics, first ${first.span.start.line}:${first.span.start.column} ${first.code}: ${first.message} (${(first.notes ?? []).join("; ")})`);
    continue;
  }
  imported++;
  const nIf = circuit.ops.filter((op) => op.kind === "if").length;
  if (nIf === 0) continue;
  let counts = "";
  const sampleMs = cpuMs(() => {
    const sampled = sampleCircuit(circuit, 1000, { seed: 1, threads: 1, trajectories: 1000 });
    counts = Object.entries(sampled.counts).map(([key, n]) => `${key}:${n}`).join(" ");
  });
  conditional.push({ file, nIf, sampleMs, counts });
}
console.log(`\ncorpus: ${imported} of ${files.length} files import (${(totalMs / 1000).toFixed(1)} CPU-seconds in all); ${failures.length} give diagnostics:`);
for (const failure of failures) console.log(`  ${failure}`);
console.log(`\nfiles with 'if' (1000 shots, one trajectory per shot, 1 thread):`);
for (const c of conditional) console.log(`  ${c.file}: ${c.nIf} conditioned ops, ${c.sampleMs.toFixed(0)} CPU ms (so as many µs per shot), counts ${c.counts}`);
