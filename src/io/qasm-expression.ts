// Evaluating OpenQASM 2.0 parameter expressions to numbers. Every angle in an OpenQASM 2 program is
// a constant once gate parameters are substituted, so imported circuits carry numeric angles.
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
    case "binary": {
      const left = evaluateQasmExpr(expr.left, scope);
      const right = evaluateQasmExpr(expr.right, scope);
      switch (expr.op) {
        case "+":
          return left + right;
        case "-":
          return left - right;
        case "*":
          return left * right;
        case "/":
          return left / right;
        case "^":
          return left ** right;
        default:
          return assertNever(expr.op);
      }
    }
    case "call": {
      const x = evaluateQasmExpr(expr.arg, scope);
      switch (expr.fn) {
        case "sin":
          return Math.sin(x);
        case "cos":
          return Math.cos(x);
        case "tan":
          return Math.tan(x);
        case "exp":
          return Math.exp(x);
        case "ln":
          return Math.log(x);
        case "sqrt":
          return Math.sqrt(x);
        default:
          return assertNever(expr.fn);
      }
    }
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
