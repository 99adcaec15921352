// Controlled single-target unitaries (cy, ch, crx, cry, crz, cu and any multi-controlled 2×2): the
// 2×2 block acts only on the amplitude pairs whose control bits are all set, 1/2^m of the state.
import { insertZeroBits } from "./bits.js";

/** A 2×2 unitary on `target` applied where every control is set (cy, ch, crx, cry, cu, …). */
export function applyControlledUnitary1(
  re: Float64Array,
  im: Float64Array,
  sorted: Int32Array,
  controlMask: number,
  target: number,
  m: Float64Array,
  begin: number,
  end: number,
): void {
  const m00r = m[0] as number, m00i = m[1] as number, m01r = m[2] as number, m01i = m[3] as number;
  const m10r = m[4] as number, m10i = m[5] as number, m11r = m[6] as number, m11i = m[7] as number;
  const stride = 1 << target;
  const runLength = 1 << (sorted[0] as number);
  for (let k = begin; k < end; ) {
    const inner = k & (runLength - 1);
    const run = Math.min(end - k, runLength - inner);
    const start = insertZeroBits(k, sorted) | controlMask;
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
