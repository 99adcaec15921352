import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import type { Diagnostic } from "../../src/lang/diagnostic.js";
import { renderDiagnostic } from "../../src/lang/render.js";
import { qp, QpTemplateError } from "../../src/lang/template.js";
import { GOLDEN_CASES } from "./golden-cases.js";
import { GOLDEN_EXPECTED } from "./golden-expected.js";

/** Every code the front end can report, read from the message catalogue and the context table. */
function allCodes(): string[] {
  const catalogue = readFileSync(new URL("../../src/lang/messages.ts", import.meta.url), "utf8");
  const contexts = readFileSync(new URL("../../src/lang/check-expr.ts", import.meta.url), "utf8");
  const codes = new Set<string>();
  for (const m of catalogue.matchAll(/(?:error|warning)\(\s*"([a-z-]+)"/g)) codes.add(m[1]!);
  for (const m of contexts.matchAll(/code: "([a-z-]+)"/g)) codes.add(m[1]!);
  return [...codes].sort();
}

/** Runs a `qp` template whose interpolation points are marked `${}` in `source`. */
function runTemplate(source: string, values: readonly unknown[]): [readonly Diagnostic[], string] {
  const parts = source.split("${}");
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  try {
    const program = qp(strings, ...values);
    return [program.diagnostics, program.source];
  } catch (error) {
    if (!(error instanceof QpTemplateError)) throw error;
    return [error.diagnostics, error.source];
  }
}

describe("diagnostics (golden)", () => {
  it("has a golden case for every diagnostic code", () => {
    const covered = new Set(GOLDEN_CASES.map((c) => c.code));
    expect(allCodes().filter((code) => !covered.has(code))).toEqual([]);
    expect(allCodes().length).toBeGreaterThan(50);
  });

  for (const { code, source, values } of GOLDEN_CASES) {
    it(`renders ${code} exactly`, () => {
      const [diagnostics, text] = values === undefined ? [check(source, { file: "golden.qp" }).diagnostics, source] : runTemplate(source, values);
      const hit = diagnostics.find((d) => d.code === code);
      expect(hit, `no ${code} among ${diagnostics.map((d) => d.code).join(", ")}`).toBeDefined();
      expect(renderDiagnostic(hit!, text)).toBe(GOLDEN_EXPECTED[code]);
    });
  }

  it("lists every diagnostic code in docs/language.md", () => {
    const docs = readFileSync(new URL("../../docs/language.md", import.meta.url), "utf8");
    expect(allCodes().filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });
});
