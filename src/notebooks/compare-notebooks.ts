// Compares a freshly executed notebook with its committed version, cell by cell.
import { comparableOutputs } from "./comparable-output.js";
import { lineDiff } from "./line-diff.js";
import { joinLines, type Notebook, type NotebookCell } from "./notebook-format.js";

export interface CellDifference {
  /** 1-based position of the cell among all cells of the notebook. */
  readonly cellNumber: number;
  /** A readable account: which cell, which output, and a diff. */
  readonly message: string;
}

export function compareNotebooks(committed: Notebook, executed: Notebook): CellDifference[] {
  const differences: CellDifference[] = [];
  if (committed.cells.length !== executed.cells.length) {
    throw new Error(`internal: executed notebook has ${executed.cells.length} cells, the committed one ${committed.cells.length}`);
  }
  committed.cells.forEach((cell, index) => {
    const expected = comparableOutputs(cell);
    const actual = comparableOutputs(executed.cells[index]!);
    const header = cellHeader(cell, index);
    const parts: string[] = [];
    const n = Math.max(expected.length, actual.length);
    for (let k = 0; k < n; k++) {
      const e = expected[k];
      const a = actual[k];
      if (e && a && e.label === a.label && e.text === a.text) continue;
      if (!a) parts.push(`  output ${k + 1} (${e!.label}) is missing; committed:\n${indent(lineDiff(e!.text, ""))}`);
      else if (!e) parts.push(`  output ${k + 1} (${a.label}) is new:\n${indent(lineDiff("", a.text))}`);
      else if (e.label !== a.label) parts.push(`  output ${k + 1} is ${a.label}, committed ${e.label}:\n${indent(lineDiff(e.text, a.text))}`);
      else parts.push(`  output ${k + 1} (${e.label}) differs (- committed, + now):\n${indent(lineDiff(e.text, a.text))}`);
    }
    if (parts.length > 0) differences.push({ cellNumber: index + 1, message: `${header}\n${parts.join("\n")}` });
  });
  return differences;
}

export function cellHeader(cell: NotebookCell, index: number): string {
  const firstLine = joinLines(cell.source).split("\n").find((line) => line.trim() !== "") ?? "";
  const count = typeof cell.execution_count === "number" ? `, In [${cell.execution_count}]` : "";
  const shown = firstLine.length > 70 ? `${firstLine.slice(0, 67)}…` : firstLine;
  return `cell ${index + 1} (${cell.cell_type}${count}): ${shown}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
