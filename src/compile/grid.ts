// The common grid of a set of coefficients: the largest q > 0 with every value an integer
// multiple of q. If a constraint body g(x) = c₀ + Σ aₜ·(monomialₜ) has all of c₀, aₜ on the grid
// qℤ, then on binary points g takes values in qℤ, so |g| ≥ q wherever g ≠ 0 — the minimum
// positive violation the `penalty auto` bound rests on, and the step of the slack variable.

// Small enough that irrational ratios cannot be matched to 1e-9 (best approximations with
// denominator d are off by about 1/d²), large enough for four-decimal data and thirds, sevenths, …
const MAX_DENOMINATOR = 10_000;
const MAX_COMMON_DENOMINATOR = 1e12;
const RELATIVE_TOLERANCE = 1e-9;

/** q, or undefined when the values share no grid (irrational ratios) or are all zero. */
export function commonGrid(values: ArrayLike<number>): number | undefined {
  // Work with ratios to the smallest magnitude, so the answer does not depend on the scale
  // (π and 2π share the grid π; 12345 and 1 share the grid 1).
  let smallest = Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) throw new RangeError(`coefficients must be finite, got ${v}`);
    if (v !== 0) smallest = Math.min(smallest, Math.abs(v));
  }
  if (smallest === Infinity) return undefined;
  let denominator = 1;
  const fractions: [number, number][] = [];
  for (let k = 0; k < values.length; k++) {
    if (values[k] === 0) continue;
    const fraction = toFraction(Math.abs(values[k]) / smallest);
    if (!fraction) return undefined;
    fractions.push(fraction);
    denominator = lcm(denominator, fraction[1]);
    if (denominator > MAX_COMMON_DENOMINATOR) return undefined;
  }
  let g = 0;
  for (const [p, d] of fractions) {
    const scaled = p * (denominator / d);
    if (scaled > Number.MAX_SAFE_INTEGER) return undefined;
    g = gcd(g, scaled);
  }
  return (smallest * g) / denominator;
}

/** Best rational p/d ≈ x (x ≥ 1) with d ≤ MAX_DENOMINATOR, by continued fractions. */
function toFraction(x: number): [number, number] | undefined {
  let h0 = 0;
  let h1 = 1;
  let k0 = 1;
  let k1 = 0;
  let rest = x;
  for (let step = 0; step < 64; step++) {
    const a = Math.floor(rest);
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (k2 > MAX_DENOMINATOR || h2 > Number.MAX_SAFE_INTEGER) return undefined;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
    if (Math.abs(h1 / k1 - x) <= RELATIVE_TOLERANCE * x) return [h1, k1];
    const frac = rest - a;
    if (frac === 0) return undefined;
    rest = 1 / frac;
  }
  return undefined;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
