// Front-end throughput: parse + check of a generated 10,000-line program (problems and circuits in
// the proportions of the example corpus), reported as lines per second.
//
//   npx tsx bench/parse.ts [--lines 10000] [--runs 7] [--compare]
//
// The machine is shared, so the median of several runs is reported, after warm-up runs that let
// the JIT settle, both as wall time and as this process's CPU time (less sensitive to other
// processes), with the load average. Parsing alone is timed in the same process for the split, and
// JSON.parse of a JSON document of the same size is timed as a yardstick of the machine's speed at
// the moment. `--compare` also times the recovering CST path (the one text with diagnostics takes)
// on the same input, interleaved with the fast path, and reports the ratio.
//
// Stages: the fast path's lexer, newline pass, parse with actions and check, timed one by one.
//
// The floor: Chevrotain's lexer alone, and its lexer plus the recogniser (the same grammar with its
// actions switched off, so no AST is built), are timed last on the same input. No front end built on
// them can beat that time, so it shows how much of the goal is left to the AST and the checker.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { check, checkProgram, sortDiagnostics } from "../src/lang/check.js";
import type { Diagnostic } from "../src/lang/diagnostic.js";
import type { EmbeddedActionsParser } from "chevrotain";
import { qpAstParser } from "../grammar/parser.js";
import { qpLexer } from "../grammar/tokens.js";
import { lex } from "../src/lang/lexer.js";
import { parse, parseClean, parseWithRecovery } from "../src/lang/parse.js";

const { values } = parseArgs({
  options: { lines: { type: "string", default: "10000" }, runs: { type: "string", default: "7" }, compare: { type: "boolean", default: false } },
});
const targetLines = Number(values.lines);
const runs = Number(values.runs);

/** A problem of about 20 lines and a circuit of about 10, numbered so that names stay distinct. */
function block(k: number): string {
  return `// block ${k}
problem p${k} {
  param n: int = ${8 + (k % 5)}
  param value: real[n]
  param weight: real[n]
  param cost: real[n][n]
  param edges: (int, int, real)[]
  param capacity: real = ${10 + k}
  var x: binary[n]
  var c: int[0..3][n] encoding onehot
  var s: spin[n]
  let load = sum(i in 0..n-1) weight[i] * x[i]
  let spread = sum((u, v, w) in edges) w * (x[u] + x[v] - 2 * x[u] * x[v])
  maximize sum(i in 0..n-1) value[i] * x[i] - sum(i in 0..n-1, j in i+1..n-1 where i != j) cost[i][j] * x[i] * x[j] +
    spread + sum(i in 0..n-2) s[i] * s[i+1]
  constraint cap: load <= capacity
  constraint one[i in 0..n-1]: x[i] + c[i] == 1 penalty 2.5
  constraint soft_pair[i in 0..n-2]: x[i] + x[i+1] <= 1 soft 0.5
  constraint bounded: sum(i in 0..n-1) c[i] >= if n > 4 then 2 else 1
}
circuit hea${k}(n: int, layers: int, theta: angle[layers][n]) {
  qubit q[n]
  for l in 0..layers-1 {
    for i in 0..n-1 { ry(theta[l][i]) q[i] }
    for i in 0..n-2 { cx q[i], q[i+1] }
  }
  measure q
}
`;
}

