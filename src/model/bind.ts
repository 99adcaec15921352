// Data binding: checks a JSON-like data object against a problem's declared params and produces the
// values grounding reads. It takes an already parsed and checked program, so binding the same model
// to new data never re-parses.
//
//   1. params in declaration order: the data's value if given, else the default, else `missing-param`;
//      array dimensions are evaluated over the params bound before them, then shapes, int-ness,
//      booleans and finiteness are checked field by field
//   2. data keys that name no param: `unknown-param`, with the nearest param name as a suggestion
//   3. tuple-list fields used directly as indices (`x[u]` in `sum((u, v) in edges)`): bounds
//
// Every error is a Diagnostic at the DSL text that needed the data (declaration, dimension, default).
import type { Expr, ParamDecl, ProblemDecl, Program, VarDecl } from "../lang/ast.js";
import type { Diagnostic } from "../lang/diagnostic.js";
import { nearestName } from "../lang/suggest.js";
import { EvaluationError, type Scope, describeValue, evaluate } from "./bind-eval.js";
import { findTupleIndexUses } from "./bind-index-bounds.js";
import * as messages from "./bind-messages.js";
import type { BindResult, ParamValue } from "./bind-types.js";
import { ParamReport, checkParamValue } from "./bind-value.js";

export type { BindResult, ParamValue } from "./bind-types.js";

/**
 * Binds `data` (e.g. parsed JSON) to the params of problem `problemName` in `program`.
 * `problemName` may be omitted when the program declares exactly one problem.
 */
export function bind(program: Program, problemName: string | undefined, data: unknown): BindResult {
  const problem = findProblem(program, problemName);
  return bindProblem(problem, data);
}

/** As `bind`, for a problem declaration already in hand. */
export function bindProblem(problem: ProblemDecl, data: unknown): BindResult {
  const name = problem.name.name;
  const values = new Map<string, ParamValue>();
  const diagnostics: Diagnostic[] = [];
  if (!isPlainObject(data)) {
    diagnostics.push(messages.dataNotObject(name, describeValue(data), problem.name.span));
    return { problem: name, values, diagnostics };
  }
  const params = problem.members.filter((m): m is ParamDecl => m.kind === "param");
  const failed = new Set<string>();
  const arraySizes = new Map<string, readonly (number | undefined)[]>();

  for (const decl of params) {
    const param = decl.name.name;
    const report = new ParamReport(param);
    const dims = decl.type.kind === "array-type" ? evaluateDims(param, decl.type.dims, values, failed, report) : [];
    arraySizes.set(param, dims);
    let value: ParamValue | undefined;
    if (Object.hasOwn(data, param) && data[param] !== undefined) {
      value = checkParamValue(decl, data[param], dims, report);
    } else if (decl.default !== undefined) {
      value = bindDefault(decl, decl.default, values, failed, dims, report);
    } else {
      report.add(messages.missingParam(param, decl.type, decl.name.span));
    }
    diagnostics.push(...report.diagnostics());
    if (value === undefined || report.failed) failed.add(param);
    else values.set(param, value);
  }

  diagnostics.push(...unknownKeys(problem, params, Object.keys(data)));
  diagnostics.push(...checkTupleIndices(problem, values, arraySizes, failed));
  return { problem: name, values, diagnostics };
}

