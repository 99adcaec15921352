// Diagnostics are data: every user-facing problem with source text is one of these, never a throw.

/** 1-based line and column, 0-based character offset into the source. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range of source text [start, end). */
export interface Span {
  readonly start: Position;
  readonly end: Position;
  /** The file or cell the span is in, when known. */
  readonly file?: string;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  readonly severity: Severity;
  /** A stable machine-readable code in kebab-case, e.g. `unknown-symbol`; listed in docs/language.md. */
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  /** Extra lines shown under the caret, e.g. "help: did you mean 'x'?". */
  readonly notes?: readonly string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
