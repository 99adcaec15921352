// Effective weights, including the `penalty auto` bound (proof in docs/compiler.md):
//
//   R  = Σ_t |c_t| over the non-constant terms of the weighted objective + soft penalties
//        (as a polynomial over all bits), so R ≥ max − min of that polynomial on {0,1}ⁿ;
//   δ  = smallest value a hard penalty takes at a violating point (q² for an equality or slack
//        penalty whose coefficients lie on the grid qℤ; 1 for one-hot / domain-wall validity);
//   P  = (1 + 1/64)·R/δ   (any P with P·δ > R suffices; 1/δ when R = 0).
//
// Then at any point violating a hard constraint the energy exceeds min f + R ≥ max f ≥ the
// energy of the best feasible point, so every minimiser is feasible. Rosenberg auxiliaries get
// M = (1 + 1/64)·R' with R' the coefficient mass of everything else (their δ is 1).
import type { CompiledData } from "./compiled-types.js";
import { nSlots } from "./slots.js";

const MARGIN = 1 + 1 / 64;

export function autoWeights(data: CompiledData, scale: number): Float64Array {
  const { groups } = data;
  const w = new Float64Array(groups.length);
  // Terms without a known minimum violation (e.g. unbalanced penalisation, which can go
  // negative) are counted with the objective, so the bound still holds for the others.
  const unbounded = (g: number) => (groups[g].kind === "hard" || groups[g].kind === "encoding") && groups[g].minViolation === undefined;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (group.kind === "objective" || group.kind === "soft") w[g] = group.weight;
    else if (group.kind === "hard" || group.kind === "encoding") w[g] = group.mode === "fixed" ? group.weight * scale : scale;
  }
  const r = coefficientMass(data, w, (g) => groups[g].kind === "objective" || groups[g].kind === "soft" || unbounded(g));
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if ((group.kind !== "hard" && group.kind !== "encoding") || group.mode === "fixed" || group.minViolation === undefined) continue;
    w[g] = (scale * (r > 0 ? MARGIN * r : 1)) / group.minViolation;
  }
  const hasAux = groups.some((g) => g.kind === "quadratisation");
  if (hasAux) {
    const rAll = coefficientMass(data, w, (g) => groups[g].kind !== "quadratisation");
    for (let g = 0; g < groups.length; g++) {
      if (groups[g].kind === "quadratisation") w[g] = rAll > 0 ? MARGIN * rAll : 1;
    }
  }
  return w;
}

/** Σ|coefficient| of the weighted sum of the selected groups' components. */
function coefficientMass(data: CompiledData, w: Float64Array, include: (group: number) => boolean): number {
  const values = new Float64Array(nSlots(data.slots));
  const { compStart, compSlot, compAmount, components } = data;
  for (let c = 0; c < components.length; c++) {
    const g = components[c].group;
    if (!include(g)) continue;
    const weight = w[g];
    const end = compStart[c + 1];
    for (let k = compStart[c]; k < end; k++) values[compSlot[k]] += weight * compAmount[k];
  }
  let mass = 0;
  for (let s = 0; s < values.length; s++) mass += Math.abs(values[s]);
  return mass;
}
