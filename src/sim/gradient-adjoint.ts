// Adjoint differentiation of E(θ) = ⟨ψ(θ)|H|ψ(θ)⟩ for every angle parameter in one forward and one
// backward sweep (Jones & Gacon, arXiv:2009.02823):
//
//   φ ← U_L⋯U_1|0⟩,  λ ← Hφ
//   for l = L … 1:  φ ← U_l†φ;  ∂E/∂a_l = 2 Re⟨λ| ∂U_l/∂a_l |φ⟩;  λ ← U_l†λ
//
// Each gate angle a_l is an AngleExpr over the parameters, so ∂E/∂θ_k = Σ_l ∂E/∂a_l · ∂a_l/∂θ_k
// (chain rule, summed over every gate that uses θ_k). ∂U/∂a is exact: every IR gate's entries are
// trigonometric in a with a single frequency ω (½ for rotations, 1 for phases), so
// ∂U/∂a = ω·[U(a + π/2ω) − U(a − π/2ω)]/2 entrywise. Needs three state buffers (φ, λ, scratch).
import { accumulateAngleGradient, angleIsConstant, parameterVector } from "../circuit/angles.js";
import type { Circuit, GateName } from "../circuit/ir.js";
import { executePasses, resolveThreads, type ThreadOption } from "./execute.js";
import { adjointMatrix, gateMatrix, type ComplexMatrix } from "./gate-matrix.js";
import { matrixPass } from "./gate-pass.js";
import { stateBytes } from "./memory-guard.js";
import { applyObservable, expectation, type Observable } from "./observable.js";
import { evaluateGateAngles, validateCircuit } from "./plan.js";
import type { ParameterValues } from "./simulate.js";
import { simulate } from "./simulate.js";
import { createState, innerProduct } from "./statevector.js";
import type { GateOp } from "./fusion.js";

export interface GradientResult {
  /** E(θ) = ⟨ψ(θ)|H|ψ(θ)⟩. */
  readonly value: number;
  /** ∂E/∂θ_k in `circuit.parameters` order. */
  readonly gradient: Float64Array;
}

export interface GradientOptions {
  readonly threads?: ThreadOption;
}

/** The frequency ω of angle `index` of gate `name` (entries ∝ cos/sin(ω a) or e^{iωa}). */
export function angleFrequency(name: GateName, index: number): number {
  switch (name) {
    case "p":
    case "cp":
      return 1;
    case "u":
    case "cu":
      // θ enters as cos/sin(θ/2); φ, λ (and cu's γ) as e^{i·angle}.
      return index === 0 ? 0.5 : 1;
    default:
      return 0.5;
  }
}

/** ∂U/∂a for angle `index` of a gate, exact by the single-frequency identity above. */
export function gateMatrixDerivative(name: GateName, angles: readonly number[], index: number): ComplexMatrix {
  const omega = angleFrequency(name, index);
  const shift = Math.PI / (2 * omega);
  const plus = [...angles];
  const minus = [...angles];
  plus[index] = (plus[index] as number) + shift;
  minus[index] = (minus[index] as number) - shift;
  const up = gateMatrix(name, plus);
  const down = gateMatrix(name, minus);
  const data = new Float64Array(up.data.length);
  for (let e = 0; e < data.length; e++) data[e] = (omega * ((up.data[e] as number) - (down.data[e] as number))) / 2;
  return { dim: up.dim, data };
}

/** E(θ) and ∇E by adjoint differentiation. The circuit must have no measure, reset or condition. */
export function adjointGradient(
  circuit: Circuit,
  observable: Observable,
  parameters: ParameterValues = [],
  options: GradientOptions = {},
): GradientResult {
  validateCircuit(circuit);
  const gates = circuit.ops.filter((op): op is GateOp => {
    if (op.kind === "measure" || op.kind === "reset" || op.kind === "if") {
      throw new RangeError(`adjoint differentiation needs a unitary circuit, but '${circuit.name}' has ${op.kind === "if" ? "classically conditioned" : op.kind} ops`);
    }
    return op.kind === "gate";
  });
  const values = parameterVector(circuit, parameters);
  const threads = resolveThreads(options.threads, circuit.nQubits);
  // The forward state is created by simulate(); λ and the scratch state are checked here too.
  const phi = createState(circuit.nQubits, { extraBytes: 2 * stateBytes(circuit.nQubits) });
  simulate(circuit, { parameters: values, initialState: phi, threads, maxFusedQubits: 2 });
  const lambda = createState(circuit.nQubits);
  applyObservable(phi, observable, lambda);
  const value = expectation(phi, observable);
  const mu = createState(circuit.nQubits);
  const gradient = new Float64Array(circuit.parameters.length);
  for (let l = gates.length - 1; l >= 0; l--) {
    const op = gates[l] as GateOp;
    const angles = evaluateGateAngles(op, values);
    const inverse = matrixPass(adjointMatrix(gateMatrix(op.name, angles)), op.qubits);
    executePasses(phi, [inverse], threads);
    for (let a = 0; a < op.angles.length; a++) {
      const expr = op.angles[a];
      if (expr === undefined || angleIsConstant(expr)) continue;
      mu.re.set(phi.re);
      mu.im.set(phi.im);
      executePasses(mu, [matrixPass(gateMatrixDerivative(op.name, angles, a), op.qubits)], threads);
      const [overlap] = innerProduct(lambda, mu);
      accumulateAngleGradient(expr, values, 2 * overlap, gradient);
    }
    executePasses(lambda, [inverse], threads);
  }
  return { value, gradient };
}
