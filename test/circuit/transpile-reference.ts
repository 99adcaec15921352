// A naive dense reference for circuit equivalence tests, independent of the simulator: textbook
// gate matrices (Qiskit conventions) applied to explicit state vectors. Qubit 0 is the least
// significant bit of a basis index; a gate's local matrix lists its first qubit as the most
// significant (so cx = [[1,0,0,0],[0,1,0,0],[0,0,0,1],[0,0,1,0]] with the control first).
import { evaluateAngle } from "../../src/circuit/angles.js";
import type { Circuit, GateName } from "../../src/circuit/ir.js";

export type Complex = { re: number; im: number };
export type Matrix = Complex[][];

const c = (re: number, im = 0): Complex => ({ re, im });
const expi = (phase: number): Complex => c(Math.cos(phase), Math.sin(phase));
const mul = (a: Complex, b: Complex): Complex => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);

function controlled(u: Matrix): Matrix {
  const n = u.length;
  return Array.from({ length: 2 * n }, (_, i) =>
    Array.from({ length: 2 * n }, (_, j) => (i < n || j < n ? c(i === j ? 1 : 0) : (u[i - n]![j - n] as Complex))),
  );
}

function exponentOfPauliPair(pauli: Matrix, theta: number): Matrix {
  // exp(-iθ/2 P⊗P) = cos(θ/2) I − i sin(θ/2) P⊗P
  const kron = kronecker(pauli, pauli);
  return kron.map((row, i) => row.map((entry, j) => c((i === j ? Math.cos(theta / 2) : 0) + Math.sin(theta / 2) * entry.im, -Math.sin(theta / 2) * entry.re)));
}

function kronecker(a: Matrix, b: Matrix): Matrix {
  const n = b.length;
  return Array.from({ length: a.length * n }, (_, i) => Array.from({ length: a.length * n }, (_, j) => mul(a[Math.floor(i / n)]![Math.floor(j / n)]!, b[i % n]![j % n]!)));
}

const X: Matrix = [[c(0), c(1)], [c(1), c(0)]];
const Y: Matrix = [[c(0), c(0, -1)], [c(0, 1), c(0)]];
const Z: Matrix = [[c(1), c(0)], [c(0), c(-1)]];
const H: Matrix = [[c(Math.SQRT1_2), c(Math.SQRT1_2)], [c(Math.SQRT1_2), c(-Math.SQRT1_2)]];
const diag = (a: Complex, b: Complex): Matrix => [[a, c(0)], [c(0), b]];
const SWAP: Matrix = [0, 2, 1, 3].map((j) => [0, 1, 2, 3].map((k) => c(k === j ? 1 : 0)));

function u(theta: number, phi: number, lambda: number): Matrix {
  const cos = Math.cos(theta / 2);
  const sin = Math.sin(theta / 2);
  return [
    [c(cos), mul(c(-sin), expi(lambda))],
    [mul(c(sin), expi(phi)), mul(c(cos), expi(phi + lambda))],
  ];
}

export function gateMatrix(name: GateName, angles: readonly number[]): Matrix {
  const [t = 0, p = 0, l = 0, g = 0] = angles;
  switch (name) {
    case "id": return diag(c(1), c(1));
    case "x": return X;
    case "y": return Y;
    case "z": return Z;
    case "h": return H;
    case "s": return diag(c(1), c(0, 1));
    case "sdg": return diag(c(1), c(0, -1));
    case "t": return diag(c(1), expi(Math.PI / 4));
    case "tdg": return diag(c(1), expi(-Math.PI / 4));
    case "sx": return [[c(0.5, 0.5), c(0.5, -0.5)], [c(0.5, -0.5), c(0.5, 0.5)]];
    case "sxdg": return [[c(0.5, -0.5), c(0.5, 0.5)], [c(0.5, 0.5), c(0.5, -0.5)]];
    case "rx": return [[c(Math.cos(t / 2)), c(0, -Math.sin(t / 2))], [c(0, -Math.sin(t / 2)), c(Math.cos(t / 2))]];
    case "ry": return [[c(Math.cos(t / 2)), c(-Math.sin(t / 2))], [c(Math.sin(t / 2)), c(Math.cos(t / 2))]];
    case "rz": return diag(expi(-t / 2), expi(t / 2));
    case "p": return diag(c(1), expi(t));
    case "u": return u(t, p, l);
    case "cx": return controlled(X);
    case "cy": return controlled(Y);
    case "cz": return controlled(Z);
    case "ch": return controlled(H);
    case "swap": return SWAP;
    case "crx": return controlled(gateMatrix("rx", [t]));
    case "cry": return controlled(gateMatrix("ry", [t]));
    case "crz": return controlled(gateMatrix("rz", [t]));
    case "cp": return controlled(gateMatrix("p", [t]));
    case "cu": return controlled(u(t, p, l).map((row) => row.map((entry) => mul(entry, expi(g)))));
    case "rxx": return exponentOfPauliPair(X, t);
    case "ryy": return exponentOfPauliPair(Y, t);
    case "rzz": return exponentOfPauliPair(Z, t);
    case "ccx": return controlled(controlled(X));
    case "cswap": return controlled(SWAP);
  }
}

