// A hardware-efficient ansatz for VQE (Kandala et al. 2017): L blocks of single-qubit rotations
// ry(θ)·rz(φ) on every qubit followed by a cx entangler, then a final rotation layer:
//   [ry rz]ⁿ → cx(0,1) cx(1,2) … (linear; ring adds cx(n−1,0)) → … → [ry rz]ⁿ
// Parameters theta[l][2q] (ry) and theta[l][2q+1] (rz) for l = 0 … L.
import { CircuitBuilder } from "../../circuit/builder.js";
import type { Circuit } from "../../circuit/ir.js";

export type Entangler = "linear" | "ring";

export interface HardwareEfficientOptions {
  /** Entangling blocks L ≥ 1. */
  readonly layers: number;
  /** Default `linear`. */
  readonly entangler?: Entangler;
  readonly measure?: boolean;
  readonly name?: string;
}

export function hardwareEfficientAnsatz(nQubits: number, options: HardwareEfficientOptions): Circuit {
  if (!Number.isSafeInteger(nQubits) || nQubits < 1) throw new RangeError(`a hardware-efficient ansatz needs a positive integer qubit count, got ${nQubits}`);
  if (options === null || typeof options !== "object") throw new TypeError("hardware-efficient ansatz options must be an object");
  const { layers } = options;
  if (!Number.isSafeInteger(layers) || layers < 1) throw new RangeError(`layers must be a positive integer, got ${layers}`);
  const entangler = options.entangler ?? "linear";
  if (entangler !== "linear" && entangler !== "ring") throw new RangeError(`entangler must be 'linear' or 'ring', got ${String(entangler)}`);
  const b = new CircuitBuilder(nQubits, { name: options.name ?? `hea-l${layers}` });
  const theta = b.parameters("theta", [layers + 1, 2 * nQubits]);
  for (let l = 0; l <= layers; l++) {
    const row = theta[l]!;
    for (let q = 0; q < nQubits; q++) b.ry(row[2 * q]!, q).rz(row[2 * q + 1]!, q);
    if (l === layers) break;
    for (let q = 0; q + 1 < nQubits; q++) b.cx(q, q + 1);
    if (entangler === "ring" && nQubits > 2) b.cx(nQubits - 1, 0);
  }
  if (options.measure) b.measureAll();
  return b.build();
}
