// Observables: Pauli sums H = Σ_k c_k P_k (real c_k, P_k a tensor product of X/Y/Z) and diagonal
// observables H = diag(v) (Ising / QUBO energies of each basis state).
//
// A Pauli string acts on a basis state as P|i⟩ = i^{#Y} (−1)^{popcount(i ∧ zMask)} |i ⊕ xMask⟩ with
// xMask = X∪Y qubits and zMask = Z∪Y qubits (Y = iXZ), so ⟨ψ|P|ψ⟩ and H|ψ⟩ need no matrices.
import type { StateVector } from "./statevector.js";

export type PauliLetter = "X" | "Y" | "Z";

export interface PauliTerm {
  readonly coefficient: number;
  /** [qubit, letter] factors on distinct qubits; empty = identity. */
  readonly factors: readonly (readonly [number, PauliLetter])[];
}

export type Observable =
  | { readonly kind: "pauli"; readonly terms: readonly PauliTerm[] }
  | { readonly kind: "diagonal"; readonly values: Float64Array };

/** Parses "Z0 Z1", "X3 Y4" or "" (identity) into a term with `coefficient`. */
export function pauliTerm(coefficient: number, text: string): PauliTerm {
  if (!Number.isFinite(coefficient)) throw new RangeError(`a Pauli coefficient must be finite, got ${coefficient}`);
  const factors: [number, PauliLetter][] = [];
  for (const word of text.trim().split(/\s+/).filter((w) => w.length > 0)) {
    const match = /^([XYZI])(\d+)$/.exec(word);
    if (!match) throw new RangeError(`a Pauli factor must look like X0, Y3 or Z12, got '${word}'`);
    const qubit = Number(match[2]);
    if (factors.some(([q]) => q === qubit)) throw new RangeError(`Pauli term '${text}' repeats qubit ${qubit}`);
    if (match[1] !== "I") factors.push([qubit, match[1] as PauliLetter]);
  }
  return { coefficient, factors };
}

/** A Pauli-sum observable from [coefficient, "Z0 Z1"] pairs. */
export function pauliSum(terms: readonly (readonly [number, string])[]): Observable {
  return { kind: "pauli", terms: terms.map(([c, text]) => pauliTerm(c, text)) };
}

interface Masks {
  readonly xMask: number;
  readonly zMask: number;
  /** i^{#Y} as one of 0, 1, 2, 3 (powers of i). */
  readonly yPhase: number;
}

function masksOf(term: PauliTerm, nQubits: number): Masks {
  let xMask = 0;
  let zMask = 0;
  let nY = 0;
  for (const [qubit, letter] of term.factors) {
    if (!Number.isInteger(qubit) || qubit < 0 || qubit >= nQubits) {
      throw new RangeError(`Pauli factor qubit must be an integer in 0..${nQubits - 1}, got ${qubit}`);
    }
    if (letter === "X" || letter === "Y") xMask |= 1 << qubit;
    if (letter === "Z" || letter === "Y") zMask |= 1 << qubit;
    if (letter === "Y") nY++;
  }
  return { xMask, zMask, yPhase: nY % 4 };
}

function parity(x: number): number {
  let v = x;
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

/** ⟨ψ|P|ψ⟩ for one Pauli string (real for Hermitian P). */
function pauliExpectation(state: StateVector, masks: Masks): number {
  const { re, im } = state;
  const { xMask, zMask, yPhase } = masks;
  // Σ_i conj(ψ_{i⊕x}) · i^{y} (−1)^{|i∧z|} ψ_i; accumulate s = Σ conj(ψ_{i⊕x}) (−1)^{…} ψ_i, then × i^y.
  let sr = 0;
  let si = 0;
  for (let i = 0; i < re.length; i++) {
    const j = i ^ xMask;
    const sign = parity(i & zMask) === 0 ? 1 : -1;
    const ar = re[j] as number;
    const ai = im[j] as number;
    const br = re[i] as number;
    const bi = im[i] as number;
    sr += sign * (ar * br + ai * bi);
    si += sign * (ar * bi - ai * br);
  }
  switch (yPhase) {
    case 0:
      return sr;
    case 1:
      return -si;
    case 2:
      return -sr;
    default:
      return si;
  }
}

/** ⟨ψ|H|ψ⟩ (ψ need not be normalised: this is the raw quadratic form). */
export function expectation(state: StateVector, observable: Observable): number {
  switch (observable.kind) {
    case "pauli": {
      let total = 0;
      for (const term of observable.terms) total += term.coefficient * pauliExpectation(state, masksOf(term, state.nQubits));
      return total;
    }
    case "diagonal": {
      checkDiagonal(state, observable.values);
      const { re, im } = state;
      const values = observable.values;
      let total = 0;
      for (let i = 0; i < re.length; i++) total += ((re[i] as number) ** 2 + (im[i] as number) ** 2) * (values[i] as number);
      return total;
    }
    default: {
      const unreachable: never = observable;
      throw new TypeError(`unknown observable ${JSON.stringify(unreachable)}`);
    }
  }
}

function checkDiagonal(state: StateVector, values: Float64Array): void {
  if (values.length !== state.re.length) {
    throw new RangeError(`a diagonal observable on ${state.nQubits} qubits must have ${state.re.length} values, got ${values.length}`);
  }
}

/** out ← H ψ (out is overwritten; it must not be ψ itself). */
export function applyObservable(state: StateVector, observable: Observable, out: StateVector): void {
  if (out === state || out.re.length !== state.re.length) throw new RangeError("out must be a distinct state of the same size");
  const { re, im } = state;
  switch (observable.kind) {
    case "pauli": {
      out.re.fill(0);
      out.im.fill(0);
      for (const term of observable.terms) {
        const { xMask, zMask, yPhase } = masksOf(term, state.nQubits);
        // phase = c · i^y as a complex number.
        const pr = yPhase === 0 ? term.coefficient : yPhase === 2 ? -term.coefficient : 0;
        const pi = yPhase === 1 ? term.coefficient : yPhase === 3 ? -term.coefficient : 0;
        for (let i = 0; i < re.length; i++) {
          const sign = parity(i & zMask) === 0 ? 1 : -1;
          const ar = sign * (re[i] as number);
          const ai = sign * (im[i] as number);
          const j = i ^ xMask;
          out.re[j] = (out.re[j] as number) + pr * ar - pi * ai;
          out.im[j] = (out.im[j] as number) + pr * ai + pi * ar;
        }
      }
      return;
    }
    case "diagonal": {
      checkDiagonal(state, observable.values);
      const values = observable.values;
      for (let i = 0; i < re.length; i++) {
        out.re[i] = (re[i] as number) * (values[i] as number);
        out.im[i] = (im[i] as number) * (values[i] as number);
      }
      return;
    }
    default: {
      const unreachable: never = observable;
      throw new TypeError(`unknown observable ${JSON.stringify(unreachable)}`);
    }
  }
}
