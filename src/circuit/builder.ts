// A fluent, typed builder for the circuit IR:
//
//   const b = circuit(3, { name: "qaoa" });
//   const gamma = b.parameters("gamma", 2);
//   b.h(0).cx(0, 1).rz(gamma[0].times(2), 1).measureAll();
//   const c = b.build();                      // angles stay symbolic: bind values when simulating
//
// Angles are numbers or `Angle` values (symbolic expressions over named parameters); TypeScript has
// no operator overloading, so arithmetic is `plus / minus / times / over / neg`.
import type { AngleExpr, Circuit, GateName, Op } from "./ir.js";
import { GATES } from "./ir.js";

export type AngleInput = number | Angle;

/** A symbolic angle expression; immutable, combine with plus/minus/times/over/neg. */
export class Angle {
  constructor(readonly expr: AngleExpr) {}

  plus(other: AngleInput): Angle {
    return new Angle({ kind: "add", left: this.expr, right: toAngleExpr(other) });
  }

  minus(other: AngleInput): Angle {
    return new Angle({ kind: "sub", left: this.expr, right: toAngleExpr(other) });
  }

  times(other: AngleInput): Angle {
    return new Angle({ kind: "mul", left: this.expr, right: toAngleExpr(other) });
  }

  over(other: AngleInput): Angle {
    return new Angle({ kind: "div", left: this.expr, right: toAngleExpr(other) });
  }

  neg(): Angle {
    return new Angle({ kind: "neg", arg: this.expr });
  }
}

/** An angle from a number or an Angle (numbers must be finite). */
export function toAngleExpr(value: AngleInput): AngleExpr {
  if (value instanceof Angle) return value.expr;
  if (typeof value !== "number") throw new TypeError(`an angle must be a number or an Angle, got ${typeof value}`);
  if (!Number.isFinite(value)) throw new RangeError(`an angle must be finite, got ${value}`);
  return { kind: "const", value };
}

/** sin, cos, exp, log or sqrt of an angle expression. */
export function angleCall(fn: "sin" | "cos" | "exp" | "log" | "sqrt", arg: AngleInput): Angle {
  return new Angle({ kind: "call", fn, arg: toAngleExpr(arg) });
}

export interface CircuitOptions {
  readonly name?: string;
  /** Classical bits; by default grows to cover the highest measured clbit. */
  readonly nClbits?: number;
}

export class CircuitBuilder {
  private readonly ops: Op[] = [];
  private readonly parameterNames: string[] = [];
  private readonly name: string;
  private nClbits: number;
  private readonly fixedClbits: boolean;

  constructor(
    readonly nQubits: number,
    options: CircuitOptions = {},
  ) {
    if (!Number.isInteger(nQubits) || nQubits < 1) throw new RangeError(`a circuit needs a positive integer qubit count, got ${nQubits}`);
    this.name = options.name ?? "circuit";
    this.fixedClbits = options.nClbits !== undefined;
    this.nClbits = options.nClbits ?? 0;
    if (!Number.isInteger(this.nClbits) || this.nClbits < 0) throw new RangeError(`nClbits must be a non-negative integer, got ${this.nClbits}`);
  }

  /** A new scalar angle parameter. */
  parameter(name: string): Angle {
    return new Angle({ kind: "param", index: this.addParameter(name) });
  }

