// Measurement: probabilities, mid-circuit collapse and reset, and seeded shot sampling.
//
// Sampling draws all shots in one sweep: S sorted uniforms are matched against the running
// cumulative probability as the sweep passes each amplitude (inverse-CDF sampling), O(2^n + S log S)
// time and no buffer of size 2^n, instead of a pass per shot.
import type { Rng } from "../util/rng.js";
import type { StateVector } from "./statevector.js";

function checkQubit(state: StateVector, qubit: number): void {
  if (!Number.isInteger(qubit) || qubit < 0 || qubit >= state.nQubits) {
    throw new RangeError(`qubit must be an integer in 0..${state.nQubits - 1}, got ${qubit}`);
  }
}

/** |ψ_i|² for every basis state i (a new array of 2^n doubles). */
export function probabilities(state: StateVector): Float64Array {
  const { re, im } = state;
  const out = new Float64Array(re.length);
  for (let i = 0; i < re.length; i++) out[i] = (re[i] as number) ** 2 + (im[i] as number) ** 2;
  return out;
}

/** P(qubit = 1). */
export function probabilityOfOne(state: StateVector, qubit: number): number {
  checkQubit(state, qubit);
  const { re, im } = state;
  const stride = 1 << qubit;
  let p = 0;
  for (let k = 0; k < re.length / 2; k++) {
    const i = ((k >> qubit) << (qubit + 1)) | (k & (stride - 1)) | stride;
    p += (re[i] as number) ** 2 + (im[i] as number) ** 2;
  }
  return p;
}

/** Probabilities of the 2^m outcomes of `qubits` (outcome bit j = qubits[j]). */
export function marginalProbabilities(state: StateVector, qubits: readonly number[]): Float64Array {
  qubits.forEach((q) => checkQubit(state, q));
  if (new Set(qubits).size !== qubits.length) throw new RangeError(`qubits must be distinct, got [${qubits.join(", ")}]`);
  const out = new Float64Array(2 ** qubits.length);
  const { re, im } = state;
  for (let i = 0; i < re.length; i++) {
    let outcome = 0;
    for (let j = 0; j < qubits.length; j++) outcome |= ((i >> (qubits[j] as number)) & 1) << j;
    out[outcome] = (out[outcome] as number) + (re[i] as number) ** 2 + (im[i] as number) ** 2;
  }
  return out;
}

/**
 * Measures `qubit` in the Z basis: draws the outcome from the seeded `rng`, projects onto it and
 * renormalises. Returns the outcome (0 or 1).
 */
export function measureQubit(state: StateVector, qubit: number, rng: Rng): 0 | 1 {
  const pOne = probabilityOfOne(state, qubit);
  const outcome: 0 | 1 = rng.nextDouble() < pOne ? 1 : 0;
  collapse(state, qubit, outcome, outcome === 1 ? pOne : 1 - pOne);
  return outcome;
}

/** Projects onto `qubit` = `outcome` (whose probability is `probability`) and renormalises. */
export function collapse(state: StateVector, qubit: number, outcome: 0 | 1, probability: number): void {
  if (!(probability > 0)) throw new Error(`internal: collapsing onto outcome ${outcome} of probability ${probability}`);
  const scale = 1 / Math.sqrt(probability);
  const { re, im } = state;
  const bit = 1 << qubit;
  for (let i = 0; i < re.length; i++) {
    if (((i & bit) !== 0 ? 1 : 0) === outcome) {
      re[i] = (re[i] as number) * scale;
      im[i] = (im[i] as number) * scale;
    } else {
      re[i] = 0;
      im[i] = 0;
    }
  }
}

/** Resets `qubit` to |0⟩: measures it (seeded) and flips it back if the outcome was 1. */
export function resetQubit(state: StateVector, qubit: number, rng: Rng): void {
  if (measureQubit(state, qubit, rng) === 1) flipCollapsedOne(state, qubit);
}

/** Moves the amplitudes of a state collapsed onto `qubit` = 1 to `qubit` = 0 (the X that ends a reset). */
export function flipCollapsedOne(state: StateVector, qubit: number): void {
  const { re, im } = state;
  const bit = 1 << qubit;
  for (let k = 0; k < re.length / 2; k++) {
    const i0 = ((k >> qubit) << (qubit + 1)) | (k & (bit - 1));
    const i1 = i0 | bit;
    re[i0] = re[i1] as number;
    im[i0] = im[i1] as number;
    re[i1] = 0;
    im[i1] = 0;
  }
}

/**
 * `shots` basis-state indices drawn from |ψ|² with the seeded `rng`, in random order. The state's
 * norm is used as the total, so a slightly unnormalised state samples correctly.
 */
export function sampleIndices(state: StateVector, shots: number, rng: Rng): Float64Array {
  if (!Number.isSafeInteger(shots) || shots < 0) throw new RangeError(`shots must be a non-negative integer, got ${shots}`);
  const { re, im } = state;
  const size = re.length;
  let total = 0;
  for (let i = 0; i < size; i++) total += (re[i] as number) ** 2 + (im[i] as number) ** 2;
  if (!(total > 0) || !Number.isFinite(total)) throw new RangeError(`the state must have a positive finite norm to sample, got ${total}`);
  const uniforms = new Float64Array(shots);
  for (let s = 0; s < shots; s++) uniforms[s] = rng.nextDouble() * total;
  uniforms.sort();
  const sorted = new Float64Array(shots);
  let cumulative = 0;
  let s = 0;
  let last = 0;
  for (let i = 0; i < size && s < shots; i++) {
    const p = (re[i] as number) ** 2 + (im[i] as number) ** 2;
    if (p === 0) continue;
    last = i;
    cumulative += p;
    while (s < shots && (uniforms[s] as number) < cumulative) sorted[s++] = i;
  }
  // Rounding can leave the largest uniforms just above the final cumulative sum.
  while (s < shots) sorted[s++] = last;
  // Fisher–Yates, so that the shot order carries no information about the index order.
  for (let j = shots - 1; j > 0; j--) {
    const k = rng.int(j + 1);
    const t = sorted[j] as number;
    sorted[j] = sorted[k] as number;
    sorted[k] = t;
  }
  return sorted;
}

/** The bitstring of bits `index` over `width` bits, bit width−1 on the left (OpenQASM / Qiskit order). */
export function bitstring(index: number, width: number): string {
  let text = "";
  for (let j = width - 1; j >= 0; j--) text += Math.floor(index / 2 ** j) % 2 === 1 ? "1" : "0";
  return text;
}

/**
 * Counts of `shots` seeded samples, keyed by bitstring. With `qubits`, counts the marginal outcome of
 * those qubits (character for qubits[j] at position m−1−j from the left); otherwise all qubits.
 */
export function sampleCounts(state: StateVector, shots: number, rng: Rng, qubits?: readonly number[]): Record<string, number> {
  qubits?.forEach((q) => checkQubit(state, q));
  const indices = sampleIndices(state, shots, rng);
  const tally = new Map<number, number>();
  for (let s = 0; s < indices.length; s++) {
    let key = indices[s] as number;
    if (qubits) {
      let outcome = 0;
      for (let j = 0; j < qubits.length; j++) outcome |= ((key >> (qubits[j] as number)) & 1) << j;
      key = outcome;
    }
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const width = qubits ? qubits.length : state.nQubits;
  const counts: Record<string, number> = {};
  for (const key of [...tally.keys()].sort((a, b) => a - b)) counts[bitstring(key, width)] = tally.get(key) as number;
  return counts;
}
