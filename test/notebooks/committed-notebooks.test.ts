// Static checks on the committed tutorial notebooks (their replay is checked by `qpipe notebooks
// verify`): every chart output is a full bundle whose SVG carries its text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinLines, parseNotebook, writeKernelSpec } from "../../src/notebooks/index.js";
import { VEGA_LITE_MIME } from "../../src/viz/index.js";

const directory = new URL("../../notebooks/", import.meta.url);
const notebooks = readdirSync(directory).filter((name) => name.endsWith(".ipynb")).sort();

describe.each(notebooks)("notebooks/%s", (name) => {
  const nb = parseNotebook(readFileSync(new URL(name, directory), "utf8"), name);

  const kernel = (nb.metadata["kernelspec"] as { name?: string }).name;

  it("declares the tslab kernel and imports the built library by path, or is written in the qpipe language", () => {
    expect(["tslab", "qpipe"]).toContain(kernel);
    const sources = nb.cells.map((cell) => joinLines(cell.source)).join("\n");
    if (kernel === "tslab") expect(sources).toContain('from "../dist/src/index.js"');
    else expect((nb.metadata["language_info"] as { name?: string }).name).toBe("qpipe");
  });

  it("was executed: every code cell has run, none failed unless tagged to show an error", () => {
    const code = nb.cells.filter((cell) => cell.cell_type === "code");
    expect(code.length).toBeGreaterThan(0);
    for (const cell of code) {
      const showsError = ((cell.metadata?.["tags"] as string[] | undefined) ?? []).includes("raises-exception");
      for (const output of cell.outputs ?? []) {
        if (!showsError) expect(output.output_type).not.toBe("error");
        if (output.output_type === "stream") expect(output.name).toBe("stdout");
      }
    }
    expect(code.some((cell) => (cell.outputs ?? []).length > 0)).toBe(true);
  });

  it("holds every chart as Vega-Lite v5 + SVG with its text + PNG + plain text", () => {
    let charts = 0;
    for (const cell of nb.cells) {
      for (const output of cell.outputs ?? []) {
        const data = output.data as Record<string, unknown> | undefined;
        if (!data || !(VEGA_LITE_MIME in data)) continue;
        charts++;
        expect(Object.keys(data).sort()).toEqual([VEGA_LITE_MIME, "image/png", "image/svg+xml", "text/plain"]);
        const svg = joinLines(data["image/svg+xml"] as string | string[]);
        const texts = [...svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
        expect(texts.length).toBeGreaterThan(3);
        expect((data[VEGA_LITE_MIME] as { $schema: string }).$schema).toContain("/vega-lite/v5");
      }
    }
    expect(charts).toBeGreaterThan(0);
  });
});

describe("the kernel a notebook is replayed with", () => {
  it("is the one its kernelspec names, tslab or qpipe; any other is refused", () => {
    const qpipe = writeKernelSpec("qpipe");
    const tslab = writeKernelSpec("tslab");
    try {
      const spec = JSON.parse(readFileSync(join(qpipe.jupyterPath, "kernels", "qpipe", "kernel.json"), "utf8")) as { argv: string[]; language: string };
      expect(spec.language).toBe("qpipe");
      expect(spec.argv.slice(-3)).toEqual(["kernel", "start", "{connection_file}"]);
      expect(spec.argv[1]).toMatch(/bin[/\\]qpipe\.js$/);
      const ts = JSON.parse(readFileSync(join(tslab.jupyterPath, "kernels", "tslab", "kernel.json"), "utf8")) as { language: string };
      expect(ts.language).toBe("typescript");
    } finally {
      qpipe.dispose();
      tslab.dispose();
    }
    expect(() => writeKernelSpec("python3")).toThrow(RangeError);
  });
});