function findProblem(program: Program, problemName: string | undefined): ProblemDecl {
  const problems = program.items.filter((item): item is ProblemDecl => item.kind === "problem");
  const names = problems.map((p) => p.name.name);
  if (problemName === undefined) {
    if (problems.length === 1) return problems[0];
    throw new RangeError(
      problems.length === 0
        ? "the program declares no problem to bind data to"
        : `the program declares ${problems.length} problems (${names.join(", ")}); name the one to bind`,
    );
  }
  const problem = problems.find((p) => p.name.name === problemName);
  if (problem !== undefined) return problem;
  const suggestion = nearestName(problemName, names);
  throw new RangeError(
    `no problem named '${problemName}'${suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`}; the program declares ${names.length === 0 ? "none" : names.join(", ")}`,
  );
}

// Sizes for each array dimension; undefined where a dimension depends on a param that failed (already
// reported) or cannot be computed (reported here).
function evaluateDims(param: string, dims: readonly Expr[], values: Scope, failed: ReadonlySet<string>, report: ParamReport): (number | undefined)[] {
  return dims.map((dim) => {
    if (mentionsAny(dim, failed)) return undefined;
    try {
      const size = evaluate(dim, values);
      if (typeof size !== "number") report.add(messages.badDimension(param, dim, `is ${describeValue(size)}, not a number`, dim.span));
      else if (!Number.isSafeInteger(size) || size < 0) report.add(messages.badDimension(param, dim, `is ${size}`, dim.span));
      else return size;
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      report.add(messages.badDimension(param, dim, `cannot be computed: ${error.message}`, error.span));
    }
    return undefined;
  });
}

function bindDefault(
  decl: ParamDecl,
  expr: Expr,
  values: Scope,
  failed: ReadonlySet<string>,
  dims: readonly (number | undefined)[],
  report: ParamReport,
): ParamValue | undefined {
  const param = decl.name.name;
  const blocking = [...failed].find((name) => mentionsAny(expr, new Set([name])));
  if (blocking !== undefined) {
    // The default depends on a param whose own error is already reported; say why this one is absent.
    report.add(messages.badDefault(param, `depends on '${blocking}', which has no valid value`, expr.span));
    return undefined;
  }
  let raw: ParamValue;
  try {
    raw = evaluate(expr, values);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    report.add(messages.badDefault(param, `cannot be computed: ${error.message}`, error.span));
    return undefined;
  }
  // The default must fit the declared type exactly as data would; reuse the data checks, at the default.
  const inner = new ParamReport(param);
  const value = checkParamValue({ ...decl, name: { ...decl.name, span: expr.span } }, raw, dims, inner);
  for (const d of inner.shown) report.add(messages.badDefault(param, `is invalid: ${d.message}`, expr.span));
  return value;
}

function unknownKeys(problem: ProblemDecl, params: readonly ParamDecl[], keys: readonly string[]): Diagnostic[] {
  const declared = new Set(params.map((p) => p.name.name));
  const others = new Map(
    problem.members.flatMap((m) => (m.kind === "var" || m.kind === "let" ? [[m.name.name, m] as const] : [])),
  );
  const diagnostics: Diagnostic[] = [];
  for (const key of keys) {
    if (declared.has(key)) continue;
    const other = others.get(key);
    if (other !== undefined) {
      // Data for a variable or a let: point at its declaration rather than guess a param.
      const note =
        other.kind === "var"
          ? `note: '${key}' is a decision variable; its values come from solving, not from data`
          : `note: '${key}' is a let; its value is computed, not given`;
      diagnostics.push(messages.unknownParam(key, problem.name.name, undefined, other.name.span, [note]));
      continue;
    }
    const suggestion = nearestName(key, declared);
    const target = params.find((p) => p.name.name === suggestion);
    const notes =
      suggestion !== undefined
        ? []
        : [params.length === 0 ? `note: problem '${problem.name.name}' has no params` : `note: the params are ${[...declared].join(", ")}`];
    diagnostics.push(messages.unknownParam(key, problem.name.name, suggestion, (target?.name ?? problem.name).span, notes));
  }
  return diagnostics;
}

function checkTupleIndices(
  problem: ProblemDecl,
  values: ReadonlyMap<string, ParamValue>,
  arraySizes: ReadonlyMap<string, readonly (number | undefined)[]>,
  failed: ReadonlySet<string>,
): Diagnostic[] {
  const uses = findTupleIndexUses(problem);
  if (uses.length === 0) return [];
  const vars = new Map(problem.members.flatMap((m) => (m.kind === "var" ? [[m.name.name, m] as const] : [])));
  const decls = new Map(problem.members.flatMap((m) => (m.kind === "param" ? [[m.name.name, m] as const] : [])));
  // One report per list, each bad field reported once (at its first use), in data order.
  const found = new Map<string, Map<string, { k: number; field: number; diagnostic: Diagnostic }>>();
  for (const use of uses) {
    const list = values.get(use.list);
    if (list === undefined || !Array.isArray(list)) continue;
    const size = targetSize(use.target, use.dim, vars, arraySizes, values, failed);
    if (size === undefined) continue;
    const decl = decls.get(use.list)!;
    const byField = found.get(use.list) ?? new Map();
    found.set(use.list, byField);
    const dimExpr = vars.get(use.target)?.dims[use.dim] ?? dimOf(decls.get(use.target), use.dim);
    (list as readonly (readonly ParamValue[])[]).forEach((tuple, k) => {
      const index = tuple[use.field];
      if (typeof index !== "number" || (Number.isInteger(index) && index >= 0 && index < size)) return;
      const key = `${k}:${use.field}`;
      if (byField.has(key)) return;
      const path = `${use.list}[${k}][${use.field}]`;
      const usage = messages.exprText(use.usage);
      const diagnostic = messages.indexOutOfRange(path, index, usage, use.target, size, dimExpr, decl.name.span, use.usage.span);
      byField.set(key, { k, field: use.field, diagnostic });
    });
  }
  const reports: ParamReport[] = [];
  for (const [list, byField] of found) {
    const report = new ParamReport(list);
    const sorted = [...byField.values()].sort((a, b) => a.k - b.k || a.field - b.field);
    for (const { diagnostic } of sorted) report.add(diagnostic);
    reports.push(report);
  }
  return reports.flatMap((r) => r.diagnostics());
}

function targetSize(
  target: string,
  dim: number,
  vars: ReadonlyMap<string, VarDecl>,
  arraySizes: ReadonlyMap<string, readonly (number | undefined)[]>,
  values: Scope,
  failed: ReadonlySet<string>,
): number | undefined {
  const varDecl = vars.get(target);
  if (varDecl === undefined) return arraySizes.get(target)?.[dim];
  const dimExpr = varDecl.dims[dim];
  if (dimExpr === undefined || mentionsAny(dimExpr, failed)) return undefined;
  try {
    const size = evaluate(dimExpr, values);
    return typeof size === "number" && Number.isSafeInteger(size) && size >= 0 ? size : undefined;
  } catch (error) {
    // A variable's size that cannot be computed is the grounder's to report, with its own span.
    if (error instanceof EvaluationError) return undefined;
    throw error;
  }
}

function dimOf(decl: ParamDecl | undefined, dim: number): Expr | undefined {
  return decl?.type.kind === "array-type" ? decl.type.dims[dim] : undefined;
}

/** True when `expr` refers by name to any of `names` (binder shadowing ignored: a safe over-estimate). */
function mentionsAny(expr: Expr, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  switch (expr.kind) {
    case "number":
    case "bool":
    case "constant":
      return false;
    case "name":
      return names.has(expr.name);
    case "index":
      return names.has(expr.target.name) || expr.indices.some((i) => mentionsAny(i, names));
    case "call":
      return expr.args.some((a) => mentionsAny(a, names));
    case "unary":
      return mentionsAny(expr.operand, names);
    case "binary":
      return mentionsAny(expr.left, names) || mentionsAny(expr.right, names);
    case "if":
      return mentionsAny(expr.condition, names) || mentionsAny(expr.then, names) || mentionsAny(expr.else, names);
    case "sum":
      return (
        expr.binders.some((b) => (b.kind === "range-binder" ? mentionsAny(b.lo, names) || mentionsAny(b.hi, names) : mentionsAny(b.source, names))) ||
        (expr.where !== undefined && mentionsAny(expr.where, names)) ||
        mentionsAny(expr.body, names)
      );
  }
}

function isPlainObject(data: unknown): data is Readonly<Record<string, unknown>> {
  if (typeof data !== "object" || data === null || Array.isArray(data) || ArrayBuffer.isView(data)) return false;
  const proto = Object.getPrototypeOf(data);
  return proto === Object.prototype || proto === null;
}
