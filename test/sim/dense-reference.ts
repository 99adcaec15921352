// A deliberately naive reference simulator for tests: gate matrices written out from their textbook
// definitions (independent of src/sim/gate-matrix.ts), lifted to the full 2^n × 2^n unitary by a
// Kronecker product I ⊗ G with the gate's qubits permuted to the lowest bits, and applied as a dense
// matrix–vector product.
import type { GateName } from "../../src/circuit/ir.js";

export type C = [number, number];
export type CMatrix = C[][];

const c = (re: number, im = 0): C => [re, im];
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const add = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const expi = (phi: number): C => [Math.cos(phi), Math.sin(phi)];

export function kron(a: CMatrix, b: CMatrix): CMatrix {
  const out: CMatrix = [];
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) {
      const row: C[] = [];
      for (let j = 0; j < a.length; j++) for (let l = 0; l < b.length; l++) row.push(mul(a[i]![j]!, b[k]![l]!));
      out.push(row);
    }
  }
  return out;
}

export function matmul(a: CMatrix, b: CMatrix): CMatrix {
  return a.map((row) => b[0]!.map((_, j) => row.reduce<C>((sum, x, k) => add(sum, mul(x, b[k]![j]!)), c(0))));
}

export function identity(dim: number): CMatrix {
  return Array.from({ length: dim }, (_, i) => Array.from({ length: dim }, (_, j) => c(i === j ? 1 : 0)));
}

const P0: CMatrix = [[c(1), c(0)], [c(0), c(0)]];
const P1: CMatrix = [[c(0), c(0)], [c(0), c(1)]];

/** |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ U with the control as the *low* bit (local bit 0), U on the higher bits. */
function controlled(u: CMatrix): CMatrix {
  const dim = u.length;
  const out = kron(identity(dim), P0);
  const on = kron(u, P1);
  return out.map((row, i) => row.map((x, j) => add(x, on[i]![j]!)));
}

function oneQubit(name: GateName, a: readonly number[]): CMatrix {
  const [t = 0, phi = 0, lambda = 0] = a;
  const h = Math.SQRT1_2;
  switch (name) {
    case "id": return identity(2);
    case "x": return [[c(0), c(1)], [c(1), c(0)]];
    case "y": return [[c(0), c(0, -1)], [c(0, 1), c(0)]];
    case "z": return [[c(1), c(0)], [c(0), c(-1)]];
    case "h": return [[c(h), c(h)], [c(h), c(-h)]];
    case "s": return [[c(1), c(0)], [c(0), c(0, 1)]];
    case "sdg": return [[c(1), c(0)], [c(0), c(0, -1)]];
    case "t": return [[c(1), c(0)], [c(0), expi(Math.PI / 4)]];
    case "tdg": return [[c(1), c(0)], [c(0), expi(-Math.PI / 4)]];
    case "sx": return [[c(0.5, 0.5), c(0.5, -0.5)], [c(0.5, -0.5), c(0.5, 0.5)]];
    case "sxdg": return [[c(0.5, -0.5), c(0.5, 0.5)], [c(0.5, 0.5), c(0.5, -0.5)]];
    case "rx": return [[c(Math.cos(t / 2)), c(0, -Math.sin(t / 2))], [c(0, -Math.sin(t / 2)), c(Math.cos(t / 2))]];
    case "ry": return [[c(Math.cos(t / 2)), c(-Math.sin(t / 2))], [c(Math.sin(t / 2)), c(Math.cos(t / 2))]];
    case "rz": return [[expi(-t / 2), c(0)], [c(0), expi(t / 2)]];
    case "p": return [[c(1), c(0)], [c(0), expi(t)]];
    case "u":
      return [
        [c(Math.cos(t / 2)), mul(expi(lambda), c(-Math.sin(t / 2)))],
        [mul(expi(phi), c(Math.sin(t / 2))), mul(expi(phi + lambda), c(Math.cos(t / 2)))],
      ];
    default: throw new Error(`not a one-qubit gate: ${name}`);
  }
}

