// OpenQASM 2.0 text → circuit IR.
//
//   1. parse (qasm-parser.ts): syntax diagnostics
//   2. walk the statements in order: include, registers, gate declarations (qasm-gates.ts checks each
//      once), and operations, whose register arguments are resolved, broadcast and range-checked
//   3. expand each call: IR gates directly, user and qelib1-defined gates by inlining their bodies
//
// Qubits of several `qreg`s are numbered in declaration order (the first register's q[0] is qubit 0);
// classical bits likewise. Angles are evaluated to numbers: OpenQASM 2 has no free parameters.
// `if (c == n) op;` becomes one conditional IR op per operation `op` expands to, each reading the
// whole register c (its bit 0 least significant).
import type { Circuit, ConditionedOp, Op } from "../circuit/ir.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import type { QasmArgument, QasmGateCall, QasmQuantumOp, QasmStatement } from "./qasm-ast.js";
import { evaluateQasmExpr, findUnknownName } from "./qasm-expression.js";
import { checkSignature, GateTable, suggestion, type GateEntry } from "./qasm-gates.js";
import { parseQasm } from "./qasm-parser.js";

export interface QasmImportOptions {
  /** Shown in diagnostics' spans. */
  readonly file?: string;
  /** The circuit's name; defaults to the file's base name or `qasm`. */
  readonly name?: string;
  /** Text of an included file other than qelib1.inc, or undefined when it cannot be found. */
  readonly resolveInclude?: (path: string) => string | undefined;
  /** Upper bound on the imported operations (guards against exponential gate nesting and memory exhaustion); default 2 million. */
  readonly maxOps?: number;
}

export interface QasmRegister {
  readonly name: string;
  readonly size: number;
  /** The flat index of element 0. */
  readonly offset: number;
}

export interface QasmImport {
  /** Present when there are no errors. */
  readonly circuit?: Circuit;
  readonly diagnostics: readonly Diagnostic[];
  readonly quantumRegisters: readonly QasmRegister[];
  readonly classicalRegisters: readonly QasmRegister[];
}

/** Imports an OpenQASM 2.0 program; every problem is a diagnostic with line and column. */
export function importQasm(text: string, options: QasmImportOptions = {}): QasmImport {
  if (typeof text !== "string") throw new TypeError("OpenQASM source must be a string");
  const importer = new QasmImporter(options);
  try {
    importer.run(text, options.file, 0);
  } catch (error) {
    if (error instanceof ImportLimit) importer.diagnostics.push(error.diagnostic);
    else if (isStackOverflow(error)) importer.diagnostics.push(wholeFile(text, options.file, "qasm-nesting", "expressions or gate definitions nest too deeply to import"));
    else throw error;
  }
  const diagnostics = importer.diagnostics;
  const result = { diagnostics, quantumRegisters: importer.quantum, classicalRegisters: importer.classical };
  if (diagnostics.some((d) => d.severity === "error")) return result;
  const name = options.name ?? options.file?.replace(/^.*[\\/]/, "").replace(/\.qasm$/, "") ?? "qasm";
  const circuit: Circuit = { name, nQubits: importer.nQubits, nClbits: importer.nClbits, parameters: [], ops: importer.ops };
  return { ...result, circuit };
}

const MAX_INCLUDE_DEPTH = 16;
const DEFAULT_MAX_OPS = 2_000_000;
/** Qubits (and, separately, classical bits) a program may declare in total. */
const MAX_REGISTER_TOTAL = 2 ** 20;

