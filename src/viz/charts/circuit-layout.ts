// Column layout for circuit diagrams: each operation goes in the first column after the last
// column used by any wire its vertical span crosses (not only the qubits it acts on, since its
// connecting line would cross the others). Measurements also occupy the classical wire they write,
// and classically conditioned ops the classical wire they read.
import { opQubits, type Circuit, type Op } from "../../circuit/ir.js";

export interface PlacedOp {
  readonly op: Op;
  readonly column: number;
  /** Topmost and bottommost qubit the drawing touches. */
  readonly low: number;
  readonly high: number;
}

export interface CircuitLayout {
  readonly placed: readonly PlacedOp[];
  readonly nColumns: number;
}

export function layoutCircuit(circuit: Circuit): CircuitLayout {
  const next = new Array<number>(circuit.nQubits + 1).fill(0); // the last slot is the classical wire
  const placed: PlacedOp[] = [];
  for (const op of circuit.ops) {
    const qubits = qubitsOf(op);
    for (const q of qubits) {
      if (!Number.isInteger(q) || q < 0 || q >= circuit.nQubits) {
        throw new RangeError(`circuit ${JSON.stringify(circuit.name)}: ${op.kind} acts on qubit ${q}, outside 0..${circuit.nQubits - 1}`);
      }
    }
    if (qubits.length === 0) continue;
    const low = Math.min(...qubits);
    let high = Math.max(...qubits);
    if (op.kind === "measure" || op.kind === "if") high = circuit.nQubits; // the line runs down to the classical wire
    let column = 0;
    for (let wire = low; wire <= high; wire++) column = Math.max(column, next[wire]!);
    for (let wire = low; wire <= high; wire++) next[wire] = column + 1;
    placed.push({ op, column, low, high: Math.min(high, circuit.nQubits - 1) });
  }
  return { placed, nColumns: Math.max(0, ...next) };
}

/** The qubits an op touches (a conditioned op: its guarded op's). */
export const qubitsOf = opQubits;

export function assertNever(value: never): never {
  throw new Error(`internal: unexpected circuit op ${JSON.stringify(value)}`);
}
