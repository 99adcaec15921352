// The shape of a QAOA ansatz (Farhi, Goldstone & Gutmann 2014) for an Ising cost
//   C(s) = c + Σ hᵢsᵢ + Σ_{i<j} Jᵢⱼsᵢsⱼ,  s = 1 − 2x  (qubit |0⟩ ↔ x = 0 ↔ Z = +1),
//   |ψ(γ, β)⟩ = Π_{l=1..p} e^{−iβ_l B} e^{−iγ_l C} |ψ₀⟩,
// shared by the fast statevector path and the circuit-IR builder so that both run the same ansatz.
//
// Mixers:
//   x        B = Σᵢ Xᵢ from |+⟩ⁿ.
//   xy-ring  for each Σ_{bits} x = k group (one-hot for k = 1): B = Σ over ring edges (a, b) of
//            (XaXb + YaYb)/2, which moves excitations between the group's bits and so preserves the
//            group's Hamming weight (Hadfield et al. 2019; Wang et al. 2020). The edges are applied
//            as a product, even-indexed ring edges first, then odd-indexed (the "parity" ordering).
//            The group starts in a feasible basis state (its first k bits set); qubits in no group
//            keep the X mixer and start in |+⟩.
// Multi-angle (Herrman et al. 2022): one γ per cost term and one β per mixer generator in each layer.
//
// Parameters are laid out layer by layer: [γ's of layer 0, β's of layer 0, γ's of layer 1, …].
import type { OneHotGroup } from "../compiled-types.js";
import type { Ising } from "../ising.js";

export type QaoaMixer = "x" | "xy-ring";

export const QAOA_MIXERS: readonly QaoaMixer[] = ["x", "xy-ring"];

export interface QaoaAnsatzOptions {
  /** Layers, p ≥ 1. */
  readonly p: number;
  /** Default `x`. */
  readonly mixer?: QaoaMixer;
  /** The Σ x = k groups the xy-ring mixer preserves (ignored by the x mixer). */
  readonly groups?: readonly Pick<OneHotGroup, "bits" | "k">[];
  /** One angle per cost term and per mixer generator (default false). */
  readonly multiAngle?: boolean;
}

/** e^{−iβX_q} or e^{−iβ(X_aX_b + Y_aY_b)/2}. */
export type MixerGenerator = { readonly kind: "x"; readonly qubit: number } | { readonly kind: "xy"; readonly a: number; readonly b: number };

export interface QaoaLayout {
  readonly nQubits: number;
  readonly p: number;
  readonly mixer: QaoaMixer;
  readonly multiAngle: boolean;
  /** Cost terms with non-zero coefficients: fields hᵢZᵢ, then couplings JᵢⱼZᵢZⱼ. */
  readonly fieldQubits: Int32Array;
  readonly fieldWeights: Float64Array;
  readonly couplingA: Int32Array;
  readonly couplingB: Int32Array;
  readonly couplingWeights: Float64Array;
  /** The cost's constant c (a global phase in the circuit; part of the energies on the fast path). */
  readonly offset: number;
  /** Mixer generators in the order they are applied within a layer. */
  readonly generators: readonly MixerGenerator[];
  /** Qubits prepared in |+⟩ (the X-mixed ones). */
  readonly plusQubits: readonly number[];
  /** Qubits prepared in |1⟩ (the feasible start of each constrained group). */
  readonly oneQubits: readonly number[];
  readonly gammasPerLayer: number;
  readonly betasPerLayer: number;
  readonly nParameters: number;
  readonly parameterNames: readonly string[];
}

