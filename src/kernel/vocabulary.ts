// Everything a cell may name, for completion and inspection: the language's keywords (from the
// grammar's token set), built-in gates (the circuit IR's table), the cell commands, and the
// session's declarations with their members, each with a type and a short description.
import { KEYWORD_NAMES } from "../../grammar/tokens.js";
import { GATES } from "../circuit/ir.js";
import { check } from "../lang/check.js";
import type { Span } from "../lang/diagnostic.js";
import { listSamplers } from "../solve/registry.js";
import "../solve/variational/register.js"; // QAOA and VQE are solvers too
import { COMMAND_WORDS } from "./cell-split.js";

export interface VocabularyEntry {
  readonly name: string;
  /** keyword, gate, command, solver, problem, circuit, ansatz, param, var, let. */
  readonly type: string;
  /** Markdown-free text shown by inspect: a signature or the declaration itself. */
  readonly doc: string;
}

const COMMAND_DOCS: Record<(typeof COMMAND_WORDS)[number], string> = {
  bind: 'bind PROBLEM {json} | bind PROBLEM from "file.json": set the parameter values of a problem',
  compile: "compile PROBLEM [to qubo]: check, bind, ground and compile a problem; shows the QUBO's size",
  solve: "solve PROBLEM [with SOLVER(seed: 1, time: 2, reads: 10, evaluations: 50000)]: run a solver (default tabu, seed 1); shows the best feasible answer",
  simulate: "simulate CIRCUIT [shots 1000] [seed 1]: sample the circuit's measurements on the statevector simulator (sizes from `bind CIRCUIT {…}`)",
  plot: "plot [counts] CIRCUIT [shots N] [seed S] | plot energies PROBLEM | plot convergence PROBLEM | plot qubo PROBLEM | plot bench NAME: a chart (Vega-Lite, SVG and PNG) of counts, the last solve's energies or QAOA/VQE convergence, the QUBO matrix, or the last bench",
  bench: 'bench PROBLEM with SOLVER[(key: value)], … [seeds N] [budget N reads | N evals | S s | MS ms] | bench from "suite.json": run solvers under equal budgets and seeds; summary table and comparison chart',
};

/** The fixed part: keywords, gates and commands. */
export function builtinVocabulary(): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  for (const word of KEYWORD_NAMES) entries.push({ name: word, type: "keyword", doc: `keyword '${word}' of the qpipe language` });
  for (const [name, gate] of Object.entries(GATES)) {
    const angles = gate.nAngles === 0 ? "" : `(${Array.from({ length: gate.nAngles }, (_, i) => `θ${i + 1}`).join(", ")})`;
    entries.push({ name, type: "gate", doc: `gate ${name}${angles}: built-in, ${gate.nQubits} qubit${gate.nQubits === 1 ? "" : "s"}, ${gate.nAngles} angle${gate.nAngles === 1 ? "" : "s"}` });
  }
  for (const word of COMMAND_WORDS) entries.push({ name: word, type: "command", doc: COMMAND_DOCS[word] });
  // Solvers are inspected (`solve P with tabu`), not completed from here: command-assist offers them by slot.
  for (const sampler of listSamplers()) {
    const parameters = Object.keys(sampler.parameters);
    entries.push({ name: sampler.name, type: "solver", doc: `solver ${sampler.name} (${sampler.family}): ${sampler.summary}${parameters.length === 0 ? "" : `\nparameters: ${parameters.join(", ")}`}` });
  }
  return entries;
}

/** Declarations of a session's program and the members of its problems. */
export function declaredVocabulary(source: string): VocabularyEntry[] {
  if (source === "") return [];
  const { symbols } = check(source);
  const text = (span: Span) => source.slice(span.start.offset, span.end.offset);
  const firstLine = (span: Span) => (text(span).split("\n")[0] ?? "").replace(/\s*\{\s*$/, "");
  const entries: VocabularyEntry[] = [];
  for (const problem of symbols.problems.values()) {
    entries.push({ name: problem.name, type: "problem", doc: `problem ${problem.name}: ${problem.params.length} params, ${problem.vars.length} vars, ${problem.constraints.length} constraints, degree ${problem.maxDegree}` });
    for (const param of problem.params) entries.push({ name: param.name, type: "param", doc: `${text(param.decl.span)}   (in problem ${problem.name})` });
    for (const v of problem.vars) entries.push({ name: v.name, type: "var", doc: `${text(v.decl.span)}   (in problem ${problem.name})` });
  }
  for (const circuit of symbols.circuits.values()) entries.push({ name: circuit.name, type: "circuit", doc: firstLine(circuit.decl.span) });
  for (const gate of symbols.gates.values()) entries.push({ name: gate.name, type: "gate", doc: `${firstLine(gate.decl.span)}   (user-defined)` });
  for (const ansatz of symbols.ansatzes.values()) entries.push({ name: ansatz.name, type: "ansatz", doc: `ansatz ${ansatz.name}: ${ansatz.ansatz} for problem ${ansatz.problem}` });
  return entries;
}
