// The circuit IR shared by the DSL, the TypeScript builder, OpenQASM import/export, transpilation
// passes and the simulator. Sizes are fixed when a circuit is built; angles stay symbolic
// expressions over a flat parameter vector, so rebinding parameters never rebuilds the circuit.
//
// Conventions: qubit 0 is the least significant bit of a basis-state index (as in Qiskit); a
// gate's `qubits` list controls first, target last (cx c, t), as in OpenQASM.

/** Every gate the IR knows, with its qubit count and angle count. */
export const GATES = {
  id: { nQubits: 1, nAngles: 0 },
  x: { nQubits: 1, nAngles: 0 },
  y: { nQubits: 1, nAngles: 0 },
  z: { nQubits: 1, nAngles: 0 },
  h: { nQubits: 1, nAngles: 0 },
  s: { nQubits: 1, nAngles: 0 },
  sdg: { nQubits: 1, nAngles: 0 },
  t: { nQubits: 1, nAngles: 0 },
  tdg: { nQubits: 1, nAngles: 0 },
  sx: { nQubits: 1, nAngles: 0 },
  sxdg: { nQubits: 1, nAngles: 0 },
  rx: { nQubits: 1, nAngles: 1 },
  ry: { nQubits: 1, nAngles: 1 },
  rz: { nQubits: 1, nAngles: 1 },
  p: { nQubits: 1, nAngles: 1 },
  u: { nQubits: 1, nAngles: 3 },
  cx: { nQubits: 2, nAngles: 0 },
  cy: { nQubits: 2, nAngles: 0 },
  cz: { nQubits: 2, nAngles: 0 },
  ch: { nQubits: 2, nAngles: 0 },
  swap: { nQubits: 2, nAngles: 0 },
  crx: { nQubits: 2, nAngles: 1 },
  cry: { nQubits: 2, nAngles: 1 },
  crz: { nQubits: 2, nAngles: 1 },
  cp: { nQubits: 2, nAngles: 1 },
  cu: { nQubits: 2, nAngles: 4 },
  rxx: { nQubits: 2, nAngles: 1 },
  ryy: { nQubits: 2, nAngles: 1 },
  rzz: { nQubits: 2, nAngles: 1 },
  ccx: { nQubits: 3, nAngles: 0 },
  cswap: { nQubits: 3, nAngles: 0 },
} as const satisfies Record<string, { nQubits: number; nAngles: number }>;

export type GateName = keyof typeof GATES;

export function isGateName(name: string): name is GateName {
  return Object.prototype.hasOwnProperty.call(GATES, name);
}

/** A symbolic angle: constants, parameters (by index into Circuit.parameters) and arithmetic. */
export type AngleExpr =
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "param"; readonly index: number }
  | { readonly kind: "neg"; readonly arg: AngleExpr }
  | {
      readonly kind: "add" | "sub" | "mul" | "div";
      readonly left: AngleExpr;
      readonly right: AngleExpr;
    }
  | {
      readonly kind: "call";
      readonly fn: "sin" | "cos" | "exp" | "log" | "sqrt";
      readonly arg: AngleExpr;
    };

export interface GateOp {
  readonly kind: "gate";
  readonly name: GateName;
  readonly qubits: readonly number[];
  readonly angles: readonly AngleExpr[];
}

export type MeasureOp = { readonly kind: "measure"; readonly qubit: number; readonly clbit: number };
export type ResetOp = { readonly kind: "reset"; readonly qubit: number };

/** What a classical condition may guard: one gate, measurement or reset (OpenQASM 2's `if`). */
export type ConditionedOp = GateOp | MeasureOp | ResetOp;

/**
 * `op` applies only when the classical bits `clbits` (clbits[0] the least significant), read as an
 * unsigned integer at this point of the run, equal `value` — OpenQASM's `if (c == value) op;`.
 */
export interface ConditionalOp {
  readonly kind: "if";
  readonly clbits: readonly number[];
  readonly value: number;
  readonly op: ConditionedOp;
}

export type Op = GateOp | MeasureOp | ResetOp | { readonly kind: "barrier"; readonly qubits: readonly number[] } | ConditionalOp;

/** The qubits an op touches (a conditional op: its guarded op's). */
export function opQubits(op: Op): readonly number[] {
  switch (op.kind) {
    case "gate":
    case "barrier":
      return op.qubits;
    case "measure":
    case "reset":
      return [op.qubit];
    case "if":
      return opQubits(op.op);
    default: {
      const unreachable: never = op;
      throw new Error(`internal: unexpected op ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Whether classical bits `bits` (a run's clbits) read at `clbits` as an integer equal `value`. */
export function conditionHolds(bits: ArrayLike<number>, clbits: readonly number[], value: number): boolean {
  // Bit by bit, so that registers wider than 53 bits compare exactly.
  let rest = value;
  for (const clbit of clbits) {
    if ((bits[clbit] ?? 0) !== rest % 2) return false;
    rest = Math.floor(rest / 2);
  }
  return rest === 0;
}

export interface Circuit {
  readonly name: string;
  readonly nQubits: number;
  readonly nClbits: number;
  /** Flat names of the symbolic angle parameters, e.g. `theta[0][1]`, `gamma[0]`. */
  readonly parameters: readonly string[];
  readonly ops: readonly Op[];
}
