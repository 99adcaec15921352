// What every cell command shares: the context it reads and changes, the errors it raises, compiling
// a declared problem, and turning a chart or a table into an output bundle.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CompiledModel } from "../compile/compiled-model.js";
import { compileSource } from "../compile/from-source.js";
import { hasErrors } from "../lang/diagnostic.js";
import { renderDiagnostic } from "../lang/render.js";
import { DISPLAY, toWireBundle } from "../viz/display-protocol.js";
import { RecordsTable } from "../viz/records-table.js";
import { renderChart } from "../viz/rendered-chart.js";
import type { VegaLiteSpec } from "../viz/spec.js";
import type { CellOutput, MimeBundle } from "./cell-outcome.js";
import { CellFailure } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";
import type { BenchResult, SolveResult } from "./command-results.js";

/** What commands read and change: the session's declarations, bound data and last results. */
export interface CommandContext {
  /** Every declaration of the session as one program. */
  readonly source: string;
  readonly problems: ReadonlySet<string>;
  readonly data: Map<string, unknown>;
  /** The last `solve` of each problem, for `plot energies` and `plot convergence`. */
  readonly solves: Map<string, SolveResult>;
  /** The last `bench` of each problem (or suite), for `plot bench`. */
  readonly benches: Map<string, BenchResult>;
  /** Directory that relative data paths are resolved against. */
  readonly cwd: string;
}

export function usage(command: CommandText, message: string): CellFailure {
  return new CellFailure("command-syntax", message, [`line ${command.line}: ${message}`, `  ${command.text.split("\n")[0] ?? ""}`]);
}

export function requireProblem(name: string, command: CommandText, context: CommandContext): void {
  if (!context.problems.has(name)) {
    const known = [...context.problems];
    throw new CellFailure("unknown-problem", `no problem named '${name}' is declared`, [
      `line ${command.line}: no problem named '${name}' is declared${known.length > 0 ? ` (declared: ${known.join(", ")})` : ""}`,
    ]);
  }
}

/** Checks, binds, grounds and compiles a declared problem with its bound data. */
export function compileProblem(name: string, command: CommandText, context: CommandContext): CompiledModel {
  requireProblem(name, command, context);
  const result = compileSource(context.source, { problem: name, data: context.data.get(name) ?? {}, higherOrder: "quadratise" });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (hasErrors(result.diagnostics) || !result.compiled) {
    const first = errors[0];
    const traceback = errors.map((d) => renderDiagnostic(d, context.source, { file: "session" }));
    throw new CellFailure(first?.code ?? "compile-failed", first?.message ?? `problem ${name} did not compile`, traceback);
  }
  return result.compiled;
}

export type ChartOutput = Extract<CellOutput, { kind: "result" }>;

/** A chart as a result: Vega-Lite v5, SVG, PNG and a line of text (no HTML: front ends would prefer it to the chart). */
export async function chartOutput(spec: VegaLiteSpec, text: string): Promise<ChartOutput> {
  const chart = await renderChart(spec);
  return { kind: "result", data: { ...toWireBundle(chart[DISPLAY]()), "text/plain": text } };
}

/** Records as a result: an aligned text table, an HTML table and the records as JSON. */
export function tableOutput(records: readonly object[], json: unknown, options: { columns?: readonly string[]; title?: string } = {}): CellOutput {
  const table = new RecordsTable(records, { columns: options.columns });
  const title = options.title === undefined ? "" : `${options.title}\n`;
  const data: MimeBundle = { "text/plain": `${title}${table.toText()}`, "text/html": table.toHTML(), "application/json": json };
  return { kind: "result", data };
}

/** Reads a JSON file relative to the notebook's directory; unreadable or malformed files fail the command. */
export function readJsonFile(path: string, command: CommandText, context: CommandContext): unknown {
  const file = resolve(context.cwd, path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CellFailure("data-unreadable", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, [`line ${command.line}: cannot read ${file}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usage(command, `${path} is not JSON: ${(error as Error).message}`);
  }
}

/** The text of a command's "quoted string" (JSON escapes). */
export function unquote(quoted: string): string {
  return JSON.parse(`"${quoted}"`) as string;
}

/** A RangeError or TypeError from the library (bad options) as a user-facing failure of the command. */
export function asCommandFailure(error: unknown, ename: string, command: CommandText): never {
  if (error instanceof RangeError || error instanceof TypeError) throw new CellFailure(ename, error.message, [`line ${command.line}: ${error.message}`]);
  throw error;
}
