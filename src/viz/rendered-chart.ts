// A chart rendered once, eagerly, into every form a notebook or report needs: the Vega-Lite spec
// (interactive in JupyterLab and VS Code), SVG (nbconvert, GitHub), PNG (nbconvert HTML export,
// which strips SVG contents) and a one-line text. Rendering is asynchronous, so it happens in
// `renderChart`; displaying is then synchronous, which is what lets the chart display itself as the
// last expression of a cell.
import { inspect, type InspectOptions } from "node:util";
import { DISPLAY, type Displayable, type MimeBundle } from "./display-protocol.js";
import { inspectWithRichDisplay } from "./last-expression-hook.js";
import { renderPng } from "./render-png.js";
import { renderSvg } from "./render-svg.js";
import { VEGA_LITE_MIME, type VegaLiteSpec } from "./spec.js";

export class RenderedChart implements Displayable {
  readonly kind = "chart";

  constructor(
    readonly spec: VegaLiteSpec,
    readonly svg: string,
    readonly png: Uint8Array,
    /** CSS pixel size (the PNG holds `scale` times as many pixels). */
    readonly width: number,
    readonly height: number,
  ) {}

  /** A short description: the title and the number of data rows. */
  get summary(): string {
    return `Chart: ${chartTitle(this.spec)} (Vega-Lite v5, ${countRows(this.spec)} data rows, ${this.width}×${this.height} px)`;
  }

  /** The multi-MIME bundle for display_data. No text/html: JupyterLab would prefer it over the chart. */
  toBundle(): MimeBundle {
    return {
      [VEGA_LITE_MIME]: this.spec,
      "image/svg+xml": this.svg,
      "image/png": this.png,
      "text/plain": this.summary,
    };
  }

  /** Display metadata: show the 2×-resolution PNG at its CSS size. */
  displayMetadata(): Record<string, unknown> {
    return { "image/png": { width: this.width, height: this.height } };
  }

  [DISPLAY](): MimeBundle {
    return this.toBundle();
  }

  [inspect.custom](depth: number, options: InspectOptions): string {
    return inspectWithRichDisplay(depth, options, () => this.toBundle(), this.displayMetadata());
  }

  toJSON(): VegaLiteSpec {
    return this.spec;
  }
}

export interface RenderChartOptions {
  /** PNG pixel scale (default 2). */
  readonly scale?: number;
}

/** Renders a Vega-Lite spec to SVG and PNG; the result displays itself in a tslab notebook. */
export async function renderChart(spec: VegaLiteSpec, options: RenderChartOptions = {}): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  const scale = options.scale ?? 2;
  const png = await renderPng(svg, { scale });
  return new RenderedChart(spec, svg, png.png, Math.round(png.width / scale), Math.round(png.height / scale));
}

function chartTitle(spec: VegaLiteSpec): string {
  const title = spec["title"];
  if (typeof title === "string") return title;
  if (typeof title === "object" && title !== null && typeof (title as { text?: unknown }).text === "string") {
    return (title as { text: string }).text;
  }
  return "untitled";
}

/** Inline data rows across the top level and layers. */
function countRows(spec: unknown): number {
  if (typeof spec !== "object" || spec === null) return 0;
  const node = spec as { data?: { values?: unknown }; layer?: unknown[]; spec?: unknown };
  let rows = Array.isArray(node.data?.values) ? node.data.values.length : 0;
  if (Array.isArray(node.layer)) for (const layer of node.layer) rows += countRows(layer);
  if (node.spec) rows += countRows(node.spec);
  return rows;
}
