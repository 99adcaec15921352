// A cell mixes declarations (problems, circuits, gates, ansatzes) with commands. A command is a
// line at bracket depth 0 that starts with a command word; it runs on until its brackets close, so
// inline JSON may span lines. Command lines are blanked in the declaration text, so line and
// column numbers of diagnostics are those of the cell.
import { scanCell } from "./cell-scan.js";

export const COMMAND_WORDS = ["bind", "compile", "solve", "simulate", "plot", "bench"] as const;
export type CommandWord = (typeof COMMAND_WORDS)[number];

export interface CommandText {
  readonly word: CommandWord;
  /** The whole command text, the command word included. */
  readonly text: string;
  /** 1-based line of the cell where the command starts. */
  readonly line: number;
}

export interface SplitCell {
  /** The cell with every command line replaced by an empty line. */
  readonly declarations: string;
  readonly commands: readonly CommandText[];
}

const COMMAND_START = new RegExp(`^\\s*(${COMMAND_WORDS.join("|")})\\b`);

export function splitCell(cell: string): SplitCell {
  const lines = cell.split("\n");
  const { depthAtLineStart } = scanCell(cell);
  const declarationLines: string[] = [];
  const commands: CommandText[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const match = depthAtLineStart[i] === 0 ? COMMAND_START.exec(line) : null;
    if (!match) {
      declarationLines.push(line);
      i++;
      continue;
    }
    // The command ends on the first following line that starts back at depth 0.
    let end = i + 1;
    while (end < lines.length && (depthAtLineStart[end] ?? 0) > 0) end++;
    commands.push({ word: match[1] as CommandWord, text: lines.slice(i, end).join("\n").trim(), line: i + 1 });
    for (let k = i; k < end; k++) declarationLines.push("");
    i = end;
  }
  return { declarations: declarationLines.join("\n"), commands };
}
