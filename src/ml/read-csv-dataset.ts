// CSV text → Dataset, with every data problem a Diagnostic that points at the row and column.
//
// Two layouts are read:
//   - a header row of column names, then one sample per row (the target chosen by name or `last`);
//   - scikit-learn's bundled layout, whose first row is `nSamples,nFeatures,class0,class1,…` and whose
//     last column is the class index: features are named f0…f{n−1}, the target `target`.
// Handling (documented in docs/pipeline-stages.md): empty, `NA` or `NaN` fields are errors (no silent
// imputation); a non-numeric feature is an error; a constant feature column is dropped with a warning;
// a target with a single class is an error. Quoted fields are supported, embedded newlines are not.
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import type { Dataset } from "./dataset.js";

export interface CsvDatasetOptions {
  /** Target column name, or `last` (default). */
  readonly target?: string;
  /** Shown in diagnostics and used as the data set's name. */
  readonly file?: string;
}

export interface CsvDatasetResult {
  readonly dataset: Dataset | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

interface Row {
  readonly line: number;
  readonly offset: number;
  readonly fields: readonly string[];
  /** Column (0-based character index within the line) where each field starts. */
  readonly starts: readonly number[];
}

const MISSING = new Set(["", "na", "nan", "null", "?"]);

export function readCsvDataset(text: string, options: CsvDatasetOptions = {}): CsvDatasetResult {
  if (typeof text !== "string") throw new TypeError("CSV text must be a string");
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, message: string, span: Span, notes?: string[]): CsvDatasetResult => {
    diagnostics.push({ severity: "error", code, message, span, notes });
    return { dataset: undefined, diagnostics };
  };
  const rows = splitRows(text);
  const fileSpan = spanAt(file, 1, 0, 0, 0);
  if (rows.length < 2) return fail("csv-too-short", "CSV needs a header row and at least one data row", fileSpan);

  const header = rows[0];
  const body = rows.slice(1);
  const sklearn = isSklearnHeader(header, body);
  const names = sklearn ? [...Array.from({ length: Number(header.fields[1]) }, (_, j) => `f${j}`), "target"] : header.fields.map((f) => f.trim());
  const width = names.length;
  const targetName = options.target ?? "last";
  const targetColumn = targetName === "last" ? width - 1 : names.indexOf(targetName);
  if (targetColumn < 0) {
    return fail("unknown-target-column", `no column named '${targetName}'`, rowSpan(file, header), [`help: columns are ${names.join(", ")}; use 'last' for the last one`]);
  }
  if (width < 2) return fail("no-features", "CSV needs at least one feature column besides the target", rowSpan(file, header));

  const nSamples = body.length;
  const raw = Array.from({ length: width }, () => new Float64Array(nSamples));
  const labels: string[] = new Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const row = body[i];
    if (row.fields.length !== width) {
      return fail("row-width", `row ${i + 1} has ${row.fields.length} fields, the header has ${width}`, rowSpan(file, row));
    }
    for (let j = 0; j < width; j++) {
      const field = row.fields[j].trim();
      const span = fieldSpan(file, row, j);
      if (MISSING.has(field.toLowerCase())) {
        return fail("missing-value", `missing value in row ${i + 1}, column '${names[j]}'`, span, ["help: remove or impute missing values before selecting features"]);
      }
      if (j === targetColumn) {
        labels[i] = field;
        continue;
      }
      const value = Number(field);
      if (!Number.isFinite(value)) return fail("non-numeric-value", `non-numeric value '${field}' in row ${i + 1}, column '${names[j]}'`, span, ["help: encode categorical features as numbers first"]);
      raw[j][i] = value;
    }
  }

  const classes = classLabels(labels, sklearn ? header.fields.slice(2).map((f) => f.trim()) : undefined);
  if (classes.order.length < 2) {
    return fail("single-class-target", `target column '${names[targetColumn]}' has a single class ('${classes.order[0]}'); a classifier needs two or more`, rowSpan(file, header));
  }
  const featureNames: string[] = [];
  const columns: Float64Array[] = [];
  const dropped: { name: string; reason: string }[] = [];
  for (let j = 0; j < width; j++) {
    if (j === targetColumn) continue;
    if (isConstant(raw[j])) {
      dropped.push({ name: names[j], reason: "constant column" });
      diagnostics.push({ severity: "warning", code: "constant-feature", message: `column '${names[j]}' is constant and was dropped`, span: fieldSpan(file, header, j) });
      continue;
    }
    featureNames.push(names[j]);
    columns.push(raw[j]);
  }
  if (columns.length === 0) return fail("no-features", "every feature column is constant; nothing to select from", rowSpan(file, header));
  const target = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) target[i] = classes.index.get(labels[i]) ?? -1;
  const name = file ?? "data";
  return { dataset: { name, featureNames, columns, target, classes: classes.display, nSamples, dropped }, diagnostics };
}

function splitRows(text: string): Row[] {
  const rows: Row[] = [];
  let offset = 0;
  let line = 0;
  for (const rawLine of text.split("\n")) {
    line++;
    const content = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (content.trim() !== "") rows.push({ line, offset, ...splitFields(content) });
    offset += rawLine.length + 1;
  }
  return rows;
}

function splitFields(content: string): { fields: string[]; starts: number[] } {
  const fields: string[] = [];
  const starts: number[] = [];
  let i = 0;
  while (i <= content.length) {
    starts.push(i);
    if (content[i] === '"') {
      let value = "";
      i++;
      while (i < content.length) {
        if (content[i] === '"' && content[i + 1] === '"') { value += '"'; i += 2; continue; }
        if (content[i] === '"') { i++; break; }
        value += content[i++];
      }
      fields.push(value);
      while (i < content.length && content[i] !== ",") i++;
    } else {
      const end = content.indexOf(",", i);
      const stop = end < 0 ? content.length : end;
      fields.push(content.slice(i, stop));
      i = stop;
    }
    i++; // past the comma (or past the end)
  }
  return { fields, starts };
}

/** scikit-learn's layout: `nSamples,nFeatures,labels…` with counts that match the body. */
function isSklearnHeader(header: Row, body: readonly Row[]): boolean {
  const [a, b] = header.fields;
  if (!/^\d+$/.test(a?.trim() ?? "") || !/^\d+$/.test(b?.trim() ?? "")) return false;
  return Number(a) === body.length && body.length > 0 && body[0].fields.length === Number(b) + 1;
}

/** Class order: numeric labels numerically, others as first seen; sklearn's names displayed when given. */
function classLabels(labels: readonly string[], names: readonly string[] | undefined): { order: string[]; index: Map<string, number>; display: string[] } {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => Number.isFinite(Number(l)));
  const order = numeric ? distinct.sort((p, q) => Number(p) - Number(q)) : distinct;
  const index = new Map(order.map((l, k) => [l, k]));
  const display = order.map((l) => (names !== undefined && /^\d+$/.test(l) && names[Number(l)] !== undefined ? names[Number(l)] : l));
  return { order, index, display };
}

function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}

function spanAt(file: string | undefined, line: number, lineOffset: number, column: number, length: number): Span {
  const start = { line, column: column + 1, offset: lineOffset + column };
  return { start, end: { line, column: column + 1 + length, offset: lineOffset + column + length }, file };
}

function rowSpan(file: string | undefined, row: Row): Span {
  const last = row.fields.length - 1;
  return spanAt(file, row.line, row.offset, 0, row.starts[last] + row.fields[last].length);
}

function fieldSpan(file: string | undefined, row: Row, j: number): Span {
  return spanAt(file, row.line, row.offset, row.starts[j], Math.max(1, row.fields[j].length));
}
