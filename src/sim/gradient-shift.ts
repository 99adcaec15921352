// Parameter-shift gradients, the cross-check for adjoint differentiation: ∂E/∂a for each gate angle
// a from expectation values at shifted angles, then the chain rule into the parameters.
//
// Rotations whose generator has eigenvalues ±½ (rx, ry, rz, rxx, ryy, rzz, u's angles, p, cp, cu's
// γ) give E(a) a single frequency: ∂E/∂a = [E(a + π/2) − E(a − π/2)]/2. Controlled rotations (crx,
// cry, crz, cu's θ/φ/λ) have eigenvalues {0, ±½}, so E has frequencies ½ and 1, and the four-term
// rule holds: ∂E/∂a = c₊[E(a + π/2) − E(a − π/2)] − c₋[E(a + 3π/2) − E(a − 3π/2)],
// c± = (√2 ± 1)/(4√2) (Anselmetti et al., arXiv:2107.12390).
import { accumulateAngleGradient, angleIsConstant, parameterVector } from "../circuit/angles.js";
import type { AngleExpr, Circuit, GateName, Op } from "../circuit/ir.js";
import type { ThreadOption } from "./execute.js";
import { expectation, type Observable } from "./observable.js";
import type { GradientResult } from "./gradient-adjoint.js";
import type { ParameterValues } from "./simulate.js";
import { simulate } from "./simulate.js";

function isControlledRotation(name: GateName, index: number): boolean {
  return name === "crx" || name === "cry" || name === "crz" || (name === "cu" && index < 3);
}

const C_PLUS = (Math.SQRT2 + 1) / (4 * Math.SQRT2);
const C_MINUS = (Math.SQRT2 - 1) / (4 * Math.SQRT2);

/** E(θ) and ∇E by parameter shifts (2 or 4 simulations per parameterised gate angle). */
export function parameterShiftGradient(
  circuit: Circuit,
  observable: Observable,
  parameters: ParameterValues = [],
  options: { readonly threads?: ThreadOption } = {},
): GradientResult {
  const values = parameterVector(circuit, parameters);
  const evaluate = (ops: readonly Op[]): number => {
    const { state } = simulate({ ...circuit, ops }, { parameters: values, threads: options.threads ?? 1 });
    return expectation(state, observable);
  };
  const value = evaluate(circuit.ops);
  const gradient = new Float64Array(circuit.parameters.length);
  circuit.ops.forEach((op, opIndex) => {
    if (op.kind === "if" && op.op.kind === "gate" && !op.op.angles.every(angleIsConstant)) {
      throw new RangeError(`parameter shift does not differentiate a classically conditioned gate (op ${opIndex}, ${op.op.name}): its angle depends on parameters`);
    }
    if (op.kind !== "gate") return;
    op.angles.forEach((expr, angleIndex) => {
      if (angleIsConstant(expr)) return;
      const shifted = (shift: number): number => {
        const angles: AngleExpr[] = op.angles.map((a, j) => (j === angleIndex ? { kind: "add", left: a, right: { kind: "const", value: shift } } : a));
        const ops = circuit.ops.map((o, k) => (k === opIndex ? { ...op, angles } : o));
        return evaluate(ops);
      };
      let derivative = (shifted(Math.PI / 2) - shifted(-Math.PI / 2)) / 2;
      if (isControlledRotation(op.name, angleIndex)) {
        derivative = C_PLUS * (shifted(Math.PI / 2) - shifted(-Math.PI / 2)) - C_MINUS * (shifted((3 * Math.PI) / 2) - shifted((-3 * Math.PI) / 2));
      }
      accumulateAngleGradient(expr, values, derivative, gradient);
    });
  });
  return { value, gradient };
}
