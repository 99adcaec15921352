// Evaluating, differentiating and printing symbolic angles (AngleExpr) over a flat parameter vector.
// A circuit keeps its angles symbolic; the simulator evaluates them against a parameter vector at run
// time, so rebinding parameters never rebuilds the circuit.
import { ANGLE_FUNCTIONS, ANGLE_OPERATORS } from "./angle-math.js";
import type { AngleExpr, Circuit } from "./ir.js";

/** The value of `expr` with parameter k set to `values[k]`. */
export function evaluateAngle(expr: AngleExpr, values: ArrayLike<number>): number {
  switch (expr.kind) {
    case "const":
      return expr.value;
    case "param": {
      const value = values[expr.index];
      if (value === undefined) {
        throw new RangeError(`angle parameter ${expr.index} must have a value, but only ${values.length} were given`);
      }
      return value;
    }
    case "neg":
      return -evaluateAngle(expr.arg, values);
    case "add":
    case "sub":
    case "mul":
    case "div":
      return ANGLE_OPERATORS[OPERATOR_SYMBOLS[expr.kind]](evaluateAngle(expr.left, values), evaluateAngle(expr.right, values));
    case "call":
      return ANGLE_FUNCTIONS[expr.fn](evaluateAngle(expr.arg, values));
    default:
      return assertNever(expr);
  }
}

/**
 * Adds `scale · ∂expr/∂θ_k` to `gradient[k]` for every parameter k in `expr` (reverse-mode chain rule,
 * so a parameter that appears several times collects every contribution).
 */
export function accumulateAngleGradient(
  expr: AngleExpr,
  values: ArrayLike<number>,
  scale: number,
  gradient: Float64Array,
): void {
  switch (expr.kind) {
    case "const":
      return;
    case "param":
      if (expr.index >= gradient.length) {
        throw new RangeError(`gradient must have an entry for angle parameter ${expr.index}, but has ${gradient.length}`);
      }
      gradient[expr.index] = (gradient[expr.index] as number) + scale;
      return;
    case "neg":
      accumulateAngleGradient(expr.arg, values, -scale, gradient);
      return;
    case "add":
      accumulateAngleGradient(expr.left, values, scale, gradient);
      accumulateAngleGradient(expr.right, values, scale, gradient);
      return;
    case "sub":
      accumulateAngleGradient(expr.left, values, scale, gradient);
      accumulateAngleGradient(expr.right, values, -scale, gradient);
      return;
    case "mul": {
      const left = evaluateAngle(expr.left, values);
      const right = evaluateAngle(expr.right, values);
      accumulateAngleGradient(expr.left, values, scale * right, gradient);
      accumulateAngleGradient(expr.right, values, scale * left, gradient);
      return;
    }
    case "div": {
      const left = evaluateAngle(expr.left, values);
      const right = evaluateAngle(expr.right, values);
      accumulateAngleGradient(expr.left, values, scale / right, gradient);
      accumulateAngleGradient(expr.right, values, (-scale * left) / (right * right), gradient);
      return;
    }
    case "call": {
      const x = evaluateAngle(expr.arg, values);
      let derivative: number;
      switch (expr.fn) {
        case "sin":
          derivative = Math.cos(x);
          break;
        case "cos":
          derivative = -Math.sin(x);
          break;
        case "exp":
          derivative = Math.exp(x);
          break;
        case "log":
          derivative = 1 / x;
          break;
        case "sqrt":
          derivative = 0.5 / Math.sqrt(x);
          break;
        default:
          return assertNever(expr.fn);
      }
      accumulateAngleGradient(expr.arg, values, scale * derivative, gradient);
      return;
    }
    default:
      assertNever(expr);
  }
}

/** Whether `expr` involves any parameter (a constant angle needs no gradient). */
export function angleIsConstant(expr: AngleExpr): boolean {
  switch (expr.kind) {
    case "const":
      return true;
    case "param":
      return false;
    case "neg":
    case "call":
      return angleIsConstant(expr.arg);
    case "add":
    case "sub":
    case "mul":
    case "div":
      return angleIsConstant(expr.left) && angleIsConstant(expr.right);
    default:
      return assertNever(expr);
  }
}

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2 } as const;
const OPERATOR_SYMBOLS = { add: "+", sub: "-", mul: "*", div: "/" } as const;

