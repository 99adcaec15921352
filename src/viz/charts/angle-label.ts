// Short angle labels for circuit diagrams: constants as rational multiples of π where they are
// (π/2, −3π/4), parameters by name, arithmetic with the usual precedence.
import type { AngleExpr } from "../../circuit/ir.js";
import { assertNever } from "./circuit-layout.js";

export function angleLabel(expr: AngleExpr, parameters: readonly string[]): string {
  return format(expr, parameters, 0);
}

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2 } as const;

function format(expr: AngleExpr, parameters: readonly string[], parentPrecedence: number): string {
  switch (expr.kind) {
    case "const":
      return formatConstant(expr.value);
    case "param":
      return greek(parameters[expr.index] ?? `θ${expr.index}`);
    case "neg":
      return `−${format(expr.arg, parameters, 3)}`;
    case "add":
    case "sub":
    case "div":
      return binary(expr, parameters, parentPrecedence);
    case "mul":
      // Constants first, as written on paper: 2·γ rather than γ·2.
      if (expr.right.kind === "const" && expr.left.kind !== "const") {
        return binary({ kind: "mul", left: expr.right, right: expr.left }, parameters, parentPrecedence);
      }
      return binary(expr, parameters, parentPrecedence);
    case "call":
      return `${expr.fn}(${format(expr.arg, parameters, 0)})`;
    default:
      return assertNever(expr);
  }
}

function binary(expr: Extract<AngleExpr, { kind: "add" | "sub" | "mul" | "div" }>, parameters: readonly string[], parentPrecedence: number): string {
  const precedence = PRECEDENCE[expr.kind];
  const symbol = { add: " + ", sub: " − ", mul: "·", div: "/" }[expr.kind];
  const text = `${format(expr.left, parameters, precedence)}${symbol}${format(expr.right, parameters, precedence + 1)}`;
  return precedence < parentPrecedence ? `(${text})` : text;
}

const GREEK: Readonly<Record<string, string>> = { alpha: "α", beta: "β", gamma: "γ", delta: "δ", theta: "θ", phi: "φ", lambda: "λ", omega: "ω" };

/** Spelled-out Greek parameter names as letters: gamma[0] → γ[0]. */
function greek(name: string): string {
  const match = /^([a-z]+)(.*)$/.exec(name);
  const letter = match ? GREEK[match[1]!] : undefined;
  return letter ? letter + match![2] : name;
}

/** π multiples with denominators up to 12, else up to 3 significant digits. */
export function formatConstant(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "−" : "";
  const magnitude = Math.abs(value);
  for (let denominator = 1; denominator <= 12; denominator++) {
    const numerator = Math.round((magnitude / Math.PI) * denominator);
    if (numerator > 0 && numerator <= 48 && Math.abs(magnitude - (numerator * Math.PI) / denominator) < 1e-9) {
      const top = numerator === 1 ? "π" : `${numerator}π`;
      return sign + (denominator === 1 ? top : `${top}/${denominator}`);
    }
  }
  return sign + String(Number(magnitude.toPrecision(3)));
}
