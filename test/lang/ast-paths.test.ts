// The parser's two paths must agree: for text the fast path accepts (the parser's actions build the
// AST), the recovering CST path must give the same AST, field for field and in the same key order,
// and report nothing beyond the lexer's diagnostics. Text the fast path gives up on must have
// something to report, or the slow path ran for nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex } from "../../src/lang/lexer.js";
import { parseClean, parseWithRecovery } from "../../src/lang/parse.js";
import { corpus, mutatedCorpus, TOKENS } from "./corpus-mutations.js";
import { GOLDEN_CASES } from "./golden-cases.js";

/** Compares the paths on one text; returns whether the fast path accepted it. */
function expectPathsAgree(source: string, file?: string): boolean {
  const lexed = lex(source, file);
  if (!lexed.parseable) return false; // too deeply nested: neither path parses it
  const fast = parseClean(source, file, lexed);
  const slow = parseWithRecovery(source, file, lexed);
  if (fast === undefined) {
    expect(slow.diagnostics.length, `fast path gave up on text with nothing to report:\n${source}`).toBeGreaterThan(lexed.diagnostics.length);
    return false;
  }
  expect(slow.diagnostics).toEqual(lexed.diagnostics);
  expect(fast).toStrictEqual(slow.ast);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.ast));
  return true;
}

/** Expressions over every operator, prefix and atom, nested, as text. */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x", "n", "1", "2.5", "true", "false", "pi", "e", "w[i]", "c[i][j]", "max(a, b)", "sqrt(2)"),
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^", "==", "!=", "<", "<=", ">", ">=", "and", "or"), tie("expr")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("expr").map((a) => `-${a}`),
    tie("expr").map((a) => `not ${a}`),
    tie("expr").map((a) => `(${a})`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `if ${c} then ${a} else ${b}`),
    fc.tuple(tie("expr"), tie("expr")).map(([w, b]) => `sum(i in 0..n-1, (u, v) in edges where ${w}) ${b}`),
  ),
})).expr;

describe("the fast and the recovering parse paths", () => {
  it("agree on every corpus program, with and without a file name", () => {
    for (const source of corpus) {
      expect(expectPathsAgree(source)).toBe(true);
      expect(expectPathsAgree(source, "model.qp")).toBe(true);
    }
    expect(expectPathsAgree(corpus.join("\n"))).toBe(true);
  });

  it("agree on the golden diagnostic cases (the fast path gives up exactly where a syntax rule is broken)", () => {
    let accepted = 0;
    for (const { source } of GOLDEN_CASES) if (expectPathsAgree(source)) accepted++;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(GOLDEN_CASES.length);
  });

  it("agree on expressions in every position an expression can take", () => {
    fc.assert(
      fc.property(expression, expression, (a, b) => {
        const source = `problem p {\n  param v: real = ${a}\n  let l = ${b}\n  constraint c[i in 0..${a}]: ${a} <= ${b} penalty ${b}\n  minimize ${b}\n}\n` +
          `circuit k(t: angle[${a}]) {\n  qubit q[${a}]\n  for i in ${a}..${b} { rz(${a}, ${b}) q[${b}] }\n}`;
        expectPathsAgree(source);
      }),
      { numRuns: 400, seed: 20261203 },
    );
  }, 120_000);

  it("agree on random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (parts) => {
        expectPathsAgree(parts.join(" "));
      }),
      { numRuns: 1000, seed: 20261204 },
    );
  }, 120_000);

  it("agree on thousands of mutations of the corpus", () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedCorpus(3), (source) => {
        if (expectPathsAgree(source)) accepted++;
      }),
      { numRuns: 3000, seed: 20261205 },
    );
    // Some mutations land in comments, whitespace or a name and leave the text valid.
    expect(accepted).toBeGreaterThan(20);
  }, 300_000);

  it("agree on long chains, long lines and nesting near the limit", () => {
    const terms = Array.from({ length: 1500 }, (_, i) => `${i % 7} * x[${i % 10}]`).join(" + ");
    const sources = [
      `problem p {\n  var x: binary[10]\n  minimize ${terms}\n}`,
      `problem p {\n  var x: binary\n  minimize ${"x + ".repeat(3_999)}x\n}`,
      `problem p {\n  var x: binary\n  minimize ${"x + ".repeat(4_000)}x\n}`,
      `problem p {\n  var x: binary\n  minimize ${"(".repeat(60)}x${")".repeat(60)}\n}`,
      `problem p {\n  param a: real = ${"- ".repeat(60)}1\n  param b: bool = ${"not ".repeat(60)}true\n}`,
    ];
    expect(sources.map((source) => expectPathsAgree(source))).toEqual([true, true, false, true, true]);
  });
});
