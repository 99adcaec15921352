// Checks one `circuit` or user `gate`: parameters (int sizes, symbolic angles), qubit registers,
// gate applications (known gate, angle and qubit counts, distinct operands), loops, and the
// statements a unitary gate body may not contain. Produces its symbol table.
import { GATES, isGateName } from "../circuit/ir.js";
import * as A from "./ast.js";
import { ExprChecker, IN_INDEX, IN_SIZE, type NameInfo, type Scope } from "./check-expr.js";
import { printShort } from "./expr-text.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import * as M from "./messages.js";
import { nearestName } from "./suggest.js";
import type { CircuitParamSymbol, CircuitSymbols, GateSymbols, QubitRegisterSymbol } from "./symbols.js";

interface Declared {
  readonly info: NameInfo;
  readonly span: Span;
  used: boolean;
}

class CircuitScope implements Scope {
  readonly declared = new Map<string, Declared>();

  lookup(name: string): NameInfo | undefined {
    return this.declared.get(name)?.info;
  }

  use(name: string): void {
    const found = this.declared.get(name);
    if (found !== undefined) found.used = true;
  }

  candidates(): string[] {
    return [...this.declared.keys()];
  }
}

/** The user gates of the program, for resolving applications. */
export type UserGates = ReadonlyMap<string, A.GateDecl>;

class CircuitChecker {
  readonly scope = new CircuitScope();
  readonly checker: ExprChecker;
  readonly registers: QubitRegisterSymbol[] = [];

  constructor(
    readonly diagnostics: Diagnostic[],
    readonly gates: UserGates,
    /** The gate being defined, or undefined inside a circuit. */
    readonly inGate: A.GateDecl | undefined,
  ) {
    this.checker = new ExprChecker(this.scope, diagnostics);
  }

  report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  declare(name: A.Identifier, info: NameInfo): boolean {
    const previous = this.scope.declared.get(name.name);
    if (previous !== undefined) {
      this.report(M.duplicateDeclaration(name.name, previous.span, name.span));
      return false;
    }
    this.scope.declared.set(name.name, { info, span: name.span, used: false });
    return true;
  }

  params(params: readonly A.CircuitParam[]): CircuitParamSymbol[] {
    const symbols: CircuitParamSymbol[] = [];
    for (const param of params) {
      const type = param.type;
      const element = type.kind === "scalar-type" ? type.name : type.element.name;
      const dims = type.kind === "array-type" ? type.dims : [];
      for (const dim of dims) this.checker.integer(dim, "an array size", IN_SIZE);
      if (element === "bool") {
        this.report(M.invalidCircuitParamType(element, type.span));
        continue;
      }
      if (this.declare(param.name, { kind: "value", type: element, nDims: dims.length })) {
        symbols.push({ kind: "circuit-param", name: param.name.name, element, dims, decl: param });
      }
    }
    return symbols;
  }

  unusedParams(params: readonly CircuitParamSymbol[]): void {
    for (const param of params) {
      if (this.scope.declared.get(param.name)?.used === false) this.report(M.unusedParam(param.name, param.decl.name.span));
    }
  }

  body(statements: readonly A.CircuitStmt[], inLoop: boolean): void {
    for (const statement of statements) this.statement(statement, inLoop);
  }

  private statement(s: A.CircuitStmt, inLoop: boolean): void {
    switch (s.kind) {
      case "qubit-decl":
        if (this.inGate !== undefined) this.report(M.qubitDeclInGate(s.span));
        else if (inLoop) this.report(M.qubitDeclInLoop(s.span));
        if (s.size !== undefined) this.checker.integer(s.size, "a register size", IN_SIZE);
        if (this.declare(s.name, { kind: "qubit", nDims: s.size === undefined ? 0 : 1 })) {
          this.registers.push(s.size === undefined ? { kind: "qubit-register", name: s.name.name, decl: s } : { kind: "qubit-register", name: s.name.name, size: s.size, decl: s });
        }
        return;
      case "gate-apply":
        this.gateApply(s);
        return;
      case "for": {
        const binder: A.RangeBinder = { kind: "range-binder", name: s.variable, lo: s.lo, hi: s.hi, span: s.span };
        this.checker.openBinders([binder], undefined);
        this.body(s.body, true);
        this.checker.closeBinders();
        return;
      }
      case "measure":
      case "reset":
        if (this.inGate !== undefined) this.report(M.nonUnitaryInGate(s.kind, s.span));
        for (const target of s.targets) this.qubitRef(target);
        return;
      case "barrier":
        for (const target of s.targets) this.qubitRef(target);
        return;
      default:
        A.assertNever(s);
    }
  }

