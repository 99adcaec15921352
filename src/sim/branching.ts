// Exact sampling of a noiseless circuit that measures, resets or branches on classical bits mid-way.
// Instead of one trajectory per shot, the state splits at each mid-circuit measurement (or reset)
// into its two outcomes; the shots that reach it are divided between them binomially with the
// seeded RNG (each shot takes outcome 1 with the Born probability), and each outcome runs on with
// its share. Every shot follows the same distribution as a trajectory of its own, but a state is
// simulated once per distinct branch: at most min(shots, 2^splits) of them instead of `shots`.
//
// Branches run depth first, the smaller share first, so a path holds at most min(splits, log2(shots))
// states besides its own; sampleCircuit uses this only when those fit in memory.
import { parameterVector } from "../circuit/angles.js";
import { conditionHolds, type Circuit } from "../circuit/ir.js";
import { createRng, type Rng, type Seed } from "../util/rng.js";
import { executePasses, resolveThreads, type ThreadOption } from "./execute.js";
import { collapse, flipCollapsedOne, probabilityOfOne, sampleIndices } from "./measure.js";
import { availableMemoryBytes, stateBytes } from "./memory-guard.js";
import { sortedCounts, splitTerminalMeasurements, tallyShots, type NoisyCounts } from "./noise.js";
import { bindPlan, compilePlan, type BoundStep } from "./plan.js";
import type { ParameterValues } from "./simulate.js";
import { copyState, createState, type StateVector } from "./statevector.js";

export interface BranchingOptions {
  readonly parameters?: ParameterValues;
  readonly seed?: Seed;
  readonly threads?: ThreadOption;
}

type SplitStep = Extract<BoundStep, { kind: "measure" | "reset" }>;

/** Measurements and resets before the terminal measurements: the most states a path can hold at once. */
export function midCircuitSplits(circuit: Circuit): number {
  return splitTerminalMeasurements(circuit).body.ops.filter((op) => op.kind === "measure" || op.kind === "reset" || (op.kind === "if" && op.op.kind !== "gate")).length;
}

/**
 * Whether the states a branching run may hold at once fit in half the free memory: one per split on
 * the current path, and no more than log2(shots) since the smaller share always runs first.
 */
export function branchingFits(circuit: Circuit, shots: number): boolean {
  const held = Math.min(midCircuitSplits(circuit), Math.floor(Math.log2(Math.max(shots, 1)))) + 1;
  return held * stateBytes(circuit.nQubits) <= availableMemoryBytes() / 2;
}

/**
 * Counts of `shots` noiseless shots keyed by classical bitstring (clbit m−1 on the left; all qubits
 * when the circuit measures nothing). `trajectories` reports the branches simulated.
 */
export function sampleBranching(circuit: Circuit, shots: number, options: BranchingOptions = {}): NoisyCounts {
  if (!Number.isSafeInteger(shots) || shots < 1) throw new RangeError(`shots must be a positive integer, got ${shots}`);
  const values = parameterVector(circuit, options.parameters ?? []);
  const { body, terminal, nClbits } = splitTerminalMeasurements(circuit);
  const steps = bindPlan(compilePlan(body), values);
  const threads = resolveThreads(options.threads, circuit.nQubits);
  const rng = createRng(options.seed ?? 0);
  const tally = new Map<string, number>();
  let branches = 0;

  const run = (state: StateVector, clbits: Uint8Array, from: number, share: number): void => {
    for (let i = from; i < steps.length; i++) {
      const step = steps[i] as BoundStep;
      const op = step.kind !== "if" ? step : conditionHolds(clbits, step.clbits, step.value) ? step.step : undefined;
      if (op === undefined) continue;
      if (op.kind === "pass") {
        executePasses(state, [op.pass], threads);
        continue;
      }
      const pOne = probabilityOfOne(state, op.qubit);
      const ones = binomial(share, pOne, rng);
      if (ones === share) {
        settle(state, clbits, op, 1, pOne);
        continue;
      }
      if (ones === 0) {
        settle(state, clbits, op, 0, pOne);
        continue;
      }
      // The smaller share runs first on a copy: each held state has at least half its parent's
      // shots, so a path holds at most log2(shots) of them.
      const smaller: 0 | 1 = ones <= share - ones ? 1 : 0;
      const other = copyState(state);
      const otherBits = Uint8Array.from(clbits);
      settle(other, otherBits, op, smaller, pOne);
      run(other, otherBits, i + 1, smaller === 1 ? ones : share - ones);
      settle(state, clbits, op, smaller === 1 ? 0 : 1, pOne);
      share = smaller === 1 ? share - ones : ones;
    }
    branches++;
    tallyShots(tally, sampleIndices(state, share, rng), clbits, terminal, (bit) => bit);
  };

  run(createState(circuit.nQubits), new Uint8Array(nClbits), 0, shots);
  return { counts: sortedCounts(tally), shots, trajectories: branches };
}

/** Collapses onto `outcome`, records a measured bit, and returns a reset qubit to |0⟩. */
function settle(state: StateVector, clbits: Uint8Array, op: SplitStep, outcome: 0 | 1, pOne: number): void {
  collapse(state, op.qubit, outcome, outcome === 1 ? pOne : 1 - pOne);
  if (op.kind === "measure") clbits[op.clbit] = outcome;
  else if (outcome === 1) flipCollapsedOne(state, op.qubit);
}

/** How many of `n` shots take an outcome of probability `p`: one seeded uniform per shot, as a trajectory would draw. */
function binomial(n: number, p: number, rng: Rng): number {
  if (p <= 0) return 0;
  if (p >= 1) return n;
  let hits = 0;
  for (let k = 0; k < n; k++) if (rng.nextDouble() < p) hits++;
  return hits;
}
