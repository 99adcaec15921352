// Energies of every basis state for diagonal observables and QAOA cost layers: E(z) for the QUBO
// with x_i = bit i of z (qubit i ↔ variable i, |0⟩ ↔ x = 0). Computed by a recurrence over the
// lowest set bit, E(z) = E(z − lsb) + h_l + Σ_{j ∈ z, j ≠ l} Q_lj, in O(2^n · degree) with no
// per-state loop over all terms. Stored in shared memory so worker threads can read it.
import { quboAdjacency, type Qubo } from "../compile/qubo.js";
import { assertStateFits, MAX_QUBITS } from "./memory-guard.js";

/** E(z) for z = 0 … 2^n − 1. */
export function quboEnergies(qubo: Qubo): Float64Array {
  const n = qubo.linear.length;
  if (n < 1 || n > MAX_QUBITS) throw new RangeError(`a QUBO for the simulator must have 1..${MAX_QUBITS} variables, got ${n}`);
  // 8 bytes per state; the guard counts the state it will be used with as well.
  assertStateFits(n, 8 * 2 ** n);
  const { start, neighbors, weights } = quboAdjacency(qubo);
  const size = 2 ** n;
  const energies = new Float64Array(new SharedArrayBuffer(8 * size));
  energies[0] = qubo.offset;
  for (let z = 1; z < size; z++) {
    const lsb = z & -z;
    const l = 31 - Math.clz32(lsb);
    const rest = z ^ lsb;
    let delta = qubo.linear[l] as number;
    for (let k = start[l] as number; k < (start[l + 1] as number); k++) {
      if ((rest >> (neighbors[k] as number)) & 1) delta += weights[k] as number;
    }
    energies[z] = (energies[rest] as number) + delta;
  }
  return energies;
}

/**
 * When the energies take at most 65,536 distinct values (integer weights, small problems), the
 * level form: a Uint16Array index per state and the distinct values, so that a cost layer
 * e^{−iγE} evaluates cos/sin once per level instead of once per amplitude.
 */
export function energyLevels(energies: Float64Array): { levels: Uint16Array; values: Float64Array } | undefined {
  const integral = integerLevels(energies);
  if (integral !== undefined) return integral;
  const index = new Map<number, number>();
  const levels = new Uint16Array(new SharedArrayBuffer(2 * energies.length));
  for (let z = 0; z < energies.length; z++) {
    const e = energies[z] as number;
    let level = index.get(e);
    if (level === undefined) {
      if (index.size === 65536) return undefined;
      level = index.size;
      index.set(e, level);
    }
    levels[z] = level;
  }
  return { levels, values: Float64Array.from(index.keys()) };
}

/** Fast path for integer energies spanning < 65,536 values: level = E − min, no hash map. */
function integerLevels(energies: Float64Array): { levels: Uint16Array; values: Float64Array } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let z = 0; z < energies.length; z++) {
    const e = energies[z] as number;
    if (!Number.isInteger(e)) return undefined;
    if (e < min) min = e;
    if (e > max) max = e;
  }
  if (max - min >= 65536) return undefined;
  const levels = new Uint16Array(new SharedArrayBuffer(2 * energies.length));
  for (let z = 0; z < energies.length; z++) levels[z] = (energies[z] as number) - min;
  const values = new Float64Array(max - min + 1);
  for (let l = 0; l < values.length; l++) values[l] = min + l;
  return { levels, values };
}