  /** Checks an operand; returns whether it names a qubit. */
  private qubitRef(ref: A.QubitRef): boolean {
    const name = ref.register.name;
    const info = this.checker.lookup(name);
    if (ref.index !== undefined) this.checker.integer(ref.index, "a qubit index", IN_INDEX);
    if (info === undefined) {
      this.report(M.unknownSymbol(name, nearestName(name, this.qubitNames()), ref.register.span));
      return false;
    }
    this.scope.use(name);
    if (info.kind !== "qubit") {
      this.report(M.notAQubit(name, ref.register.span));
      return false;
    }
    if (ref.index !== undefined && info.nDims === 0) {
      this.report(M.notIndexable(name, ref.span));
      return false;
    }
    return true;
  }

  private qubitNames(): string[] {
    return [...this.scope.declared].filter(([, d]) => d.info.kind === "qubit").map(([n]) => n);
  }

  private gateApply(s: A.GateApply): void {
    const name = s.gate.name;
    const user = this.gates.get(name);
    const builtin = isGateName(name) ? GATES[name] : undefined;
    for (const angle of s.angles) this.checker.numeric(angle, "a gate angle");
    const operandsOk = s.qubits.map((q) => this.qubitRef(q));
    if (user === undefined && builtin === undefined) {
      this.report(M.unknownGate(name, nearestName(name, [...this.gates.keys(), ...Object.keys(GATES)]), s.gate.span));
      return;
    }
    if (user !== undefined && user === this.inGate) this.report(M.recursiveGate(name, s.gate.span));
    const nAngles = user !== undefined ? user.params.length : builtin!.nAngles;
    const nQubits = user !== undefined ? user.qubits.length : builtin!.nQubits;
    if (s.angles.length !== nAngles) {
      this.report(M.wrongArgumentCount(`gate '${name}'`, plural(nAngles, "angle"), s.angles.length, s.span));
    }
    if (s.qubits.length !== nQubits) {
      this.report(M.wrongArgumentCount(`gate '${name}'`, plural(nQubits, "qubit"), s.qubits.length, s.span));
    }
    if (operandsOk.every(Boolean)) this.distinctOperands(s.qubits);
  }

  /** Operands overlap when they name the same register and either one is the whole register or the indices are the same expression. */
  private distinctOperands(qubits: readonly A.QubitRef[]): void {
    for (let i = 0; i < qubits.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = qubits[i]!;
        const b = qubits[j]!;
        if (a.register.name !== b.register.name) continue;
        if (a.index === undefined || b.index === undefined || printShort(a.index) === printShort(b.index)) {
          this.report(M.duplicateQubit(a.span));
          return;
        }
      }
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function checkCircuit(circuit: A.CircuitDecl, gates: UserGates, diagnostics: Diagnostic[]): CircuitSymbols {
  const c = new CircuitChecker(diagnostics, gates, undefined);
  const params = c.params(circuit.params);
  c.body(circuit.body, false);
  c.unusedParams(params);
  return { kind: "circuit", name: circuit.name.name, params, registers: c.registers, decl: circuit };
}

export function checkGate(gate: A.GateDecl, gates: UserGates, diagnostics: Diagnostic[]): GateSymbols {
  const c = new CircuitChecker(diagnostics, gates, gate);
  const params = c.params(gate.params);
  for (const qubit of gate.qubits) c.declare(qubit, { kind: "qubit", nDims: 0 });
  c.body(gate.body, false);
  c.unusedParams(params);
  return { kind: "gate", name: gate.name.name, params, qubits: gate.qubits.map((q) => q.name), decl: gate };
}

/**
 * Gates that apply themselves through other gates (direct self-application is reported in the
 * body). One depth-first search over the call graph, O(gates + calls): a call to a gate that is
 * still on the search path closes a cycle and is reported at that call.
 */
export function findGateCycles(gates: UserGates, diagnostics: Diagnostic[]): void {
  const calls = new Map<string, A.GateApply[]>();
  for (const [name, gate] of gates) {
    const out: A.GateApply[] = [];
    const walk = (body: readonly A.CircuitStmt[]) => {
      for (const s of body) {
        if (s.kind === "gate-apply" && gates.has(s.gate.name) && s.gate.name !== name) out.push(s);
        else if (s.kind === "for") walk(s.body);
      }
    };
    walk(gate.body);
    calls.set(name, out);
  }
  const state = new Map<string, "on-path" | "done">();
  for (const root of gates.keys()) {
    if (state.has(root)) continue;
    // Iterative DFS: each frame is a gate and the index of its next call to follow.
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, "on-path");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const sites = calls.get(frame.name)!;
      if (frame.next === sites.length) {
        state.set(frame.name, "done");
        stack.pop();
        continue;
      }
      const site = sites[frame.next++]!;
      const callee = site.gate.name;
      const seen = state.get(callee);
      if (seen === "on-path") diagnostics.push(M.recursiveGate(callee, site.gate.span));
      else if (seen === undefined) {
        state.set(callee, "on-path");
        stack.push({ name: callee, next: 0 });
      }
    }
  }
}
