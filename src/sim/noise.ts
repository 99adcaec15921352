// Noise by seeded Monte-Carlo trajectories: after every gate, each qubit it touched goes through the
// model's channels, each realised by drawing one Kraus operator with its Born probability:
//   depolarising p:      X, Y or Z with probability p/3 each
//   bit flip p / phase flip p:  X / Z with probability p
//   amplitude damping γ: K1 = √γ |0⟩⟨1| with probability γ·P(1), else K0 = diag(1, √(1−γ)), renormalised
// and readout error flips each measured bit (P(1|0) = p01, P(0|1) = p10). Averaging over
// trajectories reproduces the density-matrix result; results report how many were run.
import { parameterVector } from "../circuit/angles.js";
import { conditionHolds, type Circuit } from "../circuit/ir.js";
import { createRng, type Rng, type Seed } from "../util/rng.js";
import { executePasses, resolveThreads, type ThreadOption } from "./execute.js";
import { gatePass } from "./gate-pass.js";
import { bitstring, measureQubit, probabilityOfOne, resetQubit, sampleIndices } from "./measure.js";
import { expectation, type Observable } from "./observable.js";
import { bindOp, type BoundOp, validateCircuit } from "./plan.js";
import type { ParameterValues } from "./simulate.js";
import { createState, type StateVector } from "./statevector.js";

export interface NoiseModel {
  /** Depolarising probability per gate per qubit touched. */
  readonly depolarizing?: number;
  readonly bitFlip?: number;
  readonly phaseFlip?: number;
  /** Amplitude-damping γ per gate per qubit touched. */
  readonly amplitudeDamping?: number;
  /** Readout error: one flip probability, or P(read 1 | 0) and P(read 0 | 1). */
  readonly readout?: number | { readonly p01: number; readonly p10: number };
}

export interface NoisyOptions {
  readonly noise: NoiseModel;
  readonly parameters?: ParameterValues;
  readonly seed?: Seed;
  /** Trajectories to average over (default: min(shots, 200) for sampling, 200 for expectations). */
  readonly trajectories?: number;
  readonly threads?: ThreadOption;
}

export interface NoisyCounts {
  readonly counts: Record<string, number>;
  readonly shots: number;
  readonly trajectories: number;
}

export interface NoisyExpectation {
  readonly value: number;
  /** Standard error of the trajectory mean. */
  readonly standardError: number;
  readonly trajectories: number;
}

function checkProbability(name: string, p: number | undefined): number {
  if (p === undefined) return 0;
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new RangeError(`noise ${name} must be a probability in [0, 1], got ${p}`);
  return p;
}

interface CheckedNoise {
  readonly depolarizing: number;
  readonly bitFlip: number;
  readonly phaseFlip: number;
  readonly amplitudeDamping: number;
  readonly p01: number;
  readonly p10: number;
}

