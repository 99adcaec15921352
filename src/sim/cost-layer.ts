// QAOA's cost layer e^{−iγC} as one diagonal pass over precomputed energies C(z): with few distinct
// energy levels the pass is a table lookup per amplitude (cos/sin once per level per γ), otherwise
// cos/sin per amplitude.
import { energyLevels } from "./energies.js";
import { executePasses, resolveThreads, type ThreadOption } from "./execute.js";
import type { Pass } from "./pass.js";
import type { StateVector } from "./statevector.js";

export interface DiagonalCost {
  readonly energies: Float64Array;
  readonly levels?: { readonly levels: Uint16Array; readonly values: Float64Array };
}

/** Prepares energies (one per basis state, e.g. from quboEnergies) for repeated cost layers. */
export function prepareDiagonalCost(energies: Float64Array): DiagonalCost {
  for (let z = 0; z < energies.length; z++) {
    if (!Number.isFinite(energies[z] as number)) throw new RangeError(`energy of basis state ${z} must be finite, got ${energies[z]}`);
  }
  const levels = energyLevels(energies);
  return levels === undefined ? { energies } : { energies, levels };
}

/** The pass ψ_z ← e^{−iγ C(z)} ψ_z. */
export function costLayerPass(cost: DiagonalCost, gamma: number): Pass {
  if (!Number.isFinite(gamma)) throw new RangeError(`gamma must be finite, got ${gamma}`);
  if (cost.levels === undefined) return { kind: "energyPhase", energies: cost.energies, gamma };
  const { levels, values } = cost.levels;
  const table = new Float64Array(2 * values.length);
  for (let l = 0; l < values.length; l++) {
    table[2 * l] = Math.cos(-gamma * (values[l] as number));
    table[2 * l + 1] = Math.sin(-gamma * (values[l] as number));
  }
  return { kind: "levelPhase", levels, table };
}

/** Applies e^{−iγC} to `state` in place. */
export function applyCostLayer(state: StateVector, cost: DiagonalCost, gamma: number, threads: ThreadOption = "auto"): void {
  if (cost.energies.length !== state.re.length) {
    throw new RangeError(`energies for ${state.nQubits} qubits must have ${state.re.length} entries, got ${cost.energies.length}`);
  }
  executePasses(state, [costLayerPass(cost, gamma)], resolveThreads(threads, state.nQubits));
}
