// DSL circuit → circuit IR, for a program the checker accepted.
//
//   1. bind parameters: `int` ones take their values from `sizes`; `angle`/`real` ones (scalars or
//      arrays, whose dimensions are int expressions) become the flat symbolic parameter list
//      (`theta[0][1]`, …, row-major), so rebinding values never rebuilds the circuit
//   2. walk the body: `qubit` declarations allocate qubits in order, `for` loops unroll (inclusive
//      bounds), whole-register operands broadcast as in OpenQASM, user gates inline with their own
//      scope, measure/reset/barrier pass through (qubit k is measured into classical bit k)
//   3. problems that depend on the sizes (an index out of range, operands that coincide) become
//      diagnostics at the DSL location
import * as A from "../lang/ast.js";
import type { CheckResult } from "../lang/check.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import { GATES, isGateName, type AngleExpr, type Circuit, type Op } from "./ir.js";
import { evaluateAngleExpr, evaluateInteger, fail, LoweringError, type Binding } from "./lower-expr.js";

export interface LowerOptions {
  /** Values of the circuit's `int` parameters, e.g. `{ n: 4, layers: 2 }`. */
  readonly sizes?: Readonly<Record<string, number>>;
  /** Upper bound on the number of operations (guards against runaway loops and memory exhaustion); default 2 million. */
  readonly maxOps?: number;
}

export interface LowerResult {
  /** Present when there are no errors. */
  readonly circuit?: Circuit;
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_MAX_OPS = 2_000_000;
/** Qubits a lowered circuit may have in total (far beyond simulation; routing and estimates still work). */
const MAX_QUBITS = 2 ** 20;

/** Lowers circuit `circuitName` of a checked program; every user-facing problem is a diagnostic. */
export function lowerCircuit(checked: CheckResult, circuitName: string, options: LowerOptions = {}): LowerResult {
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { diagnostics: errors };
  const ansatz = checked.symbols.ansatzes.get(circuitName);
  if (ansatz) {
    return {
      diagnostics: [{
        severity: "error",
        code: "lower-not-supported-yet",
        message: `'${circuitName}' is a ${ansatz.ansatz} ansatz; building it needs the problem's Ising form, which circuit lowering does not support yet`,
        span: ansatz.decl.span,
        notes: [`help: write the ansatz as an explicit circuit with angle parameters for now`],
      }],
    };
  }
  const symbols = checked.symbols.circuits.get(circuitName);
  if (!symbols) {
    const known = [...checked.symbols.circuits.keys()];
    throw new RangeError(`circuit name must be one of the program's circuits (${known.join(", ") || "none"}), got '${circuitName}'`);
  }
  const gates = new Map<string, A.GateDecl>();
  for (const item of checked.ast.items) if (item.kind === "gate") gates.set(item.name.name, item);
  const lowerer = new Lowerer(gates, options.maxOps ?? DEFAULT_MAX_OPS);
  try {
    const scope = lowerer.bindParameters(symbols.decl, options.sizes ?? {});
    lowerer.statements(symbols.decl.body, scope);
  } catch (error) {
    if (error instanceof LoweringError) return { diagnostics: [error.diagnostic] };
    throw error;
  }
  return { circuit: lowerer.finish(circuitName), diagnostics: [] };
}

type Scope = Map<string, Binding>;

class Lowerer {
  readonly ops: Op[] = [];
  readonly parameters: string[] = [];
  private nQubits = 0;
  private measured = false;
  /** Indices of `barrier` statements without operands (every qubit, filled in at the end). */
  private readonly fullBarriers = new Set<number>();

  constructor(
    private readonly gates: ReadonlyMap<string, A.GateDecl>,
    private readonly maxOps: number,
  ) {}

