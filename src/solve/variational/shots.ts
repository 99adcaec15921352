// Measured basis-state indices into reads: bit i of the index is variable i (qubit i ↔ x_i).
import type { ReadBuffer } from "../read-buffer.js";

/** `spentBefore`: evaluations spent before the first shot; shot s is charged spentBefore + s + 1 (shots come in draw order). */
export function pushShots(indices: Float64Array, nVariables: number, out: ReadBuffer, spentBefore: number): void {
  const x = new Uint8Array(nVariables);
  for (let s = 0; s < indices.length; s++) {
    const index = indices[s] as number;
    for (let i = 0; i < nVariables; i++) x[i] = Math.floor(index / 2 ** i) % 2;
    out.push(x, undefined, spentBefore + s + 1);
  }
}
