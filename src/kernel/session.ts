// The state a notebook builds up: declarations persist across cells (a later cell may redefine a
// name), bound data persists per problem, and every executed cell is kept for `history`.
//
// Running a cell:
//   1. split it into declarations and commands (cell-split.ts);
//   2. check the earlier declarations (minus the ones this cell redefines) followed by the cell's,
//      so names from earlier cells resolve; diagnostics in the cell are shown in cell coordinates;
//   3. on errors, fail the cell and keep the session as it was; otherwise keep the new declarations;
//   4. run the commands in order, each seeing the declarations of this cell; only the last result
//      is the cell's execute_result, earlier ones are shown as display_data.
import { check } from "../lang/check.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import { parse } from "../lang/parse.js";
import { renderDiagnostic } from "../lang/render.js";
import { runCommand } from "./cell-commands.js";
import { type CellOutcome, type CellOutput, CellFailure, type MimeBundle } from "./cell-outcome.js";
import { splitCell } from "./cell-split.js";
import type { BenchResult, SolveResult } from "./command-results.js";

export interface HistoryEntry {
  readonly executionCount: number;
  readonly code: string;
  /** text/plain of the cell's result, if any. */
  readonly output: string | undefined;
}

export interface SessionOptions {
  /** Directory that relative data paths are resolved against. */
  readonly cwd: string;
  /** State to start from (a session restarted after an interrupt). */
  readonly restore?: SessionSnapshot;
}

/** Everything a session holds, as structured-cloneable data (it crosses a worker boundary). */
export interface SessionSnapshot {
  readonly declarations: readonly (readonly [string, string])[];
  readonly problems: readonly string[];
  readonly data: readonly (readonly [string, unknown])[];
  readonly solves: readonly (readonly [string, SolveResult])[];
  readonly benches: readonly (readonly [string, BenchResult])[];
  readonly history: readonly HistoryEntry[];
  readonly executionCount: number;
}

export class KernelSession {
  /** Declaration name → its source text, in declaration order. */
  private readonly declarations = new Map<string, string>();
  private readonly problems = new Set<string>();
  private readonly data = new Map<string, unknown>();
  private readonly solves = new Map<string, SolveResult>();
  private readonly benches = new Map<string, BenchResult>();
  private readonly entries: HistoryEntry[] = [];
  private count = 0;

  constructor(private readonly options: SessionOptions) {
    const restore = options.restore;
    if (restore) {
      for (const [name, text] of restore.declarations) this.declarations.set(name, text);
      for (const name of restore.problems) this.problems.add(name);
      for (const [name, value] of restore.data) this.data.set(name, value);
      for (const [name, value] of restore.solves) this.solves.set(name, value);
      for (const [name, value] of restore.benches) this.benches.set(name, value);
      this.entries.push(...restore.history);
      this.count = restore.executionCount;
    }
  }

  snapshot(): SessionSnapshot {
    return {
      declarations: [...this.declarations],
      problems: [...this.problems],
      data: [...this.data],
      solves: [...this.solves],
      benches: [...this.benches],
      history: [...this.entries],
      executionCount: this.count,
    };
  }

  /** Counts a cell that was stopped before it finished (an interrupt), so that history stays true. */
  recordInterrupted(code: string, storeHistory: boolean): void {
    if (!storeHistory) return;
    this.count++;
    this.entries.push({ executionCount: this.count, code, output: undefined });
  }

  get executionCount(): number {
    return this.count;
  }

  get history(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** The source of every declaration kept so far, as one program. */
  get source(): string {
    return [...this.declarations.values()].join("\n\n");
  }

  /** Runs one cell; `storeHistory` false (silent runs) leaves the execution count alone. */
  async execute(code: string, storeHistory = true): Promise<CellOutcome> {
    if (storeHistory) this.count++;
    const label = `cell[${this.count}]`;
    const outputs: CellOutput[] = [];
    let outcome: CellOutcome;
    try {
      await this.runCell(code, label, outputs);
      outcome = { outputs };
    } catch (error) {
      if (!(error instanceof CellFailure)) throw error;
      outcome = { outputs, error: { ename: error.ename, evalue: error.evalue, traceback: error.traceback } };
    }
    if (storeHistory) {
      const result = outputs.findLast((o) => o.kind === "result");
      const text = result?.data["text/plain"];
      this.entries.push({ executionCount: this.count, code, output: typeof text === "string" ? text : undefined });
    }
    return outcome;
  }

  private async runCell(code: string, label: string, outputs: CellOutput[]): Promise<void> {
    const { declarations, commands } = splitCell(code);
    const parsed = parse(declarations);
    const cellNames = parsed.ast.items.map((item) => item.name.name);
    const prefix = [...this.declarations].filter(([name]) => !cellNames.includes(name)).map(([, text]) => text).join("\n\n");
    const prefixText = prefix === "" ? "" : `${prefix}\n`;
    const prefixLines = prefix === "" ? 0 : prefix.split("\n").length;
    const checked = check(prefixText + declarations);
    const shown: string[] = [];
    for (const d of checked.diagnostics) {
      const inCell = d.span.start.offset >= prefixText.length;
      if (inCell) shown.push(renderDiagnostic(shift(d, prefixText.length, prefixLines), declarations, { file: label }));
      else if (d.severity === "error") shown.push(renderDiagnostic(d, prefixText, { file: "earlier cells" }));
    }
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    const first = errors[0];
    if (first) throw new CellFailure(first.code, first.message, shown);
    if (shown.length > 0) outputs.push({ kind: "stream", name: "stderr", text: `${shown.join("\n\n")}\n` });

    for (const item of checked.ast.items) {
      if (item.span.start.offset < prefixText.length) continue;
      const start = item.span.start.offset - prefixText.length;
      const end = item.span.end.offset - prefixText.length;
      this.declarations.delete(item.name.name);
      this.declarations.set(item.name.name, declarations.slice(start, end));
      if (item.kind === "problem") this.problems.add(item.name.name);
      else this.problems.delete(item.name.name);
    }
    for (const command of commands) {
      for (const output of await runCommand(command, { source: this.source, problems: this.problems, data: this.data, solves: this.solves, benches: this.benches, cwd: this.options.cwd })) {
        // One execute_result per cell, as in other kernels: an earlier result becomes a display.
        const previous = outputs.findLastIndex((o) => o.kind === "result");
        if (output.kind === "result" && previous >= 0) outputs[previous] = { ...(outputs[previous] as { data: MimeBundle }), kind: "display" };
        outputs.push(output);
      }
    }
  }
}

/** Moves a diagnostic found in `prefix + cell` into the coordinates of the cell. */
function shift(d: Diagnostic, offsetDelta: number, lineDelta: number): Diagnostic {
  const move = (span: Span): Span => ({
    ...span,
    start: { ...span.start, offset: span.start.offset - offsetDelta, line: span.start.line - lineDelta },
    end: { ...span.end, offset: span.end.offset - offsetDelta, line: span.end.line - lineDelta },
  });
  return { ...d, span: move(d.span) };
}
