import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { format } from "../../src/lang/format.js";
import { parse } from "../../src/lang/parse.js";
import { withoutSpans } from "../lang/ast-equality.js";

const dir = new URL("../../grammar/examples/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".qp")).sort();

describe("the example corpus", () => {
  it("has at least 15 programs", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of files) {
    const source = readFileSync(new URL(file, dir), "utf8");

    it(`${file} parses and checks clean`, () => {
      const { diagnostics, symbols } = check(source, { file });
      expect(diagnostics).toEqual([]);
      const nDeclarations = symbols.problems.size + symbols.circuits.size + symbols.gates.size + symbols.ansatzes.size;
      expect(nDeclarations).toBeGreaterThan(0);
    });

    it(`${file} formats to a fixed point with the same AST and comments`, () => {
      const first = parse(source, { file });
      const formatted = format(first.ast);
      const second = parse(formatted, { file });
      expect(second.diagnostics).toEqual([]);
      expect(withoutSpans(second.ast)).toEqual(withoutSpans(first.ast));
      expect(second.ast.comments.map((c) => c.text)).toEqual(first.ast.comments.map((c) => c.text));
      expect(format(second.ast)).toBe(formatted);
    });
  }

  it("covers every construct of the language", () => {
    const all = files.map((f) => readFileSync(new URL(f, dir), "utf8")).join("\n");
    const constructs = [
      "param", "var", "let", "minimize", "maximize", "constraint", "penalty auto", "penalty ", "soft ", "where", "if ", "then", "else",
      "binary", "spin", "encoding unary", "encoding onehot", "encoding domainwall", "encoding binary", ")[]", "sum((", "][", "circuit",
      "gate ", "qubit", "for ", "measure", "reset", "barrier", "= qaoa(", "pi", "/*", "//", ";", "bool", "abs(", "sqrt(", "max(",
    ];
    expect(constructs.filter((c) => !all.includes(c))).toEqual([]);
  });
});
