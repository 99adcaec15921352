import { describe, expect, it } from "vitest";
import { compareNotebooks, comparableOutputs, lineDiff, parseNotebook, type Notebook, type NotebookCell, type NotebookOutput } from "../../src/notebooks/index.js";

const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function code(outputs: NotebookOutput[], metadata: Record<string, unknown> = {}): NotebookCell {
  return { cell_type: "code", source: "print()", metadata, outputs, execution_count: 1 };
}
function notebook(...cells: NotebookCell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 4, metadata: {}, cells };
}
const stdout = (text: string | string[]): NotebookOutput => ({ output_type: "stream", name: "stdout", text });

describe("compareNotebooks", () => {
  it("finds no difference between identical outputs, however streams were chunked", () => {
    const a = notebook(code([stdout("a\nb\n")]));
    const b = notebook(code([stdout("a\n"), stdout(["b", "\n"])]));
    expect(compareNotebooks(a, b)).toEqual([]);
  });

  it("reports a changed number with the cell and a line diff", () => {
    const committed = notebook({ cell_type: "markdown", source: "# t" }, code([stdout("n = 3\nok\n")]));
    const executed = notebook({ cell_type: "markdown", source: "# t" }, code([stdout("n = 4\nok\n")]));
    const [difference, ...rest] = compareNotebooks(committed, executed);
    expect(rest).toEqual([]);
    expect(difference!.cellNumber).toBe(2);
    expect(difference!.message).toContain("cell 2 (code, In [1]): print()");
    expect(difference!.message).toContain("output 1 (stdout) differs (- committed, + now)");
    expect(difference!.message).toMatch(/- n = 3\n\s+\+ n = 4\n\s+  ok/);
  });

  it("ignores volatile cells and volatile outputs, and execution counts", () => {
    const volatile = { qpipe: { volatile: true } };
    const a = notebook(code([stdout("t=1\n")], volatile), code([stdout("x\n"), { output_type: "display_data", data: { "text/plain": "12 ms" }, metadata: volatile }]));
    const b = notebook(code([stdout("t=2\n")], volatile), { ...code([stdout("x\n"), { output_type: "display_data", data: { "text/plain": "15 ms" }, metadata: volatile }]), execution_count: 7 });
    expect(compareNotebooks(a, b)).toEqual([]);
  });

  it("compares PNGs by pixel size only, but SVG and Vega-Lite exactly", () => {
    const bundle = (png: string, svg: string, title: string): NotebookOutput => ({
      output_type: "display_data",
      data: { "image/png": png, "image/svg+xml": svg, "application/vnd.vegalite.v5+json": { title } },
      metadata: {},
    });
    const otherBytesSamePicture = PNG_1x1.replace("DUlEQVR42mP8z8BQDwAEhQGAhKmMIQ", "DUlEQVR42mP8z8BQDwAEhQGAhKmMJQ");
    expect(comparableOutputs(code([bundle(PNG_1x1, "<svg/>", "t")]))[0]!.text).toContain("<image/png 1×1>");
    expect(compareNotebooks(notebook(code([bundle(PNG_1x1, "<svg/>", "t")])), notebook(code([bundle(otherBytesSamePicture, "<svg/>", "t")])))).toEqual([]);
    expect(compareNotebooks(notebook(code([bundle(PNG_1x1, "<svg/>", "t")])), notebook(code([bundle(PNG_1x1, "<svg/>", "u")])))[0]!.message).toMatch(/- {2}"title": "t"\n\s+\+ {2}"title": "u"/);
  });

  it("reports missing and new outputs", () => {
    const message = compareNotebooks(notebook(code([stdout("a\n")])), notebook(code([stdout("a\n"), { output_type: "error", ename: "TypeError", evalue: "boom", traceback: [] }])))[0]!.message;
    expect(message).toContain("output 2 (error) is new");
    expect(message).toContain("+ TypeError: boom");
  });
});

describe("lineDiff", () => {
  it("shows context around a change and elides the rest", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const after = before.replace("line 10", "line ten");
    expect(lineDiff(before, after, { context: 1 })).toBe(["  …", "  line 9", "- line 10", "+ line ten", "  line 11", "  …"].join("\n"));
  });

  it("aligns insertions and deletions on the longest common subsequence", () => {
    expect(lineDiff("a\nb\nc", "a\nc\nd", { context: 5 })).toBe(["  a", "- b", "  c", "+ d"].join("\n"));
  });
});

describe("parseNotebook", () => {
  it("explains what is wrong with a file that is not a notebook", () => {
    expect(() => parseNotebook("{", "x.ipynb")).toThrow(/x.ipynb: not valid JSON/);
    expect(() => parseNotebook("{}", "x.ipynb")).toThrow(/no "cells" array/);
    expect(() => parseNotebook('{"cells": [], "nbformat": 3}', "x.ipynb")).toThrow(/nbformat 3/);
  });
});
