// The QUBO contract every solver reads: minimise E(x) = offset + Σᵢ hᵢxᵢ + Σ_{i<j} Qᵢⱼxᵢxⱼ, x ∈ {0,1}ⁿ.
// Diagonal terms live in `linear` (x² = x for binaries); off-diagonal terms are stored once, upper
// triangular (row < col), sorted by (row, col), with no duplicates.

export interface Qubo {
  /** Flat variable names, index i ↔ variables[i] (e.g. `x[3]`, `c[2].bit1`). */
  readonly variables: readonly string[];
  /** hᵢ: coefficient of xᵢ (including any diagonal Qᵢᵢ). */
  readonly linear: Float64Array;
  /** Upper-triangular couplings: rows[k] < cols[k], coefficient values[k]. */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly values: Float64Array;
  readonly offset: number;
}

/** Symmetric compressed-sparse-row neighbourhoods, the layout local-search solvers iterate. */
export interface QuboAdjacency {
  /** Neighbours of i are neighbors[start[i] .. start[i+1]). */
  readonly start: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Float64Array;
}

export function nVariables(qubo: Qubo): number {
  return qubo.linear.length;
}

/** Builds a canonical QUBO from (i, j, value) terms; repeated pairs add, i = j goes to `linear`. */
export function quboFromTerms(
  variables: readonly string[],
  terms: Iterable<readonly [number, number, number]>,
  offset = 0,
): Qubo {
  const n = variables.length;
  const linear = new Float64Array(n);
  const pairs = new Map<number, number>();
  for (const [a, b, value] of terms) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n) {
      throw new RangeError(`QUBO term indices must be integers in [0, ${n}), got (${a}, ${b})`);
    }
    if (!Number.isFinite(value)) {
      throw new RangeError(`QUBO coefficient for (${a}, ${b}) must be finite, got ${value}`);
    }
    if (a === b) {
      linear[a] += value;
    } else {
      const key = a < b ? a * n + b : b * n + a;
      pairs.set(key, (pairs.get(key) ?? 0) + value);
    }
  }
  const keys = [...pairs.keys()].filter((k) => pairs.get(k) !== 0).sort((p, q) => p - q);
  const rows = new Int32Array(keys.length);
  const cols = new Int32Array(keys.length);
  const values = new Float64Array(keys.length);
  keys.forEach((key, k) => {
    rows[k] = Math.floor(key / n);
    cols[k] = key % n;
    values[k] = pairs.get(key)!;
  });
  return { variables: [...variables], linear, rows, cols, values, offset };
}

/** E(x) for one assignment; `x[i]` is read as 0 or 1. */
export function quboEnergy(qubo: Qubo, x: ArrayLike<number>): number {
  const { linear, rows, cols, values } = qubo;
  if (x.length !== linear.length) {
    throw new RangeError(`assignment has ${x.length} entries but the QUBO has ${linear.length} variables`);
  }
  let energy = qubo.offset;
  for (let i = 0; i < linear.length; i++) if (x[i]) energy += linear[i];
  for (let k = 0; k < values.length; k++) if (x[rows[k]] && x[cols[k]]) energy += values[k];
  return energy;
}

export function quboAdjacency(qubo: Qubo): QuboAdjacency {
  const n = qubo.linear.length;
  const { rows, cols, values } = qubo;
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < values.length; k++) {
    degree[rows[k] + 1]++;
    degree[cols[k] + 1]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i + 1];
  const fill = start.slice(0, n);
  const neighbors = new Int32Array(2 * values.length);
  const weights = new Float64Array(2 * values.length);
  for (let k = 0; k < values.length; k++) {
    const i = rows[k];
    const j = cols[k];
    neighbors[fill[i]] = j;
    weights[fill[i]++] = values[k];
    neighbors[fill[j]] = i;
    weights[fill[j]++] = values[k];
  }
  return { start, neighbors, weights };
}
