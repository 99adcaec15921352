// Dense matrix views of a QUBO for small n (inspection, linear algebra, plotting): E(x) = xᵀQx + c.
import { Matrix } from "ml-matrix";
import type { Qubo } from "./qubo.js";

/** Largest n a dense view is built for (n² doubles: 8 MiB at this size). */
export const MAX_DENSE_VARIABLES = 1024;

/**
 * Q as an n×n ml-matrix: upper triangular (Qᵢᵢ = hᵢ, Qᵢⱼ for i < j) by default, or symmetric
 * (off-diagonal halves, Qᵢⱼ = Qⱼᵢ = value/2) — both give E(x) = xᵀQx + offset on binaries.
 */
export function denseQubo(qubo: Qubo, options: { symmetric?: boolean } = {}): Matrix {
  const n = qubo.linear.length;
  if (n > MAX_DENSE_VARIABLES) throw new RangeError(`a dense view needs at most ${MAX_DENSE_VARIABLES} variables, the QUBO has ${n}`);
  const q = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) q.set(i, i, qubo.linear[i]);
  for (let k = 0; k < qubo.values.length; k++) {
    const i = qubo.rows[k];
    const j = qubo.cols[k];
    if (options.symmetric) {
      q.set(i, j, q.get(i, j) + qubo.values[k] / 2);
      q.set(j, i, q.get(j, i) + qubo.values[k] / 2);
    } else q.set(i, j, q.get(i, j) + qubo.values[k]);
  }
  return q;
}
