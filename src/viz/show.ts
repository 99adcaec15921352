// `await show(x)`: display anything in a tslab notebook.
//
//   1. objects implementing the display protocol (Symbol.for("Jupyter.display") or toDisplay()),
//      which may return one bundle or several (e.g. a table and a chart);
//   2. sample sets (anything with samples of {bits, energy, feasible}): a table and a histogram;
//   3. Vega-Lite specs, rendered to a chart bundle;
//   4. arrays of plain records, as a table;
//   5. anything else as plain text (strings as they are, other values through util.inspect).
//
// Outside a kernel (scripts, tests) the plain-text form is written to stdout instead.
import { inspect } from "node:util";
import { displayMethodOf, type MimeBundle, toWireBundle } from "./display-protocol.js";
import { renderChart } from "./rendered-chart.js";
import { RecordsTable } from "./records-table.js";
import { isSampleSetLike, sampleSetDisplay } from "./sample-set-view.js";
import { sendDisplayData } from "./tslab-channel.js";

interface DisplayItem {
  readonly bundle: MimeBundle;
  readonly metadata: Record<string, unknown>;
}

/** The bundles `show(x)` would display, without sending them. */
export async function displayBundles(value: unknown): Promise<MimeBundle[]> {
  return (await displayItems(value)).map((item) => item.bundle);
}

async function displayItems(value: unknown): Promise<DisplayItem[]> {
  const method = displayMethodOf(value);
  if (method) {
    const result = await method();
    const bundles = Array.isArray(result) ? (result as MimeBundle[]) : [result];
    return bundles.map((bundle) => ({ bundle, metadata: metadataOf(value) }));
  }
  if (isSampleSetLike(value)) {
    const { table, chart } = await sampleSetDisplay(value);
    return [
      { bundle: table.toBundle(), metadata: {} },
      { bundle: chart.toBundle(), metadata: chart.displayMetadata() },
    ];
  }
  if (isVegaLiteSpec(value)) {
    const chart = await renderChart(value);
    return [{ bundle: chart.toBundle(), metadata: chart.displayMetadata() }];
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainRecord)) {
    return [{ bundle: new RecordsTable(value).toBundle(), metadata: {} }];
  }
  if (typeof value === "string") return [{ bundle: { "text/plain": value }, metadata: {} }];
  return [{ bundle: { "text/plain": inspect(value, { depth: 4 }) }, metadata: {} }];
}

export async function show(value: unknown): Promise<void> {
  for (const { bundle, metadata } of await displayItems(value)) {
    const wire = toWireBundle(bundle);
    if (!sendDisplayData(wire, metadata)) {
      process.stdout.write(`${String(wire["text/plain"])}\n`);
    }
  }
}

/** Display metadata (e.g. a PNG's CSS size) from objects that offer it. */
function metadataOf(value: unknown): Record<string, unknown> {
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
