// Evaluating OpenQASM 2.0 parameter expressions to numbers. Every angle in an OpenQASM 2 program is
// a constant once gate parameters are substituted, so imported circuits carry numeric angles.
import { ANGLE_FUNCTIONS, ANGLE_OPERATORS } from "../circuit/angle-math.js";
import type { QasmExpr } from "./qasm-ast.js";

/** The value of `expr` with gate parameters from `scope`; undefined names were rejected earlier. */
export function evaluateQasmExpr(expr: QasmExpr, scope: ReadonlyMap<string, number>): number {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "pi":
      return Math.PI;
    case "name": {
      const value = scope.get(expr.name);
      if (value === undefined) throw new Error(`internal: parameter '${expr.name}' was not checked`);
      return value;
    }
    case "neg":
      return -evaluateQasmExpr(expr.arg, scope);
    case "binary":
      return ANGLE_OPERATORS[expr.op](evaluateQasmExpr(expr.left, scope), evaluateQasmExpr(expr.right, scope));
    case "call":
      return ANGLE_FUNCTIONS[expr.fn](evaluateQasmExpr(expr.arg, scope));
    default:
      return assertNever(expr);
  }
}

/** The first name in `expr` that `isKnown` rejects, with its node (for a diagnostic). */
export function findUnknownName(expr: QasmExpr, isKnown: (name: string) => boolean): QasmExpr | undefined {
  switch (expr.kind) {
    case "number":
    case "pi":
      return undefined;
    case "name":
      return isKnown(expr.name) ? undefined : expr;
    case "neg":
    case "call":
      return findUnknownName(expr.arg, isKnown);
    case "binary":
      return findUnknownName(expr.left, isKnown) ?? findUnknownName(expr.right, isKnown);
    default:
      return assertNever(expr);
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected OpenQASM expression ${JSON.stringify(value)}`);
}
