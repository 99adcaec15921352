// Completion inside a cell command (bind, compile, solve, simulate, plot, bench). Commands are not
// part of the language's grammar, so each command's shape is followed here, word by word: which
// slot the cursor is in decides between problem names, circuit names, solver names, their options
// and the command's own words.
import { findSampler, listSamplers } from "../solve/registry.js";
import "../solve/variational/register.js"; // QAOA and VQE are solvers too
import { COMMAND_WORDS } from "./cell-split.js";
import type { DeclaredName, Suggestion } from "./content-assist.js";
import { PLOT_KINDS } from "./plot-command.js";

/** Options of `solve P with SOLVER(…)`. */
export const SOLVE_OPTION_NAMES = ["seed", "time", "reads", "evaluations"] as const;
export const BUDGET_UNITS = ["reads", "evals", "s", "ms"] as const;

const WORD = /"(?:[^"\\]|\\.)*"?|[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?|\S/g;

/** Suggestions for the word that starts at the end of `textBefore`, the command's text up to it. */
export function assistCommand(textBefore: string, declared: readonly DeclaredName[]): Suggestion[] {
  const words = textBefore.match(WORD) ?? [];
  if (words.length === 0) return COMMAND_WORDS.map((name) => ({ name, type: "command" }));
  // Inside a string (a file path) or inline JSON nothing is suggested.
  if (words.some((w) => w === "{" || (w.startsWith('"') && (w.length === 1 || !w.endsWith('"'))))) return [];
  const [command, ...rest] = words;
  const problems = named(declared, "problem");
  const circuits = named(declared, [...declared].some((d) => d.type === "ansatz") ? ["circuit", "ansatz"] : ["circuit"]);
  const words_ = (type: string, ...names: string[]) => names.map((name) => ({ name, type }));
  switch (command) {
    case "bind":
      if (rest.length === 0) return [...problems, ...circuits];
      return rest.length === 1 ? words_("keyword", "from") : [];
    case "compile":
      if (rest.length === 0) return problems;
      if (rest.length === 1) return words_("keyword", "to");
      return rest.length === 2 && rest[1] === "to" ? words_("target", "qubo") : [];
    case "solve":
      if (rest.length === 0) return problems;
      if (rest.length === 1) return words_("keyword", "with");
      if (rest.length === 2 && rest[1] === "with") return solvers();
      return insideParens(rest) ? unused(rest, words_("option", ...SOLVE_OPTION_NAMES)) : [];
    case "simulate":
      if (rest.length === 0) return circuits;
      return shotsAndSeed(rest.slice(1));
    case "plot":
      return assistPlot(rest, problems, circuits);
    case "bench":
      return assistBench(rest, problems);
    default:
      return [];
  }
}

function assistPlot(rest: readonly string[], problems: Suggestion[], circuits: Suggestion[]): Suggestion[] {
  if (rest.length === 0) return [...PLOT_KINDS.map((name) => ({ name, type: "chart" })), ...circuits];
  const kind = rest[0] as string;
  if (kind === "counts") return rest.length === 1 ? circuits : shotsAndSeed(rest.slice(2));
  if ((PLOT_KINDS as readonly string[]).includes(kind)) return rest.length === 1 ? problems : [];
  return shotsAndSeed(rest.slice(1));
}

/** `bench P with S1, S2(k: v) seeds N budget N reads` or `bench from "suite.json"`. */
function assistBench(rest: readonly string[], problems: Suggestion[]): Suggestion[] {
  if (rest.length === 0) return [...problems, { name: "from", type: "keyword" }];
  if (rest[0] === "from") return [];
  if (rest.length === 1) return [{ name: "with", type: "keyword" }];
  const last = rest.at(-1) as string;
  if (insideParens(rest)) {
    // The solver whose parameter list is open: its own parameters, minus those given.
    const open = rest.lastIndexOf("(");
    const sampler = findSampler(rest[open - 1] ?? "");
    return sampler ? unused(rest.slice(open), Object.keys(sampler.parameters).map((name) => ({ name, type: "parameter" }))) : [];
  }
  if (last === "with" || last === ",") return solvers();
  if (last === "budget" || last === "seeds") return [];
  if (rest.at(-2) === "budget") return BUDGET_UNITS.map((name) => ({ name, type: "unit" }));
  return unused(rest, [{ name: "seeds", type: "keyword" }, { name: "budget", type: "keyword" }]);
}

function shotsAndSeed(rest: readonly string[]): Suggestion[] {
  const last = rest.at(-1);
  if (last === "shots" || last === "seed") return [];
  return unused(rest, [{ name: "shots", type: "keyword" }, { name: "seed", type: "keyword" }]);
}

function solvers(): Suggestion[] {
  return listSamplers().map((s) => ({ name: s.name, type: "solver" }));
}

function named(declared: readonly DeclaredName[], types: string | readonly string[]): Suggestion[] {
  const wanted = typeof types === "string" ? [types] : types;
  return declared.filter((d) => wanted.includes(d.type)).map((d) => ({ name: d.name, type: d.type }));
}

function unused(words: readonly string[], options: readonly Suggestion[]): Suggestion[] {
  return options.filter((o) => !words.includes(o.name));
}

function insideParens(words: readonly string[]): boolean {
  return words.lastIndexOf("(") > words.lastIndexOf(")");
}