/** Applies the local matrix `m` on `qubits` (first = most significant local bit) to `state` in place. */
export function applyMatrix(state: Complex[], m: Matrix, qubits: readonly number[]): void {
  const k = qubits.length;
  const mask = qubits.reduce((acc, q) => acc | (1 << q), 0);
  const local = (index: number, bits: number) => {
    let full = index & ~mask;
    for (let j = 0; j < k; j++) if ((bits >> (k - 1 - j)) & 1) full |= 1 << (qubits[j] as number);
    return full;
  };
  for (let base = 0; base < state.length; base++) {
    if ((base & mask) !== 0) continue;
    const indices = Array.from({ length: 1 << k }, (_, bits) => local(base, bits));
    const before = indices.map((i) => state[i] as Complex);
    indices.forEach((target, row) => {
      let sum = c(0);
      for (let col = 0; col < before.length; col++) {
        const term = mul(m[row]![col]!, before[col]!);
        sum = c(sum.re + term.re, sum.im + term.im);
      }
      state[target] = sum;
    });
  }
}

/** The state after running the circuit's gates on `input` (measure/reset not allowed). */
export function runDense(circuit: Circuit, input: readonly Complex[], values: readonly number[] = []): Complex[] {
  const state = input.map((z) => ({ ...z }));
  for (const op of circuit.ops) {
    if (op.kind === "barrier") continue;
    if (op.kind !== "gate") throw new Error("dense reference: only unitary circuits");
    applyMatrix(state, gateMatrix(op.name, op.angles.map((a) => evaluateAngle(a, values))), op.qubits);
  }
  return state;
}

/** Every column of the circuit's unitary. */
export function denseUnitary(circuit: Circuit, values: readonly number[] = []): Complex[][] {
  const dim = 2 ** circuit.nQubits;
  return Array.from({ length: dim }, (_, j) => runDense(circuit, Array.from({ length: dim }, (_, i) => c(i === j ? 1 : 0)), values));
}

/** max |a − e^{iφ} b| over entries, with the phase φ chosen from the largest entry of b. */
export function distanceUpToPhase(a: readonly Complex[], b: readonly Complex[]): number {
  let best = 0;
  let pivot = 0;
  b.forEach((z, i) => {
    const m = Math.hypot(z.re, z.im);
    if (m > best) {
      best = m;
      pivot = i;
    }
  });
  const ratio = (() => {
    const x = a[pivot]!;
    const y = b[pivot]!;
    const d = y.re * y.re + y.im * y.im;
    const r = c((x.re * y.re + x.im * y.im) / d, (x.im * y.re - x.re * y.im) / d);
    const m = Math.hypot(r.re, r.im) || 1;
    return c(r.re / m, r.im / m);
  })();
  let worst = 0;
  a.forEach((x, i) => {
    const y = mul(ratio, b[i]!);
    worst = Math.max(worst, Math.hypot(x.re - y.re, x.im - y.im));
  });
  return worst;
}

export function flatten(columns: readonly Complex[][]): Complex[] {
  return columns.flat();
}

/** A seeded random normalised state (deterministic LCG, no Math.random). */
export function randomState(nQubits: number, seed: number): Complex[] {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  const v = Array.from({ length: 2 ** nQubits }, () => c(next(), next()));
  const norm = Math.sqrt(v.reduce((acc, z) => acc + z.re * z.re + z.im * z.im, 0));
  return v.map((z) => c(z.re / norm, z.im / norm));
}
