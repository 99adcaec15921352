// VQE on the same diagonal cost: a hardware-efficient circuit run through the simulator's plan
// (checked and fused once, rebound per evaluation), the energy as mean or CVaR over the
// precomputed energies, and gradients by the simulator's adjoint differentiation with the
// observable diag(W) (W = energies for the mean, CVaR's tail weights otherwise).
import { type Circuit } from "../../circuit/ir.js";
import { adjointGradient } from "../../sim/gradient-adjoint.js";
import { stateBytes } from "../../sim/memory-guard.js";
import { compilePlan, type Plan } from "../../sim/plan.js";
import { simulate } from "../../sim/simulate.js";
import { copyState, createState, type StateVector } from "../../sim/statevector.js";
import type { Objective } from "../optimize/objective.js";
import { type Aggregation, cvar, diagonalExpectation, statesByEnergy } from "./aggregate.js";

export class VqeEvaluator implements Objective {
  readonly dimension: number;
  private readonly plan: Plan;
  private readonly state: StateVector;
  private order: Uint32Array | undefined;
  private weights: Float64Array | undefined;

  constructor(
    readonly circuit: Circuit,
    readonly energies: Float64Array,
    readonly aggregation: Aggregation = { kind: "mean" },
  ) {
    if (energies.length !== 2 ** circuit.nQubits) throw new RangeError(`energies for ${circuit.nQubits} qubits must have ${2 ** circuit.nQubits} entries, got ${energies.length}`);
    this.dimension = circuit.parameters.length;
    this.plan = compilePlan(circuit);
    // The adjoint sweep allocates three more states of its own.
    this.state = createState(circuit.nQubits, { extraBytes: 3 * stateBytes(circuit.nQubits) });
  }

  value(theta: Float64Array): number {
    this.forward(theta);
    return this.aggregate(false);
  }

  valueAndGradient(theta: Float64Array, gradient: Float64Array): number {
    if (gradient.length !== this.dimension) throw new RangeError(`gradient must have ${this.dimension} entries, got ${gradient.length}`);
    this.forward(theta);
    const value = this.aggregate(true);
    const values = this.aggregation.kind === "mean" ? this.energies : (this.weights as Float64Array);
    const result = adjointGradient(this.circuit, { kind: "diagonal", values }, theta, { threads: 1 });
    gradient.set(result.gradient);
    return value;
  }

  /** A copy of ψ(θ). */
  stateAt(theta: ArrayLike<number>): StateVector {
    this.forward(theta);
    return copyState(this.state);
  }

  meanEnergy(theta: ArrayLike<number>): number {
    this.forward(theta);
    return diagonalExpectation(this.state.re, this.state.im, this.energies);
  }

  private forward(theta: ArrayLike<number>): void {
    if (theta.length !== this.dimension) throw new RangeError(`VQE angles must have ${this.dimension} entries, got ${theta.length}`);
    for (let k = 0; k < theta.length; k++) if (!Number.isFinite(theta[k])) throw new RangeError(`VQE angle ${k} must be finite, got ${theta[k]}`);
    this.state.re.fill(0);
    this.state.im.fill(0);
    this.state.re[0] = 1;
    simulate(this.plan, { parameters: theta, initialState: this.state, threads: 1 });
  }

  private aggregate(withWeights: boolean): number {
    const { re, im } = this.state;
    const aggregation = this.aggregation;
    switch (aggregation.kind) {
      case "mean":
        return diagonalExpectation(re, im, this.energies);
      case "cvar": {
        this.order ??= statesByEnergy(this.energies);
        const weights = withWeights ? (this.weights ??= new Float64Array(re.length)) : undefined;
        return cvar(re, im, this.energies, this.order, aggregation.alpha, weights);
      }
      default:
        return assertNever(aggregation);
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown aggregation ${JSON.stringify(value)}`);
}