function generate(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let k = 0; count < lines; k++) {
    const text = block(k);
    parts.push(text);
    count += text.split("\n").length - 1;
  }
  return parts.join("");
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall and CPU milliseconds of one call. */
function time(fn: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const source = generate(targetLines);
const nLines = source.split("\n").length - 1;
const first = check(source);
const nErrors = first.diagnostics.filter((d) => d.severity === "error").length;
if (nErrors > 0) throw new Error(`internal: the generated program has ${nErrors} errors, e.g. ${first.diagnostics[0]!.message}`);

// A JSON document of about the same size: one record per source line.
const json = JSON.stringify(source.split("\n").map((line, i) => ({ i, line, words: line.split(" ").length })));

/** The recovering path, as `parse` and `check` run it for text with diagnostics. */
const parseRecovering = () => parseWithRecovery(source, undefined, lex(source, undefined));
function checkRecovering(): void {
  const parsed = parseRecovering();
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  checkProgram(parsed.ast, diagnostics);
  sortDiagnostics(diagnostics);
}

for (let i = 0; i < 3; i++) {
  check(source); // warm-up
  if (values.compare) checkRecovering();
}
type Run = { wall: number; cpu: number };
const checkRuns: Run[] = [];
const parseRuns: Run[] = [];
const jsonRuns: Run[] = [];
const oldParseRuns: Run[] = [];
const oldCheckRuns: Run[] = [];
for (let i = 0; i < runs; i++) {
  parseRuns.push(time(() => parse(source)));
  checkRuns.push(time(() => check(source)));
  jsonRuns.push(time(() => JSON.parse(json)));
  if (values.compare) {
    oldParseRuns.push(time(parseRecovering));
    oldCheckRuns.push(time(checkRecovering));
  }
}
const report = (label: string, xs: Run[]) => {
  const wall = median(xs.map((x) => x.wall));
  const cpu = median(xs.map((x) => x.cpu));
  const rate = (ms: number) => Math.round(nLines / (ms / 1000)).toLocaleString("en");
  console.log(`${label}: wall ${wall.toFixed(1)} ms (${rate(wall)} lines/s), cpu ${cpu.toFixed(1)} ms (${rate(cpu)} lines/s)`);
  return { wall, cpu };
};
console.log(`lines: ${nLines} (${(source.length / 1024).toFixed(0)} KiB), runs: ${runs}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const parseOnly = report("parse only   ", parseRuns);
const { wall: checkWall, cpu: checkCpu } = report("parse + check", checkRuns);
if (values.compare) {
  const oldParse = report("recovering path, parse only   ", oldParseRuns);
  const oldCheck = report("recovering path, parse + check", oldCheckRuns);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`fast / recovering: parse ${ratio(oldParse.wall, parseOnly.wall)} wall, ${ratio(oldParse.cpu, parseOnly.cpu)} cpu; ` +
    `parse + check ${ratio(oldCheck.wall, checkWall)} wall, ${ratio(oldCheck.cpu, checkCpu)} cpu`);
}
const jsonWall = median(jsonRuns.map((x) => x.wall));
console.log(`JSON.parse of ${(json.length / 1024).toFixed(0)} KiB: wall ${jsonWall.toFixed(2)} ms; parse + check / JSON.parse = ${(checkWall / jsonWall).toFixed(0)}×`);
console.log(`all runs (parse + check, wall ms): ${checkRuns.map((t) => t.wall.toFixed(0)).join(", ")}; load average now ${loadavg()[0]!.toFixed(2)}`);

// The fast path stage by stage (each stage's input prepared outside its timing), reported as medians
// and minima: a minimum is the stage's cost when no collection fell into it.
const stageRuns: Record<string, number[]> = { "Chevrotain's lexer": [], "lex (lexer + newline/nesting pass)": [], "parse with actions": [], "check": [] };
for (let i = 0; i < runs; i++) {
  stageRuns["Chevrotain's lexer"]!.push(time(() => qpLexer.tokenize(source)).wall);
  let lexed!: ReturnType<typeof lex>;
  stageRuns["lex (lexer + newline/nesting pass)"]!.push(time(() => (lexed = lex(source, undefined))).wall);
  let ast!: NonNullable<ReturnType<typeof parseClean>>;
  stageRuns["parse with actions"]!.push(time(() => (ast = parseClean(source, undefined, lexed)!)).wall);
  stageRuns["check"]!.push(time(() => checkProgram(ast, [])).wall);
}
for (const [stage, xs] of Object.entries(stageRuns)) {
  console.log(`stage ${stage.padEnd(36)}: median ${median(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)} ms (wall)`);
}

// The floor, timed last: switching the actions off makes their call sites polymorphic, which would
// slow every fast-path parse after it.
const lexerRuns: Run[] = [];
const recogniserRuns: Run[] = [];
const recogniser = qpAstParser as unknown as EmbeddedActionsParser & { ast: unknown; program(): unknown };
recogniser.ast = undefined;
const recognise = () => {
  recogniser.input = lex(source, undefined).tokens;
  recogniser.program();
  if (recogniser.errors.length > 0) throw new Error("internal: the recogniser rejected the generated program");
};
for (let i = 0; i < 3; i++) recognise(); // warm-up
for (let i = 0; i < runs; i++) {
  lexerRuns.push(time(() => qpLexer.tokenize(source)));
  recogniserRuns.push(time(recognise));
}
const lexerFloor = report("floor: Chevrotain's lexer alone              ", lexerRuns);
const recogniserFloor = report("floor: lex + recognise (grammar, no AST built)", recogniserRuns);
const share = (part: number) => `${((100 * part) / checkWall).toFixed(0)}%`;
console.log(`the floor is ${share(recogniserFloor.wall)} of parse + check (wall; the lexer alone ${share(lexerFloor.wall)}); ` +
  `the goal of 200,000 lines/s allows ${((1000 * nLines) / 200_000).toFixed(0)} ms in all`);
