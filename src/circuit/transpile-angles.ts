// Small constant-folding constructors for symbolic angles, used by the rewriting passes so that
// translated circuits keep `rz(theta[0] + pi/2)` symbolic yet print `rz(pi/2)` for constants.
import type { AngleExpr } from "./ir.js";

export function constant(value: number): AngleExpr {
  return { kind: "const", value };
}

export function add(left: AngleExpr, right: AngleExpr): AngleExpr {
  if (left.kind === "const" && right.kind === "const") return constant(left.value + right.value);
  if (left.kind === "const" && left.value === 0) return right;
  if (right.kind === "const" && right.value === 0) return left;
  return { kind: "add", left, right };
}

export function addConstant(angle: AngleExpr, value: number): AngleExpr {
  return add(angle, constant(value));
}

/** `factor · angle`. */
export function scale(angle: AngleExpr, factor: number): AngleExpr {
  if (angle.kind === "const") return constant(angle.value * factor);
  if (factor === 1) return angle;
  if (factor === -1) return angle.kind === "neg" ? angle.arg : { kind: "neg", arg: angle };
  return { kind: "mul", left: constant(factor), right: angle };
}

export function isConstant(angle: AngleExpr, value: number, tolerance = 0): boolean {
  return angle.kind === "const" && Math.abs(angle.value - value) <= tolerance;
}

/** Whether the angle is a constant multiple of 2π (within `tolerance`), i.e. rz(angle) ≅ I. */
export function isWholeTurn(angle: AngleExpr, tolerance = 1e-12): boolean {
  if (angle.kind !== "const") return false;
  const turns = angle.value / (2 * Math.PI);
  return Math.abs(turns - Math.round(turns)) * 2 * Math.PI <= tolerance;
}