/** A short human-readable form, e.g. `2*gamma[0]`, `pi/2`, `-theta[1]`. */
export function formatAngle(expr: AngleExpr, parameterNames: readonly string[] = []): string {
  switch (expr.kind) {
    case "const":
      return formatConstant(expr.value);
    case "param":
      return parameterNames[expr.index] ?? `θ${expr.index}`;
    case "neg": {
      const inner = formatAngle(expr.arg, parameterNames);
      return expr.arg.kind === "add" || expr.arg.kind === "sub" ? `-(${inner})` : `-${inner}`;
    }
    case "add":
    case "sub":
    case "mul":
    case "div": {
      const precedence = PRECEDENCE[expr.kind];
      const wrap = (child: AngleExpr, rightSide: boolean): string => {
        const text = formatAngle(child, parameterNames);
        if (child.kind === "add" || child.kind === "sub" || child.kind === "mul" || child.kind === "div") {
          const childPrecedence = PRECEDENCE[child.kind];
          if (childPrecedence < precedence || (rightSide && childPrecedence === precedence && expr.kind !== "add" && expr.kind !== "mul")) {
            return `(${text})`;
          }
        }
        return text;
      };
      const symbol = OPERATOR_SYMBOLS[expr.kind];
      return `${wrap(expr.left, false)}${symbol}${wrap(expr.right, true)}`;
    }
    case "call":
      return `${expr.fn}(${formatAngle(expr.arg, parameterNames)})`;
    default:
      return assertNever(expr);
  }
}

function formatConstant(value: number): string {
  for (const [multiple, text] of [
    [1, "pi"],
    [0.5, "pi/2"],
    [0.25, "pi/4"],
    [-1, "-pi"],
    [-0.5, "-pi/2"],
    [-0.25, "-pi/4"],
    [2, "2*pi"],
  ] as const) {
    if (Math.abs(value - multiple * Math.PI) < 1e-12) return text;
  }
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * A flat parameter vector for `circuit` from either a flat array (in `circuit.parameters` order) or
 * named values: `{ gamma: [0.1, 0.2], beta: [[…]] }` for arrays, `{ "theta[0]": 0.3 }` or scalars.
 */
export function parameterVector(
  circuit: Pick<Circuit, "parameters">,
  values: ArrayLike<number> | Readonly<Record<string, unknown>> = [],
): Float64Array {
  const names = circuit.parameters;
  const vector = new Float64Array(names.length);
  if (isArrayLike(values)) {
    if (values.length !== names.length) {
      throw new RangeError(`parameter values must have ${names.length} entries (one per circuit parameter), got ${values.length}`);
    }
    for (let k = 0; k < names.length; k++) vector[k] = checkFinite(values[k], names[k] ?? String(k));
    return vector;
  }
  const flat = new Map<string, number>();
  for (const [name, value] of Object.entries(values)) flattenInto(name, value, flat);
  for (let k = 0; k < names.length; k++) {
    const name = names[k] as string;
    const value = flat.get(name);
    if (value === undefined) throw new RangeError(`parameter '${name}' must have a value`);
    vector[k] = value;
    flat.delete(name);
  }
  const unknown = [...flat.keys()];
  if (unknown.length > 0) {
    throw new RangeError(`unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `'${n}'`).join(", ")}; the circuit has ${names.join(", ") || "no parameters"}`);
  }
  return vector;
}

function flattenInto(name: string, value: unknown, out: Map<string, number>): void {
  if (typeof value === "number") {
    out.set(name, checkFinite(value, name));
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) flattenInto(`${name}[${i}]`, items[i], out);
  } else {
    throw new TypeError(`parameter '${name}' must be a number or an array of numbers`);
  }
}

function checkFinite(value: number | undefined, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`parameter '${name}' must be a finite number, got ${String(value)}`);
  }
  return value;
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected angle node ${JSON.stringify(value)}`);
}
