// Evaluating DSL expressions while lowering a circuit: sizes, indices and loop bounds to numbers, and
// gate angles to symbolic AngleExprs over the circuit's flat parameter list. Problems are thrown as
// LoweringError carrying a diagnostic; lower-circuit.ts turns them into the result's diagnostics.
import type * as A from "../lang/ast.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import type { AngleExpr } from "./ir.js";
import { add, constant, scale } from "./transpile-angles.js";

/** What a name means while lowering. */
export type Binding =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "angle"; readonly expr: AngleExpr }
  /** An `angle[d0][d1]…` parameter: element (i, j, …) is parameter `first + i·d1·… + j·…`. */
  | { readonly kind: "angle-array"; readonly first: number; readonly dims: readonly number[] }
  | { readonly kind: "register"; readonly offset: number; readonly size: number; readonly single: boolean };

export class LoweringError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function fail(span: Span, code: string, message: string, notes?: readonly string[]): never {
  throw new LoweringError(notes ? { severity: "error", code, message, span, notes } : { severity: "error", code, message, span });
}

export type Scope = ReadonlyMap<string, Binding>;

/** An int/real/bool expression with no angle parameters, as a number (booleans as 1/0). */
export function evaluateNumber(expr: A.Expr, scope: Scope): number {
  const angle = evaluateAngleExpr(expr, scope);
  if (angle.kind !== "const") fail(expr.span, "lower-not-constant", "this expression must not depend on angle parameters (it sets a size, index or loop bound)");
  return angle.value;
}

/** A whole number (index, size, loop bound). */
export function evaluateInteger(expr: A.Expr, scope: Scope, what: string): number {
  const value = evaluateNumber(expr, scope);
  if (!Number.isSafeInteger(value)) fail(expr.span, "lower-not-integer", `${what} must be a whole number, got ${value}`);
  return value;
}

/** Any numeric expression as a symbolic angle, folding constants. */
export function evaluateAngleExpr(expr: A.Expr, scope: Scope): AngleExpr {
  switch (expr.kind) {
    case "number":
      return constant(expr.value);
    case "bool":
      return constant(expr.value ? 1 : 0);
    case "constant":
      return constant(expr.name === "pi" ? Math.PI : Math.E);
    case "name": {
      const binding = scope.get(expr.name);
      if (binding?.kind === "number") return constant(binding.value);
      if (binding?.kind === "angle") return binding.expr;
      return fail(expr.span, "lower-not-a-number", `'${expr.name}' is not a number here`);
    }
    case "index": {
      const binding = scope.get(expr.target.name);
      if (binding?.kind !== "angle-array") return fail(expr.span, "lower-not-a-number", `'${expr.target.name}' is not an angle array`);
      if (expr.indices.length !== binding.dims.length) {
        fail(expr.span, "lower-index-count", `'${expr.target.name}' has ${binding.dims.length} dimension(s), but ${expr.indices.length} index(es) were given`);
      }
      let flat = 0;
      expr.indices.forEach((indexExpr, k) => {
        const size = binding.dims[k] as number;
        const index = evaluateInteger(indexExpr, scope, "an index");
        if (index < 0 || index >= size) fail(indexExpr.span, "lower-index-range", `index ${index} is out of range for dimension ${k + 1} of '${expr.target.name}' (size ${size})`);
        flat = flat * size + index;
      });
      return { kind: "param", index: binding.first + flat };
    }
    case "unary": {
      const operand = evaluateAngleExpr(expr.operand, scope);
      if (expr.op === "-") return scale(operand, -1);
      return constant(constantOf(operand, expr.operand.span) ? 0 : 1);
    }
    case "binary":
      return binary(expr, scope);
    case "if":
      return evaluateNumber(expr.condition, scope) !== 0 ? evaluateAngleExpr(expr.then, scope) : evaluateAngleExpr(expr.else, scope);
    case "call":
      return call(expr, scope);
    case "sum":
      return fail(expr.span, "lower-unsupported", "sums over binders are not supported in circuits");
    default: {
      const unreachable: never = expr;
      throw new Error(`internal: unexpected expression ${JSON.stringify(unreachable)}`);
    }
  }
}

function binary(expr: A.BinaryExpr, scope: Scope): AngleExpr {
  const left = evaluateAngleExpr(expr.left, scope);
  const right = evaluateAngleExpr(expr.right, scope);
  if (left.kind === "const" && right.kind === "const") return constant(applyConstant(expr.op, left.value, right.value));
  switch (expr.op) {
    case "+":
      return add(left, right);
    case "-":
      return add(left, scale(right, -1));
    case "*":
      if (left.kind === "const") return scale(right, left.value);
      if (right.kind === "const") return scale(left, right.value);
      return { kind: "mul", left, right };
    case "/":
      if (right.kind === "const") return scale(left, 1 / right.value);
      return { kind: "div", left, right };
    case "^": {
      const exponent = right.kind === "const" ? right.value : NaN;
      if (!Number.isInteger(exponent) || exponent < 0 || exponent > 16) {
        return fail(expr.right.span, "lower-unsupported", "a power of an angle parameter needs a constant whole exponent in 0..16");
      }
      let result: AngleExpr = constant(1);
      for (let k = 0; k < exponent; k++) result = k === 0 ? left : { kind: "mul", left: result, right: left };
      return result;
    }
    default:
      return fail(expr.span, "lower-unsupported", `'${expr.op}' cannot be applied to angle parameters`);
  }
}

function applyConstant(op: A.BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "^": return a ** b;
    case "==": return a === b ? 1 : 0;
    case "!=": return a !== b ? 1 : 0;
    case "<": return a < b ? 1 : 0;
    case "<=": return a <= b ? 1 : 0;
    case ">": return a > b ? 1 : 0;
    case ">=": return a >= b ? 1 : 0;
    case "and": return a !== 0 && b !== 0 ? 1 : 0;
    case "or": return a !== 0 || b !== 0 ? 1 : 0;
    default: {
      const unreachable: never = op;
      throw new Error(`internal: unexpected operator ${String(unreachable)}`);
    }
  }
}

const SYMBOLIC_FUNCTIONS = { sin: "sin", cos: "cos", exp: "exp", log: "log", sqrt: "sqrt" } as const;

function call(expr: A.CallExpr, scope: Scope): AngleExpr {
  const name = expr.callee.name;
  const args = expr.args.map((arg) => evaluateAngleExpr(arg, scope));
  const symbolic = (SYMBOLIC_FUNCTIONS as Record<string, "sin" | "cos" | "exp" | "log" | "sqrt" | undefined>)[name];
  const first = args[0];
  if (symbolic && args.length === 1 && first) {
    if (first.kind !== "const") return { kind: "call", fn: symbolic, arg: first };
    return constant(Math[symbolic](first.value));
  }
  const values = args.map((arg, k) => constantOf(arg, expr.args[k]?.span ?? expr.span));
  switch (name) {
    case "abs": return constant(Math.abs(values[0] ?? NaN));
    case "floor": return constant(Math.floor(values[0] ?? NaN));
    case "ceil": return constant(Math.ceil(values[0] ?? NaN));
    case "min": return constant(Math.min(...values));
    case "max": return constant(Math.max(...values));
    default: return fail(expr.callee.span, "lower-unsupported", `function '${name}' is not available in circuits`);
  }
}

function constantOf(angle: AngleExpr, span: Span): number {
  if (angle.kind !== "const") fail(span, "lower-unsupported", "this function needs a constant argument, not an angle parameter");
  return angle.value;
}
