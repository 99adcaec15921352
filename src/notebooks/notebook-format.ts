// The parts of the Jupyter notebook format (nbformat 4) that replay checking reads.
// https://nbformat.readthedocs.io/en/latest/format_description.html

/** Multi-line strings are stored either as one string or as a list of lines. */
export type MultilineString = string | readonly string[];

export interface NotebookOutput {
  readonly output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  readonly name?: "stdout" | "stderr";
  readonly text?: MultilineString;
  readonly data?: Readonly<Record<string, MultilineString | object>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly execution_count?: number | null;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: readonly string[];
}

export interface NotebookCell {
  readonly cell_type: "code" | "markdown" | "raw";
  readonly source: MultilineString;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly outputs?: readonly NotebookOutput[];
  readonly execution_count?: number | null;
}

export interface Notebook {
  readonly nbformat: number;
  readonly nbformat_minor: number;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly cells: readonly NotebookCell[];
}

export function joinLines(text: MultilineString | undefined): string {
  if (text === undefined) return "";
  return typeof text === "string" ? text : text.join("");
}

/** Parses notebook JSON, with an error that names the file and what is wrong. */
export function parseNotebook(json: string, file: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new NotebookFormatError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const nb = value as Partial<Notebook> | null;
  if (typeof nb !== "object" || nb === null || !Array.isArray(nb.cells)) {
    throw new NotebookFormatError(`${file}: not a Jupyter notebook (no "cells" array)`);
  }
  if (nb.nbformat !== 4) throw new NotebookFormatError(`${file}: nbformat ${String(nb.nbformat)} is not supported (need 4)`);
  return nb as Notebook;
}

/** A notebook file that cannot be read as nbformat 4: a user error, not a crash. */
export class NotebookFormatError extends Error {
  override readonly name = "NotebookFormatError";
}
