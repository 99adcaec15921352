import { createRequire } from "node:module";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { displayBundles, DISPLAY, inTslabKernel, measurementCountsSpec, show, table } from "../../src/viz/index.js";
import { toWireBundle } from "../../src/viz/display-protocol.js";

const require = createRequire(import.meta.url);

describe("the display protocol", () => {
  it("uses Symbol.for('Jupyter.display'), so implementers need not import qpipe", async () => {
    expect(DISPLAY).toBe(Symbol.for("Jupyter.display"));
    const viaSymbol = { [Symbol.for("Jupyter.display")]: () => ({ "text/plain": "sym" }) };
    const viaMethod = { toDisplay: async () => [{ "text/plain": "one" }, { "text/markdown": "**two**", "text/plain": "two" }] };
    expect(await displayBundles(viaSymbol)).toEqual([{ "text/plain": "sym" }]);
    expect(await displayBundles(viaMethod)).toHaveLength(2);
  });

  it("shows plain records as a table, strings as text, other values through inspect", async () => {
    const [tableBundle] = await displayBundles([{ solver: "tabu", energy: -3.5 }, { solver: "sa", energy: -3.25, extra: true }]);
    expect(tableBundle!["text/html"]).toContain("<th>extra</th>");
    expect(tableBundle!["text/plain"]).toBe(["solver  energy  extra", "------  ------  -----", "tabu    -3.5", "sa      -3.25   true"].join("\n"));
    expect(await displayBundles("hello")).toEqual([{ "text/plain": "hello" }]);
    expect(await displayBundles(new Map([[1, 2]]))).toEqual([{ "text/plain": "Map(1) { 1 => 2 }" }]);
  });

  it("renders a Vega-Lite spec into one bundle with Vega-Lite v5, SVG, PNG and text", async () => {
    const [bundle] = await displayBundles(measurementCountsSpec({ "0": 3, "1": 1 }));
    expect(Object.keys(bundle!).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"]);
    expect(bundle!["image/png"]).toBeInstanceOf(Uint8Array);
  });

  it("converts bytes to base64 and insists on MIME-type keys", () => {
    expect(toWireBundle({ "image/png": new Uint8Array([1, 2, 3]), "text/plain": "x" })).toEqual({ "image/png": "AQID", "text/plain": "x" });
    expect(toWireBundle({ "text/html": "<b/>" })["text/plain"]).toBe("<display>");
    expect(() => toWireBundle({ html: "x" })).toThrow(RangeError);
  });

  it("keeps the plain-text form when inspected outside a notebook, nested or not", () => {
    const t = table([{ a: 1 }]);
    expect(inspect(t)).toBe("a\n-\n1");
    expect(inspect({ t })).toContain("t: a");
  });
});

describe("show", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints the plain text outside a kernel", async () => {
    expect(inTslabKernel()).toBe(false);
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    await show(table([{ k: 2 }]));
    expect(writes).toEqual(["k\n-\n2\n"]);
  });

  it("sends one multi-MIME display_data through tslab's own display writer", async () => {
    // The real tslab module: the kernel points lastWriteDisplayData at the running cell's iopub writer.
    const jupyter = require("tslab/dist/jupyter.js") as { lastWriteDisplayData: unknown };
    const sent: { content: { data: Record<string, unknown>; metadata: unknown }; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (content: never, update: boolean) => sent.push({ content, update });
    try {
      expect(inTslabKernel()).toBe(true);
      await show(measurementCountsSpec({ "00": 1, "11": 1 }));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.update).toBe(false);
      const data = sent[0]!.content.data;
      expect(Object.keys(data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"]);
      expect(typeof data["image/png"]).toBe("string"); // base64 on the wire
      expect(Buffer.from(data["image/png"] as string, "base64").subarray(1, 4).toString()).toBe("PNG");
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
  });
});

describe("sample sets", () => {
  it("show as a table of the best samples and an energy histogram", async () => {
    const sampleSet = {
      sense: "min",
      samples: [
        { bits: "10", energy: -1, objective: -1, feasible: true, occurrences: 3 },
        { bits: "11", energy: -2, objective: -2, feasible: false, occurrences: 1 },
      ],
    };
    const [tableBundle, chartBundle] = await displayBundles(sampleSet);
    expect(String(tableBundle!["text/plain"]).split("\n")[2]).toMatch(/^11\s+-2\s+-2\s+false\s+1$/);
    expect(Object.keys(chartBundle!)).toContain("application/vnd.vegalite.v5+json");
    expect(String(chartBundle!["image/svg+xml"])).toContain(">infeasible</text>");
  });
});
