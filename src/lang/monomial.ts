// Monomials in the decision variables, for the degree rules: a product of variables, each with its
// domain and power, so that `x·x = x` (binary) and `s·s = 1` (spin) are recognised.

export type Monomial = ReadonlyMap<string, { readonly domain: "binary" | "spin" | "int"; readonly power: number }>;

export const NO_VARIABLES: Monomial = new Map();

/** Degree of a monomial after `x^k = x` for binaries and `s^2 = 1` for spins. */
export function monomialDegree(monomial: Monomial): number {
  let degree = 0;
  for (const { domain, power } of monomial.values()) {
    degree += domain === "binary" ? (power > 0 ? 1 : 0) : domain === "spin" ? power % 2 : power;
  }
  return degree;
}

export function multiplyMonomials(a: Monomial, b: Monomial, times = 1): Monomial {
  const product = new Map(a);
  for (const [key, term] of b) {
    const existing = product.get(key);
    product.set(key, { domain: term.domain, power: (existing?.power ?? 0) + term.power * times });
  }
  return product;
}
