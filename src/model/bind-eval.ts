// Evaluates parameter-only expressions (array dimensions, defaults, `where` filters over params) to
// plain values. Binding needs this before grounding exists: `real[n + 1]` must be sized and a default
// `capacity = sum(i in 0..n-1) weight[i] / 2` computed from the data.
//
// The checker has already rejected decision variables here; what can still go wrong depends on the
// data (division by zero, `sqrt` of a negative, an index past the end), and is reported as an
// `EvaluationError` carrying the span of the sub-expression at fault.
import type { Binder, BinaryExpr, CallExpr, Expr, IndexExpr } from "../lang/ast.js";
import { assertNever } from "../lang/ast.js";
import type { Span } from "../lang/diagnostic.js";
import type { ParamValue } from "./bind-types.js";

/** A data-dependent failure while evaluating a parameter expression, located at `span`. */
export class EvaluationError extends Error {
  override readonly name = "EvaluationError";
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** Name → value for everything in scope: bound params, with binder variables layered on top. */
export interface Scope {
  get(name: string): ParamValue | undefined;
}

/** Guards against `sum` ranges that would run for ever on hostile data. */
export const MAX_EVALUATION_STEPS = 10_000_000;

export function evaluate(expr: Expr, scope: Scope): ParamValue {
  return new Evaluator().run(expr, scope);
}

/** Evaluates `expr` and requires a finite number. */
export function evaluateNumber(expr: Expr, scope: Scope): number {
  const value = evaluate(expr, scope);
  if (typeof value !== "number") throw new EvaluationError(`expected a number, got ${describeValue(value)}`, expr.span);
  return value;
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + "…" : value)}`;
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `the bigint ${value}n`;
  if (typeof value === "function" || typeof value === "symbol") return `a ${typeof value}`;
  if (typeof value === "object") return "an object";
  return String(value);
}

class Evaluator {
  private steps = 0;

  run(expr: Expr, scope: Scope): ParamValue {
    if (++this.steps > MAX_EVALUATION_STEPS) {
      throw new EvaluationError(`evaluation takes more than ${MAX_EVALUATION_STEPS} steps`, expr.span);
    }
    switch (expr.kind) {
      case "number":
        return expr.value;
      case "bool":
        return expr.value;
      case "constant":
        return expr.name === "pi" ? Math.PI : Math.E;
      case "name": {
        const value = scope.get(expr.name);
        if (value === undefined) throw new EvaluationError(`'${expr.name}' has no value`, expr.span);
        return value;
      }
      case "index":
        return this.index(expr, scope);
      case "call":
        return this.call(expr, scope);
      case "unary": {
        const operand = this.run(expr.operand, scope);
        if (expr.op === "not") return !this.bool(operand, expr.operand.span);
        return finite(-this.number(operand, expr.operand.span), expr.span);
      }
      case "binary":
        return this.binary(expr, scope);
      case "if":
        return this.bool(this.run(expr.condition, scope), expr.condition.span)
          ? this.run(expr.then, scope)
          : this.run(expr.else, scope);
      case "sum": {
        let total = 0;
        this.each(expr.binders, 0, expr.where, scope, (inner) => {
          total += this.number(this.run(expr.body, inner), expr.body.span);
        });
        return finite(total, expr.span);
      }
      default:
        return assertNever(expr);
    }
  }

  private index(expr: IndexExpr, scope: Scope): ParamValue {
    let value = this.run(expr.target, scope);
    for (const indexExpr of expr.indices) {
      const index = this.number(this.run(indexExpr, scope), indexExpr.span);
      if (!Array.isArray(value)) throw new EvaluationError(`'${expr.target.name}' has fewer dimensions than indices`, indexExpr.span);
      if (!Number.isInteger(index) || index < 0 || index >= value.length) {
        throw new EvaluationError(`index ${index} is outside ${expr.target.name}'s range 0..${value.length - 1}`, indexExpr.span);
      }
      value = (value as readonly ParamValue[])[index];
    }
    return value;
  }

  private call(expr: CallExpr, scope: Scope): ParamValue {
    const args = expr.args.map((arg) => this.number(this.run(arg, scope), arg.span));
    const name = expr.callee.name;
    const unary = (f: (x: number) => number): number => {
      if (args.length !== 1) throw new EvaluationError(`${name} takes 1 argument, got ${args.length}`, expr.span);
      return finite(f(args[0]), expr.span, `${name}(${args[0]})`);
    };
    switch (name) {
      case "abs":
        return unary(Math.abs);
      case "sqrt":
        return unary(Math.sqrt);
      case "exp":
        return unary(Math.exp);
      case "log":
        return unary(Math.log);
      case "sin":
        return unary(Math.sin);
      case "cos":
        return unary(Math.cos);
      case "min":
      case "max":
        if (args.length === 0) throw new EvaluationError(`${name} needs at least one argument`, expr.span);
        return name === "min" ? Math.min(...args) : Math.max(...args);
      default:
        throw new EvaluationError(`unknown function '${name}'`, expr.callee.span);
    }
  }

  private binary(expr: BinaryExpr, scope: Scope): ParamValue {
    if (expr.op === "and" || expr.op === "or") {
      const left = this.bool(this.run(expr.left, scope), expr.left.span);
      if (expr.op === "and" ? !left : left) return left;
      return this.bool(this.run(expr.right, scope), expr.right.span);
    }
    const leftValue = this.run(expr.left, scope);
    const rightValue = this.run(expr.right, scope);
    if ((expr.op === "==" || expr.op === "!=") && typeof leftValue === "boolean" && typeof rightValue === "boolean") {
      return expr.op === "==" ? leftValue === rightValue : leftValue !== rightValue;
    }
    const a = this.number(leftValue, expr.left.span);
    const b = this.number(rightValue, expr.right.span);
    switch (expr.op) {
      case "+":
        return finite(a + b, expr.span);
      case "-":
        return finite(a - b, expr.span);
      case "*":
        return finite(a * b, expr.span);
      case "/":
        if (b === 0) throw new EvaluationError("division by zero", expr.right.span);
        return finite(a / b, expr.span);
      case "^":
        return finite(a ** b, expr.span, `${a} ^ ${b}`);
      case "==":
        return a === b;
      case "!=":
        return a !== b;
      case "<":
        return a < b;
      case "<=":
        return a <= b;
      case ">":
        return a > b;
      case ">=":
        return a >= b;
      default:
        return assertNever(expr.op);
    }
  }

  /** Runs `body` once per binding of `binders[at..]` that passes `where`. */
  private each(binders: readonly Binder[], at: number, where: Expr | undefined, scope: Scope, body: (scope: Scope) => void): void {
    if (at === binders.length) {
      if (where === undefined || this.bool(this.run(where, scope), where.span)) body(scope);
      return;
    }
    const binder = binders[at];
    switch (binder.kind) {
      case "range-binder": {
        const lo = this.number(this.run(binder.lo, scope), binder.lo.span);
        const hi = this.number(this.run(binder.hi, scope), binder.hi.span);
        if (!Number.isInteger(lo) || !Number.isInteger(hi)) {
          throw new EvaluationError(`range bounds must be integers, got ${lo}..${hi}`, binder.span);
        }
        if (hi - lo >= MAX_EVALUATION_STEPS) throw new EvaluationError(`range ${lo}..${hi} is too long to evaluate`, binder.span);
        for (let i = lo; i <= hi; i++) this.each(binders, at + 1, where, extend(scope, [binder.name.name], [i]), body);
        return;
      }
      case "tuple-binder": {
        const list = this.run(binder.source, scope);
        if (!Array.isArray(list)) throw new EvaluationError(`expected a list of tuples, got ${describeValue(list)}`, binder.source.span);
        const names = binder.names.map((n) => n.name);
        for (const tuple of list as readonly ParamValue[]) {
          if (!Array.isArray(tuple) || tuple.length !== names.length) {
            throw new EvaluationError(`expected tuples of ${names.length} fields`, binder.source.span);
          }
          this.each(binders, at + 1, where, extend(scope, names, tuple as readonly ParamValue[]), body);
        }
        return;
      }
      default:
        assertNever(binder);
    }
  }

  private number(value: ParamValue, span: Span): number {
    if (typeof value !== "number") throw new EvaluationError(`expected a number, got ${describeValue(value)}`, span);
    return value;
  }

  private bool(value: ParamValue, span: Span): boolean {
    if (typeof value !== "boolean") throw new EvaluationError(`expected true or false, got ${describeValue(value)}`, span);
    return value;
  }
}

// A binder layer over `scope`: constant cost per iteration, whatever the number of params.
function extend(scope: Scope, names: readonly string[], values: readonly ParamValue[]): Scope {
  return {
    get(name: string): ParamValue | undefined {
      const k = names.lastIndexOf(name);
      return k >= 0 ? values[k] : scope.get(name);
    },
  };
}

function finite(value: number, span: Span, what?: string): number {
  if (!Number.isFinite(value)) {
    throw new EvaluationError(`${what === undefined ? "the result" : what} is ${value}, not a finite number`, span);
  }
  return value;
}
