// Circuit IR → OpenQASM 2.0 (`qelib1.inc`) or 3.0 (`stdgates.inc`) text.
//
// One register `q` holds every qubit and one register `c` every classical bit — unless a classical
// condition reads only some of the bits: OpenQASM compares a whole register, so the bits are then
// split into registers `c0`, `c1`, … at the conditions' boundaries. Gate names are the
// standard ones of each header; the few IR gates a header lacks are declared with exact definitions
// (the importer recognises its own `ryy` declaration, so export → import round-trips gate for gate).
// Angles print in the shortest form that reads back as the same double: `pi/2` when that evaluates
// to exactly the same number, otherwise JavaScript's round-trip decimal.
import type { AngleExpr, Circuit, ConditionedOp, GateName, Op } from "../circuit/ir.js";
import { evaluateAngle, parameterVector } from "../circuit/angles.js";

export interface QasmExportOptions {
  /**
   * Values for the circuit's angle parameters (flat, or named as `parameterVector` accepts). Needed
   * for OpenQASM 2.0 when the circuit has parameters; for 3.0, omitted values become `input angle`s.
   */
  readonly parameters?: ArrayLike<number> | Readonly<Record<string, unknown>>;
}

/** Names that differ from the IR's in each header; the rest are the same. */
const QASM2_NAMES: Partial<Record<GateName, string>> = { u: "u3", p: "u1", cp: "cu1" };
const QASM3_NAMES: Partial<Record<GateName, string>> = { u: "u3" };

const QASM2_DECLARATIONS: Partial<Record<GateName, string>> = {
  ryy: "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
};
const QASM3_DECLARATIONS: Partial<Record<GateName, string>> = {
  sxdg: "gate sxdg a { h a; sdg a; h a; }",
  rzz: "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
  rxx: "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
  ryy: "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
};

