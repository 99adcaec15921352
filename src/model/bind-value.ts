// Checks one param's data against its declared type and converts it to a ParamValue: scalars by
// element type, arrays level by level against their evaluated dimensions, tuple lists by arity and
// field type. Errors name the field (`value[3]`, `edges[2][0]`) and point at the declaration.
import type { ParamDecl, ScalarTypeName } from "../lang/ast.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import { describeValue } from "./bind-eval.js";
import * as messages from "./bind-messages.js";
import type { ParamValue } from "./bind-types.js";

/** Diagnostics shown per param before the rest are summarised in a note. */
export const MAX_ERRORS_PER_PARAM = 5;

/** Collects one param's diagnostics, capped at MAX_ERRORS_PER_PARAM. */
export class ParamReport {
  readonly shown: Diagnostic[] = [];
  private nHidden = 0;

  constructor(readonly param: string) {}

  add(diagnostic: Diagnostic): void {
    if (this.shown.length < MAX_ERRORS_PER_PARAM) this.shown.push(diagnostic);
    else this.nHidden++;
  }

  get failed(): boolean {
    return this.shown.length > 0;
  }

  /** The diagnostics to report, the last carrying a note about any hidden ones. */
  diagnostics(): Diagnostic[] {
    if (this.nHidden === 0) return this.shown;
    const last = this.shown[this.shown.length - 1];
    const notes = [...(last.notes ?? []), messages.moreErrorsNote(this.param, this.nHidden)];
    return [...this.shown.slice(0, -1), { ...last, notes }];
  }
}

/**
 * Converts `raw` to the value `decl` declares, or undefined after reporting why it cannot.
 * `dims` holds the evaluated size of each array dimension (undefined where it could not be computed).
 */
export function checkParamValue(decl: ParamDecl, raw: unknown, dims: readonly (number | undefined)[], report: ParamReport): ParamValue | undefined {
  const name = decl.name.name;
  const type = decl.type;
  switch (type.kind) {
    case "scalar-type":
      return checkScalar(raw, type.name, name, decl.name.span, report);
    case "array-type":
      return checkArray(raw, type.element.name, decl, dims, 0, name, report);
    case "tuple-list-type": {
      const list = asList(raw);
      if (list === undefined) {
        report.add(messages.wrongType(name, messages.expectedList("tuple", undefined) + ` (${messages.typeText(type)})`, describeValue(raw), decl.name.span));
        return undefined;
      }
      const out: ParamValue[] = new Array(list.length);
      let ok = true;
      for (let k = 0; k < list.length; k++) {
        const path = `${name}[${k}]`;
        const tuple = asList(list[k]);
        if (tuple === undefined) {
          report.add(messages.wrongType(path, `a tuple (${type.fields.map((f) => f.name).join(", ")})`, describeValue(list[k]), type.span));
          ok = false;
          continue;
        }
        if (tuple.length !== type.fields.length) {
          report.add(messages.tupleArity(path, tuple.length, type.fields.map((f) => f.name), type.span));
          ok = false;
          continue;
        }
        const fields: ParamValue[] = new Array(tuple.length);
        for (let f = 0; f < tuple.length; f++) {
          const item = tuple[f];
          if (isValidScalar(item, type.fields[f].name)) {
            fields[f] = item === 0 ? 0 : (item as number | boolean);
            continue;
          }
          const value = checkScalar(item, type.fields[f].name, `${path}[${f}]`, type.fields[f].span, report);
          if (value === undefined) ok = false;
          else fields[f] = value;
        }
        out[k] = fields;
      }
      return ok ? out : undefined;
    }
  }
}

function checkArray(
  raw: unknown,
  element: ScalarTypeName,
  decl: ParamDecl,
  dims: readonly (number | undefined)[],
  level: number,
  path: string,
  report: ParamReport,
): ParamValue | undefined {
  if (decl.type.kind !== "array-type") throw new Error("internal: checkArray on a non-array param");
  const dimExpr = decl.type.dims[level];
  const size = dims[level];
  const list = asList(raw);
  if (list === undefined) {
    const levelsLeft = decl.type.dims.length - level;
    const expected = levelsLeft === 1 ? messages.expectedList(element, size) : `a list of ${size ?? ""}${size === undefined ? "" : " "}lists`;
    report.add(messages.wrongType(path, `${expected} (${messages.typeText(decl.type)})`, describeValue(raw), level === 0 ? decl.name.span : dimExpr.span));
    return undefined;
  }
  let ok = true;
  if (size !== undefined && list.length !== size) {
    report.add(messages.shapeMismatch(path, list.length, dimExpr, size, dimExpr.span));
    ok = false;
  }
  const last = level === decl.type.dims.length - 1;
  const out: ParamValue[] = new Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const item = list[k];
    // Fast path for well-formed entries: no path string is built unless something is wrong.
    if (last && isValidScalar(item, element)) {
      out[k] = item === 0 ? 0 : (item as number | boolean);
      continue;
    }
    const value = last
      ? checkScalar(item, element, `${path}[${k}]`, decl.type.element.span, report)
      : checkArray(item, element, decl, dims, level + 1, `${path}[${k}]`, report);
    if (value === undefined) ok = false;
    else out[k] = value;
  }
  return ok ? out : undefined;
}

function isValidScalar(raw: unknown, type: ScalarTypeName): boolean {
  if (type === "bool") return typeof raw === "boolean";
  if (typeof raw !== "number") return false;
  return type === "int" ? Number.isSafeInteger(raw) : Number.isFinite(raw);
}

/** A number, boolean or int as `type` says, or undefined after reporting what is wrong. */
export function checkScalar(raw: unknown, type: ScalarTypeName, path: string, span: Span, report: ParamReport): ParamValue | undefined {
  if (type === "bool") {
    if (typeof raw === "boolean") return raw;
    report.add(messages.wrongType(path, messages.expectedScalar(type), describeValue(raw), span));
    return undefined;
  }
  if (typeof raw !== "number") {
    report.add(messages.wrongType(path, messages.expectedScalar(type), describeValue(raw), span));
    return undefined;
  }
  if (!Number.isFinite(raw)) {
    report.add(messages.notFinite(path, raw, span));
    return undefined;
  }
  if (type === "int" && !Number.isSafeInteger(raw)) {
    report.add(messages.notAnInteger(path, raw, span));
    return undefined;
  }
  // −0 and 0 are the same datum; keep results printable as JSON without a sign surprise.
  return raw === 0 ? 0 : raw;
}

/** Arrays and typed arrays (TypeScript callers may pass Float64Array data) as plain lists. */
function asList(raw: unknown): readonly unknown[] | undefined {
  if (Array.isArray(raw)) return raw;
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) return Array.from(raw as unknown as ArrayLike<number>);
  return undefined;
}
