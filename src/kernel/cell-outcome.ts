// What running a cell produces, independent of the wire: the server turns these into iopub
// messages (stream, display_data, execute_result, error) and the execute reply.

/** A MIME bundle, e.g. {"text/plain": "…", "application/json": {…}}. */
export type MimeBundle = Readonly<Record<string, unknown>>;

export type CellOutput =
  | { readonly kind: "stream"; readonly name: "stdout" | "stderr"; readonly text: string }
  | { readonly kind: "display"; readonly data: MimeBundle; readonly metadata?: Readonly<Record<string, unknown>> }
  | { readonly kind: "result"; readonly data: MimeBundle; readonly metadata?: Readonly<Record<string, unknown>> };

export interface CellError {
  /** A short error name: the diagnostic code, or the kind of failure. */
  readonly ename: string;
  readonly evalue: string;
  /** Lines shown to the user: diagnostics with line, column and caret. */
  readonly traceback: readonly string[];
}

export interface CellOutcome {
  readonly outputs: readonly CellOutput[];
  /** Set when the cell failed; outputs before the failure are still shown. */
  readonly error?: CellError;
}

/** Thrown inside the kernel while running a cell to fail it with a user-facing error. */
export class CellFailure extends Error {
  override readonly name = "CellFailure";
  constructor(
    readonly ename: string,
    readonly evalue: string,
    readonly traceback: readonly string[],
  ) {
    super(evalue);
  }
}
