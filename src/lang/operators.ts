// Binary operators: which token spells which operator, and how tightly each binds. Shared by both
// AST builders (from the parser's actions and from the CST) so that they group chains alike.
import type * as A from "./ast.js";

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
