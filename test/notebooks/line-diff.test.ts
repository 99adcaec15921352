import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../src/notebooks/index.js";

const text = fc.array(fc.constantFrom("a", "b", "c", "total = 30", ""), { maxLength: 12 }).map((lines) => lines.join("\n"));

/** The lines of a text as the diff sees them: a final newline ends the last line. */
const linesOf = (s: string): string[] => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));

describe("lineDiff (property)", () => {
  it("reconstructs both texts: ' ' and '-' lines give the committed lines, ' ' and '+' lines the new ones", () => {
    fc.assert(
      fc.property(text, text, (expected, actual) => {
        const diff = lineDiff(expected, actual, { context: 1000, maxLines: 10_000 });
        if (JSON.stringify(linesOf(expected)) === JSON.stringify(linesOf(actual))) {
          if (expected !== actual) expect(diff).toContain("differ only in a final newline");
          return;
        }
        const lines = diff.split("\n");
        const side = (keep: string) => lines.filter((l) => l.startsWith(" ") || l.startsWith(keep)).map((l) => l.slice(2));
        expect(side("-")).toEqual(linesOf(expected));
        expect(side("+")).toEqual(linesOf(actual));
      }),
      { numRuns: 500 },
    );
  });
});
