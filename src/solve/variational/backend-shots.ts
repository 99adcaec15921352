// The final state of a variational run sampled through a Backend instead of in process: the
// measured ansatz with its optimised angles goes out as OpenQASM 3 (translated to {rz, sx, x, cx}
// when the backend's basis lacks a gate the ansatz uses), and the counts come back as reads.
// The Backend object travels in the sampler options but is not a parameter (it is not JSON): the
// sampler takes it out before the options are checked, and records its name in `info.backend`.
import type { Circuit } from "../../circuit/ir.js";
import { BASIS_GATES } from "../../circuit/transpile-basis.js";
import { transpileToBasis } from "../../circuit/transpile.js";
import { exportQasm3 } from "../../io/qasm-export.js";
import { type Backend, BackendError, BackendTimeoutError, checkBackend } from "../backend/backend.js";
import { callBackend } from "../backend/call-backend.js";
import type { ParameterSpecs } from "../options.js";
import type { ReadBuffer } from "../read-buffer.js";
import type { SamplerContext, SamplerOptions } from "../sampler.js";

/** Parameters of the backend call (defaults apply when no backend is given, and then do nothing). */
export const BACKEND_PARAMETERS: ParameterSpecs = {
  backendTimeoutMs: { kind: "number", min: 0, exclusiveMin: true, default: 30_000 },
  backendRetries: { kind: "integer", min: 0, max: 10, default: 2 },
};

/** Splits `backend` off the options; a TypeError when it is not a Backend. */
export function takeBackend(options: SamplerOptions = {}): { readonly backend: Backend | undefined; readonly rest: SamplerOptions } {
  if (options === null || typeof options !== "object" || options.backend === undefined) return { backend: undefined, rest: options };
  const { backend, ...rest } = options;
  return { backend: checkBackend(backend), rest };
}

/** A resource refusal when the problem needs more qubits than the backend has (mode `quantum` then falls back). */
export function admitOnBackend(solver: string, nQubits: number, options: SamplerOptions): string | undefined {
  const { backend } = takeBackend(options);
  if (backend === undefined) return undefined;
  const { name, maxQubits } = backend.describe();
  return nQubits > maxQubits ? `${solver} needs ${nQubits} qubits; backend ${name} has ${maxQubits}` : undefined;
}

export async function sampleThroughBackend(
  backend: Backend,
  circuit: Circuit,
  angles: ArrayLike<number>,
  params: { readonly backendTimeoutMs: number; readonly backendRetries: number },
  context: SamplerContext,
): Promise<void> {
  const description = backend.describe();
  const foreign = circuit.ops.filter((op) => op.kind === "gate" && !description.basisGates.includes(op.name));
  let sent = circuit;
  if (foreign.length > 0) {
    if (!BASIS_GATES.every((gate) => description.basisGates.includes(gate))) {
      throw new BackendError(`backend ${description.name} has neither the ansatz's gates nor the basis {${BASIS_GATES.join(", ")}} (basis: ${description.basisGates.join(", ")})`, false);
    }
    sent = transpileToBasis(circuit);
  }
  const qasm = exportQasm3(sent, { parameters: angles });
  const seed = context.rng.fork("backend").int(2_147_483_647);
  // The run's time limit bounds the backend call too (it aborts the call's signal), when it is the
  // nearer of the two limits.
  const remainingMs = context.deadline.remainingMs();
  const byTimeLimit = remainingMs < params.backendTimeoutMs;
  let outcome;
  try {
    outcome = await callBackend(backend, { qasm, shots: context.reads, seed }, circuit.nClbits, {
      timeoutMs: byTimeLimit ? Math.max(1, remainingMs) : params.backendTimeoutMs,
      retries: params.backendRetries,
      rng: context.rng.fork("backend-retry"),
    });
  } catch (error) {
    if (!(byTimeLimit && error instanceof BackendTimeoutError)) throw error;
    throw new BackendTimeoutError(`the time limit ran out waiting for ${description.name} (${Math.round(remainingMs)} ms were left for the call): ${error.message}`);
  }
  pushCounts(outcome.result.counts, circuit.nQubits, context.out);
  context.info.backend = {
    name: description.name,
    attempts: outcome.attempts,
    failures: [...outcome.failures],
    translatedToBasis: sent !== circuit,
  };
}

/**
 * Counts → reads in key order (deterministic); qubit i was measured into c[i], the key's character
 * m−1−i. Counts carry no shot order, so every read is charged all the evaluations spent.
 */
export function pushCounts(counts: Readonly<Record<string, number>>, nVariables: number, out: ReadBuffer): void {
  const x = new Uint8Array(nVariables);
  for (const bits of Object.keys(counts).sort()) {
    const m = bits.length;
    for (let i = 0; i < nVariables; i++) x[i] = bits.charCodeAt(m - 1 - i) === 49 ? 1 : 0;
    for (let k = 0; k < (counts[bits] as number); k++) out.push(x);
  }
}
