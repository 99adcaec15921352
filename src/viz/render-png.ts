// SVG → PNG with resvg. Vega writes `font-family="sans-serif"`; resvg resolves that generic family to
// DejaVu Sans, loaded from the system's font files. Without a font resvg silently drops all text, so
// a missing font is an error here rather than a chart without labels.
import { existsSync } from "node:fs";
import { loadRenderers } from "./load-renderers.js";

export const CHART_FONT_FAMILY = "DejaVu Sans";

const FONT_DIRECTORIES = [
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/TTF",
  "/usr/share/fonts/dejavu",
  "/usr/local/share/fonts",
  "/Library/Fonts",
  "/opt/homebrew/share/fonts",
];

let fontFiles: string[] | undefined;

/** The DejaVu Sans font files (regular and bold), or an error naming the package that provides them. */
export function chartFontFiles(): readonly string[] {
  if (fontFiles) return fontFiles;
  for (const directory of FONT_DIRECTORIES) {
    const regular = `${directory}/DejaVuSans.ttf`;
    if (existsSync(regular)) {
      fontFiles = [regular, `${directory}/DejaVuSans-Bold.ttf`, `${directory}/DejaVuSansMono.ttf`].filter((file) => existsSync(file));
      return fontFiles;
    }
  }
  throw new Error(
    `PNG rendering needs the ${CHART_FONT_FAMILY} font (Debian/Ubuntu: apt-get install fonts-dejavu-core); looked in ${FONT_DIRECTORIES.join(", ")}`,
  );
}

export interface PngOptions {
  /** Pixel scale factor (default 2, for sharp images on high-density screens). */
  readonly scale?: number;
  /** Render without any font: for tests that prove the text really comes from the font. */
  readonly withoutFonts?: boolean;
}

export interface RenderedPng {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** RGBA pixels, row-major. */
  readonly pixels: Uint8Array;
}

export async function renderPng(svg: string, options: PngOptions = {}): Promise<RenderedPng> {
  if (typeof svg !== "string" || !svg.trimStart().startsWith("<svg")) {
    throw new TypeError("svg must be an SVG document string starting with <svg");
  }
  const scale = options.scale ?? 2;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8) throw new RangeError(`scale must be in (0, 8], got ${scale}`);
  const { resvg } = await loadRenderers();
  const font = options.withoutFonts
    ? { loadSystemFonts: false, fontFiles: [] }
    : {
        loadSystemFonts: false,
        fontFiles: [...chartFontFiles()],
        defaultFontFamily: CHART_FONT_FAMILY,
        sansSerifFamily: CHART_FONT_FAMILY,
        serifFamily: CHART_FONT_FAMILY,
        monospaceFamily: "DejaVu Sans Mono",
      };
  const rendered = new resvg.Resvg(svg, { font, fitTo: { mode: "zoom", value: scale }, background: "white" }).render();
  return { png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height, pixels: new Uint8Array(rendered.pixels) };
}
