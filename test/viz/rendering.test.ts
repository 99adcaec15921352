import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng.js";
import {
  energyHistogramSpec,
  exampleRecords,
  htmlReport,
  measurementCountsSpec,
  paretoScatterSpec,
  penaltySweepSpec,
  qaoaLandscapeSpec,
  renderChart,
  renderPng,
  renderSvg,
  table,
  ttsBarsSpec,
} from "../../src/viz/index.js";

const energyHistogramSpecOf = energyHistogramSpec;

const records = exampleRecords(createRng(3));
const spec = energyHistogramSpec(records.samples, { title: "Histogram under test" });

/** Fraction of pixels that differ between two RGBA buffers of one size. */
function differingPixels(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

describe("rendering", () => {
  it("renders an SVG holding the title, axis titles and legend as text", async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of ["Histogram under test", "Energy", "Reads", "feasible", "infeasible"]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it("gives the same SVG twice (replayable output)", async () => {
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
  });

  it("draws the text into the PNG: the font adds exactly the pixels the text elements cover", async () => {
    const svg = await renderSvg(spec);
    const withFont = await renderPng(svg, { scale: 1 });
    const withoutFont = await renderPng(svg, { scale: 1, withoutFonts: true });
    const textless = await renderPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ""), { scale: 1 });
    expect(Buffer.from(withFont.png.subarray(1, 4)).toString("latin1")).toBe("PNG");
    expect(withFont.width).toBeGreaterThan(100);
    // Text is present: hundreds of pixels differ from a render where no font could be found…
    expect(differingPixels(withFont.pixels, withoutFont.pixels)).toBeGreaterThan(500);
    // …and without a font resvg draws nothing for text, exactly as if the text were removed.
    expect(differingPixels(withoutFont.pixels, textless.pixels)).toBe(0);
  });

  it("scales the PNG and reports the CSS size", async () => {
    const chart = await renderChart(spec, { scale: 2 });
    expect(chart.summary).toMatch(/^Chart: Histogram under test \(Vega-Lite v5, \d+ data rows, \d+×\d+ px\)$/);
    const width = Buffer.from(chart.png).readUInt32BE(16);
    expect(width).toBe(chart.width * 2);
  });

  it("rejects what is not a Vega-Lite spec or an SVG", async () => {
    await expect(renderSvg({ $schema: "https://vega.github.io/schema/vega/v5.json" })).rejects.toThrow(TypeError);
    await expect(renderPng("<html></html>")).rejects.toThrow(TypeError);
    await expect(renderSvg({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", mark: "nonsense" })).rejects.toThrow();
  });

  it("writes an offline HTML report: charts as data URIs, no scripts, no network", async () => {
    const chart = await renderChart(spec);
    const html = htmlReport({
      title: "Report <1>",
      sections: [
        { kind: "text", heading: "Intro", text: "a < b" },
        { kind: "chart", chart, caption: "energies" },
        { kind: "table", table: table([{ solver: "tabu", energy: -3.25 }]) },
      ],
    });
    expect(html).toContain("<title>Report &lt;1&gt;</title>");
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).toContain("<td>-3.25</td>");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe("degenerate but valid inputs render", () => {
  it.each([
    ["one sample", () => energyHistogramSpecOf([{ energy: 2, feasible: true }])],
    ["identical energies", () => energyHistogramSpecOf([{ energy: -1, feasible: true }, { energy: -1, feasible: false, occurrences: 4 }])],
    ["one outcome", () => measurementCountsSpec({ "0": 10 })],
    ["one landscape point", () => qaoaLandscapeSpec([{ gamma: 0.1, beta: 0.2, value: 1 }])],
    ["one run", () => paretoScatterSpec([{ solver: "a", elapsedMs: 1, quality: 1 }])],
    ["nothing reached", () => ttsBarsSpec([{ solver: "a", ttsMs: null }])],
    ["no feasible objective", () => penaltySweepSpec([{ penaltyScale: 1, feasibleFraction: 0 }])],
  ])("%s", async (_name, make) => {
    const svg = await renderSvg(make());
    expect(svg).toMatch(/^<svg[^>]* width="\d+" height="\d+"/);
    expect(svg).not.toContain("NaN");
  });
});
