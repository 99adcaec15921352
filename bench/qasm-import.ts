// OpenQASM 2.0 import throughput on the largest QASMBench "small" files (lex + parse + import).
// Run: npx tsx bench/qasm-import.ts   (reads ../shared/data/qasm/small; median of 5 runs per file)
import { existsSync, readFileSync } from "node:fs";
import { lexQasm } from "../src/io/qasm-lexer.js";
import { parseQasm } from "../src/io/qasm-parser.js";
import { importQasm } from "../src/io/qasm.js";

const CORPUS = "../shared/data/qasm/small";
if (!existsSync(CORPUS)) {
  console.log(`skipped: ${CORPUS} is absent`);
  process.exit(0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const file of ["hhl_n10/hhl_n10_transpiled.qasm", "vqe_uccsd_n8/vqe_uccsd_n8.qasm", "basis_trotter_n4/basis_trotter_n4_transpiled.qasm"]) {
  const text = readFileSync(`${CORPUS}/${file}`, "utf8");
  // CPU time of this process (user + system), steadier than wall time on a shared machine.
  const time = (run: () => unknown) => {
    const samples: number[] = [];
    for (let k = 0; k < 5; k++) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      samples.push((used.user + used.system) / 1000);
    }
    return median(samples);
  };
  const lexMs = time(() => lexQasm(text));
  const parseMs = time(() => parseQasm(text));
  const importMs = time(() => importQasm(text));
  const mb = text.length / 2 ** 20;
  console.log(`${file}: ${mb.toFixed(2)} MiB, CPU ms: lex ${lexMs.toFixed(0)}, lex+parse ${parseMs.toFixed(0)}, import ${importMs.toFixed(0)} (${(mb / (importMs / 1000)).toFixed(2)} MiB per CPU-second)`);
}