  /** A parameter array `name[0..length−1]`, or a 2-D array `name[i][j]` for a [rows, columns] shape. */
  parameters(name: string, length: number): Angle[];
  parameters(name: string, shape: readonly [number, number]): Angle[][];
  parameters(name: string, shape: number | readonly [number, number]): Angle[] | Angle[][] {
    const check = (n: number): number => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`parameter array '${name}' needs non-negative integer sizes, got ${n}`);
      return n;
    };
    if (typeof shape === "number") {
      return Array.from({ length: check(shape) }, (_, i) => new Angle({ kind: "param", index: this.addParameter(`${name}[${i}]`) }));
    }
    const [rows, columns] = shape;
    return Array.from({ length: check(rows) }, (_, i) =>
      Array.from({ length: check(columns) }, (_, j) => new Angle({ kind: "param", index: this.addParameter(`${name}[${i}][${j}]`) })),
    );
  }

  private addParameter(name: string): number {
    if (this.parameterNames.includes(name)) throw new RangeError(`parameter '${name}' is already declared`);
    this.parameterNames.push(name);
    return this.parameterNames.length - 1;
  }

  /** Appends any IR gate by name: `gate("crz", [0, 1], [theta])`. */
  gate(name: GateName, qubits: readonly number[], angles: readonly AngleInput[] = []): this {
    const spec = GATES[name];
    if (spec === undefined) throw new TypeError(`unknown gate '${String(name)}'`);
    if (qubits.length !== spec.nQubits) throw new RangeError(`gate ${name} needs ${spec.nQubits} qubits, got ${qubits.length}`);
    if (angles.length !== spec.nAngles) throw new RangeError(`gate ${name} needs ${spec.nAngles} angles, got ${angles.length}`);
    qubits.forEach((q) => this.checkQubit(q, name));
    if (new Set(qubits).size !== qubits.length) throw new RangeError(`gate ${name} needs distinct qubits, got [${qubits.join(", ")}]`);
    const exprs = angles.map(toAngleExpr);
    exprs.forEach((expr) => this.checkParameters(expr, name));
    this.ops.push({ kind: "gate", name, qubits: [...qubits], angles: exprs });
    return this;
  }

  private checkQubit(q: number, where: string): void {
    if (!Number.isInteger(q) || q < 0 || q >= this.nQubits) {
      throw new RangeError(`${where}: qubit must be an integer in 0..${this.nQubits - 1}, got ${q}`);
    }
  }

  private checkParameters(expr: AngleExpr, where: string): void {
    switch (expr.kind) {
      case "const":
        return;
      case "param":
        if (expr.index >= this.parameterNames.length) throw new RangeError(`${where}: angle uses a parameter not declared on this circuit`);
        return;
      case "neg":
      case "call":
        return this.checkParameters(expr.arg, where);
      case "add":
      case "sub":
      case "mul":
      case "div":
        this.checkParameters(expr.left, where);
        return this.checkParameters(expr.right, where);
      default: {
        const unreachable: never = expr;
        throw new Error(`internal: unexpected angle ${JSON.stringify(unreachable)}`);
      }
    }
  }

  id(q: number): this { return this.gate("id", [q]); }
  x(q: number): this { return this.gate("x", [q]); }
  y(q: number): this { return this.gate("y", [q]); }
  z(q: number): this { return this.gate("z", [q]); }
  h(q: number): this { return this.gate("h", [q]); }
  s(q: number): this { return this.gate("s", [q]); }
  sdg(q: number): this { return this.gate("sdg", [q]); }
  t(q: number): this { return this.gate("t", [q]); }
  tdg(q: number): this { return this.gate("tdg", [q]); }
  sx(q: number): this { return this.gate("sx", [q]); }
  sxdg(q: number): this { return this.gate("sxdg", [q]); }
  rx(theta: AngleInput, q: number): this { return this.gate("rx", [q], [theta]); }
  ry(theta: AngleInput, q: number): this { return this.gate("ry", [q], [theta]); }
  rz(theta: AngleInput, q: number): this { return this.gate("rz", [q], [theta]); }
  p(lambda: AngleInput, q: number): this { return this.gate("p", [q], [lambda]); }
  u(theta: AngleInput, phi: AngleInput, lambda: AngleInput, q: number): this { return this.gate("u", [q], [theta, phi, lambda]); }
  cx(control: number, target: number): this { return this.gate("cx", [control, target]); }
  cy(control: number, target: number): this { return this.gate("cy", [control, target]); }
  cz(control: number, target: number): this { return this.gate("cz", [control, target]); }
  ch(control: number, target: number): this { return this.gate("ch", [control, target]); }
  swap(a: number, b: number): this { return this.gate("swap", [a, b]); }
  crx(theta: AngleInput, control: number, target: number): this { return this.gate("crx", [control, target], [theta]); }
  cry(theta: AngleInput, control: number, target: number): this { return this.gate("cry", [control, target], [theta]); }
  crz(theta: AngleInput, control: number, target: number): this { return this.gate("crz", [control, target], [theta]); }
  cp(lambda: AngleInput, control: number, target: number): this { return this.gate("cp", [control, target], [lambda]); }
  cu(theta: AngleInput, phi: AngleInput, lambda: AngleInput, gamma: AngleInput, control: number, target: number): this {
    return this.gate("cu", [control, target], [theta, phi, lambda, gamma]);
  }
  rxx(theta: AngleInput, a: number, b: number): this { return this.gate("rxx", [a, b], [theta]); }
  ryy(theta: AngleInput, a: number, b: number): this { return this.gate("ryy", [a, b], [theta]); }
  rzz(theta: AngleInput, a: number, b: number): this { return this.gate("rzz", [a, b], [theta]); }
  ccx(c0: number, c1: number, target: number): this { return this.gate("ccx", [c0, c1, target]); }
  cswap(control: number, a: number, b: number): this { return this.gate("cswap", [control, a, b]); }

  /** Measures qubit `q` into clbit `clbit` (default: the clbit with the qubit's index). */
  measure(q: number, clbit: number = q): this {
    this.checkQubit(q, "measure");
    if (!Number.isInteger(clbit) || clbit < 0) throw new RangeError(`measure: clbit must be a non-negative integer, got ${clbit}`);
    if (clbit >= this.nClbits) {
      if (this.fixedClbits) throw new RangeError(`measure: clbit must be in 0..${this.nClbits - 1}, got ${clbit}`);
      this.nClbits = clbit + 1;
    }
    this.ops.push({ kind: "measure", qubit: q, clbit });
    return this;
  }

  /** Measures every qubit q into clbit q. */
  measureAll(): this {
    for (let q = 0; q < this.nQubits; q++) this.measure(q);
    return this;
  }

  reset(q: number): this {
    this.checkQubit(q, "reset");
    this.ops.push({ kind: "reset", qubit: q });
    return this;
  }

  /** A barrier on the given qubits (all when none given); simulation ignores it, fusion too. */
  barrier(...qubits: number[]): this {
    const list = qubits.length === 0 ? Array.from({ length: this.nQubits }, (_, q) => q) : qubits;
    list.forEach((q) => this.checkQubit(q, "barrier"));
    this.ops.push({ kind: "barrier", qubits: list });
    return this;
  }

  /**
   * Adds what `body` adds, each op applied only when clbits `clbits` (the first least significant)
   * read `value` when it runs — OpenQASM's `if (c == value) …`. E.g. teleportation's corrections:
   * `.when([1], 1, (b) => b.x(2)).when([0], 1, (b) => b.z(2))`. Barriers inside are kept unconditioned.
   */
  when(clbits: number | readonly number[], value: number, body: (builder: this) => void): this {
    const bits = typeof clbits === "number" ? [clbits] : [...clbits];
    if (bits.length === 0) throw new RangeError("when: a condition needs at least one clbit");
    for (const c of bits) {
      if (!Number.isInteger(c) || c < 0 || c >= this.nClbits) throw new RangeError(`when: clbit must be a measured clbit in 0..${this.nClbits - 1}, got ${c}`);
    }
    if (new Set(bits).size !== bits.length) throw new RangeError(`when: clbits must be distinct, got [${bits.join(", ")}]`);
    if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** bits.length) {
      throw new RangeError(`when: value must be an integer in 0..${2 ** bits.length - 1} for ${bits.length} clbit(s), got ${value}`);
    }
    const start = this.ops.length;
    body(this);
    for (let k = start; k < this.ops.length; k++) {
      const op = this.ops[k] as Op;
      if (op.kind === "if") throw new RangeError("when: conditions do not nest; combine the bits into one condition");
      if (op.kind !== "barrier") this.ops[k] = { kind: "if", clbits: bits, value, op };
    }
    return this;
  }

  /** The circuit so far (a snapshot: later calls do not change it). */
  build(): Circuit {
    return Object.freeze({
      name: this.name,
      nQubits: this.nQubits,
      nClbits: this.nClbits,
      parameters: Object.freeze([...this.parameterNames]),
      ops: Object.freeze([...this.ops]),
    });
  }
}

/** Starts a circuit on `nQubits` qubits. */
export function circuit(nQubits: number, options: CircuitOptions = {}): CircuitBuilder {
  return new CircuitBuilder(nQubits, options);
}
