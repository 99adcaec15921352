// Circuit IR → OpenQASM 2.0 (`qelib1.inc`) or 3.0 (`stdgates.inc`) text.
//
// One register `q` holds every qubit and one register `c` every classical bit. Gate names are the
// standard ones of each header; the few IR gates a header lacks are declared with exact definitions
// (the importer recognises its own `ryy` declaration, so export → import round-trips gate for gate).
// Angles print in the shortest form that reads back as the same double: `pi/2` when that evaluates
// to exactly the same number, otherwise JavaScript's round-trip decimal.
import type { AngleExpr, Circuit, GateName, Op } from "../circuit/ir.js";
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
  lines.push(...declarationsFor(circuit.ops, QASM2_DECLARATIONS));
  if (circuit.nQubits > 0) lines.push(`qreg q[${circuit.nQubits}];`);
  if (circuit.nClbits > 0) lines.push(`creg c[${circuit.nClbits}];`);
  for (const op of circuit.ops) {
    const line = formatOp(op, circuit, QASM2_NAMES, angle, (qubit, clbit) => `measure q[${qubit}] -> c[${clbit}];`);
    if (line !== undefined) lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/** OpenQASM 3.0 text; parameters without values become `input angle` declarations. */
export function exportQasm3(circuit: Circuit, options: QasmExportOptions = {}): string {
  const names = identifiersFor(circuit.parameters);
  const values = options.parameters === undefined ? undefined : parameterVector(circuit, options.parameters);
  const angle = (expr: AngleExpr) => (values ? formatNumber(evaluateAngle(expr, values)) : formatSymbolic(expr, names));
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  if (!values) for (let k = 0; k < names.length; k++) lines.push(`input angle ${names[k]}; // ${circuit.parameters[k]}`);
  lines.push(...declarationsFor(circuit.ops, QASM3_DECLARATIONS));
  if (circuit.nQubits > 0) lines.push(`qubit[${circuit.nQubits}] q;`);
  if (circuit.nClbits > 0) lines.push(`bit[${circuit.nClbits}] c;`);
  for (const op of circuit.ops) {
    const line = formatOp(op, circuit, QASM3_NAMES, angle, (qubit, clbit) => `c[${clbit}] = measure q[${qubit}];`);
    if (line !== undefined) lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

function formatOp(
  op: Op,
  circuit: Circuit,
  rename: Partial<Record<GateName, string>>,
  angle: (expr: AngleExpr) => string,
  measure: (qubit: number, clbit: number) => string,
): string | undefined {
  const qubit = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= circuit.nQubits) {
      throw new RangeError(`qubit ${index} must be an integer in 0..${circuit.nQubits - 1}`);
    }
    return `q[${index}]`;
  };
  switch (op.kind) {
    case "gate": {
      const name = rename[op.name] ?? op.name;
      const params = op.angles.length > 0 ? `(${op.angles.map(angle).join(", ")})` : "";
      return `${name}${params} ${op.qubits.map(qubit).join(", ")};`;
    }
    case "measure":
      qubit(op.qubit);
      if (!Number.isInteger(op.clbit) || op.clbit < 0 || op.clbit >= circuit.nClbits) {
        throw new RangeError(`classical bit ${op.clbit} must be an integer in 0..${circuit.nClbits - 1}`);
      }
      return measure(op.qubit, op.clbit);
    case "reset":
      return `reset ${qubit(op.qubit)};`;
    case "barrier":
      // A barrier on no qubits has no OpenQASM spelling (and no effect); it is left out.
      return op.qubits.length === 0 ? undefined : `barrier ${op.qubits.map(qubit).join(", ")};`;
    default:
      return assertNever(op);
  }
}

function declarationsFor(ops: readonly Op[], declarations: Partial<Record<GateName, string>>): string[] {
  const used = new Set<GateName>();
  for (const op of ops) if (op.kind === "gate" && declarations[op.name]) used.add(op.name);
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
function identifiersFor(parameters: readonly string[]): string[] {
  const used = new Set<string>(["q", "c", "pi", "input", "angle", "measure", "reset", "barrier", "gate"]);
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