/** OpenQASM 2.0 text; every angle must have a value (OpenQASM 2 has no free parameters). */
export function exportQasm2(circuit: Circuit, options: QasmExportOptions = {}): string {
  if (circuit.parameters.length > 0 && options.parameters === undefined) {
    throw new RangeError(`OpenQASM 2.0 export needs values for the circuit's ${circuit.parameters.length} angle parameter(s) (options.parameters); export to OpenQASM 3.0 to keep them symbolic`);
  }
  const values = parameterVector(circuit, options.parameters ?? []);
  const angle = (expr: AngleExpr) => formatNumber(evaluateAngle(expr, values));
  const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";'];
  const registers = classicalRegisters(circuit);
  lines.push(...declarationsFor(circuit.ops, QASM2_DECLARATIONS));
  if (circuit.nQubits > 0) lines.push(`qreg q[${circuit.nQubits}];`);
  for (const register of registers.list) lines.push(`creg ${register.name}[${register.size}];`);
  const syntax: Syntax = {
    rename: QASM2_NAMES,
    angle,
    measure: (qubit, clbit) => `measure q[${qubit}] -> ${registers.bit(clbit)};`,
    condition: (clbits, value) => `if(${registers.whole(clbits)}==${value}) `,
  };
  for (const op of circuit.ops) {
    const line = formatOp(op, circuit, syntax);
    if (line !== undefined) lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/** OpenQASM 3.0 text; parameters without values become `input angle` declarations. */
export function exportQasm3(circuit: Circuit, options: QasmExportOptions = {}): string {
  const registers = classicalRegisters(circuit);
  const names = identifiersFor(circuit.parameters, registers.list.map((r) => r.name));
  const values = options.parameters === undefined ? undefined : parameterVector(circuit, options.parameters);
  const angle = (expr: AngleExpr) => (values ? formatNumber(evaluateAngle(expr, values)) : formatSymbolic(expr, names));
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  if (!values) for (let k = 0; k < names.length; k++) lines.push(`input angle ${names[k]}; // ${circuit.parameters[k]}`);
  lines.push(...declarationsFor(circuit.ops, QASM3_DECLARATIONS));
  if (circuit.nQubits > 0) lines.push(`qubit[${circuit.nQubits}] q;`);
  for (const register of registers.list) lines.push(`bit[${register.size}] ${register.name};`);
  const syntax: Syntax = {
    rename: QASM3_NAMES,
    angle,
    measure: (qubit, clbit) => `${registers.bit(clbit)} = measure q[${qubit}];`,
    condition: (clbits, value) => `if (${registers.whole(clbits)} == ${value}) `,
  };
  for (const op of circuit.ops) {
    const line = formatOp(op, circuit, syntax);
    if (line !== undefined) lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/** How one OpenQASM version spells what differs between versions. */
interface Syntax {
  readonly rename: Partial<Record<GateName, string>>;
  readonly angle: (expr: AngleExpr) => string;
  readonly measure: (qubit: number, clbit: number) => string;
  /** The `if (…) ` prefix of a conditioned statement. */
  readonly condition: (clbits: readonly number[], value: number) => string;
}

function formatOp(op: Op, circuit: Circuit, syntax: Syntax): string | undefined {
  const qubit = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= circuit.nQubits) {
      throw new RangeError(`qubit ${index} must be an integer in 0..${circuit.nQubits - 1}`);
    }
    return `q[${index}]`;
  };
  switch (op.kind) {
    case "gate": {
      const name = syntax.rename[op.name] ?? op.name;
      const params = op.angles.length > 0 ? `(${op.angles.map(syntax.angle).join(", ")})` : "";
      return `${name}${params} ${op.qubits.map(qubit).join(", ")};`;
    }
    case "measure":
      qubit(op.qubit);
      if (!Number.isInteger(op.clbit) || op.clbit < 0 || op.clbit >= circuit.nClbits) {
        throw new RangeError(`classical bit ${op.clbit} must be an integer in 0..${circuit.nClbits - 1}`);
      }
      return syntax.measure(op.qubit, op.clbit);
    case "reset":
      return `reset ${qubit(op.qubit)};`;
    case "barrier":
      // A barrier on no qubits has no OpenQASM spelling (and no effect); it is left out.
      return op.qubits.length === 0 ? undefined : `barrier ${op.qubits.map(qubit).join(", ")};`;
    case "if": {
      if (!Number.isSafeInteger(op.value) || op.value < 0 || op.value >= 2 ** op.clbits.length) {
        throw new RangeError(`a condition on ${op.clbits.length} bit(s) must compare with an integer in 0..${2 ** op.clbits.length - 1}, got ${op.value}`);
      }
      return syntax.condition(op.clbits, op.value) + (formatOp(op.op as ConditionedOp, circuit, syntax) as string);
    }
    default:
      return assertNever(op);
  }
}

interface ClassicalRegister {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

/**
 * The classical registers to declare: `c` for all bits, or the bits cut at every condition's first
 * and past-last bit, so that each condition reads exactly one register (in declaration order, so
 * importing the text gives every bit its index back).
 */
function classicalRegisters(circuit: Circuit): {
  list: ClassicalRegister[];
  bit: (clbit: number) => string;
  whole: (clbits: readonly number[]) => string;
} {
  const n = circuit.nClbits;
  const cuts = new Set<number>([0, n]);
  const conditions: (readonly number[])[] = [];
  for (const op of circuit.ops) {
    if (op.kind !== "if") continue;
    const first = op.clbits[0] as number;
    if (op.clbits.length === 0 || !op.clbits.every((c, k) => Number.isInteger(c) && c === first + k) || first < 0 || first + op.clbits.length > n) {
      throw new RangeError(`OpenQASM conditions compare a whole register: clbits [${op.clbits.join(", ")}] must be consecutive and increasing within 0..${n - 1}`);
    }
    conditions.push(op.clbits);
    cuts.add(first);
    cuts.add(first + op.clbits.length);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const list: ClassicalRegister[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const offset = bounds[k] as number;
    list.push({ name: "", offset, size: (bounds[k + 1] as number) - offset });
  }
  const named = list.map((r, k) => ({ ...r, name: list.length === 1 ? "c" : `c${k}` }));
  const registerOf = (clbit: number) => named.find((r) => clbit >= r.offset && clbit < r.offset + r.size);
  for (const clbits of conditions) {
    const register = registerOf(clbits[0] as number);
    if (register?.offset !== clbits[0] || register.size !== clbits.length) {
      throw new RangeError(`conditions read overlapping but different clbit ranges (one reads [${clbits.join(", ")}]); OpenQASM registers cannot overlap`);
    }
  }
  return {
    list: named,
    bit: (clbit) => {
      const register = registerOf(clbit) as ClassicalRegister;
      return `${register.name}[${clbit - register.offset}]`;
    },
    whole: (clbits) => (registerOf(clbits[0] as number) as ClassicalRegister).name,
  };
}

function declarationsFor(ops: readonly Op[], declarations: Partial<Record<GateName, string>>): string[] {
  const used = new Set<GateName>();
  for (const outer of ops) {
    const op = outer.kind === "if" ? outer.op : outer;
    if (op.kind === "gate" && declarations[op.name]) used.add(op.name);
  }
  return [...used].sort().map((name) => declarations[name] as string);
}

const PI_FRACTIONS: [number, number][] = [];
for (const denominator of [1, 2, 3, 4, 6, 8, 16, 32]) {
  for (let numerator = -16; numerator <= 16; numerator++) if (numerator !== 0) PI_FRACTIONS.push([numerator, denominator]);
}

/** `pi`, `-pi/2`, `3*pi/4` when that reads back (left to right) as exactly `value`; else decimal. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`an angle must be a finite number, got ${value}`);
  for (const [numerator, denominator] of PI_FRACTIONS) {
    const magnitude = Math.abs(numerator);
    const readBack = ((numerator < 0 ? -1 : 1) * (magnitude === 1 ? Math.PI : magnitude * Math.PI)) / denominator;
    if (readBack !== value) continue;
    const sign = numerator < 0 ? "-" : "";
    const times = magnitude === 1 ? "pi" : `${magnitude}*pi`;
    return denominator === 1 ? `${sign}${times}` : `${sign}${times}/${denominator}`;
  }
  return Object.is(value, -0) ? "0" : String(value);
}

function formatSymbolic(expr: AngleExpr, names: readonly string[]): string {
  switch (expr.kind) {
    case "const":
      return expr.value < 0 ? `(${formatNumber(expr.value)})` : formatNumber(expr.value);
    case "param": {
      const name = names[expr.index];
      if (name === undefined) throw new RangeError(`angle parameter ${expr.index} must be one of the circuit's ${names.length} parameters`);
      return name;
    }
    case "neg":
      return `-(${formatSymbolic(expr.arg, names)})`;
    case "add":
    case "sub":
    case "mul":
    case "div": {
      const symbol = { add: "+", sub: "-", mul: "*", div: "/" }[expr.kind];
      return `(${formatSymbolic(expr.left, names)} ${symbol} ${formatSymbolic(expr.right, names)})`;
    }
    case "call":
      return `${expr.fn}(${formatSymbolic(expr.arg, names)})`;
    default:
      return assertNever(expr);
  }
}

/** Valid, distinct OpenQASM 3 identifiers for parameter names like `theta[0][1]` → `theta_0_1`. */
function identifiersFor(parameters: readonly string[], registerNames: readonly string[]): string[] {
  const used = new Set<string>(["q", "c", "pi", "input", "angle", "measure", "reset", "barrier", "gate", "if", ...registerNames]);
  return parameters.map((name) => {
    let base = name.replace(/\]\[/g, "_").replace(/[[\]]/g, (bracket) => (bracket === "[" ? "_" : "")).replace(/[^A-Za-z0-9_]/g, "_");
    if (!/^[A-Za-z_]/.test(base)) base = `p_${base}`;
    let candidate = base;
    for (let k = 2; used.has(candidate); k++) candidate = `${base}_${k}`;
    used.add(candidate);
    return candidate;
  });
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected circuit node ${JSON.stringify(value)}`);
}