const PAULI = { x: oneQubit("x", []), y: oneQubit("y", []), z: oneQubit("z", []) };

/** exp(−iθ/2 · P⊗P) = cos(θ/2) I − i sin(θ/2) P⊗P. */
function pauliRotation(p: CMatrix, theta: number): CMatrix {
  const pp = kron(p, p);
  const id = identity(4);
  return id.map((row, i) => row.map((x, j) => add(mul(x, c(Math.cos(theta / 2))), mul(pp[i]![j]!, c(0, -Math.sin(theta / 2))))));
}

/** The gate's matrix with local bit j = the gate's qubit j (controls first). */
export function referenceGate(name: GateName, angles: readonly number[]): CMatrix {
  switch (name) {
    case "cx": return controlled(oneQubit("x", []));
    case "cy": return controlled(oneQubit("y", []));
    case "cz": return controlled(oneQubit("z", []));
    case "ch": return controlled(oneQubit("h", []));
    case "crx": return controlled(oneQubit("rx", angles));
    case "cry": return controlled(oneQubit("ry", angles));
    case "crz": return controlled(oneQubit("rz", angles));
    case "cp": return controlled(oneQubit("p", angles));
    case "cu": {
      const u = oneQubit("u", angles).map((row) => row.map((x) => mul(x, expi(angles[3] ?? 0))));
      return controlled(u);
    }
    case "swap": {
      const m = identity(4).map((row) => row.map(() => c(0)));
      m[0]![0] = c(1); m[1]![2] = c(1); m[2]![1] = c(1); m[3]![3] = c(1);
      return m;
    }
    // ccx(a, b, t): controlled on bit 0 of (controlled on bit 0 of X) — local bits a=0, b=1, t=2.
    case "ccx": return controlled(controlled(oneQubit("x", [])));
    case "cswap": return controlled(referenceGate("swap", []));
    case "rxx": return pauliRotation(PAULI.x, angles[0] ?? 0);
    case "ryy": return pauliRotation(PAULI.y, angles[0] ?? 0);
    case "rzz": return pauliRotation(PAULI.z, angles[0] ?? 0);
    default: return oneQubit(name, angles);
  }
}

/** The full 2^n × 2^n unitary of a k-qubit matrix on `qubits`: Pᵀ (I ⊗ G) P, where the permutation P
 * moves qubits[j] to bit j; as P permutes basis states, (Pᵀ M P)[r][c] = M[π(r)][π(c)]. */
export function liftToFull(gate: CMatrix, qubits: readonly number[], n: number): CMatrix {
  const k = qubits.length;
  const big = kron(identity(2 ** (n - k)), gate);
  const rest = Array.from({ length: n }, (_, q) => q).filter((q) => !qubits.includes(q));
  const order = [...qubits, ...rest]; // new bit j holds old bit order[j]
  const dim = 2 ** n;
  const pi = Array.from({ length: dim }, (_, i) => order.reduce((j, old, bit) => j | (((i >> old) & 1) << bit), 0));
  return Array.from({ length: dim }, (_, r) => Array.from({ length: dim }, (_, col) => big[pi[r]!]![pi[col]!]!));
}

export function applyDense(u: CMatrix, re: ArrayLike<number>, im: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  const dim = u.length;
  const outRe = new Float64Array(dim);
  const outIm = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < dim; j++) {
      const [ur, ui] = u[i]![j]!;
      sr += ur * re[j]! - ui * im[j]!;
      si += ur * im[j]! + ui * re[j]!;
    }
    outRe[i] = sr;
    outIm[i] = si;
  }
  return { re: outRe, im: outIm };
}

/** max_i |a_i − b_i|. */
export function maxAbsDiff(aRe: ArrayLike<number>, aIm: ArrayLike<number>, bRe: ArrayLike<number>, bIm: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < aRe.length; i++) max = Math.max(max, Math.hypot(aRe[i]! - bRe[i]!, aIm[i]! - bIm[i]!));
  return max;
}
