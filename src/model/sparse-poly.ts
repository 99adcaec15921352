// The normalised polynomial: merged monomials, domain rules applied, zero coefficients dropped,
// terms sorted. Linear and quadratic parts are typed arrays (the hot path); degree ≥ 3 terms
// keep sorted factor lists. Integer keys (i·2²⁶ + j) merge quadratic terms without strings.
import { Expr, type ExprLike, type TermArray, toExpr } from "./expr.js";

/** How repeated factors of one variable simplify. */
export const Reduction = {
  /** binary: x·x = x */
  Idempotent: 0,
  /** spin: s·s = 1 */
  Involutory: 1,
  /** integer: x·x stays x² */
  None: 2,
} as const;
export type Reduction = (typeof Reduction)[keyof typeof Reduction];

export interface SparsePoly {
  readonly constant: number;
  /** Σ linCoef[k]·v[linIdx[k]], sorted by index. */
  readonly linIdx: Int32Array;
  readonly linCoef: Float64Array;
  /** Σ quadCoef[k]·v[quadI[k]]·v[quadJ[k]] with quadI ≤ quadJ (equal only for integers), sorted. */
  readonly quadI: Int32Array;
  readonly quadJ: Int32Array;
  readonly quadCoef: Float64Array;
  /** Degree ≥ 3 terms, factors sorted ascending (repeats only for integers). */
  readonly higher: readonly { readonly vars: Int32Array; readonly coef: number }[];
}

/** Largest variable count the integer pair keys support. */
export const MAX_VARIABLES = 2 ** 26;
const KEY = 2 ** 26;

export const EMPTY_POLY: SparsePoly = {
  constant: 0,
  linIdx: new Int32Array(0),
  linCoef: new Float64Array(0),
  quadI: new Int32Array(0),
  quadJ: new Int32Array(0),
  quadCoef: new Float64Array(0),
  higher: [],
};

export function polyDegree(p: SparsePoly): number {
  let degree = 0;
  for (const t of p.higher) degree = Math.max(degree, t.vars.length);
  if (degree > 0) return degree;
  if (p.quadCoef.length > 0) return 2;
  return p.linCoef.length > 0 ? 1 : 0;
}

export function nPolyTerms(p: SparsePoly): number {
  return p.linCoef.length + p.quadCoef.length + p.higher.length;
}

/** Merges an expression's terms under each variable's reduction rule. */
export function normalize(expr: ExprLike, reductions: ArrayLike<Reduction>): SparsePoly {
  const e = toExpr(expr);
  const n = reductions.length;
  // Degree ≥ 3 terms first: those that reduce to degree ≤ 2 join the flat term list.
  let constant = e.constant;
  let terms = e.terms;
  const higher = new Map<string, { vars: Int32Array; coef: number }>();
  if (e.higher.length > 0) {
    const extra: number[] = [];
    for (const t of e.higher) {
      if (t.coef === 0) continue;
      const vars = reduceFactors(t.vars, reductions);
      if (vars.length === 0) constant += t.coef;
      else if (vars.length <= 2) extra.push(vars[0], vars.length === 2 ? vars[1] : -1, t.coef);
      else {
        const key = vars.join(",");
        const entry = higher.get(key);
        if (entry) entry.coef += t.coef;
        else higher.set(key, { vars, coef: t.coef });
      }
    }
    if (extra.length > 0) terms = [...terms, ...extra];
  }
  const high = [...higher.values()].filter((t) => t.coef !== 0).sort((a, b) => compareFactors(a.vars, b.vars));
  const nTerms = terms.length / 3;
  // Large sums go through dense scratch rows (a sparse accumulator); small ones through maps.
  const merged = nTerms > 256 && nTerms * 4 >= n ? mergeDense(terms, reductions) : mergeWithMaps(terms, reductions);
  return { ...merged, constant: constant + merged.constant, higher: high };
}

type Merged = Omit<SparsePoly, "higher">;

