// The cheapest pass for one unfused gate: permutations move amplitudes without arithmetic, phase
// gates touch only the amplitudes they change, controlled gates only the pairs whose controls are set.
import type { GateName } from "../circuit/ir.js";
import { controlCount, gateMatrix, isDiagonal, targetMatrix, type ComplexMatrix } from "./gate-matrix.js";
import { type Pass } from "./pass.js";

function sortedQubits(qubits: readonly number[]): Int32Array {
  return Int32Array.from(qubits).sort();
}

function maskOf(qubits: readonly number[]): number {
  let mask = 0;
  for (const q of qubits) mask |= 1 << q;
  return mask;
}

/** A pass applying gate `name` with evaluated `angles` on `qubits`, or undefined for the identity. */
export function gatePass(name: GateName, qubits: readonly number[], angles: ArrayLike<number>): Pass | undefined {
  const nControls = controlCount(name);
  const controls = qubits.slice(0, nControls);
  const controlMask = maskOf(controls);
  switch (name) {
    case "id":
      return undefined;
    case "x":
    case "cx":
    case "ccx":
      return { kind: "controlledX", sorted: sortedQubits(qubits), controlMask, target: qubits[nControls] as number };
    case "swap":
    case "cswap":
      return {
        kind: "controlledSwap",
        sorted: sortedQubits(qubits),
        controlMask,
        a: qubits[nControls] as number,
        b: qubits[nControls + 1] as number,
      };
    case "z":
    case "s":
    case "sdg":
    case "t":
    case "tdg":
    case "p":
    case "cz":
    case "cp": {
      // diag(1, e^{iφ}) on the target: only amplitudes with every listed bit set change.
      const m = targetMatrix(name, angles);
      return { kind: "maskedPhase", sorted: sortedQubits(qubits), phaseRe: m[6] as number, phaseIm: m[7] as number };
    }
    case "rz":
      return { kind: "diagonal1", qubit: qubits[0] as number, diagonal: diagonalOf(gateMatrix(name, angles)) };
    case "rzz":
    case "crz":
      return { kind: "diagonalK", qubits: Int32Array.from(qubits), diagonal: diagonalOf(gateMatrix(name, angles)) };
    case "y":
    case "h":
    case "sx":
    case "sxdg":
    case "rx":
    case "ry":
    case "u":
      return { kind: "unitary1", qubit: qubits[0] as number, matrix: targetMatrix(name, angles) };
    case "cy":
    case "ch":
    case "crx":
    case "cry":
    case "cu":
      return {
        kind: "controlledUnitary1",
        sorted: sortedQubits(qubits),
        controlMask,
        target: qubits[nControls] as number,
        matrix: targetMatrix(name, angles),
      };
    case "rxx":
    case "ryy":
      return matrixPass(gateMatrix(name, angles), qubits);
    default: {
      const unreachable: never = name;
      throw new Error(`internal: no pass for gate ${String(unreachable)}`);
    }
  }
}

function diagonalOf(matrix: ComplexMatrix): Float64Array {
  const { dim, data } = matrix;
  const diagonal = new Float64Array(2 * dim);
  for (let r = 0; r < dim; r++) {
    diagonal[2 * r] = data[2 * (r * dim + r)] as number;
    diagonal[2 * r + 1] = data[2 * (r * dim + r) + 1] as number;
  }
  return diagonal;
}

/** A pass for an arbitrary (fused) matrix on `qubits` (local bit j = qubits[j]). */
export function matrixPass(matrix: ComplexMatrix, qubits: readonly number[]): Pass {
  if (matrix.dim !== 1 << qubits.length) {
    throw new Error(`internal: a ${matrix.dim}-dimensional matrix on ${qubits.length} qubits`);
  }
  if (isDiagonal(matrix)) {
    const diagonal = diagonalOf(matrix);
    if (qubits.length === 1) return { kind: "diagonal1", qubit: qubits[0] as number, diagonal };
    return { kind: "diagonalK", qubits: Int32Array.from(qubits), diagonal };
  }
  if (qubits.length === 1) return { kind: "unitary1", qubit: qubits[0] as number, matrix: matrix.data };
  if (qubits.length === 2) return { kind: "unitary2", q0: qubits[0] as number, q1: qubits[1] as number, matrix: matrix.data };
  const offsets = new Int32Array(matrix.dim);
  for (let c = 0; c < matrix.dim; c++) {
    let offset = 0;
    for (let j = 0; j < qubits.length; j++) if ((c >> j) & 1) offset |= 1 << (qubits[j] as number);
    offsets[c] = offset;
  }
  return { kind: "unitaryK", qubits: Int32Array.from(qubits), sorted: sortedQubits(qubits), offsets, matrix: matrix.data };
}
