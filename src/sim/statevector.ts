// The state: 2^n complex amplitudes as split re/im Float64Arrays (an object per amplitude measured
// ~40× slower), qubit 0 the least significant bit of the index. Backed by SharedArrayBuffers so
// that worker threads can run passes on it in place.
import { assertStateFits } from "./memory-guard.js";

export interface StateVector {
  readonly nQubits: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface CreateStateOptions {
  /** Extra bytes the caller will allocate alongside (checked by the memory guard). */
  readonly extraBytes?: number;
}

/** |0…0⟩ on n qubits, after checking that it fits in memory. */
export function createState(nQubits: number, options: CreateStateOptions = {}): StateVector {
  assertStateFits(nQubits, options.extraBytes ?? 0);
  const size = 2 ** nQubits;
  const re = new Float64Array(new SharedArrayBuffer(8 * size));
  const im = new Float64Array(new SharedArrayBuffer(8 * size));
  re[0] = 1;
  return { nQubits, re, im };
}

/** A state holding the given amplitudes (copied); lengths must be equal powers of two. */
export function stateFromAmplitudes(re: ArrayLike<number>, im: ArrayLike<number>): StateVector {
  const size = re.length;
  const nQubits = Math.log2(size);
  if (!Number.isInteger(nQubits) || nQubits < 1 || im.length !== size) {
    throw new RangeError(`amplitudes must be two arrays of equal power-of-two length ≥ 2, got ${re.length} and ${im.length}`);
  }
  const state = createState(nQubits);
  for (let i = 0; i < size; i++) {
    const a = re[i] as number;
    const b = im[i] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`amplitude ${i} must be finite, got ${a} + ${b}i`);
    state.re[i] = a;
    state.im[i] = b;
  }
  return state;
}

export function copyState(state: StateVector): StateVector {
  const copy = createState(state.nQubits);
  copy.re.set(state.re);
  copy.im.set(state.im);
  return copy;
}

/** Σ|ψ_i|². */
export function normSquared(state: StateVector): number {
  const { re, im } = state;
  let sum = 0;
  for (let i = 0; i < re.length; i++) {
    const a = re[i] as number;
    const b = im[i] as number;
    sum += a * a + b * b;
  }
  return sum;
}

/** ⟨a|b⟩ = Σ conj(a_i)·b_i as [re, im]. */
export function innerProduct(a: StateVector, b: StateVector): [number, number] {
  if (a.nQubits !== b.nQubits) throw new RangeError(`states must have equal qubit counts, got ${a.nQubits} and ${b.nQubits}`);
  let sr = 0;
  let si = 0;
  for (let i = 0; i < a.re.length; i++) {
    const ar = a.re[i] as number;
    const ai = a.im[i] as number;
    const br = b.re[i] as number;
    const bi = b.im[i] as number;
    sr += ar * br + ai * bi;
    si += ar * bi - ai * br;
  }
  return [sr, si];
}
