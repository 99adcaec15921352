// Whatever text arrives, a reader either returns a well-formed, finite QUBO or throws a FormatError
// with a located diagnostic: never another exception, a NaN, or a hang.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Qubo } from "../../src/compile/qubo.js";
import { parseBeasley } from "../../src/io/beasley.js";
import { FormatError } from "../../src/io/format-error.js";
import { maxCutQubo } from "../../src/io/graph.js";
import { parseQbsolv } from "../../src/io/qbsolv.js";
import { parseRudy } from "../../src/io/rudy.js";

function expectWellFormed(qubo: Qubo): void {
  const n = qubo.linear.length;
  expect(qubo.variables).toHaveLength(n);
  expect(Number.isFinite(qubo.offset)).toBe(true);
  for (const h of qubo.linear) expect(Number.isFinite(h)).toBe(true);
  for (let k = 0; k < qubo.values.length; k++) {
    expect(Number.isFinite(qubo.values[k])).toBe(true);
    expect(0 <= qubo.rows[k] && qubo.rows[k] < qubo.cols[k] && qubo.cols[k] < n).toBe(true);
  }
}

function outcome(read: () => Qubo): "ok" | "format-error" {
  try {
    expectWellFormed(read());
    return "ok";
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    const { span } = error.diagnostic;
    expect(span.start.line).toBeGreaterThanOrEqual(1);
    expect(span.start.column).toBeGreaterThanOrEqual(1);
    return "format-error";
  }
}

// Mostly plausible tokens, so that inputs get past the header often enough to exercise the body.
const token = fc.oneof(
  fc.integer({ min: -3, max: 6 }).map(String),
  fc.constantFrom("p", "qubo", "c", "C", "P", "0", "1", "2", "3", "-1", "1.5", "1e3", "nan", "inf", "0x1", "", "1e999", "x"),
  fc.string({ maxLength: 4 }),
);
const line = fc
  .tuple(fc.array(token, { maxLength: 6 }), fc.constantFrom(" ", "\t", "  "))
  .map(([tokens, separator]) => tokens.join(separator));
const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join("\n"));

/** Runs `read` on many texts; both outcomes must occur, or the generator is not probing anything. */
function probe(texts: fc.Arbitrary<string>, read: (t: string) => Qubo): void {
  const seen = { ok: 0, "format-error": 0 };
  fc.assert(
    fc.property(texts, (t) => {
      seen[outcome(() => read(t))]++;
    }),
    { numRuns: 1500 },
  );
  expect(seen.ok).toBeGreaterThan(0);
  expect(seen["format-error"]).toBeGreaterThan(0);
}

describe("readers on arbitrary text", () => {
  it("qbsolv: a valid QUBO or a located FormatError", () => {
    const small = fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.integer({ min: -5, max: 5 })), { maxLength: 3 }).map((entries) =>
      entries.map(([i, j, v]) => `${Math.min(i, j)} ${Math.max(i, j)} ${v}`).join("\n"),
    );
    probe(fc.oneof(text, text.map((t) => `p qubo 0 4 2 2\n${t}`), small.map((t) => `p qubo 0 4 0 0\n${t}`)), (t) => parseQbsolv(t).qubo);
  });

  it("Beasley: a valid QUBO or a located FormatError", () => {
    const body = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -5, max: 5 })), { maxLength: 2 });
    const plausible = body.map((entries) => `1\n3 ${entries.length}\n${entries.map((e) => e.join(" ")).join("\n")}`);
    probe(fc.oneof(text, text.map((t) => `1\n3 2\n${t}`), plausible), (t) => parseBeasley(t).qubo);
  });

  it("rudy: a valid QUBO or a located FormatError", () => {
    probe(fc.oneof(text, text.map((t) => `4 2\n${t}`), text.map((t) => `4 0\n${t}`)), (t) => maxCutQubo(parseRudy(t)).qubo);
  });
});