export function qaoaLayout(ising: Ising, options: QaoaAnsatzOptions): QaoaLayout {
  if (ising === null || typeof ising !== "object" || !(ising.h instanceof Float64Array)) throw new TypeError("qaoaLayout needs an Ising model (h, rows, cols, j, offset)");
  if (options === null || typeof options !== "object") throw new TypeError("QAOA options must be an object");
  const n = ising.h.length;
  if (n < 1) throw new RangeError("a QAOA ansatz needs at least one qubit");
  const p = options.p;
  if (!Number.isSafeInteger(p) || p < 1) throw new RangeError(`QAOA depth p must be a positive integer, got ${p}`);
  const mixer = options.mixer ?? "x";
  if (!QAOA_MIXERS.includes(mixer)) throw new RangeError(`QAOA mixer must be one of ${QAOA_MIXERS.join(", ")}, got ${String(mixer)}`);
  const multiAngle = options.multiAngle ?? false;
  if (typeof multiAngle !== "boolean") throw new TypeError(`QAOA multiAngle must be a boolean, got ${typeof multiAngle}`);

  const fields: number[] = [];
  for (let i = 0; i < n; i++) if (ising.h[i] !== 0) fields.push(i);
  const couplings: number[] = [];
  for (let k = 0; k < ising.j.length; k++) if (ising.j[k] !== 0) couplings.push(k);

  const grouped = new Uint8Array(n);
  const generators: MixerGenerator[] = [];
  const oneQubits: number[] = [];
  const ringEdges: MixerGenerator[] = [];
  if (mixer === "xy-ring") {
    for (const group of checkGroups(options.groups ?? [], n, grouped)) {
      const m = group.bits.length;
      for (let i = 0; i < group.k; i++) oneQubits.push(group.bits[i] as number);
      if (m < 2) continue;
      const edge = (i: number): MixerGenerator => ({ kind: "xy", a: group.bits[i] as number, b: group.bits[(i + 1) % m] as number });
      if (m === 2) {
        ringEdges.push(edge(0));
        continue;
      }
      for (let i = 0; i < m; i += 2) ringEdges.push(edge(i));
      for (let i = 1; i < m; i += 2) ringEdges.push(edge(i));
    }
  }
  const plusQubits: number[] = [];
  for (let q = 0; q < n; q++) {
    if (grouped[q]) continue;
    plusQubits.push(q);
    generators.push({ kind: "x", qubit: q });
  }
  generators.push(...ringEdges);

  const gammasPerLayer = multiAngle ? fields.length + couplings.length : 1;
  const betasPerLayer = multiAngle ? generators.length : 1;
  const parameterNames: string[] = [];
  for (let l = 0; l < p; l++) {
    if (multiAngle) {
      for (const i of fields) parameterNames.push(`gamma[${l}][z${i}]`);
      for (const k of couplings) parameterNames.push(`gamma[${l}][z${ising.rows[k]}z${ising.cols[k]}]`);
      for (const g of generators) parameterNames.push(g.kind === "x" ? `beta[${l}][x${g.qubit}]` : `beta[${l}][xy${g.a}_${g.b}]`);
    } else {
      parameterNames.push(`gamma[${l}]`, `beta[${l}]`);
    }
  }
  return {
    nQubits: n,
    p,
    mixer,
    multiAngle,
    fieldQubits: Int32Array.from(fields),
    fieldWeights: Float64Array.from(fields, (i) => ising.h[i] as number),
    couplingA: Int32Array.from(couplings, (k) => ising.rows[k] as number),
    couplingB: Int32Array.from(couplings, (k) => ising.cols[k] as number),
    couplingWeights: Float64Array.from(couplings, (k) => ising.j[k] as number),
    offset: ising.offset,
    generators,
    plusQubits,
    oneQubits,
    gammasPerLayer,
    betasPerLayer,
    nParameters: p * (gammasPerLayer + betasPerLayer),
    parameterNames,
  };
}

/** Index of layer l's γ for cost term t (t = 0 without multi-angle). */
export function gammaIndex(layout: QaoaLayout, layer: number, term = 0): number {
  return layer * (layout.gammasPerLayer + layout.betasPerLayer) + (layout.multiAngle ? term : 0);
}

/** Index of layer l's β for mixer generator g (g = 0 without multi-angle). */
export function betaIndex(layout: QaoaLayout, layer: number, generator = 0): number {
  return layer * (layout.gammasPerLayer + layout.betasPerLayer) + layout.gammasPerLayer + (layout.multiAngle ? generator : 0);
}

function checkGroups(groups: readonly Pick<OneHotGroup, "bits" | "k">[], n: number, grouped: Uint8Array): readonly Pick<OneHotGroup, "bits" | "k">[] {
  if (!Array.isArray(groups)) throw new TypeError("QAOA groups must be an array of { bits, k }");
  groups.forEach((group, index) => {
    if (group === null || typeof group !== "object" || !Array.isArray(group.bits)) throw new TypeError(`QAOA group ${index} must be { bits: number[], k }`);
    for (const bit of group.bits) {
      if (!Number.isInteger(bit) || bit < 0 || bit >= n) throw new RangeError(`QAOA group ${index}: bits must be integers in 0..${n - 1}, got ${bit}`);
      if (grouped[bit]) throw new RangeError(`QAOA group ${index}: bit ${bit} is already in another group; the xy-ring mixer needs disjoint groups`);
      grouped[bit] = 1;
    }
    if (!Number.isInteger(group.k) || group.k < 0 || group.k > group.bits.length) {
      throw new RangeError(`QAOA group ${index}: k must be an integer in 0..${group.bits.length}, got ${group.k}`);
    }
  });
  return groups;
}
