// Shots of a circuit as classical bitstrings. Terminal measurements are sampled from one final
// state in a single sweep. A circuit that measures or resets mid-way, or applies an operation on a
// classical condition, cannot share one state among its shots, as the collapse and the measured bits
// change what follows: noiseless, it splits into outcome branches that share their shots
// (branching.ts); with noise (or when asked for `trajectories`), each shot is its own trajectory.
import type { Circuit } from "../circuit/ir.js";
import type { Seed } from "../util/rng.js";
import { branchingFits, sampleBranching } from "./branching.js";
import type { ThreadOption } from "./execute.js";
import { sampleNoisy, type NoiseModel, type NoisyCounts } from "./noise.js";
import type { ParameterValues } from "./simulate.js";

export interface SampleCircuitOptions {
  readonly parameters?: ParameterValues;
  readonly seed?: Seed;
  readonly threads?: ThreadOption;
  readonly noise?: NoiseModel;
  readonly trajectories?: number;
}

/**
 * Whether a measure or reset is followed by a gate or reset, or any operation is classically
 * conditioned (so shots cannot share one state).
 */
export function hasMidCircuitMeasurement(circuit: Circuit): boolean {
  let measured = false;
  for (const op of circuit.ops) {
    if (op.kind === "barrier") continue;
    if (op.kind === "measure") {
      measured = true;
    } else if (op.kind === "reset" || op.kind === "if") {
      return true;
    } else if (measured) {
      return true;
    }
  }
  return false;
}

/** The circuit without its trailing measurements (and barriers among them): the state they measure. */
export function withoutTerminalMeasurements(circuit: Circuit): Circuit {
  let end = circuit.ops.length;
  while (end > 0 && (circuit.ops[end - 1]?.kind === "measure" || circuit.ops[end - 1]?.kind === "barrier")) end--;
  return end === circuit.ops.length ? circuit : { ...circuit, ops: circuit.ops.slice(0, end) };
}

/**
 * Counts of `shots` shots keyed by classical bitstring (clbit m−1 on the left), or by qubits (qubit
 * n−1 on the left) when the circuit measures nothing.
 */
export function sampleCircuit(circuit: Circuit, shots: number, options: SampleCircuitOptions = {}): NoisyCounts {
  const noisy = options.noise !== undefined && Object.values(options.noise).some((v) => v !== undefined && v !== 0);
  const midCircuit = hasMidCircuitMeasurement(circuit);
  if (midCircuit && !noisy && options.trajectories === undefined && branchingFits(circuit, shots)) {
    return sampleBranching(circuit, shots, {
      ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
  }
  const trajectories = options.trajectories ?? (midCircuit ? shots : noisy ? Math.min(shots, 200) : 1);
  return sampleNoisy(circuit, shots, {
    noise: options.noise ?? {},
    trajectories,
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
  });
}
