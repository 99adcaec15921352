// `await show(x)`: display anything in a tslab notebook.
//
//   1. objects implementing the display protocol (Symbol.for("Jupyter.display") or toDisplay()),
//      which may return one bundle or several (e.g. a table and a chart);
//   2. Vega-Lite specs, rendered to a chart bundle;
//   3. arrays of plain records, as a table;
//   4. anything else as plain text (strings as they are, other values through util.inspect).
//
// Outside a kernel (scripts, tests) the plain-text form is written to stdout instead.
import { inspect } from "node:util";
import { displayMethodOf, type MimeBundle, toWireBundle } from "./display-protocol.js";
import { renderChart } from "./rendered-chart.js";
import { RecordsTable } from "./records-table.js";
import { sendDisplayData } from "./tslab-channel.js";

/** The bundles `show(x)` would display, without sending them. */
export async function displayBundles(value: unknown): Promise<MimeBundle[]> {
  const method = displayMethodOf(value);
  if (method) {
    const result = await method();
    return Array.isArray(result) ? (result as MimeBundle[]) : [result];
  }
  if (isVegaLiteSpec(value)) {
    const chart = await renderChart(value);
    return [chart.toBundle()];
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainRecord)) {
    return [new RecordsTable(value).toBundle()];
  }
  if (typeof value === "string") return [{ "text/plain": value }];
  return [{ "text/plain": inspect(value, { depth: 4 }) }];
}

export async function show(value: unknown): Promise<void> {
  for (const bundle of await displayBundles(value)) {
    const wire = toWireBundle(bundle);
    if (!sendDisplayData(wire, pngMetadata(value))) {
      process.stdout.write(`${String(wire["text/plain"])}\n`);
    }
  }
}

function pngMetadata(value: unknown): Record<string, unknown> {
  const meta = (value as { displayMetadata?: () => Record<string, unknown> } | null)?.displayMetadata;
  return typeof meta === "function" ? meta.call(value) : {};
}

export function isVegaLiteSpec(value: unknown): value is { $schema: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $schema?: unknown }).$schema === "string" &&
    (value as { $schema: string }).$schema.includes("vega-lite")
  );
}

function isPlainRecord(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
