// Squares of polynomials over binaries, the core of every equality and slack penalty.
import { polyToExpr, normalize, type SparsePoly } from "../model/sparse-poly.js";
import { binaryReductions } from "./lower.js";

/**
 * (c₀ + Σₖ aₖ b_{iₖ})² over binaries with i sorted ascending and distinct:
 *   c₀² + Σₖ (2c₀aₖ + aₖ²) b_{iₖ} + Σ_{k<l} 2aₖa_l b_{iₖ} b_{i_l}.
 * Written straight into sorted arrays: no merging needed, O(K²) time.
 */
export function squareLinear(constant: number, idx: Int32Array, coef: Float64Array): SparsePoly {
  const n = idx.length;
  for (let k = 1; k < n; k++) if (idx[k] <= idx[k - 1]) throw new Error("internal: squareLinear needs sorted distinct indices");
  const linIdx = new Int32Array(n);
  const linCoef = new Float64Array(n);
  let nLin = 0;
  for (let k = 0; k < n; k++) {
    const c = 2 * constant * coef[k] + coef[k] * coef[k];
    if (c !== 0) {
      linIdx[nLin] = idx[k];
      linCoef[nLin++] = c;
    }
  }
  const nPairs = (n * (n - 1)) / 2;
  const quadI = new Int32Array(nPairs);
  const quadJ = new Int32Array(nPairs);
  const quadCoef = new Float64Array(nPairs);
  let p = 0;
  for (let k = 0; k < n; k++) {
    const ik = idx[k];
    const twice = 2 * coef[k];
    for (let l = k + 1; l < n; l++) {
      quadI[p] = ik;
      quadJ[p] = idx[l];
      quadCoef[p++] = twice * coef[l];
    }
  }
  return {
    constant: constant * constant,
    linIdx: linIdx.subarray(0, nLin),
    linCoef: linCoef.subarray(0, nLin),
    quadI,
    quadJ,
    quadCoef,
    higher: [],
  };
}

/** p², by the fast path when p is linear, else by expansion and merging. */
export function squarePoly(p: SparsePoly, nBits: number): SparsePoly {
  if (p.quadCoef.length === 0 && p.higher.length === 0) return squareLinear(p.constant, p.linIdx, p.linCoef);
  const e = polyToExpr(p);
  return normalize(e.times(e), binaryReductions(nBits));
}

/** a·p + b·q (both over the same binaries), merged. */
export function combinePolys(a: number, p: SparsePoly, b: number, q: SparsePoly, nBits: number): SparsePoly {
  return normalize(polyToExpr(p).scale(a).plus(polyToExpr(q).scale(b)), binaryReductions(nBits));
}

/** Splits p into the terms that touch a bit ≥ `first` and the rest (constant stays in `below`). */
export function splitAt(p: SparsePoly, first: number): { below: SparsePoly; above: SparsePoly } {
  const keepLin = (k: number) => p.linIdx[k] < first;
  const keepQuad = (k: number) => p.quadJ[k] < first && p.quadI[k] < first;
  const below: SparsePoly = {
    constant: p.constant,
    ...pickLin(p, keepLin),
    ...pickQuad(p, keepQuad),
    higher: p.higher.filter((t) => t.vars[t.vars.length - 1] < first),
  };
  const above: SparsePoly = {
    constant: 0,
    ...pickLin(p, (k) => !keepLin(k)),
    ...pickQuad(p, (k) => !keepQuad(k)),
    higher: p.higher.filter((t) => t.vars[t.vars.length - 1] >= first),
  };
  return { below, above };
}

function pickLin(p: SparsePoly, keep: (k: number) => boolean): { linIdx: Int32Array; linCoef: Float64Array } {
  const ks: number[] = [];
  for (let k = 0; k < p.linIdx.length; k++) if (keep(k)) ks.push(k);
  return { linIdx: Int32Array.from(ks, (k) => p.linIdx[k]), linCoef: Float64Array.from(ks, (k) => p.linCoef[k]) };
}

function pickQuad(p: SparsePoly, keep: (k: number) => boolean): { quadI: Int32Array; quadJ: Int32Array; quadCoef: Float64Array } {
  const ks: number[] = [];
  for (let k = 0; k < p.quadI.length; k++) if (keep(k)) ks.push(k);
  return {
    quadI: Int32Array.from(ks, (k) => p.quadI[k]),
    quadJ: Int32Array.from(ks, (k) => p.quadJ[k]),
    quadCoef: Float64Array.from(ks, (k) => p.quadCoef[k]),
  };
}
