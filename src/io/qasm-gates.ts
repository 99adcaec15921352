// The gates an OpenQASM 2.0 program can call: built-ins, qelib1.inc (or OpenQASM 3's stdgates.inc), and the program's own `gate` and
// `opaque` declarations, each checked once where it is declared so that expanding a call never fails.
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import { nearestName } from "../lang/suggest.js";
import { GATES, type GateName } from "../circuit/ir.js";
import type { QasmGateDefinition } from "./qasm-ast.js";
import { findUnknownName } from "./qasm-expression.js";
import { parseQasm } from "./qasm-parser.js";
import { BUILTIN_GATES, QELIB1_DEFINITIONS, QELIB1_GATES, STDGATES_GATES, type StandardGate } from "./qasm-stdlib.js";

export type GateEntry =
  | { readonly kind: "ir"; readonly nParams: number; readonly nQubits: number; readonly ir: NonNullable<StandardGate["ir"]> }
  | { readonly kind: "defined"; readonly nParams: number; readonly nQubits: number; readonly definition: QasmGateDefinition }
  | { readonly kind: "opaque"; readonly nParams: number; readonly nQubits: number; readonly span: Span };

/** IR gates that a standard library lacks; a `gate` declaration with such a name and signature is taken as the IR gate. */
const irGatesMissingFrom = (library: Readonly<Record<string, StandardGate>>): readonly GateName[] =>
  (Object.keys(GATES) as GateName[]).filter((name) => !(name in library));
const IR_ONLY_GATES = irGatesMissingFrom(QELIB1_GATES);
const IR_NOT_IN_STDGATES = irGatesMissingFrom(STDGATES_GATES);

export class GateTable {
  private readonly entries = new Map<string, GateEntry>();
  private qelib1Included = false;
  private stdgatesIncluded = false;

  constructor() {
    for (const [name, gate] of Object.entries(BUILTIN_GATES)) this.entries.set(name, standardEntry(gate));
  }

