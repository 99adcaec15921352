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

export type Op =
  | {
      readonly kind: "gate";
      readonly name: GateName;
      readonly qubits: readonly number[];
      readonly angles: readonly AngleExpr[];
    }
  | { readonly kind: "measure"; readonly qubit: number; readonly clbit: number }
  | { readonly kind: "reset"; readonly qubit: number }
  | { readonly kind: "barrier"; readonly qubits: readonly number[] };

export interface Circuit {
  readonly name: string;
  readonly nQubits: number;
  readonly nClbits: number;
  /** Flat names of the symbolic angle parameters, e.g. `theta[0][1]`, `gamma[0]`. */
  readonly parameters: readonly string[];
  readonly ops: readonly Op[];
}
