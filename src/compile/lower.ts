// Lowering: substitute each model variable's encoding, value = offset + Σ coefs·bits, into a
// polynomial over model variables, giving a polynomial over binaries (b·b = b). Bits are laid
// out in model-variable order, so a polynomial over plain binary variables only needs its
// indices renumbered — order and uniqueness survive, no re-merging (the fast path for large
// QUBO-native models such as TSP).
import { Expr, ExprAccumulator } from "../model/expr.js";
import type { Model } from "../model/model.js";
import { normalize, Reduction, type SparsePoly } from "../model/sparse-poly.js";
import { type DomainEncoding, encodeDomain } from "./encoding.js";

export interface BinaryLayout {
  /** Encoding of each model variable and the index of its first bit. */
  readonly encodings: readonly DomainEncoding[];
  readonly firstBit: Int32Array;
  /** 1 where the model variable is a plain binary (one bit, value = bit). */
  readonly plain: Uint8Array;
  /** Names of the encoding bits (slack and auxiliary bits are appended later). */
  readonly bitNames: string[];
}

export function layoutBits(model: Model): BinaryLayout {
  const n = model.variables.length;
  const encodings: DomainEncoding[] = new Array(n);
  const firstBit = new Int32Array(n);
  const plain = new Uint8Array(n);
  const bitNames: string[] = [];
  const cache = new Map<string, DomainEncoding>();
  for (let v = 0; v < n; v++) {
    const variable = model.variables[v];
    const key = JSON.stringify(variable.domain);
    let encoding = cache.get(key);
    if (!encoding) cache.set(key, (encoding = encodeDomain(variable.domain)));
    encodings[v] = encoding;
    firstBit[v] = bitNames.length;
    plain[v] = variable.domain.kind === "binary" ? 1 : 0;
    for (const suffix of encoding.suffixes) bitNames.push(variable.name + suffix);
  }
  return { encodings, firstBit, plain, bitNames };
}

/** All-binary reduction table for `n` bits. */
export function binaryReductions(n: number): Reduction[] {
  return new Array<Reduction>(n).fill(Reduction.Idempotent);
}

export function lowerPoly(poly: SparsePoly, layout: BinaryLayout, nBits: number): SparsePoly {
  if (poly.higher.length === 0 && allPlain(poly, layout.plain)) return renumber(poly, layout.firstBit);
  const acc = new ExprAccumulator();
  acc.add(poly.constant);
  const { linIdx, linCoef, quadI, quadJ, quadCoef } = poly;
  for (let k = 0; k < linCoef.length; k++) {
    const v = linIdx[k];
    const e = layout.encodings[v];
    acc.add(e.offset * linCoef[k]);
    const first = layout.firstBit[v];
    for (let b = 0; b < e.coefs.length; b++) if (e.coefs[b] !== 0) acc.addTerm(first + b, -1, linCoef[k] * e.coefs[b]);
  }
  for (let k = 0; k < quadCoef.length; k++) {
    acc.addProduct(affine(quadI[k], layout), affine(quadJ[k], layout), quadCoef[k]);
  }
  for (const t of poly.higher) {
    let product = Expr.constant(t.coef);
    for (let f = 0; f < t.vars.length; f++) product = product.times(affine(t.vars[f], layout));
    acc.add(product);
  }
  return normalize(acc.toExpr(), binaryReductions(nBits));
}

function allPlain(poly: SparsePoly, plain: Uint8Array): boolean {
  for (let k = 0; k < poly.linIdx.length; k++) if (!plain[poly.linIdx[k]]) return false;
  for (let k = 0; k < poly.quadI.length; k++) {
    if (!plain[poly.quadI[k]] || !plain[poly.quadJ[k]]) return false;
  }
  return true;
}

function renumber(poly: SparsePoly, firstBit: Int32Array): SparsePoly {
  if (isIdentity(poly, firstBit)) return poly;
  const linIdx = new Int32Array(poly.linIdx.length);
  for (let k = 0; k < linIdx.length; k++) linIdx[k] = firstBit[poly.linIdx[k]];
  const quadI = new Int32Array(poly.quadI.length);
  const quadJ = new Int32Array(poly.quadJ.length);
  for (let k = 0; k < quadI.length; k++) {
    quadI[k] = firstBit[poly.quadI[k]];
    quadJ[k] = firstBit[poly.quadJ[k]];
  }
  return { constant: poly.constant, linIdx, linCoef: poly.linCoef, quadI, quadJ, quadCoef: poly.quadCoef, higher: [] };
}

/** True when every variable the poly uses has bit index = variable index (no renumbering needed). */
function isIdentity(poly: SparsePoly, firstBit: Int32Array): boolean {
  for (let k = 0; k < poly.linIdx.length; k++) if (firstBit[poly.linIdx[k]] !== poly.linIdx[k]) return false;
  for (let k = 0; k < poly.quadI.length; k++) {
    if (firstBit[poly.quadI[k]] !== poly.quadI[k] || firstBit[poly.quadJ[k]] !== poly.quadJ[k]) return false;
  }
  return true;
}

/** The expression offset + Σ coefs·bits for one model variable. */
export function affine(v: number, layout: BinaryLayout): Expr {
  const e = layout.encodings[v];
  const first = layout.firstBit[v];
  const terms: number[] = [];
  for (let b = 0; b < e.coefs.length; b++) if (e.coefs[b] !== 0) terms.push(first + b, -1, e.coefs[b]);
  return new Expr(e.offset, terms);
}