  get(name: string): GateEntry | undefined {
    return this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  includesQelib1(): boolean {
    return this.qelib1Included;
  }

  includesStdgates(): boolean {
    return this.stdgatesIncluded;
  }

  /** OpenQASM 3's standard gates (no definitions to parse: every one is an IR gate). */
  includeStdgates(): void {
    this.stdgatesIncluded = true;
    for (const [name, gate] of Object.entries(STDGATES_GATES)) if (!this.entries.has(name)) this.entries.set(name, standardEntry(gate));
  }

  includeQelib1(): void {
    if (this.qelib1Included) return;
    this.qelib1Included = true;
    for (const [name, gate] of Object.entries(QELIB1_GATES)) this.entries.set(name, standardEntry(gate));
    const parsed = parseQasm(QELIB1_DEFINITIONS, "qelib1.inc");
    const problems: Diagnostic[] = [...parsed.diagnostics];
    for (const statement of parsed.program.statements) {
      if (statement.kind === "gate") this.declare(statement, problems);
    }
    if (problems.length > 0) throw new Error(`internal: built-in qelib1 definitions are invalid: ${problems[0]?.message}`);
  }

  /** Checks a `gate`/`opaque` declaration and adds it; problems go to `diagnostics`. */
  declare(definition: QasmGateDefinition, diagnostics: Diagnostic[]): void {
    const error = (span: Span, code: string, message: string, notes?: string[]) =>
      diagnostics.push(notes ? { severity: "error", code, message, span, notes } : { severity: "error", code, message, span });
    if (this.entries.has(definition.name)) {
      error(definition.nameSpan, "qasm-duplicate-gate", `gate '${definition.name}' is already defined`);
      return;
    }
    const before = diagnostics.length;
    checkUnique(definition.params, "parameter", error);
    checkUnique(definition.qubits, "qubit", error);
    const params = new Set(definition.params.map((p) => p.name));
    const qubits = new Set(definition.qubits.map((q) => q.name));
    for (const op of definition.body) {
      for (const arg of op.kind === "call" || op.kind === "barrier" ? op.args : []) {
        if (arg.index !== undefined) {
          error(arg.span, "qasm-indexed-gate-argument", `inside a gate body, qubits are named without an index ('${arg.name}', not '${arg.name}[${arg.index}]')`);
        } else if (!qubits.has(arg.name)) {
          error(arg.span, "qasm-unknown-qubit", `'${arg.name}' is not a qubit argument of gate '${definition.name}'`);
        }
      }
      if (op.kind !== "call") continue;
      const callee = this.entries.get(op.name);
      if (callee === undefined) {
        error(op.nameSpan, "qasm-unknown-gate", `unknown gate '${op.name}'`, suggestion(op.name, this.names()));
        continue;
      }
      checkSignature(op.name, callee, op.params.length, op.args.length, op.span, error);
      for (const expr of op.params) {
        const unknown = findUnknownName(expr, (name) => params.has(name));
        if (unknown) error(unknown.span, "qasm-unknown-parameter", `'${formatName(unknown)}' is not a parameter of gate '${definition.name}'`);
      }
      const seen = new Set<string>();
      for (const arg of op.args) {
        if (seen.has(arg.name)) error(arg.span, "qasm-duplicate-qubit", `qubit '${arg.name}' is used twice in one gate`);
        seen.add(arg.name);
      }
    }
    if (diagnostics.length > before) return;
    if (definition.opaque) {
      this.entries.set(definition.name, { kind: "opaque", nParams: params.size, nQubits: qubits.size, span: definition.span });
      return;
    }
    const irName = (this.stdgatesIncluded ? IR_NOT_IN_STDGATES : IR_ONLY_GATES).find((name) => name === definition.name);
    if (irName && GATES[irName].nAngles === params.size && GATES[irName].nQubits === qubits.size) {
      // A round trip of our own export: the declaration spells out an IR gate that qelib1 lacks.
      this.entries.set(definition.name, { kind: "ir", nParams: params.size, nQubits: qubits.size, ir: { name: irName, angles: (p) => [...p] } });
      return;
    }
    this.entries.set(definition.name, { kind: "defined", nParams: params.size, nQubits: qubits.size, definition });
  }
}

/** Reports a wrong parameter or qubit count; returns whether the call is well-formed. */
export function checkSignature(
  name: string,
  gate: GateEntry,
  nParams: number,
  nArgs: number,
  span: Span,
  error: (span: Span, code: string, message: string) => void,
): boolean {
  let ok = true;
  if (nParams !== gate.nParams) {
    error(span, "qasm-parameter-count", `gate '${name}' takes ${plural(gate.nParams, "parameter")}, but ${nParams} ${nParams === 1 ? "was" : "were"} given`);
    ok = false;
  }
  if (nArgs !== gate.nQubits) {
    error(span, "qasm-arity", `gate '${name}' acts on ${plural(gate.nQubits, "qubit")}, but ${nArgs} ${nArgs === 1 ? "was" : "were"} given`);
    ok = false;
  }
  return ok;
}

/** "did you mean" notes for a misspelt name (gate names are short: two edits are always allowed). */
export function suggestion(name: string, known: readonly string[]): string[] | undefined {
  const best = nearestName(name, known, 2);
  return best === undefined ? undefined : [`help: did you mean '${best}'?`];
}

function standardEntry(gate: StandardGate): GateEntry {
  if (!gate.ir) throw new Error("internal: standard gate without an IR mapping");
  return { kind: "ir", nParams: gate.nParams, nQubits: gate.nQubits, ir: gate.ir };
}

function checkUnique(
  names: readonly { name: string; span: Span }[],
  what: string,
  error: (span: Span, code: string, message: string) => void,
): void {
  const seen = new Set<string>();
  for (const { name, span } of names) {
    if (seen.has(name)) error(span, "qasm-duplicate-name", `${what} '${name}' is declared twice`);
    seen.add(name);
  }
}

function formatName(expr: { kind: string; name?: string }): string {
  return expr.name ?? expr.kind;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