/** Thrown when the program expands to more operations than allowed; reported once. */
class ImportLimit extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function wholeFile(text: string, file: string | undefined, code: string, message: string): Diagnostic {
  const start = { line: 1, column: 1, offset: 0 };
  const end = { line: 1, column: 1 + (text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")), offset: text.indexOf("\n") === -1 ? text.length : text.indexOf("\n") };
  return { severity: "error", code, message, span: file === undefined ? { start, end } : { start, end, file } };
}

class QasmImporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly quantum: QasmRegister[] = [];
  readonly classical: QasmRegister[] = [];
  readonly ops: Op[] = [];
  nQubits = 0;
  nClbits = 0;
  private readonly gates = new GateTable();
  private readonly maxOps: number;
  /** Set while the operation of an `if` statement is expanded: every op emitted is guarded by it. */
  private condition: { readonly clbits: readonly number[]; readonly value: number } | undefined;

  constructor(private readonly options: QasmImportOptions) {
    this.maxOps = options.maxOps ?? DEFAULT_MAX_OPS;
  }

  private emit(op: Op, span: Span): void {
    if (this.ops.length >= this.maxOps) {
      throw new ImportLimit({ severity: "error", code: "qasm-too-large", message: `the program expands to more than ${this.maxOps} operations`, span });
    }
    // Barriers inside a conditioned custom gate order nothing that depends on the condition.
    if (this.condition && op.kind !== "barrier") this.ops.push({ kind: "if", ...this.condition, op: op as ConditionedOp });
    else this.ops.push(op);
  }

  run(text: string, file: string | undefined, depth: number): void {
    const parsed = parseQasm(text, file);
    this.diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0) return;
    for (const statement of parsed.program.statements) {
      switch (statement.kind) {
        case "include":
          this.include(statement.path, statement.span, depth);
          break;
        case "register":
          this.declareRegister(statement.quantum, statement.name, statement.size, statement.span, statement.sizeSpan);
          break;
        case "gate":
          this.gates.declare(statement, this.diagnostics);
          break;
        case "if":
          this.conditional(statement);
          break;
        case "call":
        case "measure":
        case "reset":
        case "barrier":
          this.operation(statement);
          break;
        default:
          assertNever(statement);
      }
    }
  }

  private conditional(statement: Extract<QasmStatement, { kind: "if" }>): void {
    const { register: name, value, op } = statement;
    const register = this.resolveRegister(name, statement.registerSpan, false);
    if (!register) return;
    if (!Number.isSafeInteger(value) || (register.size < 53 && value > 2 ** register.size - 1)) {
      const most = register.size < 53 ? `${2 ** register.size - 1}` : "2^53 − 1";
      this.error(statement.span, "qasm-condition-value", `'${name}' has ${register.size} bit${register.size === 1 ? "" : "s"}, so its value is at most ${most}: the condition ${name}==${value} can never hold`);
      return;
    }
    if (op.kind === "barrier") {
      this.error(op.span, "qasm-condition-operation", "'if' applies to a gate call, measure or reset, not to a barrier");
      return;
    }
    const clbits = Array.from({ length: register.size }, (_, k) => register.offset + k);
    const start = this.ops.length;
    this.condition = { clbits, value };
    try {
      this.operation(op);
    } finally {
      this.condition = undefined;
    }
    // OpenQASM tests the condition once for the whole statement; as separate IR ops, a measurement
    // into the register would change what the next one reads.
    const emitted = this.ops.slice(start);
    if (emitted.length > 1 && emitted.some((o) => o.kind === "if" && o.op.kind === "measure" && clbits.includes(o.op.clbit))) {
      this.ops.length = start;
      this.error(op.span, "qasm-condition-operation", `this conditional measurement writes several bits, some into '${name}', which its own condition reads; write one measurement per 'if' (or measure into another register)`);
    }
  }

  private include(path: string, span: Span, depth: number): void {
    if (path === "qelib1.inc") {
      this.gates.includeQelib1();
      return;
    }
    if (path === "stdgates.inc") {
      this.gates.includeStdgates();
      return;
    }
    const text = depth < MAX_INCLUDE_DEPTH ? this.options.resolveInclude?.(path) : undefined;
    if (text === undefined) {
      this.error(span, "qasm-include", depth >= MAX_INCLUDE_DEPTH ? `includes nest deeper than ${MAX_INCLUDE_DEPTH} files` : `cannot include '${path}': only qelib1.inc and stdgates.inc are built in`);
      return;
    }
    this.run(text, path, depth + 1);
  }