function checkIndex(i: number, j: number, n: number): void {
  if (!(i >= 0 && i < n && j < n)) throw new RangeError(`expression uses variable ${Math.max(i, j)} but the model has ${n}`);
}

function mergeWithMaps(terms: TermArray, reductions: ArrayLike<Reduction>): Merged {
  const lin = new Map<number, number>();
  const quad = new Map<number, number>();
  let constant = 0;
  const n = reductions.length;
  for (let k = 0; k < terms.length; k += 3) {
    let i = terms[k];
    let j = terms[k + 1];
    const c = terms[k + 2];
    if (c === 0) continue;
    checkIndex(i, j, n);
    if (j < 0) {
      lin.set(i, (lin.get(i) ?? 0) + c);
      continue;
    }
    if (j < i) [i, j] = [j, i];
    if (i === j) {
      const r = reductions[i];
      if (r === Reduction.Idempotent) {
        lin.set(i, (lin.get(i) ?? 0) + c);
        continue;
      }
      if (r === Reduction.Involutory) {
        constant += c;
        continue;
      }
    }
    const key = i * KEY + j;
    quad.set(key, (quad.get(key) ?? 0) + c);
  }
  const linKeys = sortedNonZeroKeys(lin);
  const linIdx = new Int32Array(linKeys.length);
  const linCoef = new Float64Array(linKeys.length);
  for (let k = 0; k < linKeys.length; k++) {
    linIdx[k] = linKeys[k];
    linCoef[k] = lin.get(linKeys[k])!;
  }
  const quadKeys = sortedNonZeroKeys(quad);
  const quadI = new Int32Array(quadKeys.length);
  const quadJ = new Int32Array(quadKeys.length);
  const quadCoef = new Float64Array(quadKeys.length);
  for (let k = 0; k < quadKeys.length; k++) {
    const key = quadKeys[k];
    quadI[k] = Math.floor(key / KEY);
    quadJ[k] = key - quadI[k] * KEY;
    quadCoef[k] = quad.get(key)!;
  }
  return { constant, linIdx, linCoef, quadI, quadJ, quadCoef };
}

/**
 * The same merge with a counting sort of pairs by row and a dense scratch row per pass (the
 * sparse accumulator of Gilbert, Moler & Schreiber 1992): O(terms + Σ row·log row), no hashing.
 */
function mergeDense(terms: TermArray, reductions: ArrayLike<Reduction>): Merged {
  const n = reductions.length;
  let constant = 0;
  const linAcc = new Float64Array(n);
  const linSeen = new Uint8Array(n);
  const rowCount = new Int32Array(n + 1);
  // pass 1: linear terms, reductions, row counts
  for (let k = 0; k < terms.length; k += 3) {
    let i = terms[k];
    let j = terms[k + 1];
    const c = terms[k + 2];
    if (c === 0) continue;
    checkIndex(i, j, n);
    if (j >= 0 && j < i) [i, j] = [j, i];
    if (j < 0 || (i === j && reductions[i] === Reduction.Idempotent)) {
      linAcc[i] += c;
      linSeen[i] = 1;
    } else if (i === j && reductions[i] === Reduction.Involutory) constant += c;
    else rowCount[i + 1]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + rowCount[i + 1];
  const fill = start.slice(0, n);
  const cols = new Int32Array(start[n]);
  const coefs = new Float64Array(start[n]);
  // pass 2: scatter pairs into their rows
  for (let k = 0; k < terms.length; k += 3) {
    let i = terms[k];
    let j = terms[k + 1];
    const c = terms[k + 2];
    if (c === 0 || j < 0) continue;
    if (j < i) [i, j] = [j, i];
    if (i === j && reductions[i] !== Reduction.None) continue;
    cols[fill[i]] = j;
    coefs[fill[i]++] = c;
  }
  // pass 3: merge each row through a dense scratch row
  const acc = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  const quadI = new Int32Array(cols.length);
  const quadJ = new Int32Array(cols.length);
  const quadCoef = new Float64Array(cols.length);
  let nPairs = 0;
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = cols[k];
      if (!seen[j]) {
        seen[j] = 1;
        touched[nTouched++] = j;
      }
      acc[j] += coefs[k];
    }
    const row = touched.subarray(0, nTouched).sort();
    for (let t = 0; t < nTouched; t++) {
      const j = row[t];
      if (acc[j] !== 0) {
        quadI[nPairs] = i;
        quadJ[nPairs] = j;
        quadCoef[nPairs++] = acc[j];
      }
      acc[j] = 0;
      seen[j] = 0;
    }
  }
  let nLin = 0;
  for (let i = 0; i < n; i++) if (linSeen[i] && linAcc[i] !== 0) nLin++;
  const linIdx = new Int32Array(nLin);
  const linCoef = new Float64Array(nLin);
  for (let i = 0, k = 0; i < n; i++) {
    if (linSeen[i] && linAcc[i] !== 0) {
      linIdx[k] = i;
      linCoef[k++] = linAcc[i];
    }
  }
  return {
    constant,
    linIdx,
    linCoef,
    quadI: quadI.slice(0, nPairs),
    quadJ: quadJ.slice(0, nPairs),
    quadCoef: quadCoef.slice(0, nPairs),
  };
}

