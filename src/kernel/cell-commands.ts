// The command layer of notebook cells (documented in docs/language.md, "Commands in notebook cells"):
//
//   bind P { "n": 3, "edges": [[0, 1, 1.0]] }     data for problem P, inline JSON …
//   bind P from "data/graph.json"                 … or read from a JSON file
//   compile P [to qubo]                           check → bind → ground → compile; show a summary
//   solve P [with SOLVER(seed: 1, time: 2, reads: 10, evaluations: 50000)]   run a solver; show the best answer
//   simulate C [shots 1000] [seed 7]              sample a circuit's measurements (data from `bind C`)
//   plot …                                        charts: plot-command.ts
//   bench P with SOLVER, … [seeds N] [budget …]   a small benchmark suite: bench-command.ts
import { check } from "../lang/check.js";
import { solve } from "../solve/modes.js";
import { findSampler } from "../solve/registry.js";
import type { SampleSet } from "../solve/sample-set.js";
import "../solve/variational/register.js"; // `solve P with qaoa` / `with vqe`
import { runBench } from "./bench-command.js";
import type { CellOutput } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";
import type { SolveResult } from "./command-results.js";
import { SOLVE_OPTION_NAMES } from "./command-assist.js";
import { asCommandFailure, type CommandContext, compileProblem, readJsonFile, requireProblem, unquote, usage } from "./command-support.js";
import { runPlot } from "./plot-command.js";
import { runSimulate } from "./simulate-command.js";

export type { CommandContext } from "./command-support.js";

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
    case "bench":
      return runBench(command, context);
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
  let data: unknown;
  if (file) data = readJsonFile(unquote(file[1] as string), command, context);
  else {
    try {
      data = JSON.parse(rest);
    } catch (error) {
      throw usage(command, `the data is not JSON: ${(error as Error).message}`);
    }
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

const SOLVE = /^solve\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+with\s+([A-Za-z_][A-Za-z0-9_-]*)\s*(?:\(([^)]*)\))?)?\s*$/;
const SOLVE_OPTIONS = new Set<string>(SOLVE_OPTION_NAMES);

async function runSolve(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const match = SOLVE.exec(command.text);
  if (!match) throw usage(command, "expected `solve PROBLEM [with SOLVER(seed: 1, time: 2, reads: 10, evaluations: 50000)]`");
  const name = match[1] as string;
  const solver = match[2] ?? "tabu";
  const options: Record<string, number> = {};
  for (const part of (match[3] ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const option = /^([a-z]+)\s*:\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!option || !SOLVE_OPTIONS.has(option[1] as string)) throw usage(command, `bad solver option '${part}' (expected seed: N, time: SECONDS, reads: N, evaluations: N)`);
    options[option[1] as string] = Number(option[2]);
  }
  const compiled = compileProblem(name, command, context);
  const seed = options["seed"] ?? 1;
  let set: SampleSet;
  try {
    set = await solve(compiled, {
      // A solver runs in its own family's mode (qaoa and vqe are quantum, sb quantum-inspired).
      mode: findSampler(solver)?.family,
      solver,
      seed,
      reads: options["reads"],
      timeLimitMs: options["time"] === undefined ? undefined : options["time"] * 1000,
      evaluationBudget: options["evaluations"],
    });
  } catch (error) {
    return asCommandFailure(error, "solver-options", command);
  }
  context.solves.set(name, solveResult(name, solver, seed, set));
  const best = set.bestFeasible;
  const values = best === undefined ? null : set.valuesOf(best);
  const record = { problem: name, solver, seed, feasible: best !== undefined, objective: best?.objective ?? null, energy: best?.energy ?? null, values };
  const shown = values === null ? "no feasible sample" : Object.entries(values).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");
  const text = best === undefined ? `${name} with ${solver}: no feasible sample found` : `${name} with ${solver}: objective ${best.objective}, energy ${best.energy}\n${shown}`;
  return [{ kind: "result", data: { "text/plain": text, "application/json": record } }];
}

/** What `plot energies` and `plot convergence` need of a solve, as plain data. */
function solveResult(problem: string, solver: string, seed: number, set: SampleSet): SolveResult {
  const trace = set.info["trace"];
  const pairs = Array.isArray(trace) && trace.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === "number" && Number.isFinite(v)))
    ? (trace as [number, number][]).map(([evaluation, best]) => [evaluation, best] as const)
    : null;
  return {
    problem,
    solver: set.fallback?.used.solver ?? solver,
    seed,
    sense: set.sense,
    samples: set.samples.map((s) => ({ bits: s.bits, energy: s.energy, objective: s.objective, feasible: s.feasible, occurrences: s.occurrences })),
    trace: pairs,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown command ${String(value)}`);
}
