// Dense unitaries on 1, 2 and k qubits: ψ' = (U ⊗ I) ψ, one read-modify-write of each touched
// amplitude. Each kernel walks iterations k ∈ [begin, end) of its own index space (2^(n−k) groups of
// 2^k amplitudes), so any split of that range between threads touches disjoint amplitudes, whatever
// the qubits' strides. Kernels do not validate: the plan checks qubits and matrices once.
import { insertZeroBit, insertZeroBits } from "./bits.js";

/** U (2×2, interleaved row-major `m`) on qubit q over pair iterations [begin, end) of 2^(n−1). */
export function applyUnitary1(re: Float64Array, im: Float64Array, q: number, m: Float64Array, begin: number, end: number): void {
  const m00r = m[0] as number, m00i = m[1] as number, m01r = m[2] as number, m01i = m[3] as number;
  const m10r = m[4] as number, m10i = m[5] as number, m11r = m[6] as number, m11i = m[7] as number;
  const stride = 1 << q;
  const low = stride - 1;
  for (let k = begin; k < end; k++) {
    const i0 = ((k >> q) << (q + 1)) | (k & low);
    const i1 = i0 | stride;
    const ar = re[i0] as number, ai = im[i0] as number, br = re[i1] as number, bi = im[i1] as number;
    re[i0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
    im[i0] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
    re[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
    im[i1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
  }
}

/** U (4×4; local bit 0 = q0, bit 1 = q1) over quad iterations [begin, end) of 2^(n−2). */
export function applyUnitary2(
  re: Float64Array,
  im: Float64Array,
  q0: number,
  q1: number,
  m: Float64Array,
  begin: number,
  end: number,
): void {
  const lo = q0 < q1 ? q0 : q1;
  const hi = q0 < q1 ? q1 : q0;
  const s0 = 1 << q0;
  const s1 = 1 << q1;
  for (let k = begin; k < end; k++) {
    const i00 = insertZeroBit(insertZeroBit(k, lo), hi);
    const i01 = i00 | s0;
    const i10 = i00 | s1;
    const i11 = i01 | s1;
    const a0r = re[i00] as number, a0i = im[i00] as number;
    const a1r = re[i01] as number, a1i = im[i01] as number;
    const a2r = re[i10] as number, a2i = im[i10] as number;
    const a3r = re[i11] as number, a3i = im[i11] as number;
    for (let r = 0; r < 4; r++) {
      const o = 8 * r;
      const x0r = m[o] as number, x0i = m[o + 1] as number, x1r = m[o + 2] as number, x1i = m[o + 3] as number;
      const x2r = m[o + 4] as number, x2i = m[o + 5] as number, x3r = m[o + 6] as number, x3i = m[o + 7] as number;
      const vr = x0r * a0r - x0i * a0i + x1r * a1r - x1i * a1i + x2r * a2r - x2i * a2i + x3r * a3r - x3i * a3i;
      const vi = x0r * a0i + x0i * a0r + x1r * a1i + x1i * a1r + x2r * a2i + x2i * a2r + x3r * a3i + x3i * a3r;
      const target = r === 0 ? i00 : r === 1 ? i01 : r === 2 ? i10 : i11;
      re[target] = vr;
      im[target] = vi;
    }
  }
}

/**
 * U (2^k × 2^k; local bit j = qubits[j]) over iterations [begin, end) of 2^(n−k). `sorted` holds the
 * same qubits ascending, `offsets[c]` the index offset of local basis state c; `scratchRe/Im` hold
 * ≥ 2·2^k doubles (the gathered amplitudes, then the results).
 */
export function applyUnitaryK(
  re: Float64Array,
  im: Float64Array,
  sorted: Int32Array,
  offsets: Int32Array,
  m: Float64Array,
  scratchRe: Float64Array,
  scratchIm: Float64Array,
  begin: number,
  end: number,
): void {
  const dim = offsets.length;
  for (let k = begin; k < end; k++) {
    const base = insertZeroBits(k, sorted);
    for (let c = 0; c < dim; c++) {
      const index = base | (offsets[c] as number);
      scratchRe[c] = re[index] as number;
      scratchIm[c] = im[index] as number;
    }
    for (let r = 0; r < dim; r++) {
      let vr = 0;
      let vi = 0;
      const row = 2 * r * dim;
      for (let c = 0; c < dim; c++) {
        const xr = m[row + 2 * c] as number;
        const xi = m[row + 2 * c + 1] as number;
        const ar = scratchRe[c] as number;
        const ai = scratchIm[c] as number;
        vr += xr * ar - xi * ai;
        vi += xr * ai + xi * ar;
      }
      const index = base | (offsets[r] as number);
      re[index] = vr;
      im[index] = vi;
    }
  }
}
