// Diagnostics as text for people and as JSON for tools.
//
//   error[unknown-symbol]: unknown symbol 'y' (did you mean 'x'?)
//    --> knapsack.qp:3:34
//     |
//   3 | minimize sum(i in 0..n-1) w[i] * y[i]
//     |                                  ^
//     = help: …
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  /** Shown when a span has no file. */
  readonly file?: string;
}

/** Longest source excerpt shown; longer lines are cut to a window around the span. */
const MAX_EXCERPT = 160;

export function renderDiagnostic(diagnostic: Diagnostic, source: string, options: RenderOptions = {}): string {
  const { span } = diagnostic;
  const file = span.file ?? options.file ?? "<input>";
  const lineNumber = String(span.start.line);
  const gutter = " ".repeat(lineNumber.length);
  const out = [
    `${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.message}`,
    `${gutter}--> ${file}:${span.start.line}:${span.start.column}`,
  ];
  const line = sourceLine(source, span.start.offset - (span.start.column - 1));
  if (line !== undefined) {
    const startColumn = span.start.column - 1;
    const endColumn = span.end.line === span.start.line ? Math.max(span.end.column - 1, startColumn + 1) : Math.max(line.length, startColumn + 1);
    const [excerpt, from] = window(line, startColumn, endColumn);
    const pad = [...excerpt.slice(0, startColumn - from)].map((c) => (c === "\t" ? "\t" : " ")).join("");
    const carets = "^".repeat(Math.max(1, Math.min(endColumn, from + excerpt.length + 1) - startColumn));
    out.push(`${gutter} |`, `${lineNumber} | ${excerpt}`, `${gutter} | ${pad}${carets}`);
  }
  for (const note of diagnostic.notes ?? []) out.push(`${gutter} = ${note}`);
  return out.join("\n");
}

/** Every diagnostic, separated by blank lines, then a one-line summary. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], source: string, options: RenderOptions = {}): string {
  if (diagnostics.length === 0) return "";
  const parts = diagnostics.map((d) => renderDiagnostic(d, source, options));
  return `${parts.join("\n\n")}\n\n${summarize(diagnostics)}\n`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** The JSON form: plain records with 1-based line/column of both ends. */
export interface DiagnosticRecord {
  readonly severity: Diagnostic["severity"];
  readonly code: string;
  readonly message: string;
  readonly file: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly endOffset: number;
  readonly notes: readonly string[];
}

export function diagnosticToJson(diagnostic: Diagnostic, file?: string): DiagnosticRecord {
  const { span } = diagnostic;
  return {
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    file: span.file ?? file ?? null,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    offset: span.start.offset,
    endOffset: span.end.offset,
    notes: diagnostic.notes ?? [],
  };
}

function sourceLine(source: string, lineStart: number): string | undefined {
  if (lineStart < 0 || lineStart > source.length) return undefined;
  const end = source.indexOf("\n", lineStart);
  return source.slice(lineStart, end === -1 ? source.length : end).replace(/\r$/, "");
}

/** A slice of a long line around [start, end), and the column it starts at. */
function window(line: string, start: number, end: number): [string, number] {
  if (line.length <= MAX_EXCERPT) return [line, 0];
  const from = Math.max(0, Math.min(start - 40, end - MAX_EXCERPT + 40));
  const to = Math.min(line.length, from + MAX_EXCERPT);
  return [line.slice(from, to), from];
}