  bindParameters(decl: A.CircuitDecl, sizes: Readonly<Record<string, number>>): Scope {
    const scope: Scope = new Map();
    for (const name of Object.keys(sizes)) {
      const param = decl.params.find((p) => p.name.name === name);
      if (!param || param.type.kind !== "scalar-type" || param.type.name !== "int") {
        const ints = decl.params.filter((p) => p.type.kind === "scalar-type" && p.type.name === "int").map((p) => p.name.name);
        fail(decl.name.span, "lower-unknown-size", `circuit '${decl.name.name}' has no int parameter '${name}' (its sizes are ${ints.join(", ") || "none"})`);
      }
    }
    for (const param of decl.params) {
      const name = param.name.name;
      const element = param.type.kind === "scalar-type" ? param.type.name : param.type.element.name;
      if (element === "int" && param.type.kind === "scalar-type") {
        const value = sizes[name];
        if (value === undefined) fail(param.span, "lower-missing-size", `int parameter '${name}' needs a value (pass sizes: { ${name}: … })`);
        if (!Number.isSafeInteger(value)) fail(param.span, "lower-not-integer", `int parameter '${name}' must be a whole number, got ${value}`);
        scope.set(name, { kind: "number", value });
      } else if (element === "angle" || element === "real") {
        if (param.type.kind === "scalar-type") {
          scope.set(name, { kind: "angle", expr: { kind: "param", index: this.parameters.length } });
          this.parameters.push(name);
        } else {
          const dims = param.type.dims.map((dim) => evaluateInteger(dim, scope, "an array dimension"));
          const first = this.parameters.length;
          for (const [k, size] of dims.entries()) if (size < 0) fail(param.type.dims[k]!.span, "lower-negative-size", `dimension ${k + 1} of '${name}' is ${size}`);
          this.parameters.push(...flatNames(name, dims));
          scope.set(name, { kind: "angle-array", first, dims });
        }
      } else {
        fail(param.span, "lower-unsupported", `circuit parameters of type ${element}${param.type.kind === "array-type" ? " arrays" : ""} are not supported`);
      }
    }
    return scope;
  }

  statements(body: readonly A.CircuitStmt[], scope: Scope): void {
    for (const s of body) this.statement(s, scope);
  }

  private statement(s: A.CircuitStmt, scope: Scope): void {
    switch (s.kind) {
      case "qubit-decl": {
        const size = s.size === undefined ? 1 : evaluateInteger(s.size, scope, "a register size");
        if (size < 1) fail(s.size?.span ?? s.span, "lower-register-size", `register '${s.name.name}' must hold at least one qubit, got ${size}`);
        if (this.nQubits + size > MAX_QUBITS) fail(s.size?.span ?? s.span, "lower-register-size", `a circuit may have at most ${MAX_QUBITS} qubits; register '${s.name.name}' would make ${this.nQubits + size}`);
        if (scope.has(s.name.name)) fail(s.name.span, "lower-duplicate-register", `'${s.name.name}' is already declared`);
        scope.set(s.name.name, { kind: "register", offset: this.nQubits, size, single: s.size === undefined });
        this.nQubits += size;
        return;
      }
      case "gate-apply":
        this.gateApply(s, scope);
        return;
      case "for": {
        const lo = evaluateInteger(s.lo, scope, "a loop bound");
        const hi = evaluateInteger(s.hi, scope, "a loop bound");
        for (let i = lo; i <= hi; i++) {
          const inner = new Map(scope);
          inner.set(s.variable.name, { kind: "number", value: i });
          this.statements(s.body, inner);
        }
        return;
      }
      case "measure":
        this.measured = true;
        for (const qubit of this.targets(s.targets, scope)) this.push({ kind: "measure", qubit, clbit: qubit }, s.span);
        return;
      case "reset":
        for (const qubit of this.targets(s.targets, scope)) this.push({ kind: "reset", qubit }, s.span);
        return;
      case "barrier":
        if (s.targets.length === 0) this.fullBarriers.add(this.ops.length);
        this.push({ kind: "barrier", qubits: [...new Set(this.targets(s.targets, scope))] }, s.span);
        return;
      default:
        A.assertNever(s);
    }
  }

