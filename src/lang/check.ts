// Source text → checked AST, diagnostics and symbol tables: the front end's main entry point.
//
//   parse (lex → AST from the parser's actions; text with diagnostics: CST with recovery → AST)
//     → 1. top-level names: problems, circuits, gates and ansatz declarations share one namespace
//     → 2. each problem, gate and circuit checked on its own (names, types, degrees)
//     → 3. ansatz declarations against the problems they name
//     → diagnostics in source order
import * as A from "./ast.js";
import { checkCircuit, checkGate, findGateCycles } from "./check-circuit.js";
import { ExprChecker, type Scope } from "./check-expr.js";
import { checkProblem } from "./check-problem.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import * as M from "./messages.js";
import { isStackOverflow, parse, type ParseOptions } from "./parse.js";
import { nearestName } from "./suggest.js";
import type { AnsatzSymbols, CircuitSymbols, GateSymbols, ProblemSymbols, ProgramSymbols } from "./symbols.js";
import { GATES } from "../circuit/ir.js";

export interface CheckResult {
  readonly ast: A.Program;
  /** Errors, warnings and notes in source order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols: ProgramSymbols;
}

export const ANSATZ_FAMILIES = ["qaoa"] as const;
export const QAOA_MIXERS = ["x", "xy"] as const;

export function check(source: string, options: ParseOptions = {}): CheckResult {
  const parsed = parse(source, options);
  const diagnostics = [...parsed.diagnostics];
  let symbols: ProgramSymbols;
  try {
    symbols = checkProgram(parsed.ast, diagnostics);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    diagnostics.push(M.nestingTooDeep(64, parsed.ast.span));
    symbols = { problems: new Map(), circuits: new Map(), gates: new Map(), ansatzes: new Map() };
  }
  return { ast: parsed.ast, diagnostics: sortDiagnostics(diagnostics), symbols };
}

/** Checks an already parsed program, appending to `diagnostics`. */
export function checkProgram(program: A.Program, diagnostics: Diagnostic[]): ProgramSymbols {
  const report = (d: Diagnostic) => diagnostics.push(d);

  // 1. Top-level names.
  const seen = new Map<string, Span>();
  const gates = new Map<string, A.GateDecl>();
  for (const item of program.items) {
    const name = item.name;
    const first = seen.get(name.name);
    if (first !== undefined) report(M.duplicateDeclaration(name.name, first, name.span));
    else if (item.kind === "gate" && Object.prototype.hasOwnProperty.call(GATES, name.name)) report(M.duplicateDeclaration(name.name, undefined, name.span));
    else {
      seen.set(name.name, name.span);
      if (item.kind === "gate") gates.set(name.name, item);
    }
  }

  // 2. Each declaration on its own.
  const problems = new Map<string, ProblemSymbols>();
  const circuits = new Map<string, CircuitSymbols>();
  const gateSymbols = new Map<string, GateSymbols>();
  const ansatzes = new Map<string, AnsatzSymbols>();
  for (const item of program.items) {
    switch (item.kind) {
      case "problem": {
        const symbols = checkProblem(item, diagnostics);
        if (!problems.has(symbols.name)) problems.set(symbols.name, symbols);
        break;
      }
      case "circuit": {
        const symbols = checkCircuit(item, gates, diagnostics);
        if (!circuits.has(symbols.name)) circuits.set(symbols.name, symbols);
        break;
      }
      case "gate": {
        const symbols = checkGate(item, gates, diagnostics);
        if (gates.get(symbols.name) === item) gateSymbols.set(symbols.name, symbols);
        break;
      }
      case "ansatz":
        break;
      default:
        A.assertNever(item);
    }
  }
  findGateCycles(gates, diagnostics);

  // 3. Ansatz declarations.
  for (const item of program.items) {
    if (item.kind !== "ansatz") continue;
    if (checkAnsatz(item, problems, report) && !ansatzes.has(item.name.name)) {
      ansatzes.set(item.name.name, { kind: "ansatz", name: item.name.name, ansatz: item.ansatz.name, problem: item.problem.name, decl: item });
    }
  }
  return { problems, circuits, gates: gateSymbols, ansatzes };
}

/** `circuit q = qaoa(problem, p: 2, mixer: x)`: a known family, a known problem, valid options. */
function checkAnsatz(item: A.AnsatzDecl, problems: ReadonlyMap<string, ProblemSymbols>, report: (d: Diagnostic) => void): boolean {
  let ok = true;
  if (!ANSATZ_FAMILIES.some((f) => f === item.ansatz.name)) {
    report(M.unknownAnsatz(item.ansatz.name, nearestName(item.ansatz.name, ANSATZ_FAMILIES), item.ansatz.span));
    ok = false;
  }
  if (!problems.has(item.problem.name)) {
    report(M.unknownProblem(item.problem.name, nearestName(item.problem.name, problems.keys()), item.problem.span));
    ok = false;
  }
  const given = new Map<string, Span>();
  const noNames: Scope = { lookup: () => undefined, use: () => undefined, candidates: () => [] };
  for (const option of item.options) {
    const name = option.name.name;
    const first = given.get(name);
    if (first !== undefined) {
      report(M.duplicateDeclaration(name, first, option.name.span));
      ok = false;
      continue;
    }
    given.set(name, option.name.span);
    if (name === "p") {
      const info = new ExprChecker(noNames, []).expr(option.value);
      const p = info.constant;
      if (info.type !== "int" || p === undefined || p < 1) {
        report(M.invalidAnsatzOption("p", "a positive integer constant (the number of layers)", option.value.span));
        ok = false;
      }
    } else if (name === "mixer") {
      const value = option.value;
      if (value.kind !== "name" || !QAOA_MIXERS.some((m) => m === value.name)) {
        report(M.invalidAnsatzOption("mixer", `one of ${QAOA_MIXERS.join(", ")}`, value.span));
        ok = false;
      }
    } else {
      report(M.unknownAnsatzOption(name, nearestName(name, ["p", "mixer"]), option.name.span));
      ok = false;
    }
  }
  return ok;
}

/** Source order; among diagnostics at the same place, errors first. Stable otherwise. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.span.start.offset - b.d.span.start.offset || rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}
