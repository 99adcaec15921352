// Tables of plain records (solver runs, benchmark summaries, samples) as a display bundle: an HTML
// table for notebooks and an aligned plain-text table for terminals and diffs.
import { inspect, type InspectOptions } from "node:util";
import { DISPLAY, type Displayable, type MimeBundle } from "./display-protocol.js";
import { inspectWithRichDisplay } from "./last-expression-hook.js";

export interface TableOptions {
  /** Columns to show, in order (default: every key of the first records, in order of appearance). */
  readonly columns?: readonly string[];
  /** Show at most this many rows (default 50); the rest are counted in a footer. */
  readonly maxRows?: number;
  /** Significant digits for non-integer numbers (default 6). */
  readonly digits?: number;
}

export class RecordsTable implements Displayable {
  readonly kind = "table";
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly nHidden: number;

  constructor(records: readonly object[], options: TableOptions = {}) {
    if (!Array.isArray(records)) throw new TypeError("a table needs an array of records");
    const maxRows = options.maxRows ?? 50;
    const digits = options.digits ?? 6;
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
    if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new RangeError(`digits must be an integer in 1..17, got ${digits}`);
    records.forEach((record, i) => {
      if (typeof record !== "object" || record === null) throw new TypeError(`table records[${i}] must be an object`);
    });
    this.columns = options.columns ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
    this.rows = records.slice(0, maxRows).map((record) => this.columns.map((column) => formatCell((record as Record<string, unknown>)[column], digits)));
    this.nHidden = Math.max(0, records.length - maxRows);
  }

  toText(): string {
    const widths = this.columns.map((column, c) => Math.max(column.length, ...this.rows.map((row) => row[c]!.length)));
    const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
    const lines = [line(this.columns), widths.map((w) => "-".repeat(w)).join("  "), ...this.rows.map(line)];
    if (this.nHidden > 0) lines.push(`… ${this.nHidden} more rows`);
    return lines.join("\n");
  }

  toHTML(): string {
    const head = this.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
    const body = this.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("\n");
    const footer = this.nHidden > 0 ? `\n<caption style="caption-side: bottom">… ${this.nHidden} more rows</caption>` : "";
    return `<table class="qpipe-table">${footer}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  }

  toBundle(): MimeBundle {
    return { "text/html": this.toHTML(), "text/plain": this.toText() };
  }

  [DISPLAY](): MimeBundle {
    return this.toBundle();
  }

  [inspect.custom](depth: number, options: InspectOptions): string {
    return inspectWithRichDisplay(depth, options, () => this.toBundle());
  }
}

/** A table of records that displays itself in a notebook. */
export function table(records: readonly object[], options: TableOptions = {}): RecordsTable {
  return new RecordsTable(records, options);
}

function formatCell(value: unknown, digits: number): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    return Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : String(value);
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? String(value);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
