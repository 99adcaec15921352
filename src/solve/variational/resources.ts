// What a variational run needs before it starts, so that `admit` can refuse a problem with a reason
// (and mode `quantum` fall back) instead of failing late: the qubit count against the sampler's
// limit, and the bytes of every 2ⁿ-sized buffer against the simulator's memory guard.
import { type Circuit } from "../../circuit/ir.js";
import { estimateResources } from "../../circuit/resources.js";
import { assertStateFits, MAX_QUBITS, stateBytes } from "../../sim/memory-guard.js";
import type { JsonObject } from "../json.js";

/** Bytes per basis state a run allocates beyond the state itself (see each sampler). */
export function admitStatevector(solver: string, nQubits: number, maxQubits: number, bytesPerState: number): string | undefined {
  if (nQubits < 1) return `${solver} needs at least one variable`;
  const limit = Math.min(maxQubits, MAX_QUBITS);
  if (nQubits > limit) {
    return `${solver} needs ${nQubits} qubits (a ${formatBytes(stateBytes(nQubits))} statevector); the limit is ${limit} qubits`;
  }
  try {
    assertStateFits(nQubits, bytesPerState * 2 ** nQubits);
  } catch (error) {
    if (error instanceof RangeError) return `${solver}: ${error.message}`;
    throw error;
  }
  return undefined;
}

/** The circuit's resource estimate as plain JSON for `SampleSet.info` (routing off: it is slow on wide circuits). */
export function resourceInfo(circuit: Circuit, workingBytes: number): JsonObject {
  const estimate = estimateResources(circuit, { routing: false });
  return JSON.parse(JSON.stringify({ ...estimate, workingMemoryBytes: workingBytes })) as JsonObject;
}

export function formatBytes(bytes: number): string {
  // Beyond a pebibyte the unit stops helping; the power of two says how far out of reach it is.
  if (bytes >= 2 ** 50) return `2^${Math.log2(bytes).toFixed(Number.isInteger(Math.log2(bytes)) ? 0 : 1)} bytes`;
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
