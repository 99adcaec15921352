// The command layer of notebook cells (documented in docs/language.md, "Commands in notebook cells"):
//
//   bind P { "n": 3, "edges": [[0, 1, 1.0]] }     data for problem P, inline JSON …
//   bind P from "data/graph.json"                 … or read from a JSON file
//   compile P [to qubo]                           check → bind → ground → compile; show a summary
//   solve P [with SOLVER(seed: 1, time: 2, reads: 10)]   run a classical solver; show the best answer
//   simulate C [shots 1000] [seed 7]              sample a circuit's measurements (data from `bind C`)
//   plot C [shots 1000] [seed 7]                  the same counts as a chart (Vega-Lite v5 + SVG + PNG)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileSource } from "../compile/from-source.js";
import { hasErrors } from "../lang/diagnostic.js";
import { renderDiagnostic } from "../lang/render.js";
import type { CompiledModel } from "../compile/compiled-model.js";
import { lowerCircuit } from "../circuit/lower-circuit.js";
import { check } from "../lang/check.js";
import { sampleCircuit } from "../sim/sample-circuit.js";
import { solve } from "../solve/modes.js";
import { measurementCountsSpec } from "../viz/charts/measurement-counts.js";
import { DISPLAY, toWireBundle } from "../viz/display-protocol.js";
import { renderChart } from "../viz/rendered-chart.js";
import type { SampleSet } from "../solve/sample-set.js";
import type { CellOutput } from "./cell-outcome.js";
import { CellFailure } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";

/** What commands read and change: the session's declarations and bound data. */
export interface CommandContext {
  /** Every declaration of the session as one program. */
  readonly source: string;
  readonly problems: ReadonlySet<string>;
  readonly data: Map<string, unknown>;
  /** Directory that relative data paths are resolved against. */
  readonly cwd: string;
}

export async function runCommand(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  switch (command.word) {
    case "bind":
      return runBind(command, context);
    case "compile":
      return runCompile(command, context);
    case "solve":
      return runSolve(command, context);
    case "simulate":
      return runSimulate(command, context);
    case "plot":
      return runPlot(command, context);
    default:
      return assertNever(command.word);
  }
}

const BIND_INLINE = /^bind\s+([A-Za-z_][A-Za-z0-9_]*)\s+([\s\S]+)$/;
const BIND_FILE = /^from\s+"((?:[^"\\]|\\.)*)"\s*$/;

function runBind(command: CommandText, context: CommandContext): CellOutput[] {
  const match = BIND_INLINE.exec(command.text);
  if (!match) throw usage(command, 'expected `bind PROBLEM {json}` or `bind PROBLEM from "file.json"`');
  const name = match[1] as string;
  if (!context.problems.has(name) && !check(context.source).symbols.circuits.has(name)) requireProblem(name, command, context);
  const rest = (match[2] as string).trim();
  const file = BIND_FILE.exec(rest);
  let text = rest;
  if (file) {
    const path = resolve(context.cwd, JSON.parse(`"${file[1] as string}"`) as string);
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new CellFailure("data-unreadable", `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, [`line ${command.line}: cannot read ${path}`]);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usage(command, `the data is not JSON: ${(error as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw usage(command, "the data must be a JSON object of parameter values");
  context.data.set(name, data);
  const keys = Object.keys(data);
  return [{ kind: "result", data: { "text/plain": `bound ${name}: ${keys.length === 0 ? "no parameters" : keys.join(", ")}` } }];
}

const COMPILE = /^compile\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+to\s+(qubo))?\s*$/;

function runCompile(command: CommandText, context: CommandContext): CellOutput[] {
  const match = COMPILE.exec(command.text);
  if (!match) throw usage(command, "expected `compile PROBLEM [to qubo]`");
  const name = match[1] as string;
  const compiled = compileProblem(name, command, context);
  const qubo = compiled.qubo();
  const nQuadratic = qubo.values.length;
  const summary = {
    problem: name,
    target: "qubo",
    variables: qubo.variables.length,
    auxiliaries: compiled.nAuxiliaries,
    slackBits: compiled.nSlackBits,
    quadraticTerms: nQuadratic,
    offset: qubo.offset,
  };
  const text =
    `problem ${name} → QUBO: ${summary.variables} variables (${summary.auxiliaries} auxiliary, ${summary.slackBits} slack), ` +
    `${nQuadratic} quadratic terms, offset ${qubo.offset}`;
  const html =
    `<table><thead><tr>${Object.keys(summary).map((k) => `<th>${k}</th>`).join("")}</tr></thead>` +
    `<tbody><tr>${Object.values(summary).map((v) => `<td>${escapeHtml(String(v))}</td>`).join("")}</tr></tbody></table>`;
  return [{ kind: "result", data: { "text/plain": text, "text/html": html, "application/json": summary } }];
}

function compileProblem(name: string, command: CommandText, context: CommandContext): CompiledModel {
  requireProblem(name, command, context);
  const result = compileSource(context.source, { problem: name, data: context.data.get(name) ?? {}, higherOrder: "quadratise" });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (hasErrors(result.diagnostics) || !result.compiled) {
    const first = errors[0];
    const traceback = errors.map((d) => renderDiagnostic(d, context.source, { file: "session" }));
    throw new CellFailure(first?.code ?? "compile-failed", first?.message ?? `problem ${name} did not compile`, traceback);
  }
  return result.compiled;
}

const SOLVE = /^solve\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+with\s+([A-Za-z_][A-Za-z0-9_-]*)\s*(?:\(([^)]*)\))?)?\s*$/;
const SOLVE_OPTIONS = new Set(["seed", "time", "reads"]);

async function runSolve(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const match = SOLVE.exec(command.text);
  if (!match) throw usage(command, "expected `solve PROBLEM [with SOLVER(seed: 1, time: 2, reads: 10)]`");
  const name = match[1] as string;
  const solver = match[2] ?? "tabu";
  const options: Record<string, number> = {};
  for (const part of (match[3] ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const option = /^([a-z]+)\s*:\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!option || !SOLVE_OPTIONS.has(option[1] as string)) throw usage(command, `bad solver option '${part}' (expected seed: N, time: SECONDS, reads: N)`);
    options[option[1] as string] = Number(option[2]);
  }
  const compiled = compileProblem(name, command, context);
  let set: SampleSet;
  try {
    set = await solve(compiled, {
      solver,
      seed: options["seed"] ?? 1,
      reads: options["reads"],
      timeLimitMs: options["time"] === undefined ? undefined : options["time"] * 1000,
    });
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new CellFailure("solver-options", error.message, [`line ${command.line}: ${error.message}`]);
    throw error;
  }
  const best = set.bestFeasible;
  const values = best === undefined ? null : set.valuesOf(best);
  const record = { problem: name, solver, seed: options["seed"] ?? 1, feasible: best !== undefined, objective: best?.objective ?? null, energy: best?.energy ?? null, values };
  const shown = values === null ? "no feasible sample" : Object.entries(values).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");
  const text = best === undefined ? `${name} with ${solver}: no feasible sample found` : `${name} with ${solver}: objective ${best.objective}, energy ${best.energy}\n${shown}`;
  return [{ kind: "result", data: { "text/plain": text, "application/json": record } }];
}

const SIMULATE = /^(?:simulate|plot)\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+shots\s+(\d+))?(?:\s+seed\s+(\d+))?\s*$/;
const MAX_SHOTS = 10_000_000;