  private declareRegister(quantum: boolean, name: string, size: number, span: Span, sizeSpan: Span): void {
    if ([...this.quantum, ...this.classical].some((r) => r.name === name) || this.gates.get(name)) {
      this.error(span, "qasm-duplicate-register", `'${name}' is already declared`);
      return;
    }
    if (!Number.isSafeInteger(size) || size < 1) {
      this.error(sizeSpan, "qasm-register-size", `a register must hold at least one ${quantum ? "qubit" : "bit"}, got size ${size}`);
      return;
    }
    const registers = quantum ? this.quantum : this.classical;
    const offset = quantum ? this.nQubits : this.nClbits;
    if (offset + size > MAX_REGISTER_TOTAL) {
      this.error(sizeSpan, "qasm-register-size", `a program may declare at most ${MAX_REGISTER_TOTAL} ${quantum ? "qubits" : "bits"} in total; this register would make ${offset + size}`);
      return;
    }
    registers.push({ name, size, offset });
    if (quantum) this.nQubits += size;
    else this.nClbits += size;
  }

  private operation(op: QasmQuantumOp): void {
    switch (op.kind) {
      case "call":
        this.call(op);
        return;
      case "measure": {
        const qubits = this.resolveArgument(op.qubit, true);
        const bits = this.resolveArgument(op.bit, false);
        if (!qubits || !bits) return;
        if (qubits.length !== bits.length) {
          this.error(op.span, "qasm-broadcast", `measure needs as many bits as qubits, got ${qubits.length} qubit(s) and ${bits.length} bit(s)`);
          return;
        }
        for (let i = 0; i < qubits.length; i++) this.emit({ kind: "measure", qubit: qubits[i] as number, clbit: bits[i] as number }, op.span);
        return;
      }
      case "reset": {
        const qubits = this.resolveArgument(op.qubit, true);
        for (const qubit of qubits ?? []) this.emit({ kind: "reset", qubit }, op.span);
        return;
      }
      case "barrier": {
        const lists = op.args.map((arg) => this.resolveArgument(arg, true));
        if (lists.some((list) => list === undefined)) return;
        const qubits = [...new Set(lists.flatMap((list) => list ?? []))];
        this.emit({ kind: "barrier", qubits }, op.span);
        return;
      }
      default:
        assertNever(op);
    }
  }

  private call(call: QasmGateCall): void {
    const gate = this.lookupGate(call);
    if (!gate) return;
    if (!checkSignature(call.name, gate, call.params.length, call.args.length, call.span, (s, c, m) => this.error(s, c, m))) return;
    const params: number[] = [];
    for (const expr of call.params) {
      const unknown = findUnknownName(expr, () => false);
      if (unknown) {
        this.error(unknown.span, "qasm-unknown-parameter", `'${unknown.kind === "name" ? unknown.name : ""}' is not defined (only gate bodies have named parameters)`);
        return;
      }
      params.push(evaluateQasmExpr(expr, new Map()));
    }
    const lists = call.args.map((arg) => this.resolveArgument(arg, true));
    if (lists.some((list) => list === undefined)) return;
    const resolved = lists as number[][];
    let width = 1;
    for (let k = 0; k < resolved.length; k++) {
      const list = resolved[k] as number[];
      if (call.args[k]?.index !== undefined) continue;
      if (width !== 1 && list.length !== width && list.length !== 1) {
        this.error(call.span, "qasm-broadcast", `registers in one gate call must have equal sizes, got ${width} and ${list.length}`);
        return;
      }
      width = Math.max(width, list.length);
    }
    for (let i = 0; i < width; i++) {
      const qubits = resolved.map((list) => (list.length === 1 ? (list[0] as number) : (list[i] as number)));
      if (new Set(qubits).size !== qubits.length) {
        this.error(call.span, "qasm-duplicate-qubit", `gate '${call.name}' is applied to the same qubit twice (qubits ${qubits.join(", ")})`);
        return;
      }
      this.expand(gate, params, qubits, call.span);
    }
  }