  private gateApply(s: A.GateApply, scope: Scope): void {
    const name = s.gate.name;
    const angles = s.angles.map((angle) => evaluateAngleExpr(angle, scope));
    const operands = s.qubits.map((ref) => this.resolve(ref, scope));
    const width = broadcastWidth(operands, s);
    for (let k = 0; k < width; k++) {
      const qubits = operands.map((list) => (list.length === 1 ? list[0] : list[k]) as number);
      const clash = qubits.find((q, i) => qubits.indexOf(q) !== i);
      if (clash !== undefined) fail(s.span, "lower-duplicate-qubit", `gate '${name}' is applied to qubit ${clash} twice; operands must be distinct`);
      if (isGateName(name)) {
        if (GATES[name].nQubits !== qubits.length || GATES[name].nAngles !== angles.length) throw new Error(`internal: the checker let a wrong '${name}' application through`);
        this.push({ kind: "gate", name, qubits, angles }, s.span);
        continue;
      }
      const gate = this.gates.get(name);
      if (!gate) throw new Error(`internal: the checker let unknown gate '${name}' through`);
      this.inline(gate, s, angles, qubits);
    }
  }

  /** A user gate: its parameters and qubits bound in a fresh scope (gates see only their own names). */
  private inline(gate: A.GateDecl, site: A.GateApply, angles: readonly AngleExpr[], qubits: readonly number[]): void {
    const scope: Scope = new Map();
    gate.params.forEach((param, k) => {
      const value = angles[k] as AngleExpr;
      const isInt = param.type.kind === "scalar-type" && param.type.name === "int";
      if (isInt && value.kind !== "const") fail(site.angles[k]?.span ?? site.span, "lower-not-constant", `int parameter '${param.name.name}' of gate '${gate.name.name}' needs a constant`);
      scope.set(param.name.name, isInt && value.kind === "const" ? { kind: "number", value: value.value } : { kind: "angle", expr: value });
    });
    gate.qubits.forEach((qubit, k) => scope.set(qubit.name, { kind: "register", offset: qubits[k] as number, size: 1, single: true }));
    this.statements(gate.body, scope);
  }

  private targets(refs: readonly A.QubitRef[], scope: Scope): number[] {
    if (refs.length === 0) return [];
    return refs.flatMap((ref) => this.resolve(ref, scope));
  }

  private resolve(ref: A.QubitRef, scope: Scope): number[] {
    const binding = scope.get(ref.register.name);
    if (binding?.kind !== "register") throw new Error(`internal: '${ref.register.name}' is not a qubit register`);
    if (ref.index === undefined) return Array.from({ length: binding.size }, (_, i) => binding.offset + i);
    const index = evaluateInteger(ref.index, scope, "a qubit index");
    if (binding.single || index < 0 || index >= binding.size) {
      const range = binding.single ? "it is a single qubit" : `it has ${binding.size} qubit${binding.size === 1 ? "" : "s"} (indices 0..${binding.size - 1})`;
      fail(ref.span, "lower-qubit-range", `qubit index ${index} is out of range for '${ref.register.name}': ${range}`);
    }
    return [binding.offset + index];
  }

  private push(op: Op, span: Span): void {
    if (this.ops.length >= this.maxOps) fail(span, "lower-too-large", `the circuit exceeds ${this.maxOps} operations; check the sizes and loop bounds`);
    this.ops.push(op);
  }

  finish(name: string): Circuit {
    const all = Array.from({ length: this.nQubits }, (_, q) => q);
    const ops = this.ops.map((op, k) => (this.fullBarriers.has(k) ? { kind: "barrier" as const, qubits: all } : op));
    return { name, nQubits: this.nQubits, nClbits: this.measured ? this.nQubits : 0, parameters: this.parameters, ops };
  }
}

function broadcastWidth(operands: readonly number[][], s: A.GateApply): number {
  let width = 1;
  for (const [k, list] of operands.entries()) {
    if (list.length === 1) continue;
    if (width !== 1 && list.length !== width) fail(s.qubits[k]?.span ?? s.span, "lower-broadcast", `registers in one gate application must have equal sizes, got ${width} and ${list.length}`);
    width = list.length;
  }
  return width;
}

/** `theta[0][0]`, `theta[0][1]`, … in row-major order. */
function flatNames(name: string, dims: readonly number[]): string[] {
  let names = [name];
  for (const size of dims) names = names.flatMap((prefix) => Array.from({ length: size }, (_, i) => `${prefix}[${i}]`));
  return names;
}
