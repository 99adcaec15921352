// Index arithmetic shared by the kernels. Amplitude indices stay below 2^30 (see MAX_QUBITS), so
// 32-bit bitwise operators are exact.

/** Inserts a zero bit at `position` into k: the bits at or above `position` move up one place. */
export function insertZeroBit(k: number, position: number): number {
  return ((k >> position) << (position + 1)) | (k & ((1 << position) - 1));
}

/** Inserts zero bits at every position in `sorted` (ascending, positions in the final index). */
export function insertZeroBits(k: number, sorted: Int32Array | readonly number[]): number {
  let index = k;
  for (let j = 0; j < sorted.length; j++) {
    const p = sorted[j] as number;
    index = ((index >> p) << (p + 1)) | (index & ((1 << p) - 1));
  }
  return index;
}
