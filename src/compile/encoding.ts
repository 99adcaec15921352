// Encodings of model variables as binaries: every variable is an affine function of its bits,
// value = offset + Σₖ coefs[k]·b_k, so lowering a polynomial is substitution.
//
//   binary  x ∈ {0,1}          x = b
//   spin    s ∈ {−1,+1}        s = 1 − 2b          (b = 0 ↔ s = +1 ↔ qubit |0⟩, Z = +1)
//   int[lo..hi], m = hi − lo:
//     binary      ⌈log₂(m+1)⌉ bits, weights 1, 2, …, 2^(k−2), then m − (2^(k−1) − 1) for the top
//                 bit, so every value of 0..m is reachable and nothing above m is
//                 (Karimi & Rosenberg 2019, "bounded-coefficient" encoding)
//     unary       m bits of weight 1 (value = number of ones; redundant but every code is in range)
//     onehot      m+1 bits, bit k means value lo+k; needs Σb = 1 (penalty (Σb − 1)²)
//     domainwall  m bits, value = number of ones; needs the ones to form a prefix
//                 (penalty Σₖ b_{k+1}(1 − b_k), Chancellor 2019)
import { assertNever, type Domain } from "../model/variables.js";

export type Validity = "none" | "onehot" | "domainwall";

export interface DomainEncoding {
  readonly offset: number;
  readonly coefs: readonly number[];
  /** Bit name suffixes, appended to the variable name (empty for a single plain bit). */
  readonly suffixes: readonly string[];
  /** Codes outside this rule are invalid and are penalised like a hard constraint. */
  readonly validity: Validity;
}

export function encodeDomain(domain: Domain): DomainEncoding {
  switch (domain.kind) {
    case "binary":
      return { offset: 0, coefs: [1], suffixes: [""], validity: "none" };
    case "spin":
      return { offset: 1, coefs: [-2], suffixes: [""], validity: "none" };
    case "int":
      return encodeInt(domain.lo, domain.hi, domain.encoding);
    default:
      return assertNever(domain);
  }
}

function encodeInt(lo: number, hi: number, encoding: "binary" | "unary" | "onehot" | "domainwall"): DomainEncoding {
  const m = hi - lo;
  switch (encoding) {
    case "binary": {
      const coefs = binaryWeights(m);
      return { offset: lo, coefs, suffixes: coefs.map((_, k) => `.bit${k}`), validity: "none" };
    }
    case "unary":
      return { offset: lo, coefs: ones(m), suffixes: ones(m).map((_, k) => `.u${k}`), validity: "none" };
    case "onehot": {
      const coefs = Array.from({ length: m + 1 }, (_, k) => k);
      return { offset: lo, coefs, suffixes: coefs.map((k) => `.is${lo + k}`), validity: "onehot" };
    }
    case "domainwall":
      return { offset: lo, coefs: ones(m), suffixes: ones(m).map((_, k) => `.dw${k}`), validity: m > 1 ? "domainwall" : "none" };
    default:
      return assertNever(encoding);
  }
}

/** Weights 1, 2, 4, …, and a capped top weight: the sums of subsets are exactly 0..m. */
export function binaryWeights(m: number): number[] {
  if (!Number.isSafeInteger(m) || m < 0) throw new RangeError(`range width must be a non-negative integer, got ${m}`);
  const weights: number[] = [];
  let covered = 0; // the lower bits reach exactly 0..covered
  while (covered < m) {
    const next = Math.min(covered + 1, m - covered);
    weights.push(next);
    covered += next;
  }
  return weights;
}

function ones(m: number): number[] {
  return new Array<number>(m).fill(1);
}

/** The value a code stands for (ignores validity). */
export function decodeBits(encoding: DomainEncoding, bits: ArrayLike<number>, first: number): number {
  let value = encoding.offset;
  for (let k = 0; k < encoding.coefs.length; k++) if (bits[first + k]) value += encoding.coefs[k];
  return value;
}

/** Whether a code obeys its encoding's rule (always true without a validity rule). */
export function isValidCode(encoding: DomainEncoding, bits: ArrayLike<number>, first: number): boolean {
  const n = encoding.coefs.length;
  switch (encoding.validity) {
    case "none":
      return true;
    case "onehot": {
      let count = 0;
      for (let k = 0; k < n; k++) if (bits[first + k]) count++;
      return count === 1;
    }
    case "domainwall":
      for (let k = 0; k + 1 < n; k++) if (!bits[first + k] && bits[first + k + 1]) return false;
      return true;
    default:
      return assertNever(encoding.validity);
  }
}

/** One code for `value` (the smallest for redundant encodings); RangeError outside the domain. */
export function encodeValue(encoding: DomainEncoding, value: number): number[] {
  const n = encoding.coefs.length;
  const bits = new Array<number>(n).fill(0);
  if (encoding.validity === "onehot") {
    const k = value - encoding.offset;
    if (!Number.isInteger(k) || k < 0 || k >= n) throw new RangeError(`value ${value} is outside the encoded range`);
    bits[k] = 1;
    return bits;
  }
  if (encoding.validity === "domainwall") {
    const k = value - encoding.offset;
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`value ${value} is outside the encoded range`);
    bits.fill(1, 0, k);
    return bits;
  }
  // Greedy from the top weight works for these weight sequences (each weight ≤ 1 + sum of the
  // lower ones), and for the ±2 spin map.
  let rest = value - encoding.offset;
  for (let k = n - 1; k >= 0; k--) {
    const c = encoding.coefs[k];
    if ((c > 0 && rest >= c) || (c < 0 && rest <= c)) {
      bits[k] = 1;
      rest -= c;
    }
  }
  if (rest !== 0) throw new RangeError(`value ${value} is outside the encoded range`);
  return bits;
}
