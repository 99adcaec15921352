// The `qp` tagged template for notebook cells:
//
//   const program = qp`
//     problem knapsack {
//       param n: int = ${values.length}
//       param value: real[n] = ${values}
//       ...
//     }`;
//
// An interpolated value is never spliced into the source text. Each `${…}` is allowed only as the
// whole default of a `param`; it is bound there as a parameter value (returned in `data`, keyed by
// problem then parameter, for the compiler's data binding) and the text holds only an inert
// placeholder name `__qp_N`. Anywhere else an interpolation is an error, as is a value that is not a
// number, boolean or (nested) array of them. Any error throws one `QpTemplateError` listing every
// diagnostic; line numbers are those of the template text, and columns are exact up to the first
// interpolation on a line (after it the text shows `__qp_N` in place of `${…}`).
import * as A from "./ast.js";
import { checkProgram, type CheckResult, sortDiagnostics } from "./check.js";
import type { Diagnostic } from "./diagnostic.js";
import * as M from "./messages.js";
import { parse } from "./parse.js";
import { renderDiagnostics } from "./render.js";

const PLACEHOLDER = /^__qp_(\d+)$/;

/** A value an interpolation may bind: numbers, booleans and (nested) arrays of them. */
export type TemplateValue = number | boolean | readonly TemplateValue[];

export interface QpProgram extends CheckResult {
  /** Interpolated parameter values: `data[problem][param]`. */
  readonly data: Readonly<Record<string, Readonly<Record<string, TemplateValue>>>>;
  /** The checked source, with `__qp_N` where each interpolation was. */
  readonly source: string;
}

export class QpTemplateError extends Error {
  override readonly name = "QpTemplateError";
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly source: string,
  ) {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    super(`qp template has ${errors} error${errors === 1 ? "" : "s"}:\n\n${renderDiagnostics(diagnostics, source, { file: "qp`…`" })}`);
  }
}

export function qp(strings: TemplateStringsArray, ...values: unknown[]): QpProgram {
  if (!Array.isArray(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) {
    throw new TypeError("qp must be used as a tagged template: qp`problem p { ... }`");
  }
  let source = strings[0]!;
  for (let i = 0; i < values.length; i++) source += `__qp_${i}${strings[i + 1]!}`;
  const parsed = parse(source, { file: "qp`…`" });
  const diagnostics = [...parsed.diagnostics];
  const { program, data } = bindInterpolations(parsed.ast, values, diagnostics);
  const symbols = checkProgram(program, diagnostics);
  // A misplaced placeholder is already reported; do not also call it an unknown symbol.
  const sorted = sortDiagnostics(diagnostics.filter((d) => !(d.code === "unknown-symbol" && /'__qp_\d+'/.test(d.message))));
  if (sorted.some((d) => d.severity === "error")) throw new QpTemplateError(sorted, source);
  return { ast: program, diagnostics: sorted, symbols, data, source };
}

/** Moves `param NAME: T = __qp_N` defaults into `data`; reports placeholders anywhere else. */
function bindInterpolations(program: A.Program, values: readonly unknown[], diagnostics: Diagnostic[]) {
  const data: Record<string, Record<string, TemplateValue>> = {};
  const bound = new Set<A.Expr>();
  const items = program.items.map((item) => {
    if (item.kind !== "problem") return item;
    const members = item.members.map((member) => {
      if (member.kind !== "param" || member.default?.kind !== "name") return member;
      const match = PLACEHOLDER.exec(member.default.name);
      if (match === null) return member;
      bound.add(member.default);
      const value = values[Number(match[1])];
      if (isTemplateValue(value)) (data[item.name.name] ??= {})[member.name.name] = value;
      else diagnostics.push(M.invalidInterpolation(describeValue(value), member.default.span));
      const { default: _bound, ...withoutDefault } = member;
      return withoutDefault;
    });
    return { ...item, members };
  });
  forEachName(program, (name) => {
    if (PLACEHOLDER.test(name.name) && !bound.has(name)) diagnostics.push(M.misplacedInterpolation(name.span));
  });
  return { program: { ...program, items }, data };
}

function isTemplateValue(value: unknown): value is TemplateValue {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "boolean") return true;
  return Array.isArray(value) && value.every(isTemplateValue);
}

function describeValue(value: unknown): string {
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return "an array holding something other than finite numbers, booleans and arrays";
  if (value === null || value === undefined) return String(value);
  return `a ${typeof value}`;
}

/** Visits every name expression in the program (placeholders can only appear as names). */
function forEachName(node: unknown, visit: (name: A.NameExpr) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) forEachName(child, visit);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as { kind?: string; span?: unknown };
  if (record.kind === "name") visit(node as A.NameExpr);
  for (const [key, child] of Object.entries(node)) if (key !== "span" && typeof child === "object") forEachName(child, visit);
}
