// Starting angles for QAOA.
//   ramp    the linear ramp of TQA initialisation (Sack & Serbyn 2021): a Trotterised anneal of
//           total time Δt, layer l at t_l = (l + ½)/p: γ_l = t_l·Δt, β_l = −(1 − t_l)·Δt. The sign
//           of β makes |+⟩ the ground state of −B, so the anneal follows the ground state of C.
//   interp  INTERP (Zhou et al. 2020, PRX 10, 021067): from the optimum at depth p, the start at
//           depth p + 1 is the linear interpolation
//             θ'_i = (i−1)/p · θ_{i−1} + (p−i+1)/p · θ_i,  i = 1 … p+1,  θ_0 = θ_{p+1} = 0,
//           applied to every γ and β sequence (per term and per generator with multi-angle).
//   random  uniform in [−π/4, π/4] from the seeded Rng.
import type { QaoaLayout } from "../../compile/ansatz/qaoa-layout.js";
import type { Rng } from "../../util/rng.js";

export type QaoaInitialisation = "ramp" | "interp" | "random";

export const QAOA_INITIALISATIONS: readonly QaoaInitialisation[] = ["ramp", "interp", "random"];

/** TQA's linear ramp for `layout` (every angle of a layer equal under multi-angle). */
export function linearRamp(layout: QaoaLayout, rampTime: number): Float64Array {
  if (!(rampTime > 0) || !Number.isFinite(rampTime)) throw new RangeError(`rampTime must be a positive finite number, got ${rampTime}`);
  const perLayer = layout.gammasPerLayer + layout.betasPerLayer;
  const theta = new Float64Array(layout.nParameters);
  for (let l = 0; l < layout.p; l++) {
    const t = (l + 0.5) / layout.p;
    for (let k = 0; k < perLayer; k++) theta[l * perLayer + k] = k < layout.gammasPerLayer ? t * rampTime : -(1 - t) * rampTime;
  }
  return theta;
}

/** INTERP: angles for depth p + 1 from angles at depth p (layer-major, `perLayer` angles a layer). */
export function interpolateAngles(theta: ArrayLike<number>, perLayer: number): Float64Array {
  if (!Number.isSafeInteger(perLayer) || perLayer < 1 || theta.length % perLayer !== 0 || theta.length === 0) {
    throw new RangeError(`angles must be a non-empty multiple of ${perLayer} (angles per layer), got ${theta.length}`);
  }
  const p = theta.length / perLayer;
  const next = new Float64Array((p + 1) * perLayer);
  const at = (layer: number, slot: number): number => (layer < 0 || layer >= p ? 0 : (theta[layer * perLayer + slot] as number));
  for (let i = 1; i <= p + 1; i++) {
    for (let slot = 0; slot < perLayer; slot++) {
      next[(i - 1) * perLayer + slot] = ((i - 1) / p) * at(i - 2, slot) + ((p - i + 1) / p) * at(i - 1, slot);
    }
  }
  return next;
}

export function randomAngles(layout: QaoaLayout, rng: Rng): Float64Array {
  return Float64Array.from({ length: layout.nParameters }, () => (rng.nextDouble() - 0.5) * (Math.PI / 2));
}
