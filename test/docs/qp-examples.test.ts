import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { renderDiagnostics } from "../../src/lang/render.js";
import { blocksOf } from "./pages.js";

/** Every ```qp block of every page, as [where, source]. Cells (```qp cell) mix in notebook commands: kernel-cells.test.ts runs them. */
const examples = blocksOf("qp", (flags) => !flags.includes("no-check") && !flags.includes("cell"));

describe("qpipe-language examples in the documentation", () => {
  it("finds them", () => {
    expect(examples.map(([where]) => where)).toEqual(expect.arrayContaining([expect.stringMatching(/^README\.md:/)]));
  });

  it.each(examples)("%s checks without errors or warnings", (where, source) => {
    const { diagnostics } = check(source, { file: where });
    expect(renderDiagnostics(diagnostics, source)).toBe("");
  });
});
