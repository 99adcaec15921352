// QUBO ↔ Ising with the project's spin map s = 1 − 2x (x = 0 ↔ s = +1 ↔ qubit |0⟩, Z = +1).
// Substituting x = (1 − s)/2 into offset + Σ hᵢxᵢ + Σ_{i<j} Qᵢⱼxᵢxⱼ gives
//   Jᵢⱼ = Qᵢⱼ/4,
//   h'ᵢ = −hᵢ/2 − Σⱼ Qᵢⱼ/4   (over every pair that contains i),
//   c'  = c + Σᵢ hᵢ/2 + Σ_{i<j} Qᵢⱼ/4,
// and E(s) = c' + Σ h'ᵢsᵢ + Σ_{i<j} Jᵢⱼsᵢsⱼ equals the QUBO energy at the corresponding x.
import type { Qubo } from "./qubo.js";

export interface Ising {
  readonly variables: readonly string[];
  /** Field hᵢ on spin i. */
  readonly h: Float64Array;
  /** Couplings Jᵢⱼ, upper triangular (rows[k] < cols[k]), same order as the QUBO's pairs. */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly j: Float64Array;
  readonly offset: number;
}

export function quboToIsing(qubo: Qubo): Ising {
  const n = qubo.linear.length;
  const h = new Float64Array(n);
  let offset = qubo.offset;
  for (let i = 0; i < n; i++) {
    h[i] = -qubo.linear[i] / 2;
    offset += qubo.linear[i] / 2;
  }
  const j = new Float64Array(qubo.values.length);
  for (let k = 0; k < j.length; k++) {
    const q = qubo.values[k] / 4;
    j[k] = q;
    h[qubo.rows[k]] -= q;
    h[qubo.cols[k]] -= q;
    offset += q;
  }
  return { variables: qubo.variables, h, rows: qubo.rows, cols: qubo.cols, j, offset };
}

/** The inverse map, s = 1 − 2x: the QUBO whose energies equal the Ising energies. */
export function isingToQubo(ising: Ising): Qubo {
  const n = ising.h.length;
  const linear = new Float64Array(n);
  let offset = ising.offset;
  for (let i = 0; i < n; i++) {
    linear[i] = -2 * ising.h[i];
    offset += ising.h[i];
  }
  const values = new Float64Array(ising.j.length);
  for (let k = 0; k < values.length; k++) {
    const jk = ising.j[k];
    // J·s_i·s_j = J(1 − 2x_i)(1 − 2x_j) = J − 2J x_i − 2J x_j + 4J x_i x_j
    values[k] = 4 * jk;
    linear[ising.rows[k]] -= 2 * jk;
    linear[ising.cols[k]] -= 2 * jk;
    offset += jk;
  }
  return { variables: ising.variables, linear, rows: ising.rows, cols: ising.cols, values, offset };
}

/** E(s) for spins s ∈ {−1, +1}ⁿ. */
export function isingEnergy(ising: Ising, spins: ArrayLike<number>): number {
  const n = ising.h.length;
  if (spins.length !== n) throw new RangeError(`assignment has ${spins.length} spins but the model has ${n}`);
  let energy = ising.offset;
  for (let i = 0; i < n; i++) energy += ising.h[i] * spins[i];
  for (let k = 0; k < ising.j.length; k++) energy += ising.j[k] * spins[ising.rows[k]] * spins[ising.cols[k]];
  return energy;
}
