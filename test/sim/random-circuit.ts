// Seeded random circuits and states for the simulator tests.
import { GATES, type Circuit, type GateName, type Op } from "../../src/circuit/ir.js";
import { createState, type StateVector } from "../../src/sim/statevector.js";
import type { Rng } from "../../src/util/rng.js";

export const ALL_GATES = Object.keys(GATES) as GateName[];

export function randomQubits(rng: Rng, n: number, k: number): number[] {
  const pool = Array.from({ length: n }, (_, q) => q);
  const out: number[] = [];
  for (let j = 0; j < k; j++) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

/** A random gate op with constant angles. */
export function randomGate(rng: Rng, n: number, names: readonly GateName[] = ALL_GATES): Op {
  const candidates = names.filter((name) => GATES[name].nQubits <= n);
  const name = candidates[rng.int(candidates.length)]!;
  const angles = Array.from({ length: GATES[name].nAngles }, () => ({ kind: "const" as const, value: (rng.nextDouble() - 0.5) * 4 * Math.PI }));
  return { kind: "gate", name, qubits: randomQubits(rng, n, GATES[name].nQubits), angles };
}

export function randomCircuit(rng: Rng, n: number, nGates: number, names: readonly GateName[] = ALL_GATES): Circuit {
  return { name: "random", nQubits: n, nClbits: 0, parameters: [], ops: Array.from({ length: nGates }, () => randomGate(rng, n, names)) };
}

/** A normalised random state (Gaussian amplitudes). */
export function randomState(rng: Rng, n: number): StateVector {
  const state = createState(n);
  let norm = 0;
  for (let i = 0; i < state.re.length; i++) {
    state.re[i] = rng.normal();
    state.im[i] = rng.normal();
    norm += state.re[i]! ** 2 + state.im[i]! ** 2;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < state.re.length; i++) {
    state.re[i]! *= scale;
    state.im[i]! *= scale;
  }
  return state;
}
