// Malformed problem files are user errors: they surface as a Diagnostic (file, line, column, field)
// carried by one error type, so the command line prints them like any other diagnostic (exit 1).
import type { Diagnostic } from "../lang/diagnostic.js";

/** Thrown by every reader in src/io for malformed input; `diagnostic` points at the offending text. */
export class FormatError extends Error {
  override readonly name = "FormatError";
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    const { file, start } = diagnostic.span;
    super(`${file ?? "<input>"}:${start.line}:${start.column}: ${diagnostic.message}`);
    this.diagnostic = diagnostic;
  }
}
