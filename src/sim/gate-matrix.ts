// Unitary matrices of the IR's gates, in the conventions of OpenQASM 3 / Qiskit (e.g. rz(θ) =
// diag(e^{-iθ/2}, e^{iθ/2}), u(θ,φ,λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]).
//
// Layout: a gate on qubits [q0, q1, …] (controls first, target last, as in the IR) has a 2^k × 2^k
// matrix whose local basis index has bit j equal to qubit qj; so for cx(c, t) local bit 0 is the
// control. Entries are stored row-major and interleaved: re at 2·(r·d + c), im at 2·(r·d + c) + 1.
import { GATES, type GateName } from "../circuit/ir.js";

/** A dense complex matrix of dimension `dim` (interleaved re/im, row-major). */
export interface ComplexMatrix {
  readonly dim: number;
  readonly data: Float64Array;
}

export function identityMatrix(dim: number): ComplexMatrix {
  const data = new Float64Array(2 * dim * dim);
  for (let r = 0; r < dim; r++) data[2 * (r * dim + r)] = 1;
  return { dim, data };
}

const SQRT_HALF = Math.SQRT1_2;

/** [re, im] entries row-major for a 2×2 matrix. */
type M2 = readonly [number, number, number, number, number, number, number, number];

function matrix2(angles: ArrayLike<number>, name: GateName): M2 {
  const a0 = angles[0] ?? 0;
  switch (name) {
    case "id":
      return [1, 0, 0, 0, 0, 0, 1, 0];
    case "x":
    case "cx":
    case "ccx":
      return [0, 0, 1, 0, 1, 0, 0, 0];
    case "y":
    case "cy":
      return [0, 0, 0, -1, 0, 1, 0, 0];
    case "z":
    case "cz":
      return [1, 0, 0, 0, 0, 0, -1, 0];
    case "h":
    case "ch":
      return [SQRT_HALF, 0, SQRT_HALF, 0, SQRT_HALF, 0, -SQRT_HALF, 0];
    case "s":
      return [1, 0, 0, 0, 0, 0, 0, 1];
    case "sdg":
      return [1, 0, 0, 0, 0, 0, 0, -1];
    case "t":
      return [1, 0, 0, 0, 0, 0, SQRT_HALF, SQRT_HALF];
    case "tdg":
      return [1, 0, 0, 0, 0, 0, SQRT_HALF, -SQRT_HALF];
    case "sx":
      return [0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5];
    case "sxdg":
      return [0.5, -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5];
    case "rx":
    case "crx": {
      const c = Math.cos(a0 / 2);
      const s = Math.sin(a0 / 2);
      return [c, 0, 0, -s, 0, -s, c, 0];
    }
    case "ry":
    case "cry": {
      const c = Math.cos(a0 / 2);
      const s = Math.sin(a0 / 2);
      return [c, 0, -s, 0, s, 0, c, 0];
    }
    case "rz":
    case "crz": {
      const c = Math.cos(a0 / 2);
      const s = Math.sin(a0 / 2);
      return [c, -s, 0, 0, 0, 0, c, s];
    }
    case "p":
    case "cp":
      return [1, 0, 0, 0, 0, 0, Math.cos(a0), Math.sin(a0)];
    case "u":
    case "cu": {
      const theta = a0;
      const phi = angles[1] ?? 0;
      const lambda = angles[2] ?? 0;
      const c = Math.cos(theta / 2);
      const s = Math.sin(theta / 2);
      // cu(θ, φ, λ, γ) = controlled e^{iγ}·u(θ, φ, λ) (Qiskit's CUGate).
      const gamma = name === "cu" ? (angles[3] ?? 0) : 0;
      return [
        c * Math.cos(gamma),
        c * Math.sin(gamma),
        -s * Math.cos(lambda + gamma),
        -s * Math.sin(lambda + gamma),
        s * Math.cos(phi + gamma),
        s * Math.sin(phi + gamma),
        c * Math.cos(phi + lambda + gamma),
        c * Math.sin(phi + lambda + gamma),
      ];
    }
    default:
      throw new Error(`internal: gate '${name}' has no single-qubit target matrix`);
  }
}

/** Number of leading control qubits of a controlled gate (cx → 1, ccx → 2, cswap → 1). */
export function controlCount(name: GateName): number {
  switch (name) {
    case "cx":
    case "cy":
    case "cz":
    case "ch":
    case "crx":
    case "cry":
    case "crz":
    case "cp":
    case "cu":
    case "cswap":
      return 1;
    case "ccx":
      return 2;
    default:
      return 0;
  }
}

/** The 2×2 matrix a (possibly controlled) single-target gate applies to its target. */
export function targetMatrix(name: GateName, angles: ArrayLike<number>): Float64Array {
  return Float64Array.from(matrix2(angles, name));
}

/** The full 2^k × 2^k unitary of `name` on its own k qubits (local bit j = the gate's qubit j). */
export function gateMatrix(name: GateName, angles: ArrayLike<number>): ComplexMatrix {
  const nQubits = GATES[name].nQubits;
  const dim = 1 << nQubits;
  switch (name) {
    case "swap":
      return permutationMatrix([0, 2, 1, 3]);
    case "cswap":
      // control = local bit 0; swap local bits 1 and 2 when it is set: 3 (c,a) ↔ 5 (c,b).
      return permutationMatrix([0, 1, 2, 5, 4, 3, 6, 7]);
    case "rxx":
    case "ryy":
    case "rzz":
      return twoQubitRotation(name, angles[0] ?? 0);
    default:
      break;
  }
  const nControls = controlCount(name);
  const m = matrix2(angles, name);
  const result = identityMatrix(dim);
  const controlMask = (1 << nControls) - 1;
  const targetBit = 1 << nControls;
  // Rows/columns with every control bit set carry the 2×2 block; the rest stay identity.
  for (const row of [0, 1]) {
    for (const col of [0, 1]) {
      const r = controlMask | (row === 1 ? targetBit : 0);
      const c = controlMask | (col === 1 ? targetBit : 0);
      result.data[2 * (r * dim + c)] = m[2 * (2 * row + col)] as number;
      result.data[2 * (r * dim + c) + 1] = m[2 * (2 * row + col) + 1] as number;
    }
  }
  return result;
}

