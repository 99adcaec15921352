// The Backend contract: where a quantum circuit runs. A remote QPU provider implements `describe`
// and `run`; the local statevector simulator implements them today (local-simulator.ts). The wire
// format is text, as a provider's API would take it:
//
//   job    OpenQASM 3.0 (`exportQasm3`, every angle bound), shots, seed, AbortSignal
//   result counts: bitstring → number of shots. Key character j (from the left) is classical bit
//          c[m − 1 − j] — c[0] is the RIGHTMOST character, as in OpenQASM/Qiskit counts. The
//          samplers measure qubit i into c[i], and qubit i is variable x_i.
//
// Failures are BackendErrors that say whether trying again may help (`retryable`: a busy queue, a
// dropped connection) or not (a circuit the device cannot run). callBackend (call-backend.ts) adds
// the timeout, the retries and the validation of what comes back.
import type { Seed } from "../../util/rng.js";

export interface BackendDescription {
  /** Shown in SampleSet info and in fallback reasons. */
  readonly name: string;
  /** Most qubits a circuit may use. */
  readonly maxQubits: number;
  /**
   * Gates the device runs, by their circuit-IR names (the OpenQASM 3 names, except `u` for `u3`).
   * A circuit with other gates is translated to {rz, sx, x, cx} first when the basis has those.
   */
  readonly basisGates: readonly string[];
}

export interface BackendJob {
  /** OpenQASM 3.0 text with every angle bound; every measured qubit goes to one classical bit. */
  readonly qasm: string;
  readonly shots: number;
  /** Same seed, same counts, where the device allows it (a simulator does; hardware cannot). */
  readonly seed: Seed;
  /** Aborted when the caller's timeout passes or it gives up: stop work and reject. */
  readonly signal: AbortSignal;
}

export interface BackendResult {
  /** Bitstring (c[m−1] … c[0], see the file comment) → shots; the counts add up to `shots`. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface Backend {
  describe(): BackendDescription;
  run(job: BackendJob): Promise<BackendResult>;
}

/** A backend failure; `retryable` says whether the same job may succeed if sent again. */
export class BackendError extends Error {
  override readonly name: string = "BackendError";
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The call's time budget ran out (the backend's signal has been aborted). Never retried. */
export class BackendTimeoutError extends BackendError {
  override readonly name: string = "BackendTimeoutError";
  constructor(message: string) {
    super(message, false);
  }
}

/** Checks the shape of a Backend (TypeError otherwise: a caller's mistake, not a backend failure). */
export function checkBackend(backend: unknown): Backend {
  const b = backend as Partial<Backend> | null;
  if (b === null || typeof b !== "object" || typeof b.describe !== "function" || typeof b.run !== "function") {
    throw new TypeError("backend must be an object with describe() and run(job) (see docs/backends.md)");
  }
  return b as Backend;
}
