// What of a cell's outputs replay checking compares, and what it deliberately ignores.
//
// Compared exactly: stream text (consecutive chunks of one stream merged, since the kernel may
// flush them in different pieces), every text MIME type (text/plain, text/html, image/svg+xml, …),
// JSON MIME types (the Vega-Lite spec) as JSON, error names and values, output metadata.
// Normalised: for image/png only the pixel size is kept ("<image/png 640×480>"), for JPEG and GIF
// only the type: encoders (resvg versions, zlib levels) change bytes without changing the picture,
// and a chart's content is already checked exactly through its SVG and Vega-Lite spec.
// Ignored: execution counts, tracebacks (they hold paths), and anything marked volatile — a cell with
// metadata `{"qpipe": {"volatile": true}}`, or an output whose metadata carries the same marker.
import { joinLines, type NotebookCell, type NotebookOutput } from "./notebook-format.js";

export interface ComparableOutput {
  /** A short label for diffs, e.g. "stdout" or "display_data". */
  readonly label: string;
  /** Canonical text: what is compared and what a diff is shown on. */
  readonly text: string;
}

export function isVolatile(metadata: Readonly<Record<string, unknown>> | undefined): boolean {
  const marker = metadata?.["qpipe"];
  return typeof marker === "object" && marker !== null && (marker as { volatile?: unknown }).volatile === true;
}

export function comparableOutputs(cell: NotebookCell): ComparableOutput[] {
  if (cell.cell_type !== "code" || isVolatile(cell.metadata)) return [];
  const result: ComparableOutput[] = [];
  for (const output of cell.outputs ?? []) {
    if (isVolatile(output.metadata)) continue;
    const previous = result[result.length - 1];
    if (output.output_type === "stream") {
      const label = output.name ?? "stream";
      const text = joinLines(output.text);
      if (previous?.label === label) result[result.length - 1] = { label, text: previous.text + text };
      else result.push({ label, text });
      continue;
    }
    result.push(comparableRich(output));
  }
  return result;
}

function comparableRich(output: NotebookOutput): ComparableOutput {
  if (output.output_type === "error") {
    return { label: "error", text: `${output.ename ?? ""}: ${output.evalue ?? ""}\n` };
  }
  const parts: string[] = [];
  const data = output.data ?? {};
  for (const mime of Object.keys(data).sort()) {
    parts.push(`--- ${mime}\n${canonicalData(mime, data[mime]!)}`);
  }
  const metadata = output.metadata ?? {};
  if (Object.keys(metadata).length > 0) parts.push(`--- metadata\n${stableJson(metadata)}`);
  return { label: output.output_type, text: parts.join("\n") + "\n" };
}

function canonicalData(mime: string, value: string | readonly string[] | object): string {
  if (mime === "image/png" || mime === "image/jpeg" || mime === "image/gif") {
    const base64 = joinLines(value as string | readonly string[]).replace(/\s/g, "");
    return describeImage(mime, base64);
  }
  if (typeof value === "string" || Array.isArray(value)) return joinLines(value as string | readonly string[]).replace(/\n?$/, "\n");
  return stableJson(value);
}

/** "<image/png 640×480>" from the PNG header; other formats by type only. */
function describeImage(mime: string, base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  if (mime === "image/png" && bytes.length >= 24 && bytes.subarray(1, 4).toString("latin1") === "PNG") {
    return `<${mime} ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}>\n`;
  }
  return `<${mime}${bytes.length > 0 ? "" : " empty"}>\n`;
}

/** JSON with sorted keys, one property per line, so that diffs point at the changed field. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 1) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
