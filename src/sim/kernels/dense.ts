// Dense unitaries on 1, 2 and k qubits: ψ' = (U ⊗ I) ψ, one read-modify-write of each touched
// amplitude. Each kernel walks iterations k ∈ [begin, end) of its own index space (2^(n−k) groups of
// 2^k amplitudes), so any split of that range between threads touches disjoint amplitudes, whatever
// the qubits' strides. Within a slice the loops run in stretches of consecutive indices (below the
// lowest gate qubit the group's base index grows by one per iteration), so the inner loops are plain
// strided sweeps. Kernels do not validate: the plan checks qubits and matrices once.
import { insertZeroBits } from "./bits.js";

/** Below this stretch length the kernels index each group directly instead of looping in runs. */
const SHORT_RUN = 8;

/** U (2×2, interleaved row-major `m`) on qubit q over pair iterations [begin, end) of 2^(n−1). */
export function applyUnitary1(re: Float64Array, im: Float64Array, q: number, m: Float64Array, begin: number, end: number): void {
  const m00r = m[0] as number, m00i = m[1] as number, m01r = m[2] as number, m01i = m[3] as number;
  const m10r = m[4] as number, m10i = m[5] as number, m11r = m[6] as number, m11i = m[7] as number;
  const stride = 1 << q;
  const low = stride - 1;
  if (stride < SHORT_RUN) {
    // Runs this short cost more to set up than they save: index each pair directly.
    for (let k = begin; k < end; k++) {
      const i0 = ((k >> q) << (q + 1)) | (k & low);
      const i1 = i0 + stride;
      const ar = re[i0] as number, ai = im[i0] as number, br = re[i1] as number, bi = im[i1] as number;
      re[i0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      im[i0] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      re[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      im[i1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
    return;
  }
  for (let k = begin; k < end; ) {
    const inner = k & low;
    const run = Math.min(end - k, stride - inner);
    const start = ((k >> q) << (q + 1)) | inner;
    const stop = start + run;
    for (let i0 = start; i0 < stop; i0++) {
      const i1 = i0 + stride;
      const ar = re[i0] as number, ai = im[i0] as number, br = re[i1] as number, bi = im[i1] as number;
      re[i0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      im[i0] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      re[i1] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      im[i1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
    k += run;
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
  const runLength = 1 << lo;
  const u00r = m[0] as number, u00i = m[1] as number, u01r = m[2] as number, u01i = m[3] as number;
  const u02r = m[4] as number, u02i = m[5] as number, u03r = m[6] as number, u03i = m[7] as number;
  const u10r = m[8] as number, u10i = m[9] as number, u11r = m[10] as number, u11i = m[11] as number;
  const u12r = m[12] as number, u12i = m[13] as number, u13r = m[14] as number, u13i = m[15] as number;
  const u20r = m[16] as number, u20i = m[17] as number, u21r = m[18] as number, u21i = m[19] as number;
  const u22r = m[20] as number, u22i = m[21] as number, u23r = m[22] as number, u23i = m[23] as number;
  const u30r = m[24] as number, u30i = m[25] as number, u31r = m[26] as number, u31i = m[27] as number;
  const u32r = m[28] as number, u32i = m[29] as number, u33r = m[30] as number, u33i = m[31] as number;
  // Short stretches (lo < 3) are walked one group at a time; the body is the same.
  const chunk = runLength < SHORT_RUN ? 1 : runLength;
  for (let k = begin; k < end; ) {
    const inner = k & (chunk - 1);
    const run = Math.min(end - k, chunk - inner);
    let start = ((k >> lo) << (lo + 1)) | (k & (runLength - 1));
    start = ((start >> hi) << (hi + 1)) | (start & ((1 << hi) - 1));
    const stop = start + run;
    for (let i00 = start; i00 < stop; i00++) {
      const i01 = i00 + s0;
      const i10 = i00 + s1;
      const i11 = i01 + s1;
      const a0r = re[i00] as number, a0i = im[i00] as number;
      const a1r = re[i01] as number, a1i = im[i01] as number;
      const a2r = re[i10] as number, a2i = im[i10] as number;
      const a3r = re[i11] as number, a3i = im[i11] as number;
      re[i00] = u00r * a0r - u00i * a0i + u01r * a1r - u01i * a1i + u02r * a2r - u02i * a2i + u03r * a3r - u03i * a3i;
      im[i00] = u00r * a0i + u00i * a0r + u01r * a1i + u01i * a1r + u02r * a2i + u02i * a2r + u03r * a3i + u03i * a3r;
      re[i01] = u10r * a0r - u10i * a0i + u11r * a1r - u11i * a1i + u12r * a2r - u12i * a2i + u13r * a3r - u13i * a3i;
      im[i01] = u10r * a0i + u10i * a0r + u11r * a1i + u11i * a1r + u12r * a2i + u12i * a2r + u13r * a3i + u13i * a3r;
      re[i10] = u20r * a0r - u20i * a0i + u21r * a1r - u21i * a1i + u22r * a2r - u22i * a2i + u23r * a3r - u23i * a3i;
      im[i10] = u20r * a0i + u20i * a0r + u21r * a1i + u21i * a1r + u22r * a2i + u22i * a2r + u23r * a3i + u23i * a3r;
      re[i11] = u30r * a0r - u30i * a0i + u31r * a1r - u31i * a1i + u32r * a2r - u32i * a2i + u33r * a3r - u33i * a3i;
      im[i11] = u30r * a0i + u30i * a0r + u31r * a1i + u31i * a1r + u32r * a2i + u32i * a2r + u33r * a3i + u33i * a3r;
    }
    k += run;
  }
}

/**
 * U (2^k × 2^k; local bit j = qubits[j]) over iterations [begin, end) of 2^(n−k). `sorted` holds the
 * same qubits ascending, `offsets[c]` the index offset of local basis state c; `scratchRe/Im` hold
 * ≥ 2^k doubles (the gathered amplitudes).
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
  const runLength = 1 << (sorted[0] as number);
  for (let k = begin; k < end; ) {
    const inner = k & (runLength - 1);
    const run = Math.min(end - k, runLength - inner);
    const start = insertZeroBits(k, sorted);
    const stop = start + run;
    for (let base = start; base < stop; base++) {
      for (let c = 0; c < dim; c++) {
        const index = base + (offsets[c] as number);
        scratchRe[c] = re[index] as number;
        scratchIm[c] = im[index] as number;
      }
      let row = 0;
      for (let r = 0; r < dim; r++) {
        let vr = 0;
        let vi = 0;
        for (let c = 0; c < dim; c++) {
          const xr = m[row] as number;
          const xi = m[row + 1] as number;
          const ar = scratchRe[c] as number;
          const ai = scratchIm[c] as number;
          vr += xr * ar - xi * ai;
          vi += xr * ai + xi * ar;
          row += 2;
        }
        const index = base + (offsets[r] as number);
        re[index] = vr;
        im[index] = vi;
      }
    }
    k += run;
  }
}