  private lookupGate(call: QasmGateCall): GateEntry | undefined {
    const gate = this.gates.get(call.name);
    if (gate?.kind === "opaque") {
      this.error(call.nameSpan, "qasm-opaque-gate", `gate '${call.name}' is opaque: it has no definition to simulate`);
      return undefined;
    }
    if (gate) return gate;
    const notes = suggestion(call.name, this.gates.names()) ?? [];
    if (!this.gates.includesQelib1() && !this.gates.includesStdgates()) notes.push(`help: standard gates need 'include "qelib1.inc";'`);
    this.error(call.nameSpan, "qasm-unknown-gate", `unknown gate '${call.name}'`, notes);
    return undefined;
  }

  /** Inlines one application of `gate` (qubits already resolved and distinct). */
  private expand(gate: GateEntry, params: readonly number[], qubits: readonly number[], span: Span): void {
    switch (gate.kind) {
      case "ir": {
        const angles = gate.ir.angles(params);
        if (angles.some((angle) => !Number.isFinite(angle))) {
          this.error(span, "qasm-angle", `an angle of this gate is not a finite number (${angles.join(", ")})`);
          return;
        }
        this.emit({ kind: "gate", name: gate.ir.name, qubits: [...qubits], angles: angles.map((value) => ({ kind: "const", value })) }, span);
        return;
      }
      case "defined": {
        const { definition } = gate;
        const scope = new Map(definition.params.map((p, k) => [p.name, params[k] as number]));
        const wires = new Map(definition.qubits.map((q, k) => [q.name, qubits[k] as number]));
        for (const op of definition.body) {
          const mapped = op.kind === "call" || op.kind === "barrier" ? op.args.map((arg) => wires.get(arg.name) as number) : [];
          if (op.kind === "barrier") {
            this.emit({ kind: "barrier", qubits: mapped }, span);
          } else if (op.kind === "call") {
            const callee = this.gates.get(op.name);
            if (!callee) throw new Error(`internal: gate '${op.name}' was checked at its declaration`);
            this.expand(callee, op.params.map((expr) => evaluateQasmExpr(expr, scope)), mapped, span);
          }
        }
        return;
      }
      case "opaque":
        throw new Error("internal: opaque gates are rejected before expansion");
      default:
        assertNever(gate);
    }
  }

  private resolveArgument(arg: QasmArgument, quantum: boolean): number[] | undefined {
    const register = this.resolveRegister(arg.name, arg.span, quantum);
    if (!register) return undefined;
    if (arg.index === undefined) return Array.from({ length: register.size }, (_, i) => register.offset + i);
    if (arg.index >= register.size) {
      this.error(arg.span, "qasm-index-range", `index ${arg.index} is out of range for '${arg.name}', which has ${register.size} ${quantum ? "qubit" : "bit"}${register.size === 1 ? "" : "s"} (indices 0..${register.size - 1})`);
      return undefined;
    }
    return [register.offset + arg.index];
  }

  private resolveRegister(name: string, span: Span, quantum: boolean): QasmRegister | undefined {
    const register = (quantum ? this.quantum : this.classical).find((r) => r.name === name);
    if (register) return register;
    const other = (quantum ? this.classical : this.quantum).find((r) => r.name === name);
    const kind = quantum ? "quantum" : "classical";
    if (other) {
      this.error(span, "qasm-register-kind", `'${name}' is a ${quantum ? "classical" : "quantum"} register, but a ${kind} register is needed here`);
    } else {
      const declared = quantum ? this.quantum : this.classical;
      const notes = suggestion(name, declared.map((r) => r.name)) ?? [];
      notes.push(
        declared.length === 0
          ? `help: the program declares no ${kind} register before this line; declare one with '${quantum ? "qreg" : "creg"} ${name}[n];'`
          : `help: the ${kind} register${declared.length === 1 ? "" : "s"} declared so far: ${declared.map((r) => `${r.name}[${r.size}]`).join(", ")}`,
      );
      this.error(span, "qasm-undeclared-register", `${kind} register '${name}' is not declared`, notes);
    }
    return undefined;
  }

  private error(span: Span, code: string, message: string, notes?: readonly string[]): void {
    this.diagnostics.push(notes && notes.length > 0 ? { severity: "error", code, message, span, notes } : { severity: "error", code, message, span });
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected OpenQASM node ${JSON.stringify(value)}`);
}
