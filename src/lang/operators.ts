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

/** Turns one operand of a chain into an expression (a `not` calls `chain.climb` to extend over what follows). */
export interface ChainOperands<O> {
  operand(operand: O, chain: ChainGrouper<O>): A.Expr;
}

/**
 * Groups a flat chain `u0 op1 u1 op2 u2 …` by precedence (precedence climbing: each loop takes the
 * operators at least as tight as `minPrecedence`, left-associatively). A `not` operand takes the
 * comparisons and arithmetic after it along (`not a == b` is `not (a == b)`), which is why `not` is
 * unfolded here and not in the grammar. (A class rather than a closure made per chain, which some
 * transpilers also name at run time on every call.)
 */
export class ChainGrouper<O> {
  /** Index of the next operator to group (operand k follows operator k − 1). */
  private next = 0;

  constructor(
    private readonly operands: readonly O[],
    private readonly operators: readonly IToken[],
    private readonly convert: ChainOperands<O>,
  ) {}

  group(): A.Expr {
    const result = this.climb(0, undefined);
    if (this.next !== this.operators.length) throw new Error("internal: operator chain not fully grouped");
    return result;
  }

  /** The operators at least as tight as `minPrecedence`, from `first` (else the operand at the current position) on. */
  climb(minPrecedence: number, first: O | undefined): A.Expr {
    let left = this.convert.operand(first ?? this.operands[this.next]!, this);
    while (this.next < this.operators.length) {
      const op = OPERATOR_OF_TOKEN[this.operators[this.next]!.tokenType.name]!;
      const precedence = PRECEDENCE[op];
      if (precedence < minPrecedence) break;
      this.next++;
      const right = this.climb(precedence + 1, undefined);
      left = { kind: "binary", op, left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }
}