function checkNoise(noise: NoiseModel): CheckedNoise {
  if (typeof noise !== "object" || noise === null) throw new TypeError("noise must be an object such as { depolarizing: 0.01 }");
  const readout = noise.readout;
  const p01 = typeof readout === "object" ? checkProbability("readout.p01", readout.p01) : checkProbability("readout", readout);
  const p10 = typeof readout === "object" ? checkProbability("readout.p10", readout.p10) : p01;
  return {
    depolarizing: checkProbability("depolarizing", noise.depolarizing),
    bitFlip: checkProbability("bitFlip", noise.bitFlip),
    phaseFlip: checkProbability("phaseFlip", noise.phaseFlip),
    amplitudeDamping: checkProbability("amplitudeDamping", noise.amplitudeDamping),
    p01,
    p10,
  };
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function applyPauli(state: StateVector, letter: "x" | "y" | "z", qubit: number, threads: number): void {
  const pass = gatePass(letter, [qubit], []);
  if (pass) executePasses(state, [pass], threads);
}

/** One amplitude-damping trajectory step on `qubit`. */
function amplitudeDamp(state: StateVector, qubit: number, gamma: number, rng: Rng): void {
  const pOne = probabilityOfOne(state, qubit);
  const { re, im } = state;
  const bit = 1 << qubit;
  const half = re.length / 2;
  const jump = rng.nextDouble() < gamma * pOne;
  if (jump) {
    // K1 ψ / ‖K1 ψ‖: |…1…⟩ amplitudes move to |…0…⟩, scaled by 1/√P(1).
    const scale = 1 / Math.sqrt(pOne);
    for (let k = 0; k < half; k++) {
      const i0 = ((k >> qubit) << (qubit + 1)) | (k & (bit - 1));
      const i1 = i0 | bit;
      re[i0] = (re[i1] as number) * scale;
      im[i0] = (im[i1] as number) * scale;
      re[i1] = 0;
      im[i1] = 0;
    }
    return;
  }
  const norm = 1 / Math.sqrt(1 - gamma * pOne);
  const damp = Math.sqrt(1 - gamma) * norm;
  for (let k = 0; k < half; k++) {
    const i0 = ((k >> qubit) << (qubit + 1)) | (k & (bit - 1));
    const i1 = i0 | bit;
    re[i0] = (re[i0] as number) * norm;
    im[i0] = (im[i0] as number) * norm;
    re[i1] = (re[i1] as number) * damp;
    im[i1] = (im[i1] as number) * damp;
  }
}

function applyChannels(state: StateVector, qubits: readonly number[], noise: CheckedNoise, rng: Rng, threads: number): void {
  for (const q of qubits) {
    if (noise.depolarizing > 0 && rng.nextDouble() < noise.depolarizing) applyPauli(state, (["x", "y", "z"] as const)[rng.int(3)]!, q, threads);
    if (noise.bitFlip > 0 && rng.nextDouble() < noise.bitFlip) applyPauli(state, "x", q, threads);
    if (noise.phaseFlip > 0 && rng.nextDouble() < noise.phaseFlip) applyPauli(state, "z", q, threads);
    if (noise.amplitudeDamping > 0) amplitudeDamp(state, q, noise.amplitudeDamping, rng);
  }
}

type NoisyStep = BoundOp | { readonly kind: "if"; readonly clbits: readonly number[]; readonly value: number; readonly step: BoundOp };

/** One step per gate (no fusion: noise acts between gates), measurement, reset and condition. */
function noisySteps(circuit: Circuit, values: Float64Array): NoisyStep[] {
  validateCircuit(circuit);
  const steps: NoisyStep[] = [];
  for (const op of circuit.ops) {
    switch (op.kind) {
      case "gate":
      case "measure":
      case "reset":
        steps.push(bindOp(op, values));
        break;
      case "if":
        steps.push({ kind: "if", clbits: op.clbits, value: op.value, step: bindOp(op.op, values) });
        break;
      case "barrier":
        break;
      default: {
        const unreachable: never = op;
        throw new Error(`internal: unexpected op ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return steps;
}

/** Runs one noisy trajectory from |0…0⟩, writing mid-circuit measurements into `clbits`. */
function runTrajectory(nQubits: number, steps: readonly NoisyStep[], noise: CheckedNoise, rng: Rng, threads: number, clbits: Uint8Array): StateVector {
  const state = createState(nQubits);
  const apply = (step: NoisyStep): void => {
    switch (step.kind) {
      case "gate":
        if (step.pass) executePasses(state, [step.pass], threads);
        applyChannels(state, step.qubits, noise, rng, threads);
        break;
      case "measure":
        clbits[step.clbit] = readoutFlip(measureQubit(state, step.qubit, rng), noise, rng);
        break;
      case "reset":
        resetQubit(state, step.qubit, rng);
        break;
      case "if":
        // A gate that does not apply is not applied noisily either.
        if (conditionHolds(clbits, step.clbits, step.value)) apply(step.step);
        break;
      default: {
        const unreachable: never = step;
        throw new Error(`internal: unexpected step ${JSON.stringify(unreachable)}`);
      }
    }
  };
  for (const step of steps) apply(step);
  return state;
}

function readoutFlip(bit: 0 | 1, noise: CheckedNoise, rng: Rng): 0 | 1 {
  const p = bit === 0 ? noise.p01 : noise.p10;
  return p > 0 && rng.nextDouble() < p ? ((1 - bit) as 0 | 1) : bit;
}

/** Splits a circuit into its body and trailing measurements (all qubits → clbit q when it measures nothing). */
export function splitTerminalMeasurements(circuit: Circuit): { body: Circuit; terminal: [number, number][]; nClbits: number } {
  let end = circuit.ops.length;
  while (end > 0 && (circuit.ops[end - 1]!.kind === "measure" || circuit.ops[end - 1]!.kind === "barrier")) end--;
  const terminal: [number, number][] = [];
  for (const op of circuit.ops.slice(end)) if (op.kind === "measure") terminal.push([op.qubit, op.clbit]);
  const measuresAnything = circuit.ops.some((op) => op.kind === "measure");
  if (!measuresAnything) {
    for (let q = 0; q < circuit.nQubits; q++) terminal.push([q, q]);
    return { body: circuit, terminal, nClbits: circuit.nQubits };
  }
  return { body: { ...circuit, ops: circuit.ops.slice(0, end) }, terminal, nClbits: circuit.nClbits };
}

/**
 * Counts of `shots` noisy shots keyed by classical bitstring (clbit m−1 on the left; all qubits when
 * the circuit measures nothing). Shots are spread evenly over the trajectories; terminal
 * measurements are sampled from each trajectory's final state.
 */
export function sampleNoisy(circuit: Circuit, shots: number, options: NoisyOptions): NoisyCounts {
  checkCount("shots", shots);
  const noise = checkNoise(options.noise);
  const trajectories = checkCount("trajectories", options.trajectories ?? Math.min(shots, 200));
  if (trajectories > shots) throw new RangeError(`trajectories (${trajectories}) must not exceed shots (${shots})`);
  const values = parameterVector(circuit, options.parameters ?? []);
  const { body, terminal, nClbits } = splitTerminalMeasurements(circuit);
  const threads = resolveThreads(options.threads, circuit.nQubits);
  const root = createRng(options.seed ?? 0);
  const steps = noisySteps(body, values);
  const tally = new Map<string, number>();
  for (let t = 0; t < trajectories; t++) {
    const rng = root.fork(t);
    const clbits = new Uint8Array(nClbits);
    const state = runTrajectory(circuit.nQubits, steps, noise, rng, threads, clbits);
    const share = Math.floor((shots * (t + 1)) / trajectories) - Math.floor((shots * t) / trajectories);
    tallyShots(tally, sampleIndices(state, share, rng), clbits, terminal, (bit) => readoutFlip(bit, noise, rng));
  }
  return { counts: sortedCounts(tally), shots, trajectories };
}

/**
 * Adds one shot per sampled basis index to `tally`, keyed by the classical register: the bits
 * measured mid-way (`clbits`), then the terminal measurements read through `read` (e.g. readout error).
 */
export function tallyShots(tally: Map<string, number>, samples: Float64Array, clbits: Uint8Array, terminal: readonly (readonly [number, number])[], read: (bit: 0 | 1) => 0 | 1): void {
  const nClbits = clbits.length;
  for (let s = 0; s < samples.length; s++) {
    const index = samples[s] as number;
    const bits = Uint8Array.from(clbits);
    for (const [qubit, clbit] of terminal) bits[clbit] = read(((index >> qubit) & 1) as 0 | 1);
    let key = 0;
    for (let c = 0; c < nClbits; c++) key += (bits[c] as number) * 2 ** c;
    const text = bitstring(key, nClbits);
    tally.set(text, (tally.get(text) ?? 0) + 1);
  }
}

/** The tally as counts in bitstring order, so that equal tallies print equally. */
export function sortedCounts(tally: ReadonlyMap<string, number>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of [...tally.keys()].sort()) counts[key] = tally.get(key) as number;
  return counts;
}

/** The trajectory average of ⟨ψ_t|H|ψ_t⟩ (gate noise only; readout error does not apply). */
export function expectationNoisy(circuit: Circuit, observable: Observable, options: NoisyOptions): NoisyExpectation {
  const noise = checkNoise(options.noise);
  const trajectories = checkCount("trajectories", options.trajectories ?? 200);
  const values = parameterVector(circuit, options.parameters ?? []);
  const threads = resolveThreads(options.threads, circuit.nQubits);
  const root = createRng(options.seed ?? 0);
  const steps = noisySteps(circuit, values);
  let sum = 0;
  let sumSquares = 0;
  for (let t = 0; t < trajectories; t++) {
    const state = runTrajectory(circuit.nQubits, steps, noise, root.fork(t), threads, new Uint8Array(circuit.nClbits));
    const value = expectation(state, observable);
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / trajectories;
  const variance = trajectories > 1 ? Math.max(0, (sumSquares - trajectories * mean * mean) / (trajectories - 1)) : 0;
  return { value: mean, standardError: Math.sqrt(variance / trajectories), trajectories };
}
