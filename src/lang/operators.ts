// Binary operators: which token spells which operator, how tightly each binds, and how a flat chain
// of them is grouped. Shared by both AST builders (from the parser's actions and from the CST) so
// that they group chains alike.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { joinSpans } from "./span.js";

/** Longest operator chain accepted in one expression; deeper trees would strain later recursion. */
export const MAX_CHAIN = 4000;

export const OPERATOR_OF_TOKEN: Readonly<Record<string, A.BinaryOp>> = {
  Plus: "+", Minus: "-", Star: "*", Slash: "/", Caret: "^", Or: "or", And: "and",
  EqEq: "==", NotEq: "!=", LessEq: "<=", GreaterEq: ">=", Less: "<", Greater: ">",
};

/** Binding strength of each binary operator (the formatter uses the same table). */
export const PRECEDENCE: Readonly<Record<A.BinaryOp, number>> = {
  or: 1, and: 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "^": 8,
};

/** `not` sits at 3: its operand takes every operator tighter than `and`. */
export const PRECEDENCE_ABOVE_NOT = 4;

/** Groups the operators at least as tight as `minPrecedence` after `first` (an operand of the chain). */
export type ExtendOperand<O> = (minPrecedence: number, first: O) => A.Expr;

/**
 * Groups a flat chain `u0 op1 u1 op2 u2 …` by precedence (precedence climbing: each loop takes the
 * operators at least as tight as `minPrecedence`, left-associatively). `operand` turns one operand
 * into an expression; a `not` operand uses `extend` to take the comparisons and arithmetic after it
 * along (`not a == b` is `not (a == b)`), which is why `not` is unfolded here and not in the grammar.
 */
export function groupChain<O>(operands: readonly O[], operators: readonly IToken[], operand: (o: O, extend: ExtendOperand<O>) => A.Expr): A.Expr {
  let next = 0; // index of the next operator to group (operand k follows operator k − 1)
  const climb = (minPrecedence: number, first: O | undefined): A.Expr => {
    let left = operand(first ?? operands[next]!, climb);
    while (next < operators.length) {
      const op = OPERATOR_OF_TOKEN[operators[next]!.tokenType.name]!;
      const precedence = PRECEDENCE[op];
      if (precedence < minPrecedence) break;
      next++;
      const right = climb(precedence + 1, undefined);
      left = { kind: "binary", op, left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  };
  const result = climb(0, undefined);
  if (next !== operators.length) throw new Error("internal: operator chain not fully grouped");
  return result;
}
