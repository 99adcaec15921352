// Completion latency of the qpipe kernel (complete_request → reply content, without the wire):
// Chevrotain's content assist over the declaration being typed, for a cursor at the end of
// declarations of growing length, plus a command line in a cell after them.
//
//   npx tsx bench/kernel-completion.ts [--runs 15]
//
// Content assist explores every grammar path the tokens before the cursor allow, so its cost grows
// with the length of the declaration the cursor is in (earlier declarations are not re-read). Medians
// of several runs after warm-up, wall and CPU time, with the load average: the machine is shared.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { completeReply } from "../src/kernel/complete.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" } } });
const runs = Number(values.runs);

/** A problem with `k` constraint lines, the cursor after `minimize ` on its last line. */
function problemOfLength(k: number): string {
  const lines = ["problem big {", "  param n: int", "  param w: real[n][n]", "  var x: binary[n]", "  var c: int[0..3][n] encoding onehot"];
  for (let i = 0; i < k; i++) lines.push(`  constraint c${i}[i in 0..n-2]: sum(j in 0..n-1 where j != i) w[i][j] * x[j] + c[i] <= ${i + 2} penalty 2`);
  lines.push("  minimize ");
  return lines.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function time(session: string, code: string): { wallMs: number; cpuMs: number; matches: number } {
  for (let i = 0; i < 3; i++) completeReply(session, code, [...code].length);
  const wall: number[] = [];
  const cpu: number[] = [];
  let matches = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    matches = (completeReply(session, code, [...code].length)["matches"] as string[]).length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), matches };
}

const session = problemOfLength(20).replace("problem big", "problem earlier").replace(/ {2}minimize $/, "  minimize x[0]\n}");
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${runs} runs each, medians`);
console.log("cursor in                                   lines  matches  wall ms  cpu ms");
for (const k of [0, 10, 50, 200]) {
  const code = problemOfLength(k);
  const { wallMs, cpuMs, matches } = time(session, code);
  console.log(`a problem, after 'minimize '              ${String(code.split("\n").length).padStart(5)}  ${String(matches).padStart(7)}  ${wallMs.toFixed(1).padStart(7)}  ${cpuMs.toFixed(1).padStart(6)}`);
}
for (const code of ["solve earlier with ", "bench earlier with tabu, qaoa("]) {
  const { wallMs, cpuMs, matches } = time(session, `${code}`);
  console.log(`a command: ${code.padEnd(31)} ${String(1).padStart(5)}  ${String(matches).padStart(7)}  ${wallMs.toFixed(1).padStart(7)}  ${cpuMs.toFixed(1).padStart(6)}`);
}
