// Permutation gates move amplitudes without arithmetic: x / cx / ccx swap the target's pair when
// every control is set; swap / cswap exchange |…0…1…⟩ and |…1…0…⟩. Iterations cover only the
// amplitudes that move (2^(n−m−1) pairs for m controls), a fraction of a streaming pass.
import { insertZeroBits } from "./bits.js";

/** Multi-controlled X. `sorted` = controls ∪ {target} ascending; iterations [begin, end) of 2^(n−|sorted|). */
export function applyControlledX(
  re: Float64Array,
  im: Float64Array,
  sorted: Int32Array,
  controlMask: number,
  target: number,
  begin: number,
  end: number,
): void {
  const stride = 1 << target;
  const runLength = 1 << (sorted[0] as number);
  for (let k = begin; k < end; ) {
    const inner = k & (runLength - 1);
    const run = Math.min(end - k, runLength - inner);
    const start = insertZeroBits(k, sorted) | controlMask;
    const stop = start + run;
    for (let i0 = start; i0 < stop; i0++) {
      const i1 = i0 + stride;
      const tr = re[i0] as number;
      const ti = im[i0] as number;
      re[i0] = re[i1] as number;
      im[i0] = im[i1] as number;
      re[i1] = tr;
      im[i1] = ti;
    }
    k += run;
  }
}

/** (Controlled) swap of qubits a and b. `sorted` = controls ∪ {a, b} ascending; iterations of 2^(n−|sorted|). */
export function applyControlledSwap(
  re: Float64Array,
  im: Float64Array,
  sorted: Int32Array,
  controlMask: number,
  a: number,
  b: number,
  begin: number,
  end: number,
): void {
  const sa = 1 << a;
  const sb = 1 << b;
  const runLength = 1 << (sorted[0] as number);
  for (let k = begin; k < end; ) {
    const inner = k & (runLength - 1);
    const run = Math.min(end - k, runLength - inner);
    const start = insertZeroBits(k, sorted) | controlMask;
    const stop = start + run;
    for (let base = start; base < stop; base++) {
      const i = base + sa;
      const j = base + sb;
      const tr = re[i] as number;
      const ti = im[i] as number;
      re[i] = re[j] as number;
      im[i] = im[j] as number;
      re[j] = tr;
      im[j] = ti;
    }
    k += run;
  }
}
