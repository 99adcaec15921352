// A dense n×n inverse by Gauss–Jordan elimination with partial pivoting, for the small systems of
// the model-based optimisers (n = number of variational angles). Returns false when a pivot is
// below `pivotFloor` times the largest entry, i.e. the matrix is numerically singular.

/** Writes A⁻¹ (row-major, n×n) into `inverse`; `a` is overwritten. */
export function invertInPlace(a: Float64Array, n: number, inverse: Float64Array, pivotFloor = 1e-13): boolean {
  inverse.fill(0);
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(a[k] as number));
  if (!(scale > 0)) return false;
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivotRow * n + col] as number)) pivotRow = r;
    const pivot = a[pivotRow * n + col] as number;
    if (!(Math.abs(pivot) > pivotFloor * scale)) return false;
    if (pivotRow !== col) {
      for (let c = 0; c < n; c++) {
        swap(a, pivotRow * n + c, col * n + c);
        swap(inverse, pivotRow * n + c, col * n + c);
      }
    }
    for (let c = 0; c < n; c++) {
      a[col * n + c] = (a[col * n + c] as number) / pivot;
      inverse[col * n + c] = (inverse[col * n + c] as number) / pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r * n + col] as number;
      if (factor === 0) continue;
      for (let c = 0; c < n; c++) {
        a[r * n + c] = (a[r * n + c] as number) - factor * (a[col * n + c] as number);
        inverse[r * n + c] = (inverse[r * n + c] as number) - factor * (inverse[col * n + c] as number);
      }
    }
  }
  return true;
}

function swap(array: Float64Array, i: number, j: number): void {
  const t = array[i] as number;
  array[i] = array[j] as number;
  array[j] = t;
}
