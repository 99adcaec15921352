// Expressions back to source text with the fewest parentheses that keep the same tree.
//
// Precedence (loosest 1 … tightest 9): or 1, and 2, not 3, comparison 4, + - 5, * / 6, unary - 7,
// ^ 8, atoms 9. Two constructs extend to the right and need care: a `sum(…)` body swallows a
// following `*`, `/` or `^`, and an `else` branch swallows everything after it. The printer therefore
// passes down `follow`, the precedence of the operator printed right after the expression (0 when
// nothing follows before a closing bracket or the end of the statement).
import * as A from "./ast.js";

const PRECEDENCE: Readonly<Record<A.BinaryOp, number>> = {
  or: 1, and: 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "^": 8,
};

export const PREC_ADDITIVE = 5;

function precedenceOf(e: A.Expr): number {
  switch (e.kind) {
    case "binary":
      return PRECEDENCE[e.op];
    case "unary":
      return e.op === "not" ? 3 : 7;
    default:
      return 9;
  }
}

export interface ExprStyle {
  /** No spaces around arithmetic operators (inside `[…]` and in range bounds: `x[i+1]`, `0..n-1`). */
  readonly compact: boolean;
}

const SPACED: ExprStyle = { compact: false };
const COMPACT: ExprStyle = { compact: true };

/** Prints `e` so that it re-parses to the same tree where an expression of precedence ≥ `minPrecedence` is expected. */
export function printExpr(e: A.Expr, minPrecedence = 0, follow = 0, style: ExprStyle = SPACED): string {
  const needsParens = precedenceOf(e) < minPrecedence || (e.kind === "sum" && follow >= 6) || (e.kind === "if" && follow > 0);
  if (needsParens) return `(${printBare(e, 0, style)})`;
  return printBare(e, follow, style);
}

export function printCompact(e: A.Expr, minPrecedence = 0): string {
  return printExpr(e, minPrecedence, 0, COMPACT);
}

function printBare(e: A.Expr, follow: number, style: ExprStyle): string {
  switch (e.kind) {
    case "number":
      return e.text;
    case "bool":
      return e.value ? "true" : "false";
    case "constant":
    case "name":
      return e.name;
    case "index":
      return `${e.target.name}${e.indices.map((i) => `[${printCompact(i)}]`).join("")}`;
    case "call":
      return `${e.callee.name}(${e.args.map((a) => printExpr(a)).join(", ")})`;
    case "unary": {
      if (e.op === "not") return `not ${printExpr(e.operand, 3, follow, style)}`;
      const operand = printExpr(e.operand, 7, follow, style);
      return operand.startsWith("-") ? `- ${operand}` : `-${operand}`;
    }
    case "binary":
      return printBinary(e, follow, style);
    case "if":
      return `if ${printExpr(e.condition)} then ${printExpr(e.then)} else ${printExpr(e.else, 0, follow, style)}`;
    case "sum":
      return `sum(${printBinders(e.binders, e.where)}) ${printExpr(e.body, 6, follow, style)}`;
    default:
      return A.assertNever(e);
  }
}

function printBinary(e: A.BinaryExpr, follow: number, style: ExprStyle): string {
  const p = PRECEDENCE[e.op];
  if (e.op === "^") {
    // Right-associative; the exponent may be a unary minus (`2^-1`).
    return `${printExpr(e.left, 9, p, style)}^${printExpr(e.right, 7, follow, style)}`;
  }
  // Walk the left spine of operators of the same precedence iteratively: `a + b - c + …` may be long.
  const spine: A.BinaryExpr[] = [];
  let node: A.Expr = e;
  while (node.kind === "binary" && node.op !== "^" && PRECEDENCE[node.op] === p && (spine.length === 0 || p !== 4)) {
    spine.push(node);
    node = node.left;
  }
  const tight = style.compact && p >= 5;
  let text = printExpr(node, p === 4 ? 5 : p, p, style);
  for (let i = spine.length - 1; i >= 0; i--) {
    const step = spine[i]!;
    const right = printExpr(step.right, p + 1, i === 0 ? follow : p, style);
    text = tight ? `${text}${step.op}${right}` : `${text} ${step.op} ${right}`;
  }
  return text;
}

export function printBinders(binders: readonly A.Binder[], where: A.Expr | undefined): string {
  const parts = binders.map((b) => {
    switch (b.kind) {
      case "range-binder":
        return `${b.name.name} in ${printCompact(b.lo, PREC_ADDITIVE)}..${printCompact(b.hi, PREC_ADDITIVE)}`;
      case "tuple-binder":
        return `(${b.names.map((n) => n.name).join(", ")}) in ${printExpr(b.source, PREC_ADDITIVE)}`;
      default:
        return A.assertNever(b);
    }
  });
  return where === undefined ? parts.join(", ") : `${parts.join(", ")} where ${printExpr(where)}`;
}
