// A pass is one sweep of a kernel over the state. The plan compiles a circuit into passes (after
// fusion), threads split each pass's iteration range, and every pass is plain data so that it can
// be posted to worker threads unchanged.
import { applyControlledUnitary1 } from "./kernels/controlled.js";
import { applyUnitary1, applyUnitary2, applyUnitaryK } from "./kernels/dense.js";
import { applyDiagonal1, applyDiagonalK, applyEnergyPhase, applyLevelPhase, applyMaskedPhase } from "./kernels/diagonal.js";
import { applyControlledSwap, applyControlledX } from "./kernels/permutation.js";

export type Pass =
  /** Dense 2×2 on one qubit. */
  | { readonly kind: "unitary1"; readonly qubit: number; readonly matrix: Float64Array }
  /** Dense 4×4; local bit 0 = q0. */
  | { readonly kind: "unitary2"; readonly q0: number; readonly q1: number; readonly matrix: Float64Array }
  /** Dense 2^k × 2^k; local bit j = qubits[j]. */
  | {
      readonly kind: "unitaryK";
      readonly qubits: Int32Array;
      readonly sorted: Int32Array;
      readonly offsets: Int32Array;
      readonly matrix: Float64Array;
    }
  /** diag(d0, d1) on one qubit. */
  | { readonly kind: "diagonal1"; readonly qubit: number; readonly diagonal: Float64Array }
  /** An arbitrary diagonal on k qubits (local bit j = qubits[j]). */
  | { readonly kind: "diagonalK"; readonly qubits: Int32Array; readonly diagonal: Float64Array }
  /** A phase on the amplitudes with every bit in `sorted` set. */
  | { readonly kind: "maskedPhase"; readonly sorted: Int32Array; readonly phaseRe: number; readonly phaseIm: number }
  | { readonly kind: "controlledX"; readonly sorted: Int32Array; readonly controlMask: number; readonly target: number }
  | {
      readonly kind: "controlledSwap";
      readonly sorted: Int32Array;
      readonly controlMask: number;
      readonly a: number;
      readonly b: number;
    }
  | {
      readonly kind: "controlledUnitary1";
      readonly sorted: Int32Array;
      readonly controlMask: number;
      readonly target: number;
      readonly matrix: Float64Array;
    }
  /** ψ_z ← e^{−iγE_z} ψ_z from precomputed energies. */
  | { readonly kind: "energyPhase"; readonly energies: Float64Array; readonly gamma: number }
  /** ψ_z ← table[levels[z]] ψ_z. */
  | { readonly kind: "levelPhase"; readonly levels: Uint16Array | Uint32Array; readonly table: Float64Array };

/** The number of loop iterations of `pass` on an n-qubit state; threads split [0, span). */
export function passSpan(pass: Pass, nQubits: number): number {
  switch (pass.kind) {
    case "unitary1":
    case "diagonal1":
      return 2 ** (nQubits - 1);
    case "unitary2":
      return 2 ** (nQubits - 2);
    case "unitaryK":
      return 2 ** (nQubits - pass.qubits.length);
    case "diagonalK":
    case "energyPhase":
    case "levelPhase":
      return 2 ** nQubits;
    case "maskedPhase":
    case "controlledX":
    case "controlledSwap":
    case "controlledUnitary1":
      return 2 ** (nQubits - pass.sorted.length);
    default:
      return assertNever(pass);
  }
}

/** Scratch space for the k-qubit kernel (one per thread). */
export interface Scratch {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export const MAX_FUSED_QUBITS = 6;

export function createScratch(): Scratch {
  return { re: new Float64Array(1 << MAX_FUSED_QUBITS), im: new Float64Array(1 << MAX_FUSED_QUBITS) };
}

/** Runs iterations [begin, end) of `pass`. */
export function executePass(re: Float64Array, im: Float64Array, pass: Pass, scratch: Scratch, begin: number, end: number): void {
  switch (pass.kind) {
    case "unitary1":
      return applyUnitary1(re, im, pass.qubit, pass.matrix, begin, end);
    case "unitary2":
      return applyUnitary2(re, im, pass.q0, pass.q1, pass.matrix, begin, end);
    case "unitaryK":
      return applyUnitaryK(re, im, pass.sorted, pass.offsets, pass.matrix, scratch.re, scratch.im, begin, end);
    case "diagonal1":
      return applyDiagonal1(re, im, pass.qubit, pass.diagonal, begin, end);
    case "diagonalK":
      return applyDiagonalK(re, im, pass.qubits, pass.diagonal, begin, end);
    case "maskedPhase":
      return applyMaskedPhase(re, im, pass.sorted, pass.phaseRe, pass.phaseIm, begin, end);
    case "controlledX":
      return applyControlledX(re, im, pass.sorted, pass.controlMask, pass.target, begin, end);
    case "controlledSwap":
      return applyControlledSwap(re, im, pass.sorted, pass.controlMask, pass.a, pass.b, begin, end);
    case "controlledUnitary1":
      return applyControlledUnitary1(re, im, pass.sorted, pass.controlMask, pass.target, pass.matrix, begin, end);
    case "energyPhase":
      return applyEnergyPhase(re, im, pass.energies, pass.gamma, begin, end);
    case "levelPhase":
      return applyLevelPhase(re, im, pass.levels, pass.table, begin, end);
    default:
      return assertNever(pass);
  }
}

export function assertNever(value: never): never {
  throw new Error(`internal: unexpected ${JSON.stringify(value)}`);
}
