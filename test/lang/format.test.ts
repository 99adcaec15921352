// Property: for any program, format(parse(src)) re-parses to the same AST (spans aside) and
// formatting is idempotent. Programs are generated as ASTs and written with every parenthesis,
// so the generated source is unambiguous whatever the formatter's precedence rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "../../src/lang/format.js";
import { parse } from "../../src/lang/parse.js";
import { withoutSpans } from "./ast-equality.js";

const names = fc.constantFrom("n", "w", "x", "flag", "total");
const number = fc.constantFrom("0", "1", "2.5", "1e-3", ".5", "10");

/** Fully parenthesised expression text of bounded depth. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    number,
    names,
    fc.constantFrom("pi", "e", "true", "false"),
    fc.tuple(names, tie("e")).map(([n, i]) => `${n}[${i}]`),
    fc.tuple(fc.constantFrom("+", "-", "*", "/", "^", "==", "!=", "<", "<=", ">", ">=", "and", "or"), tie("e"), tie("e")).map(([op, a, b]) => `(${a} ${op} ${b})`),
    tie("e").map((a) => `(-${a})`),
    tie("e").map((a) => `(not ${a})`),
    fc.tuple(fc.constantFrom("abs", "sqrt", "max"), tie("e"), tie("e")).map(([f, a, b]) => (f === "max" ? `${f}(${a}, ${b})` : `${f}(${a})`)),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
    fc.tuple(tie("e"), tie("e"), fc.option(tie("e"), { nil: undefined }), tie("e")).map(
      ([lo, hi, where, body]) => `(sum(i in ${lo}..${hi}${where === undefined ? "" : ` where ${where}`}) ${body})`,
    ),
    fc.tuple(tie("e"), tie("e")).map(([w, body]) => `(sum((u, v, w2) in edges where ${w}) ${body})`),
  ),
})).e;

const member = fc.oneof(
  expr.map((e) => `let total = ${e}`),
  expr.map((e) => `minimize ${e}`),
  fc.tuple(expr, fc.constantFrom("==", "<=", ">="), expr, fc.constantFrom("", " penalty auto", " penalty 3", " soft 0.5")).map(
    ([a, op, b, weight]) => `constraint c[i in 0..n-1 where i != 2]: (${a}) ${op} (${b})${weight}`,
  ),
  expr.map((e) => `param p: real[${e}] = ${e}`),
  fc.tuple(expr, expr).map(([lo, hi]) => `var y: int[${lo}..${hi}][n] encoding domainwall`),
);

const circuitStatement = fc.oneof(
  expr.map((e) => `rz(${e}) q[${e}]`),
  fc.tuple(expr, expr).map(([a, b]) => `for k in ${a}..${b} { cx q[k], q[k + 1]; h q }`),
  fc.constantFrom("barrier", "measure q", "reset q[0], q[1]"),
);

const program = fc
  .tuple(fc.array(member, { minLength: 1, maxLength: 4 }), fc.array(circuitStatement, { maxLength: 3 }), fc.boolean())
  .map(([members, statements, comment]) => {
    const problem = `problem p {\n${members.map((m) => `  ${m}${comment ? " // note" : ""}`).join("\n")}\n}`;
    return `${problem}\n/* circuits */\ncircuit c(t: angle) {\n  qubit q[4]\n${statements.map((s) => `  ${s}`).join("\n")}\n}\n`;
  });

describe("format", () => {
  it("re-parses to the same AST and is idempotent", () => {
    fc.assert(
      fc.property(program, (source) => {
        const first = parse(source);
        expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const formatted = format(first.ast);
        const second = parse(formatted);
        expect(second.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(withoutSpans(second.ast)).toEqual(withoutSpans(first.ast));
        expect(second.ast.comments.map((c) => c.text)).toEqual(first.ast.comments.map((c) => c.text));
        expect(format(second.ast)).toBe(formatted);
      }),
      { numRuns: 300, seed: 42 },
    );
  }, 120_000);

  it("uses the fewest parentheses that keep the tree", () => {
    const cases: [string, string][] = [
      ["(a + b) * c", "(a + b) * c"],
      ["a + (b * c)", "a + b * c"],
      ["a - (b - c)", "a - (b - c)"],
      ["(a - b) - c", "a - b - c"],
      ["(-x)^2", "(-x)^2"],
      ["-(x^2)", "-x^2"],
      ["2^(3^4)", "2^3^4"],
      ["(2^3)^4", "(2^3)^4"],
      ["not (a == b)", "not a == b"],
      ["(not a) == b", "(not a) == b"],
      ["(sum(i in 0..n-1) x[i]) * 2", "(sum(i in 0..n-1) x[i]) * 2"],
      ["(sum(i in 0..n-1) x[i]) + 2", "sum(i in 0..n-1) x[i] + 2"],
      ["(if c then a else b) + 1", "(if c then a else b) + 1"],
      ["1 + (if c then a else b)", "1 + if c then a else b"],
    ];
    for (const [input, expected] of cases) {
      const { ast } = parse(`problem p {\n  let v = ${input}\n}`);
      expect(format(ast)).toBe(`problem p {\n  let v = ${expected}\n}\n`);
    }
  });
});
