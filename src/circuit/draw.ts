// Text drawing of a circuit, one line per qubit, qubit 0 on top:
//
//   q0: ─H───●──────────M0─────────────
//   q1: ─────⊕──RZ(θ0)──M1──X if c[0]=1─
//
// Ops are packed left to right into columns; an op occupies every wire from its lowest to its
// highest qubit (so vertical links never cross another op), drawn as │ on the wires it passes.
import { formatAngle } from "./angles.js";
import type { Circuit, Op } from "./ir.js";

export interface DrawOptions {
  /** Wrap the drawing into blocks at most this many characters wide (default: no wrapping). */
  readonly maxWidth?: number;
}

const CONTROL = "●";
const TARGET_X = "⊕";
const SWAP = "×";
const LINK = "│";

/** The label each qubit of `op` shows, keyed by qubit. */
function cellsOf(op: Op, parameterNames: readonly string[]): Map<number, string> {
  const cells = new Map<number, string>();
  switch (op.kind) {
    case "measure":
      cells.set(op.qubit, `M${op.clbit}`);
      return cells;
    case "reset":
      cells.set(op.qubit, "|0⟩");
      return cells;
    case "barrier":
      for (const q of op.qubits) cells.set(q, "░");
      return cells;
    case "if": {
      // The condition rides on the guarded op's last cell (a gate's target).
      const inner = cellsOf(op.op, parameterNames);
      const last = [...inner.keys()].pop() as number;
      inner.set(last, `${inner.get(last) as string} if ${conditionText(op.clbits, op.value)}`);
      return inner;
    }
    case "gate": {
      const angles = op.angles.length > 0 ? `(${op.angles.map((a) => formatAngle(a, parameterNames)).join(",")})` : "";
      const q = op.qubits;
      switch (op.name) {
        case "cx":
        case "ccx":
          q.slice(0, -1).forEach((c) => cells.set(c, CONTROL));
          cells.set(q[q.length - 1] as number, TARGET_X);
          return cells;
        case "cz":
          cells.set(q[0] as number, CONTROL);
          cells.set(q[1] as number, CONTROL);
          return cells;
        case "swap":
          cells.set(q[0] as number, SWAP);
          cells.set(q[1] as number, SWAP);
          return cells;
        case "cswap":
          cells.set(q[0] as number, CONTROL);
          cells.set(q[1] as number, SWAP);
          cells.set(q[2] as number, SWAP);
          return cells;
        case "cy":
        case "ch":
        case "crx":
        case "cry":
        case "crz":
        case "cp":
        case "cu":
          cells.set(q[0] as number, CONTROL);
          cells.set(q[1] as number, `${op.name.slice(1).toUpperCase()}${angles}`);
          return cells;
        case "rxx":
        case "ryy":
        case "rzz":
          q.forEach((qubit) => cells.set(qubit, `${op.name.toUpperCase()}${angles}`));
          return cells;
        default:
          cells.set(q[0] as number, `${op.name.toUpperCase()}${angles}`);
          return cells;
      }
    }
    default: {
      const unreachable: never = op;
      throw new Error(`internal: unexpected op ${JSON.stringify(unreachable)}`);
    }
  }
}

/** `c[0]=1`, `c[0:2]=5` (bits 0..2, bit 0 least significant) or `c[3,1]=2` (bit 3 least significant). */
export function conditionText(clbits: readonly number[], value: number): string {
  const first = clbits[0] as number;
  const contiguous = clbits.every((c, k) => c === first + k);
  const bits = clbits.length === 1 ? `${first}` : contiguous ? `${first}:${first + clbits.length - 1}` : clbits.join(",");
  return `c[${bits}]=${value}`;
}

interface Column {
  /** Per wire: the cell text, or undefined for a plain wire. */
  readonly cells: (string | undefined)[];
}

/** A multi-line text drawing of `circuit`. */
export function drawCircuitText(circuit: Circuit, options: DrawOptions = {}): string {
  const n = circuit.nQubits;
  const columns: Column[] = [];
  // lastColumn[q]: index of the last column in which wire q is occupied.
  const lastColumn = new Array<number>(n).fill(-1);
  for (const op of circuit.ops) {
    const cells = cellsOf(op, circuit.parameters);
    const qubits = [...cells.keys()];
    const low = Math.min(...qubits);
    const high = op.kind === "barrier" ? low : Math.max(...qubits);
    const span = op.kind === "barrier" ? qubits : Array.from({ length: high - low + 1 }, (_, k) => low + k);
    const at = Math.max(...span.map((q) => lastColumn[q] as number)) + 1;
    while (columns.length <= at) columns.push({ cells: new Array(n).fill(undefined) });
    const column = columns[at] as Column;
    for (const q of span) {
      column.cells[q] = cells.get(q) ?? LINK;
      lastColumn[q] = at;
    }
  }
  const labelWidth = `q${n - 1}: `.length;
  const rows = Array.from({ length: n }, (_, q) => `q${q}: `.padEnd(labelWidth) + "─");
  const blocks: string[][] = [];
  let current = rows.slice();
  for (const column of columns) {
    const width = Math.max(1, ...column.cells.map((c) => (c === undefined ? 0 : [...c].length)));
    const piece = column.cells.map((c) => {
      const text = c ?? "";
      const pad = width - [...text].length;
      const left = Math.floor(pad / 2);
      return "─".repeat(left) + text + "─".repeat(pad - left) + "──";
    });
    const lineWidth = [...(current[0] as string)].length;
    if (options.maxWidth !== undefined && lineWidth + width + 2 > options.maxWidth && lineWidth > labelWidth + 1) {
      blocks.push(current);
      current = rows.slice();
    }
    current = current.map((line, q) => line + (piece[q] as string));
  }
  blocks.push(current);
  return blocks.map((block) => block.join("\n")).join("\n\n") + "\n";
}
