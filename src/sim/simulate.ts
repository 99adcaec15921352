// Runs a circuit on the statevector: compile (check + fuse) once, bind parameters, then apply the
// passes, collapsing on mid-circuit measurement and reset with the seeded RNG; a classically
// conditioned operation applies when the clbits measured so far in this run hold its value.
import { parameterVector } from "../circuit/angles.js";
import { conditionHolds, type Circuit } from "../circuit/ir.js";
import { createRng, type Rng, type Seed } from "../util/rng.js";
import { executePasses, resolveThreads, type ThreadOption } from "./execute.js";
import { measureQubit, resetQubit } from "./measure.js";
import type { Pass } from "./pass.js";
import { bindPlan, compilePlan, type BoundStep, type Plan } from "./plan.js";
import { createState, type StateVector } from "./statevector.js";

/** Parameter values: a flat array in `circuit.parameters` order, or named (`{ gamma: [0.1, 0.2] }`). */
export type ParameterValues = ArrayLike<number> | Readonly<Record<string, unknown>>;

export interface SimulateOptions {
  readonly parameters?: ParameterValues;
  /** Seed (or RNG) for mid-circuit measurement and reset; default seed 0. */
  readonly seed?: Seed;
  readonly rng?: Rng;
  /** Threads for passes: a count, or "auto" (all cores above THREAD_THRESHOLD_QUBITS). Default "auto". */
  readonly threads?: ThreadOption;
  /** Largest fused block in qubits (0 = no fusion … 6, default 2). */
  readonly maxFusedQubits?: number;
  /** Start from this state (modified in place) instead of |0…0⟩. */
  readonly initialState?: StateVector;
}

export interface SimulationResult {
  readonly state: StateVector;
  /** Classical bits written by `measure` ops (0 where never written). */
  readonly clbits: Uint8Array;
  /** How many passes over the state the run made (after fusion). */
  readonly nPasses: number;
}

/** Simulates `circuit` (or a compiled plan of it) from |0…0⟩ or `initialState`. */
export function simulate(circuit: Circuit | Plan, options: SimulateOptions = {}): SimulationResult {
  const plan = "steps" in circuit ? circuit : compilePlan(circuit, optionsForPlan(options));
  const values = parameterVector(plan.circuit, options.parameters ?? []);
  const state = options.initialState ?? createState(plan.circuit.nQubits);
  if (state.nQubits !== plan.circuit.nQubits) {
    throw new RangeError(`initialState must have ${plan.circuit.nQubits} qubits, got ${state.nQubits}`);
  }
  const rng = options.rng ?? createRng(options.seed ?? 0);
  const clbits = new Uint8Array(plan.circuit.nClbits);
  const nPasses = runSteps(state, bindPlan(plan, values), clbits, rng, resolveThreads(options.threads, state.nQubits));
  return { state, clbits, nPasses };
}

function optionsForPlan(options: SimulateOptions): { maxFusedQubits?: number } {
  return options.maxFusedQubits === undefined ? {} : { maxFusedQubits: options.maxFusedQubits };
}

/** Applies bound steps, batching consecutive passes into one threaded run. Returns the pass count. */
export function runSteps(state: StateVector, steps: readonly BoundStep[], clbits: Uint8Array, rng: Rng, threads: number): number {
  let batch: Pass[] = [];
  let nPasses = 0;
  const flush = (): void => {
    executePasses(state, batch, threads);
    nPasses += batch.length;
    batch = [];
  };
  const apply = (step: BoundStep): void => {
    switch (step.kind) {
      case "pass":
        batch.push(step.pass);
        break;
      case "measure":
        flush();
        clbits[step.clbit] = measureQubit(state, step.qubit, rng);
        break;
      case "reset":
        flush();
        resetQubit(state, step.qubit, rng);
        break;
      case "if":
        flush();
        if (step.step && conditionHolds(clbits, step.clbits, step.value)) apply(step.step);
        break;
      default: {
        const unreachable: never = step;
        throw new Error(`internal: unexpected step ${JSON.stringify(unreachable)}`);
      }
    }
  };
  for (const step of steps) apply(step);
  flush();
  return nPasses;
}
