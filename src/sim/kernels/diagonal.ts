// Diagonal gates: each amplitude is multiplied by a phase that depends only on its own index, so
// these kernels are one streaming pass (or a fraction of one) with no pairing between amplitudes.
import { insertZeroBits } from "./bits.js";

/** ψ_i ← d[bits of i at `qubits`] · ψ_i over amplitude iterations [begin, end) of 2^n; `d` interleaved. */
export function applyDiagonalK(
  re: Float64Array,
  im: Float64Array,
  qubits: Int32Array,
  d: Float64Array,
  begin: number,
  end: number,
): void {
  const k = qubits.length;
  for (let i = begin; i < end; i++) {
    let local = 0;
    for (let j = 0; j < k; j++) local |= ((i >> (qubits[j] as number)) & 1) << j;
    const dr = d[2 * local] as number;
    const di = d[2 * local + 1] as number;
    const ar = re[i] as number;
    const ai = im[i] as number;
    re[i] = dr * ar - di * ai;
    im[i] = dr * ai + di * ar;
  }
}

/** diag(d0, d1) on qubit q over pair iterations [begin, end) of 2^(n−1) (rz and friends). */
export function applyDiagonal1(
  re: Float64Array,
  im: Float64Array,
  q: number,
  d: Float64Array,
  begin: number,
  end: number,
): void {
  const d0r = d[0] as number, d0i = d[1] as number, d1r = d[2] as number, d1i = d[3] as number;
  const stride = 1 << q;
  const low = stride - 1;
  for (let k = begin; k < end; ) {
    const inner = k & low;
    const run = Math.min(end - k, stride - inner);
    const start = ((k >> q) << (q + 1)) | inner;
    const stop = start + run;
    for (let i0 = start; i0 < stop; i0++) {
      const i1 = i0 + stride;
      const ar = re[i0] as number, ai = im[i0] as number, br = re[i1] as number, bi = im[i1] as number;
      re[i0] = d0r * ar - d0i * ai;
      im[i0] = d0r * ai + d0i * ar;
      re[i1] = d1r * br - d1i * bi;
      im[i1] = d1r * bi + d1i * br;
    }
    k += run;
  }
}

/**
 * ψ_i ← e^{iφ} ψ_i for the amplitudes whose bits at `sortedMask` are all set (z, s, t, p, cz, cp, …):
 * iterations [begin, end) of 2^(n−m), touching only 1/2^m of the state.
 */
export function applyMaskedPhase(
  re: Float64Array,
  im: Float64Array,
  sorted: Int32Array,
  phaseRe: number,
  phaseIm: number,
  begin: number,
  end: number,
): void {
  let mask = 0;
  for (let j = 0; j < sorted.length; j++) mask |= 1 << (sorted[j] as number);
  const runLength = 1 << (sorted[0] as number);
  for (let k = begin; k < end; ) {
    const inner = k & (runLength - 1);
    const run = Math.min(end - k, runLength - inner);
    const start = insertZeroBits(k, sorted) | mask;
    const stop = start + run;
    for (let i = start; i < stop; i++) {
      const ar = re[i] as number;
      const ai = im[i] as number;
      re[i] = phaseRe * ar - phaseIm * ai;
      im[i] = phaseRe * ai + phaseIm * ar;
    }
    k += run;
  }
}

/**
 * ψ_z ← e^{−iγ·E_z} ψ_z from precomputed energies (QAOA's cost layer as one pass). When the energies
 * take few distinct values, `levels` (a level index per z) and `levelEnergies` replace `energies` so
 * that the pass evaluates cos/sin once per level (in `phaseTable`) instead of once per amplitude.
 */
export function applyEnergyPhase(
  re: Float64Array,
  im: Float64Array,
  energies: Float64Array,
  gamma: number,
  begin: number,
  end: number,
): void {
  for (let i = begin; i < end; i++) {
    const angle = -gamma * (energies[i] as number);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const ar = re[i] as number;
    const ai = im[i] as number;
    re[i] = c * ar - s * ai;
    im[i] = c * ai + s * ar;
  }
}

/** ψ_z ← table[levels[z]] · ψ_z (`table` interleaved re/im), the levelled form of applyEnergyPhase. */
export function applyLevelPhase(
  re: Float64Array,
  im: Float64Array,
  levels: Uint16Array | Uint32Array,
  table: Float64Array,
  begin: number,
  end: number,
): void {
  for (let i = begin; i < end; i++) {
    const level = 2 * (levels[i] as number);
    const c = table[level] as number;
    const s = table[level + 1] as number;
    const ar = re[i] as number;
    const ai = im[i] as number;
    re[i] = c * ar - s * ai;
    im[i] = c * ai + s * ar;
  }
}
