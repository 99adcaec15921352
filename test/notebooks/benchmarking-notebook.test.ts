// The harness's notebook progress, as the real Jupyter client recorded it in notebooks/05: one
// display, opened with display_data and replaced in place by update_display_data messages (had the
// updates been lost, the committed output would still show the opening 0/N state).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isVolatile } from "../../src/notebooks/comparable-output.js";
import { joinLines, parseNotebook } from "../../src/notebooks/index.js";

const file = new URL("../../notebooks/05-benchmarking.ipynb", import.meta.url);
const nb = parseNotebook(readFileSync(file, "utf8"), "05-benchmarking.ipynb");

describe("notebooks/05-benchmarking.ipynb", () => {
  it("shows the suite's progress as one volatile display updated to its final state", () => {
    const cell = nb.cells.find((c) => c.cell_type === "code" && joinLines(c.source).includes("progress: suiteProgress()"))!;
    const progress = (cell.outputs ?? []).filter((o) => o.output_type === "display_data");
    expect(progress).toHaveLength(1);
    expect(isVolatile(progress[0]!.metadata)).toBe(true);
    const text = joinLines(progress[0]!.data!["text/plain"] as string | string[]);
    expect(text).toMatch(/^\[#{30}\] 40\/40 runs · done$/);
  });

  it("marks only the wall-clock cells volatile", () => {
    const volatile = nb.cells.filter((c) => c.cell_type === "code" && isVolatile(c.metadata)).map((c) => joinLines(c.source));
    expect(volatile).toHaveLength(3);
    for (const source of volatile) expect(source).toMatch(/Ms|elapsedMs/);
  });
});
