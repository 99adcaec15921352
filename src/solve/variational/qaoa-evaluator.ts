// The QAOA fast path: the layout's ansatz run on direct statevector kernels, with the energies of
// all 2ⁿ basis states computed once per problem. A layer costs one diagonal pass for the cost (a
// table lookup per amplitude when the energies take few distinct values) plus one pass per pair of
// X-mixed qubits and one per xy edge; the objective (mean or CVaR) and its gradient by adjoint differentiation
// (Jones & Gacon 2020): one forward sweep, then one backward sweep that undoes each exponential
// e^{−iθG} on φ and λ = W·ψ and collects ∂F/∂θ = 2 Im⟨λ|G|φ⟩ just before undoing it.
import { betaIndex, gammaIndex, type QaoaLayout } from "../../compile/ansatz/qaoa-layout.js";
import { applyCostLayer, type DiagonalCost, prepareDiagonalCost } from "../../sim/cost-layer.js";
import type { ThreadOption } from "../../sim/execute.js";
import { stateBytes } from "../../sim/memory-guard.js";
import { copyState, createState, type StateVector } from "../../sim/statevector.js";
import type { Objective } from "../optimize/objective.js";
import { type Aggregation, cvar, diagonalExpectation, statesByEnergy } from "./aggregate.js";
import { applyPhases, applyXRotation, applyXRotationPair, applyXyRotation, imOverlapDiagonal, imOverlapX, imOverlapXy } from "./mixer-kernels.js";

export interface QaoaEvaluatorOptions {
  readonly aggregation?: Aggregation;
  /** Threads for the cost layer (default 1: the loop's other kernels are single-threaded). */
  readonly threads?: ThreadOption;
  /** The energies prepared for cost layers, when shared between evaluators of one problem. */
  readonly cost?: DiagonalCost;
}

export class QaoaEvaluator implements Objective {
  readonly dimension: number;
  readonly aggregation: Aggregation;
  private readonly cost: DiagonalCost;
  private readonly phi: StateVector;
  private lambda: StateVector | undefined;
  private weights: Float64Array | undefined;
  private order: Uint32Array | undefined;
  private phases: Float64Array | undefined;
  private readonly threads: ThreadOption;
  private readonly groupedMask: number;
  private readonly oneMask: number;

  constructor(
    readonly layout: QaoaLayout,
    readonly energies: Float64Array,
    options: QaoaEvaluatorOptions = {},
  ) {
    if (energies.length !== 2 ** layout.nQubits) throw new RangeError(`energies for ${layout.nQubits} qubits must have ${2 ** layout.nQubits} entries, got ${energies.length}`);
    this.dimension = layout.nParameters;
    this.aggregation = options.aggregation ?? { kind: "mean" };
    this.threads = options.threads ?? 1;
    if (options.cost !== undefined && options.cost.energies !== energies) throw new RangeError("a shared cost must be prepared from the same energies");
    this.cost = options.cost ?? prepareDiagonalCost(energies);
    // φ, plus λ and the weight / phase buffers the gradient and CVaR may need.
    this.phi = createState(layout.nQubits, { extraBytes: 2 * stateBytes(layout.nQubits) });
    let grouped = 0;
    for (const g of layout.generators) if (g.kind === "xy") grouped |= 2 ** g.a + 2 ** g.b;
    for (const q of layout.oneQubits) grouped |= 2 ** q;
    let ones = 0;
    for (const q of layout.oneQubits) ones |= 2 ** q;
    this.groupedMask = grouped;
    this.oneMask = ones;
  }

  /** F(θ): the aggregated energy of ψ(θ). */
  value(theta: Float64Array): number {
    this.forward(theta);
    return this.aggregate(false);
  }

  /** F(θ) and ∇F(θ) into `gradient`. */
  valueAndGradient(theta: Float64Array, gradient: Float64Array): number {
    if (gradient.length !== this.dimension) throw new RangeError(`gradient must have ${this.dimension} entries, got ${gradient.length}`);
    this.forward(theta);
    const value = this.aggregate(true);
    const weights = this.aggregation.kind === "mean" ? this.energies : (this.weights as Float64Array);
    const lambda = (this.lambda ??= createState(this.layout.nQubits));
    const { re: pr, im: pi } = this.phi;
    const { re: lr, im: li } = lambda;
    for (let z = 0; z < pr.length; z++) {
      lr[z] = (weights[z] as number) * (pr[z] as number);
      li[z] = (weights[z] as number) * (pi[z] as number);
    }
    gradient.fill(0);
    const { layout } = this;
    for (let l = layout.p - 1; l >= 0; l--) {
      // X rotations act on qubits no xy edge touches, so they commute with every other generator of
      // the layer: their overlaps can be taken first and the rotations undone in fused pairs.
      for (let g = 0; g < layout.generators.length; g++) {
        const generator = layout.generators[g]!;
        if (generator.kind !== "x") continue;
        const index = betaIndex(layout, l, g);
        gradient[index] = (gradient[index] as number) + 2 * imOverlapX(lr, li, pr, pi, generator.qubit);
      }
      this.applyXGenerators(pr, pi, theta, l, -1);
      this.applyXGenerators(lr, li, theta, l, -1);
      for (let g = layout.generators.length - 1; g >= 0; g--) {
        const generator = layout.generators[g]!;
        if (generator.kind !== "xy") continue;
        const index = betaIndex(layout, l, g);
        const angle = theta[index] as number;
        gradient[index] = (gradient[index] as number) + 2 * imOverlapXy(lr, li, pr, pi, generator.a, generator.b);
        applyXyRotation(pr, pi, generator.a, generator.b, -angle);
        applyXyRotation(lr, li, generator.a, generator.b, -angle);
      }
      if (layout.multiAngle) {
        this.termGradient(lr, li, pr, pi, gradient, gammaIndex(layout, l, 0));
        const phases = this.termPhases(theta, l);
        applyPhases(pr, pi, phases, -1);
        applyPhases(lr, li, phases, -1);
      } else {
        const gamma = theta[gammaIndex(layout, l)] as number;
        gradient[gammaIndex(layout, l)] = 2 * imOverlapDiagonal(lr, li, pr, pi, this.energies);
        applyCostLayer(this.phi, this.cost, -gamma, this.threads);
        applyCostLayer(lambda, this.cost, -gamma, this.threads);
      }
    }
    return value;
  }

