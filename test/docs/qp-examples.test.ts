import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { renderDiagnostics } from "../../src/lang/render.js";
import { fencedBlocks } from "./markdown.js";

const root = resolve(import.meta.dirname, "../..");
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Every ```qp block of every page, as [where, source]. */
const examples = pages.flatMap((page) =>
  fencedBlocks(readFileSync(join(root, page), "utf8"))
    // Cells (```qp cell) mix in notebook commands: kernel-cells.test.ts runs them in the kernel.
    .filter((block) => block.lang === "qp" && !block.flags.includes("no-check") && !block.flags.includes("cell"))
    .map((block) => [`${page}:${block.line}`, block.code] as const),
);

describe("qpipe-language examples in the documentation", () => {
  it("finds them", () => {
    expect(examples.map(([where]) => where)).toEqual(expect.arrayContaining([expect.stringMatching(/^README\.md:/)]));
  });

  it.each(examples)("%s checks without errors or warnings", (where, source) => {
    const { diagnostics } = check(source, { file: where });
    expect(renderDiagnostics(diagnostics, source)).toBe("");
  });
});
