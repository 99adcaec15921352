// Syntax-error wording for the parser: short, in the language's own terms ("expected ')' but found
// newline"), instead of Chevrotain's token-type names.
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

/** What the user was writing when the parser stopped, by grammar rule. */
const RULE_CONTEXT: Readonly<Record<string, string>> = {
  program: "at the top level (expected 'problem', 'circuit' or 'gate')",
  problemDecl: "in a problem (expected param, var, let, minimize, maximize or constraint)",
  circuitBody: "in a circuit (expected qubit, for, measure, reset, barrier or a gate)",
  typeExpr: "in a type (expected int, real, bool, or a tuple list like '(int, int)[]')",
  scalarType: "in a type (expected int, real, bool or angle)",
  varDecl: "in a variable domain (expected binary, spin or int[lo..hi])",
  binder: "in a binder (expected 'i in lo..hi' or '(u, v) in list')",
  constraintDecl: "in a constraint",
  circuitDecl: "in a circuit declaration (expected '(', '{' or '=')",
  separator: "(expected a newline or ';')",
};

function describeRule(ruleName: string): string {
  return RULE_CONTEXT[ruleName] ?? "in an expression";
}

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "end of input";
  if (token.tokenType.name === "Newline") return "newline";
  const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
  return token.tokenType.name === "Identifier" ? `identifier '${image}'` : `'${image}'`;
}

function describeType(type: TokenType): string {
  return type.LABEL ?? type.name;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === EOF) return `unexpected ${describeToken(actual)} ${RULE_CONTEXT["program"]}`;
    return `expected ${describeType(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)} ${RULE_CONTEXT["program"]}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `unexpected ${describeToken(actual[0]!)} ${describeRule(ruleName)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `unexpected ${describeToken(actual[0]!)} ${describeRule(ruleName)}`;
  },
};