function reduceFactors(factors: readonly number[], reductions: ArrayLike<Reduction>): Int32Array {
  const n = reductions.length;
  const sorted = Int32Array.from(factors).sort();
  const out: number[] = [];
  for (let k = 0; k < sorted.length; ) {
    const v = sorted[k];
    if (v < 0 || v >= n) throw new RangeError(`expression uses variable ${v} but the model has ${n}`);
    let count = 0;
    while (k < sorted.length && sorted[k] === v) {
      count++;
      k++;
    }
    const r = reductions[v];
    if (r === Reduction.Idempotent) out.push(v);
    else if (r === Reduction.Involutory) {
      if (count % 2 === 1) out.push(v);
    } else for (let c = 0; c < count; c++) out.push(v);
  }
  return Int32Array.from(out);
}

function sortedNonZeroKeys(map: Map<number, number>): Float64Array {
  const keys = new Float64Array(map.size);
  let n = 0;
  for (const [key, value] of map) if (value !== 0) keys[n++] = key;
  return keys.subarray(0, n).sort();
}

export function compareFactors(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** Value of the polynomial at `values` (one number per variable). */
export function evaluatePoly(p: SparsePoly, values: ArrayLike<number>): number {
  let total = p.constant;
  const { linIdx, linCoef, quadI, quadJ, quadCoef } = p;
  for (let k = 0; k < linCoef.length; k++) total += linCoef[k] * values[linIdx[k]];
  for (let k = 0; k < quadCoef.length; k++) total += quadCoef[k] * values[quadI[k]] * values[quadJ[k]];
  for (const t of p.higher) {
    let product = t.coef;
    for (let k = 0; k < t.vars.length; k++) product *= values[t.vars[k]];
    total += product;
  }
  return total;
}

/** Back to an Expr (for further products). */
export function polyToExpr(p: SparsePoly): Expr {
  const terms: number[] = [];
  for (let k = 0; k < p.linCoef.length; k++) terms.push(p.linIdx[k], -1, p.linCoef[k]);
  for (let k = 0; k < p.quadCoef.length; k++) terms.push(p.quadI[k], p.quadJ[k], p.quadCoef[k]);
  return new Expr(
    p.constant,
    terms,
    p.higher.map((t) => ({ vars: [...t.vars], coef: t.coef })),
  );
}

/** Σ|coefficient| over non-constant terms: bounds max − min of a multilinear poly on {0,1}ⁿ. */
export function coefficientMass(p: SparsePoly): number {
  let mass = 0;
  for (let k = 0; k < p.linCoef.length; k++) mass += Math.abs(p.linCoef[k]);
  for (let k = 0; k < p.quadCoef.length; k++) mass += Math.abs(p.quadCoef[k]);
  for (const t of p.higher) mass += Math.abs(t.coef);
  return mass;
}
