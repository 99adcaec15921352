// The Vega-Lite spec type qpipe's charts return, and the pieces every chart shares.
//
// Charts declare Vega-Lite v5 in `$schema` even though the renderer here is vega-lite 6: JupyterLab 4
// and VS Code only render the `application/vnd.vegalite.v5+json` MIME type, so every spec sticks to
// features both versions share. Specs are plain JSON (no functions, no typed arrays) so that they can
// be saved into a notebook and replayed byte for byte.

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** The MIME type a chart's spec is published under in a notebook display bundle. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A Vega-Lite v5 specification as plain JSON. */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** Options every chart accepts. */
export interface ChartOptions {
  /** Chart title; each chart has a sensible default. */
  readonly title?: string;
  /** Plot width in pixels (the data rectangle, not counting axes). */
  readonly width?: number;
  /** Plot height in pixels. */
  readonly height?: number;
}

export const DEFAULT_WIDTH = 360;
export const DEFAULT_HEIGHT = 220;

/** Colours that stay distinguishable for common colour-vision deficiencies (Okabe–Ito). */
export const FEASIBLE_COLOR = "#0072B2";
export const INFEASIBLE_COLOR = "#D55E00";

/** Shared top-level properties: schema, title, size, and a white background for PNG export. */
export function specFrame(options: ChartOptions, defaultTitle: string): {
  $schema: string;
  title: string;
  width: number;
  height: number;
  background: string;
  config: { view: { stroke: string }; axis: { labelFontSize: number; titleFontSize: number } };
} {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  checkPositive("width", width);
  checkPositive("height", height);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? defaultTitle,
    width,
    height,
    background: "white",
    config: { view: { stroke: "transparent" }, axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive finite number of pixels, got ${value}`);
  }
}