  /** A copy of ψ(θ) (for sampling and inspection). */
  state(theta: ArrayLike<number>): StateVector {
    this.forward(theta);
    return copyState(this.phi);
  }

  /** ⟨C⟩ of ψ(θ), whatever the aggregation. */
  meanEnergy(theta: ArrayLike<number>): number {
    this.forward(theta);
    return diagonalExpectation(this.phi.re, this.phi.im, this.energies);
  }

  private forward(theta: ArrayLike<number>): void {
    const { layout } = this;
    if (theta.length !== layout.nParameters) throw new RangeError(`QAOA angles must have ${layout.nParameters} entries, got ${theta.length}`);
    for (let k = 0; k < theta.length; k++) if (!Number.isFinite(theta[k])) throw new RangeError(`QAOA angle ${k} must be finite, got ${theta[k]}`);
    const { re, im } = this.phi;
    const amplitude = 1 / Math.sqrt(2 ** layout.plusQubits.length);
    for (let z = 0; z < re.length; z++) {
      re[z] = (z & this.groupedMask) === this.oneMask ? amplitude : 0;
      im[z] = 0;
    }
    for (let l = 0; l < layout.p; l++) {
      if (layout.multiAngle) applyPhases(re, im, this.termPhases(theta, l), 1);
      else applyCostLayer(this.phi, this.cost, theta[gammaIndex(layout, l)] as number, this.threads);
      this.applyXGenerators(re, im, theta, l, 1);
      layout.generators.forEach((generator, g) => {
        if (generator.kind === "xy") applyXyRotation(re, im, generator.a, generator.b, theta[betaIndex(layout, l, g)] as number);
      });
    }
  }

  /** The layer's X rotations (sign −1 undoes them), two qubits per pass. */
  private applyXGenerators(re: Float64Array, im: Float64Array, theta: ArrayLike<number>, layer: number, sign: 1 | -1): void {
    const { generators } = this.layout;
    let pending = -1;
    for (let g = 0; g < generators.length; g++) {
      const generator = generators[g]!;
      if (generator.kind !== "x") continue;
      if (pending < 0) {
        pending = g;
        continue;
      }
      const first = generators[pending] as { readonly qubit: number };
      applyXRotationPair(re, im, first.qubit, generator.qubit, sign * (theta[betaIndex(this.layout, layer, pending)] as number), sign * (theta[betaIndex(this.layout, layer, g)] as number));
      pending = -1;
    }
    if (pending >= 0) {
      const last = generators[pending] as { readonly qubit: number };
      applyXRotation(re, im, last.qubit, sign * (theta[betaIndex(this.layout, layer, pending)] as number));
    }
  }

  private aggregate(withWeights: boolean): number {
    const { re, im } = this.phi;
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

  /** Multi-angle cost phases of layer l: Σ_t γ_t c_t T_t(z), T = Z_i or Z_iZ_j (no constant). */
  private termPhases(theta: ArrayLike<number>, layer: number): Float64Array {
    const { layout } = this;
    const phases = (this.phases ??= new Float64Array(this.phi.re.length));
    const base = gammaIndex(layout, layer, 0);
    const nFields = layout.fieldQubits.length;
    for (let z = 0; z < phases.length; z++) {
      let sum = 0;
      for (let t = 0; t < nFields; t++) {
        const s = ((z >> (layout.fieldQubits[t] as number)) & 1) === 0 ? 1 : -1;
        sum += (theta[base + t] as number) * (layout.fieldWeights[t] as number) * s;
      }
      for (let k = 0; k < layout.couplingWeights.length; k++) {
        const s = (((z >> (layout.couplingA[k] as number)) ^ (z >> (layout.couplingB[k] as number))) & 1) === 0 ? 1 : -1;
        sum += (theta[base + nFields + k] as number) * (layout.couplingWeights[k] as number) * s;
      }
      phases[z] = sum;
    }
    return phases;
  }

  /** ∂F/∂γ_t = 2 c_t Im⟨λ|T_t|φ⟩ for every cost term of one layer. */
  private termGradient(lr: Float64Array, li: Float64Array, pr: Float64Array, pi: Float64Array, gradient: Float64Array, base: number): void {
    const { layout } = this;
    const nFields = layout.fieldQubits.length;
    for (let z = 0; z < lr.length; z++) {
      const w = 2 * ((lr[z] as number) * (pi[z] as number) - (li[z] as number) * (pr[z] as number));
      if (w === 0) continue;
      for (let t = 0; t < nFields; t++) {
        const s = ((z >> (layout.fieldQubits[t] as number)) & 1) === 0 ? 1 : -1;
        gradient[base + t] = (gradient[base + t] as number) + w * s * (layout.fieldWeights[t] as number);
      }
      for (let k = 0; k < layout.couplingWeights.length; k++) {
        const s = (((z >> (layout.couplingA[k] as number)) ^ (z >> (layout.couplingB[k] as number))) & 1) === 0 ? 1 : -1;
        gradient[base + nFields + k] = (gradient[base + nFields + k] as number) + w * s * (layout.couplingWeights[k] as number);
      }
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown aggregation ${JSON.stringify(value)}`);
}
