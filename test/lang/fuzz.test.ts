// Any text fed to `check` yields diagnostics: never an exception, a hang or a stack overflow.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import type { Diagnostic } from "../../src/lang/diagnostic.js";
import { format } from "../../src/lang/format.js";
import { parse } from "../../src/lang/parse.js";
import { renderDiagnostics } from "../../src/lang/render.js";
import { mutatedCorpus, TOKENS } from "./corpus-mutations.js";

/** Checks the invariants every result must satisfy. */
function expectWellFormed(source: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.end.offset).toBeGreaterThanOrEqual(d.span.start.offset);
    expect(d.span.start.offset).toBeLessThanOrEqual(source.length + 1);
    expect(Number.isFinite(d.span.start.line) && Number.isFinite(d.span.start.column)).toBe(true);
  }
  expect(typeof renderDiagnostics(diagnostics, source)).toBe("string");
}

/** A parse without syntax errors must format to text that parses again without syntax errors. */
function expectFormattable(source: string): void {
  const parsed = parse(source);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return;
  expect(parse(format(parsed.ast)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}

describe("check on arbitrary input", () => {
  it("survives random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (parts) => {
        const source = parts.join(" ");
        expectWellFormed(source, check(source).diagnostics);
        expectFormattable(source);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  }, 120_000);

  it("survives random mutations of the corpus", () => {
    fc.assert(
      fc.property(mutatedCorpus(4), (source) => {
        expectWellFormed(source, check(source).diagnostics);
        expectFormattable(source);
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 120_000);

  it("survives arbitrary strings, including control characters and lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (source) => {
        expectWellFormed(source, check(source).diagnostics);
      }),
      { numRuns: 300, seed: 3 },
    );
  }, 120_000);

  it("reports 10,000-deep nested parentheses as nesting-too-deep", () => {
    const source = `problem p {\n  param a: real = ${"(".repeat(10_000)}1${")".repeat(10_000)}\n}`;
    const { diagnostics } = check(source);
    expect(diagnostics.map((d) => d.code)).toContain("nesting-too-deep");
    expectWellFormed(source, diagnostics);
  });

  it("reports deep unary chains, if-chains and sum-chains instead of overflowing", () => {
    for (const body of ["- ".repeat(10_000) + "1", "if true then 1 else ".repeat(5_000) + "2", "sum(i in 0..1) ".repeat(5_000) + "1", "not ".repeat(10_000) + "true", "2^".repeat(10_000) + "2"]) {
      const { diagnostics } = check(`problem p {\n  param a: real = ${body}\n}`);
      expect(diagnostics.map((d) => d.code)).toContain("nesting-too-deep");
    }
  });

  it("handles a very long line", () => {
    const terms = Array.from({ length: 1500 }, (_, i) => `${i % 7} * x[${i % 10}]`).join(" + ");
    const source = `problem p {\n  var x: binary[10]\n  minimize ${terms}\n}`;
    const { diagnostics } = check(source);
    expect(diagnostics).toEqual([]);
    const longest = `problem p {\n  var x: binary\n  minimize ${"x + ".repeat(3_999)}x\n}`;
    expect(check(longest).diagnostics).toEqual([]);
    expect(parse(format(parse(longest).ast)).diagnostics).toEqual([]);
    const tooLong = `problem p {\n  var x: binary\n  minimize ${"x + ".repeat(50_000)}x\n}`;
    expect(check(tooLong).diagnostics.map((d) => d.code)).toContain("expression-too-long");
  });

  it("reports tens of thousands of errors in one file without slowing down quadratically", () => {
    const { diagnostics } = check(`problem p {${"#a".repeat(50_000)}}`);
    const lexical = diagnostics.filter((d) => d.code === "unexpected-character");
    expect(lexical).toHaveLength(50_000);
    expect(lexical[49_999]!.span.start).toEqual({ line: 1, column: 12 + 2 * 49_999, offset: 11 + 2 * 49_999 });
  }, 120_000);

  it("accepts 60 levels of nesting, which is within the limit", () => {
    const source = `problem p {\n  var x: binary\n  minimize ${"(".repeat(60)}x${")".repeat(60)}\n}`;
    expect(check(source).diagnostics).toEqual([]);
  });
});
