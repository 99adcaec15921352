// How a variational loop turns the final state into one number to minimise.
//   mean   ⟨ψ|C|ψ⟩ = Σ_z p_z C(z)
//   cvar   CVaR_α (Barkoutsos et al. 2020, "Improving variational quantum optimization using
//          CVaR"): the mean of the lowest α fraction of the energy distribution,
//            CVaR_α = C_b + (1/α) Σ_{z before b} p_z (C_z − C_b),
//          with states in ascending energy order and b the state where the cumulative probability
//          reaches α. For fixed b this is ⟨ψ|W|ψ⟩ + C_b with W = diag((C_z − C_b)/α on the tail, 0
//          elsewhere), so its gradient is the adjoint gradient of the observable W (exact wherever
//          b does not change, i.e. almost everywhere).

export type Aggregation = { readonly kind: "mean" } | { readonly kind: "cvar"; readonly alpha: number };

export function checkAggregation(alpha: number | null | undefined): Aggregation {
  if (alpha === null || alpha === undefined || alpha === 1) return { kind: "mean" };
  if (typeof alpha !== "number" || !(alpha > 0 && alpha <= 1)) throw new RangeError(`cvarAlpha must be a number in (0, 1], got ${String(alpha)}`);
  return { kind: "cvar", alpha };
}

/** Basis states sorted by ascending energy (ties by index), for CVaR. */
export function statesByEnergy(energies: Float64Array): Uint32Array {
  const order = new Uint32Array(energies.length);
  for (let z = 0; z < order.length; z++) order[z] = z;
  order.sort((a, b) => (energies[a] as number) - (energies[b] as number) || a - b);
  return order;
}

/**
 * CVaR_α of the state (re, im); writes the observable W whose adjoint gradient is CVaR's gradient
 * into `weights` (every entry) when given.
 */
export function cvar(
  re: Float64Array,
  im: Float64Array,
  energies: Float64Array,
  order: Uint32Array,
  alpha: number,
  weights?: Float64Array,
): number {
  let cumulative = 0;
  let boundary = order.length - 1;
  for (let k = 0; k < order.length; k++) {
    const z = order[k] as number;
    cumulative += (re[z] as number) ** 2 + (im[z] as number) ** 2;
    if (cumulative >= alpha) {
      boundary = k;
      break;
    }
  }
  const cb = energies[order[boundary] as number] as number;
  if (weights) weights.fill(0);
  let tail = 0;
  for (let k = 0; k < boundary; k++) {
    const z = order[k] as number;
    const w = ((energies[z] as number) - cb) / alpha;
    tail += ((re[z] as number) ** 2 + (im[z] as number) ** 2) * w;
    if (weights) weights[z] = w;
  }
  return cb + tail;
}

/** ⟨ψ|diag(d)|ψ⟩. */
export function diagonalExpectation(re: Float64Array, im: Float64Array, d: Float64Array): number {
  let sum = 0;
  for (let z = 0; z < re.length; z++) sum += ((re[z] as number) ** 2 + (im[z] as number) ** 2) * (d[z] as number);
  return sum;
}
