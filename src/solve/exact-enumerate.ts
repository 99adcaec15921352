// The exhaustive-search kernel behind `solveExact`: visits all 2ⁿ assignments of a QUBO once.
//
// Split x = (low, high) with the L lowest-numbered variables in `low`. Then
//   E(x) = B(high) + Σ_{i<L} gᵢ(high)·xᵢ + T(low)
// where B(high) is the energy with low = 0 (offset included), gᵢ(high) = Σ_{j≥L} Qᵢⱼxⱼ is the field
// the high variables put on low variable i, and T(low) = Σ_{i<L} hᵢxᵢ + Σ_{i<j<L} Qᵢⱼxᵢxⱼ is the
// low block's own energy, tabulated once (2^L entries).
// The low block is walked in Gray-code order over bits 1..L−1, so each step flips one bit and costs
// O(1): S += ±g_b, then E = B + S + T[low] and E = B + S + g_0 + T[low | 1] for both values of bit 0
// (one update for two states). The high block is walked in Gray-code order too, one flip per 2^L
// states, updating B from the flipped variable's local field and g for its low neighbours in
// O(degree). Total O(2ⁿ + 2^{n−L}·(n + degree)) time and O(2^L + n + m) memory.
//
// Incremental sums drift for non-integer coefficients, so B and g are recomputed from scratch every
// RESYNC_CHUNKS high flips, and the caller re-evaluates every reported state exactly. The kernel does
// not validate its input: `solveExact` does that first.
import { type Qubo, quboAdjacency } from "../compile/qubo.js";

/** Receives every state whose (incrementally computed) energy is ≤ the gate it last returned. */
export interface StateSink {
  /** Called with the approximate energy and basis index; returns the new gate. */
  offer(energy: number, index: number): number;
  /** The gate before any state has been offered. */
  readonly initialGate: number;
}

/** Low-block width: 2^11 doubles = 16 KiB of table, comfortably inside L1. */
export const DEFAULT_LOW_BITS = 11;
const RESYNC_CHUNKS = 4096;

/** How often (in chunks of 2^L states) `shouldStop` is polled: about every 2^17 states. */
const POLL_CHUNKS = 64;

/**
 * Calls `sink.offer` for every state whose energy is ≤ the gate, in Gray-code order, and returns
 * how many states were visited: 2ⁿ, or fewer when `shouldStop` (polled between chunks) said stop or
 * `maxChunks` chunks of 2^lowBits states were visited.
 */
export function enumerateQubo(qubo: Qubo, sink: StateSink, lowBits = DEFAULT_LOW_BITS, shouldStop?: () => boolean, maxChunks = Infinity): number {
  const n = qubo.linear.length;
  const nLowBits = Math.min(n, lowBits);
  const nHighBits = n - nLowBits;
  const nLow = 2 ** nLowBits;
  const nChunks = 2 ** nHighBits;
  const table = lowBlockTable(qubo, nLowBits);
  const adjacency = quboAdjacency(qubo);
  const { start, neighbors, weights } = adjacency;
  const linear = qubo.linear;

  // x holds the high variables' current values (low entries stay 0: B is defined at low = 0).
  const x = new Uint8Array(n);
  const g = new Float64Array(nLowBits);
  let base = qubo.offset;
  let gate = sink.initialGate;
  let highGray = 0;

  for (let chunk = 0; chunk < nChunks; chunk++) {
    if (chunk >= maxChunks) return chunk * nLow;
    if (shouldStop !== undefined && chunk % POLL_CHUNKS === 0 && chunk > 0 && shouldStop()) return chunk * nLow;
    if (chunk > 0) {
      const h = nLowBits + (31 - Math.clz32(chunk & -chunk));
      const sign = x[h] === 1 ? -1 : 1;
      let field = linear[h];
      for (let k = start[h]; k < start[h + 1]; k++) {
        const j = neighbors[k];
        if (j >= nLowBits) field += weights[k] * x[j];
        else g[j] += sign * weights[k];
      }
      base += sign * field;
      x[h] ^= 1;
      highGray ^= 2 ** (h - nLowBits);
      if (chunk % RESYNC_CHUNKS === 0) base = resync(qubo, adjacency, x, nLowBits, g);
    }
    const highIndex = highGray * nLow;
    if (nLowBits < 2) {
      for (let low = 0; low < nLow; low++) {
        const e = base + table[low] + (low === 1 ? g[0] : 0);
        if (e <= gate) gate = sink.offer(e, highIndex + low);
      }
      continue;
    }
    // Bits 1..L−1 in Gray order; at each step bit 0 takes both values, so one update serves two states.
    const g0 = g[0];
    const nPairs = nLow >>> 1;
    let low = 0;
    let s = base;
    for (let t = 0; t < nPairs; t++) {
      if (t > 0) {
        const b = 32 - Math.clz32(t & -t);
        low ^= 1 << b;
        s += ((low >>> b) & 1) === 1 ? g[b] : -g[b];
      }
      const e0 = s + table[low];
      const e1 = s + g0 + table[low | 1];
      if (e0 <= gate) gate = sink.offer(e0, highIndex + low);
      if (e1 <= gate) gate = sink.offer(e1, highIndex + low + 1);
    }
  }
  return nChunks * nLow;
}

// T(low) for every low state: T(s) = T(s − bit b) + h_b + Σ_{j ∈ s, j ≠ b} Q_bj, b = lowest set bit.
function lowBlockTable(qubo: Qubo, nLowBits: number): Float64Array {
  const couplings = new Float64Array(nLowBits * nLowBits);
  const { rows, cols, values } = qubo;
  for (let k = 0; k < values.length; k++) {
    if (cols[k] < nLowBits) {
      couplings[rows[k] * nLowBits + cols[k]] += values[k];
      couplings[cols[k] * nLowBits + rows[k]] += values[k];
    }
  }
  const table = new Float64Array(2 ** nLowBits);
  for (let s = 1; s < table.length; s++) {
    const b = 31 - Math.clz32(s & -s);
    const rest = s ^ (1 << b);
    let e = table[rest] + qubo.linear[b];
    for (let j = b + 1; j < nLowBits; j++) if ((rest >>> j) & 1) e += couplings[b * nLowBits + j];
    table[s] = e;
  }
  return table;
}

// Recomputes g and B exactly for the current high assignment (low = 0); returns B.
function resync(
  qubo: Qubo,
  adjacency: ReturnType<typeof quboAdjacency>,
  x: Uint8Array,
  nLowBits: number,
  g: Float64Array,
): number {
  const { start, neighbors, weights } = adjacency;
  let base = qubo.offset;
  g.fill(0);
  for (let i = 0; i < nLowBits; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) if (x[neighbors[k]] === 1) g[i] += weights[k];
  }
  const { rows, cols, values, linear } = qubo;
  for (let i = nLowBits; i < linear.length; i++) if (x[i] === 1) base += linear[i];
  for (let k = 0; k < values.length; k++) if (x[rows[k]] === 1 && x[cols[k]] === 1) base += values[k];
  return base;
}
