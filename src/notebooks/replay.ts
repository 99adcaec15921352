// `verify`: execute a notebook and compare every output with the committed one.
// `execute`: execute a notebook and commit its new outputs (written atomically, never half-written).
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { cellHeader, compareNotebooks, type CellDifference } from "./compare-notebooks.js";
import { runNotebook, type NotebookRun, type RunOptions } from "./jupyter-client.js";
import { joinLines, parseNotebook, type Notebook } from "./notebook-format.js";

export interface ReplayResult {
  readonly file: string;
  readonly ok: boolean;
  /** Why the notebook did not run to the end, when it did not. */
  readonly failure?: string;
  readonly differences: readonly CellDifference[];
  readonly elapsedMs: number;
}

export async function verifyNotebook(file: string, options: RunOptions = {}): Promise<ReplayResult> {
  const committed = parseNotebook(readFileSync(file, "utf8"), file);
  const run = await runNotebook(file, options);
  const failure = describeFailure(run, committed);
  if (failure) return { file, ok: false, failure, differences: [], elapsedMs: run.elapsedMs };
  const differences = compareNotebooks(committed, run.executed);
  return { file, ok: differences.length === 0, differences, elapsedMs: run.elapsedMs };
}

export async function executeNotebook(file: string, options: RunOptions = {}): Promise<ReplayResult> {
  const committed = parseNotebook(readFileSync(file, "utf8"), file);
  const run = await runNotebook(file, options);
  const failure = describeFailure(run, committed);
  if (failure) return { file, ok: false, failure, differences: [], elapsedMs: run.elapsedMs };
  writeAtomically(file, serializeNotebook(run.executed));
  return { file, ok: true, differences: [], elapsedMs: run.elapsedMs };
}

/** nbformat's own layout (one-space indent, sorted keys, trailing newline) keeps git diffs small. */
export function serializeNotebook(notebook: Notebook): string {
  return JSON.stringify(sortKeysDeep(notebook), null, 1) + "\n";
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return sorted;
}

function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function describeFailure(run: NotebookRun, committed: Notebook): string | undefined {
  if (run.status === "ok") return undefined;
  const index = run.cell ?? undefined;
  const where = index !== undefined && committed.cells[index] ? cellHeader(committed.cells[index]!, index) : "the kernel";
  const outputs = index !== undefined ? cellOutputText(run.executed, index) : "";
  const reason = {
    "cell-error": "failed",
    timeout: "timed out",
    "dead-kernel": "killed the kernel (the kernel died)",
    "startup-failed": "could not start",
  }[run.status];
  const detail = run.status === "cell-error" ? outputs || lastLines(run.message ?? "", 15) : lastLines(run.message ?? "", 15);
  return `${where} ${reason}${detail ? `:\n${indentLines(detail)}` : ""}`;
}

/** tslab reports compile and runtime errors on stderr, not as error outputs: show them. */
function cellOutputText(notebook: Notebook, index: number): string {
  const cell = notebook.cells[index];
  if (!cell?.outputs) return "";
  return cell.outputs
    .map((output) => (output.output_type === "stream" ? joinLines(output.text) : output.output_type === "error" ? `${output.ename}: ${output.evalue}\n` : ""))
    .join("")
    .trimEnd();
}

function lastLines(text: string, n: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.slice(-n).join("\n");
}

function indentLines(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
