// Small span-free views of expressions: a compact rendering that identifies an expression (used to
// recognise `x[i] * x[i]` and repeated qubit operands) and constant folding of built-in functions.
import * as A from "./ast.js";

/** A compact, span-free rendering of an index expression, used to recognise `x[i] * x[i]`. */
export function printShort(e: A.Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "bool":
      return String(e.value);
    case "constant":
    case "name":
      return e.name;
    case "index":
      return `${e.target.name}[${e.indices.map(printShort).join("][")}]`;
    case "call":
      return `${e.callee.name}(${e.args.map(printShort).join(",")})`;
    case "unary":
      return `(${e.op} ${printShort(e.operand)})`;
    case "binary":
      return `(${printShort(e.left)}${e.op}${printShort(e.right)})`;
    case "if":
      return `(if ${printShort(e.condition)} then ${printShort(e.then)} else ${printShort(e.else)})`;
    case "sum":
      return "sum(…)";
    default:
      return A.assertNever(e);
  }
}

/** The value of a built-in function on constant arguments; undefined when not finite. */
export function applyFunction(fn: A.BuiltinFunction, args: readonly number[]): number | undefined {
  const x = args[0]!;
  const value =
    fn === "abs" ? Math.abs(x) : fn === "sqrt" ? Math.sqrt(x) : fn === "exp" ? Math.exp(x) : fn === "log" ? Math.log(x)
    : fn === "sin" ? Math.sin(x) : fn === "cos" ? Math.cos(x) : fn === "floor" ? Math.floor(x) : fn === "ceil" ? Math.ceil(x)
    : fn === "min" ? Math.min(...args) : Math.max(...args);
  return Number.isFinite(value) ? value : undefined;
}