function permutationMatrix(image: readonly number[]): ComplexMatrix {
  const dim = image.length;
  const data = new Float64Array(2 * dim * dim);
  // Column c maps to row image[c].
  for (let c = 0; c < dim; c++) data[2 * ((image[c] as number) * dim + c)] = 1;
  return { dim, data };
}

/** exp(−iθ/2 · P⊗P) = cos(θ/2)·I − i sin(θ/2)·P⊗P for P ∈ {X, Y, Z}. */
function twoQubitRotation(name: "rxx" | "ryy" | "rzz", theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const result = { dim: 4, data: new Float64Array(32) };
  const set = (r: number, col: number, re: number, im: number): void => {
    result.data[2 * (r * 4 + col)] = re;
    result.data[2 * (r * 4 + col) + 1] = im;
  };
  if (name === "rzz") {
    // Z⊗Z eigenvalue +1 on even parity (00, 11), −1 on odd parity.
    for (let k = 0; k < 4; k++) {
      const parity = ((k & 1) ^ (k >> 1)) === 0 ? 1 : -1;
      set(k, k, c, -s * parity);
    }
    return result;
  }
  for (let k = 0; k < 4; k++) set(k, k, c, 0);
  // X⊗X maps k → 3 − k with coefficient 1; Y⊗Y maps k → 3 − k with coefficient −1 on 00↔11 and +1 on 01↔10.
  for (let k = 0; k < 4; k++) {
    const sign = name === "rxx" ? 1 : k === 0 || k === 3 ? -1 : 1;
    set(3 - k, k, 0, -s * sign);
  }
  return result;
}

/** Whether every off-diagonal entry is exactly zero. */
export function isDiagonal(matrix: ComplexMatrix): boolean {
  const { dim, data } = matrix;
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      if (r !== c && (data[2 * (r * dim + c)] !== 0 || data[2 * (r * dim + c) + 1] !== 0)) return false;
    }
  }
  return true;
}

/** a·b (both dim × dim). */
export function multiplyMatrices(a: ComplexMatrix, b: ComplexMatrix): ComplexMatrix {
  const dim = a.dim;
  if (b.dim !== dim) throw new Error(`internal: multiplying ${dim}×${dim} by ${b.dim}×${b.dim}`);
  const out = new Float64Array(2 * dim * dim);
  const x = a.data;
  const y = b.data;
  for (let r = 0; r < dim; r++) {
    for (let k = 0; k < dim; k++) {
      const xr = x[2 * (r * dim + k)] as number;
      const xi = x[2 * (r * dim + k) + 1] as number;
      if (xr === 0 && xi === 0) continue;
      for (let c = 0; c < dim; c++) {
        const yr = y[2 * (k * dim + c)] as number;
        const yi = y[2 * (k * dim + c) + 1] as number;
        out[2 * (r * dim + c)] += xr * yr - xi * yi;
        out[2 * (r * dim + c) + 1] += xr * yi + xi * yr;
      }
    }
  }
  return { dim, data: out };
}

/**
 * Lifts a gate matrix on `gateQubits` to a block on `blockQubits` (a superset, listed in the block's
 * local bit order): returns the 2^m × 2^m matrix of gate ⊗ identity in the block's basis.
 */
export function embedMatrix(gate: ComplexMatrix, gateQubits: readonly number[], blockQubits: readonly number[]): ComplexMatrix {
  const positions = gateQubits.map((q) => {
    const at = blockQubits.indexOf(q);
    if (at < 0) throw new Error(`internal: qubit ${q} is not in block [${blockQubits.join(", ")}]`);
    return at;
  });
  const dim = 1 << blockQubits.length;
  const out = new Float64Array(2 * dim * dim);
  let gateMask = 0;
  for (const p of positions) gateMask |= 1 << p;
  const gateDim = gate.dim;
  for (let r = 0; r < dim; r++) {
    const rest = r & ~gateMask;
    let gr = 0;
    for (let j = 0; j < positions.length; j++) gr |= ((r >> (positions[j] as number)) & 1) << j;
    for (let gc = 0; gc < gateDim; gc++) {
      let c = rest;
      for (let j = 0; j < positions.length; j++) c |= ((gc >> j) & 1) << (positions[j] as number);
      out[2 * (r * dim + c)] = gate.data[2 * (gr * gateDim + gc)] as number;
      out[2 * (r * dim + c) + 1] = gate.data[2 * (gr * gateDim + gc) + 1] as number;
    }
  }
  return { dim, data: out };
}

/** The conjugate transpose. */
export function adjointMatrix(matrix: ComplexMatrix): ComplexMatrix {
  const { dim, data } = matrix;
  const out = new Float64Array(2 * dim * dim);
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      out[2 * (c * dim + r)] = data[2 * (r * dim + c)] as number;
      out[2 * (c * dim + r) + 1] = -(data[2 * (r * dim + c) + 1] as number);
    }
  }
  return { dim, data: out };
}
