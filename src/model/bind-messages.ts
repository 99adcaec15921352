// Every diagnostic data binding reports, one small function per code (docs/language.md lists them).
// Each points at the DSL text that needed the data: the param declaration, the dimension that sizes
// it, or its default. `path` names the field inside the data, e.g. `value[3]` or `edges[2][0]`.
import type { Expr, ScalarTypeName, TypeExpr } from "../lang/ast.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";

const error = (code: string, message: string, span: Span, notes?: readonly string[]): Diagnostic =>
  notes === undefined || notes.length === 0 ? { severity: "error", code, message, span } : { severity: "error", code, message, span, notes };

export const dataNotObject = (problem: string, got: string, span: Span) =>
  error("data-not-object", `data for problem '${problem}' must be an object mapping param names to values, got ${got}`, span);

export const missingParam = (name: string, type: TypeExpr, span: Span) =>
  error("missing-param", `no value for param '${name}' in the data`, span, [
    `help: add "${name}": <${typeText(type)}> to the data, or give the param a default`,
  ]);

export const unknownParam = (key: string, problem: string, suggestion: string | undefined, span: Span, notes: readonly string[]) =>
  error(
    "unknown-param",
    `the data gives '${key}', which is not a param of problem '${problem}'${suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`}`,
    span,
    notes,
  );

export const wrongType = (path: string, expected: string, got: string, span: Span) =>
  error("param-type", `${path} must be ${expected}, got ${got}`, span);

export const notAnInteger = (path: string, value: number, span: Span) =>
  Number.isInteger(value)
    ? error("not-an-integer", `${path} = ${value} is too large for an int (the limit is ±${Number.MAX_SAFE_INTEGER})`, span)
    : error("not-an-integer", `${path} must be an int, got ${value}`, span);

export const notFinite = (path: string, value: number, span: Span) =>
  error("not-finite", `${path} must be a finite number, got ${value}`, span);

/** `value has 7 entries but n = 8`: `dim` is the dimension expression as declared. */
export const shapeMismatch = (path: string, length: number, dim: Expr, size: number, span: Span) =>
  error(
    "shape-mismatch",
    dim.kind === "number"
      ? `${path} has ${entries(length)} but must have ${size}`
      : `${path} has ${entries(length)} but ${exprText(dim)} = ${size}`,
    span,
  );

export const badDimension = (param: string, dim: Expr, reason: string, span: Span) =>
  error("bad-dimension", `the size ${exprText(dim)} of '${param}' ${reason}`, span, [
    "note: sizes must be whole numbers ≥ 0",
  ]);

export const tupleArity = (path: string, length: number, fields: readonly ScalarTypeName[], span: Span) =>
  error("tuple-arity", `${path} has ${length} field${length === 1 ? "" : "s"} but (${fields.join(", ")}) tuples have ${fields.length}`, span);

export const badDefault = (param: string, reason: string, span: Span) =>
  error("bad-default", `the default of '${param}' ${reason}`, span);

export const indexOutOfRange = (path: string, value: number, usage: string, target: string, size: number, dim: Expr | undefined, span: Span, usedAt: Span) =>
  error(
    "index-out-of-range",
    `${path} = ${value} is out of range as an index in ${usage}: ${target} has ${size === 0 ? "no entries" : `indices 0..${size - 1}`}` +
      (dim === undefined || dim.kind === "number" ? "" : ` (${exprText(dim)} = ${size})`),
    span,
    [`note: used as an index at line ${usedAt.start.line}, column ${usedAt.start.column}`],
  );

/** Appended to the last shown error when one param has many. */
export const moreErrorsNote = (param: string, nMore: number) =>
  `note: ${nMore} more error${nMore === 1 ? "" : "s"} in the data for '${param}' not shown`;

export function expectedScalar(type: ScalarTypeName): string {
  switch (type) {
    case "int":
      return "an int";
    case "bool":
      return "true or false";
    case "real":
    case "angle":
      return "a number";
  }
}

/** `a list of 8 reals` for an array level of known size. */
export function expectedList(element: ScalarTypeName | "tuple", size: number | undefined): string {
  const noun = element === "tuple" ? "tuples" : element === "bool" ? "bools" : `${element}s`;
  return size === undefined ? `a list of ${noun}` : `a list of ${size} ${noun}`;
}

function entries(n: number): string {
  return `${n} ${n === 1 ? "entry" : "entries"}`;
}

/** The declared type as written (`real[n][m]`, `(int, int, real)[]`), for messages. */
export function typeText(type: TypeExpr): string {
  switch (type.kind) {
    case "scalar-type":
      return type.name;
    case "array-type":
      return type.element.name + type.dims.map((d) => `[${exprText(d)}]`).join("");
    case "tuple-list-type":
      return `(${type.fields.map((f) => f.name).join(", ")})[]`;
  }
}

// Binding strength, loosest first, so that `exprText` adds only the brackets the meaning needs.
const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1, and: 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "*": 5, "/": 5, "^": 7,
};

/** A parameter expression as source text (`n + 1`, `2 * m`), for messages. */
export function exprText(expr: Expr, outer = 0): string {
  switch (expr.kind) {
    case "number":
      return expr.text;
    case "bool":
      return String(expr.value);
    case "constant":
    case "name":
      return expr.name;
    case "index":
      return expr.target.name + expr.indices.map((i) => `[${exprText(i)}]`).join("");
    case "call":
      return `${expr.callee.name}(${expr.args.map((a) => exprText(a)).join(", ")})`;
    case "unary": {
      const text = expr.op === "not" ? `not ${exprText(expr.operand, 6)}` : `-${exprText(expr.operand, 6)}`;
      return outer > 6 ? `(${text})` : text;
    }
    case "binary": {
      const precedence = PRECEDENCE[expr.op] ?? 0;
      const rightAssociative = expr.op === "^";
      const text = `${exprText(expr.left, rightAssociative ? precedence + 1 : precedence)} ${expr.op} ${exprText(expr.right, rightAssociative ? precedence : precedence + 1)}`;
      return precedence < outer ? `(${text})` : text;
    }
    case "if":
      return `(if ${exprText(expr.condition)} then ${exprText(expr.then)} else ${exprText(expr.else)})`;
    case "sum":
      return "sum(…)";
  }
}
