import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellOutput } from "../../src/kernel/cell-outcome.js";
import { KernelSession } from "../../src/kernel/session.js";
import { type FencedBlock, fencedBlocks } from "./markdown.js";
import { pages, readPage, root } from "./pages.js";

// A ```qp cell block is a notebook cell for the qpipe kernel (declarations and commands). The cells
// of a page run in order in one session, as the cells of one notebook, and none may fail; a
// ```text output block right after a cell must be the cell's text: each output's text/plain (or
// stream text) on its own lines, in order.

interface DocCell {
  readonly cell: FencedBlock;
  readonly output: FencedBlock | undefined;
}

function docCells(markdown: string): DocCell[] {
  const blocks = fencedBlocks(markdown);
  const cells: DocCell[] = [];
  blocks.forEach((block, k) => {
    const isOutput = block.flags.includes("output");
    const previous = blocks[k - 1];
    if (isOutput && !(previous?.lang === "qp" && previous.flags.includes("cell"))) {
      throw new Error(`line ${block.line}: an output block must follow a qp cell block`);
    }
    if (block.lang === "qp" && block.flags.includes("cell")) {
      const next = blocks[k + 1];
      cells.push({ cell: block, output: next?.flags.includes("output") ? next : undefined });
    }
  });
  return cells;
}

function outputText(output: CellOutput): string {
  const text = output.kind === "stream" ? output.text : output.data["text/plain"];
  return String(text).replace(/\n$/, "");
}

const withCells = pages.map((page) => [page, docCells(readPage(page))] as const).filter(([, cells]) => cells.length > 0);

describe("qpipe kernel cells in the documentation", () => {
  it("finds them", () => {
    expect(withCells.map(([page]) => page)).toContain("docs/kernel.md");
  });

  it.each(withCells)("%s: every cell runs in one session, printing what the page shows", { timeout: 120_000 }, async (page, cells) => {
    const session = new KernelSession({ cwd: join(root, "docs") });
    for (const { cell, output } of cells) {
      const outcome = await session.execute(cell.code);
      expect(outcome.error, `the cell at ${page}:${cell.line}`).toBeUndefined();
      if (output) expect(outcome.outputs.map(outputText).join("\n"), `the output at ${page}:${output.line}`).toBe(output.code);
    }
  });
});