interface SampledCounts {
  readonly name: string;
  readonly shots: number;
  readonly seed: number;
  readonly counts: Record<string, number>;
}

function runSimulate(command: CommandText, context: CommandContext): CellOutput[] {
  const { name, shots, seed, counts } = sampleCounts(command, context);
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const text = `${name}: ${shots} shots, seed ${seed}\n${entries.slice(0, 16).map(([bits, n]) => `${bits}  ${n}`).join("\n")}${entries.length > 16 ? `\n… ${entries.length - 16} more outcomes` : ""}`;
  return [{ kind: "result", data: { "text/plain": text, "application/json": { circuit: name, shots, seed, counts } } }];
}

async function runPlot(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const { name, shots, seed, counts } = sampleCounts(command, context);
  const chart = await renderChart(measurementCountsSpec(counts, { title: `${name}: ${shots} shots, seed ${seed}` }));
  const bundle = toWireBundle(chart[DISPLAY]());
  return [{ kind: "display", data: { ...bundle, "text/plain": `chart: measurement counts of ${name} (${shots} shots, seed ${seed})` } }];
}

function sampleCounts(command: CommandText, context: CommandContext): SampledCounts {
  const match = SIMULATE.exec(command.text);
  if (!match) throw usage(command, `expected \`${command.word} CIRCUIT [shots N] [seed S]\``);
  const name = match[1] as string;
  const shots = Number(match[2] ?? 1000);
  const seed = Number(match[3] ?? 1);
  if (shots < 1 || shots > MAX_SHOTS) throw usage(command, `shots must be in 1..${MAX_SHOTS}`);
  const checked = check(context.source);
  const symbols = checked.symbols.circuits.get(name);
  if (!symbols) throw new CellFailure("unknown-circuit", `no circuit named '${name}' is declared`, [`line ${command.line}: no circuit named '${name}' is declared`]);
  const data = (context.data.get(name) ?? {}) as Record<string, unknown>;
  const sizes: Record<string, number> = {};
  const parameters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const param = symbols.decl.params.find((p) => p.name.name === key);
    if (param?.type.kind === "scalar-type" && param.type.name === "int" && typeof value === "number") sizes[key] = value;
    else parameters[key] = value;
  }
  const lowered = lowerCircuit(checked, name, { sizes });
  const errors = lowered.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || lowered.circuit === undefined) {
    const first = errors[0];
    throw new CellFailure(first?.code ?? "lower-failed", first?.message ?? `circuit ${name} could not be built`, errors.map((d) => renderDiagnostic(d, context.source, { file: "session" })));
  }
  let counts: Record<string, number>;
  try {
    counts = sampleCircuit(lowered.circuit, shots, { seed, parameters }).counts;
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new CellFailure("simulate-failed", error.message, [`line ${command.line}: ${error.message}`]);
    throw error;
  }
  return { name, shots, seed, counts };
}

function requireProblem(name: string, command: CommandText, context: CommandContext): void {
  if (!context.problems.has(name)) {
    const known = [...context.problems];
    throw new CellFailure("unknown-problem", `no problem named '${name}' is declared`, [
      `line ${command.line}: no problem named '${name}' is declared${known.length > 0 ? ` (declared: ${known.join(", ")})` : ""}`,
    ]);
  }
}

function usage(command: CommandText, message: string): CellFailure {
  return new CellFailure("command-syntax", message, [`line ${command.line}: ${message}`, `  ${command.text.split("\n")[0] ?? ""}`]);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown command ${String(value)}`);
}
