// The parser's CST hooks (grammar/flat-cst.ts) replace Chevrotain internals: these tests fail if a
// Chevrotain update stops calling them, or if node locations drift from the tokens they cover.
import { readdirSync, readFileSync } from "node:fs";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import type { FlatCstNode } from "../../grammar/flat-cst.js";
import { qpParser } from "../../grammar/parser.js";
import { lex, setEndOffsets } from "../../src/lang/lexer.js";

const dir = new URL("../../grammar/examples/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".qp")).sort();

function parseCst(source: string): { cst: FlatCstNode; errors: number } {
  const tokens = lex(source, undefined).tokens;
  setEndOffsets(tokens); // as the recovering parse path does before it builds a CST
  qpParser.input = tokens;
  const cst = qpParser.program() as unknown as FlatCstNode;
  return { cst, errors: qpParser.errors.length };
}

/** Offsets of the real tokens under a node, checking every node's location on the way. */
function coveredOffsets(node: FlatCstNode): { start: number; end: number } {
  let start = Number.NaN;
  let end = Number.NaN;
  expect(Array.isArray(node.children)).toBe(true);
  expect(node.children.length % 2).toBe(0);
  for (let i = 0; i < node.children.length; i += 2) {
    expect(typeof node.children[i]).toBe("string");
    const child = node.children[i + 1] as IToken | FlatCstNode;
    const range = "tokenType" in child ? { start: child.startOffset, end: child.endOffset! } : coveredOffsets(child);
    if (Number.isNaN(start)) start = range.start;
    if (!(range.end <= end)) end = range.end;
  }
  if (node.children.length > 0) expect(node.location).toEqual({ startOffset: start, endOffset: end });
  return { start, end };
}

describe("flat CST", () => {
  it("is what the parser builds: name/child pairs in source order", () => {
    const { cst, errors } = parseCst("problem p {\n  var x: binary\n  minimize x\n}\n");
    expect(errors).toBe(0);
    expect(cst.name).toBe("program");
    expect(cst.children[0]).toBe("problemDecl");
    const problem = cst.children[1] as FlatCstNode;
    expect(problem.children.filter((_, i) => i % 2 === 0)).toEqual(["Problem", "Identifier", "LCurly", "varDecl", "separator", "objectiveDecl", "separator", "RCurly"]);
  });

  for (const file of files) {
    it(`${file}: every node's location spans exactly its first to its last token`, () => {
      const { cst, errors } = parseCst(readFileSync(new URL(file, dir), "utf8"));
      expect(errors).toBe(0);
      coveredOffsets(cst);
    });
  }

  it("marks the node a syntax error was recovered in", () => {
    const { cst, errors } = parseCst("problem p {\n  var x: binary encoding )\n  minimize x\n}\n");
    expect(errors).toBeGreaterThan(0);
    const problem = cst.children[1] as FlatCstNode;
    const varDecl = problem.children[problem.children.indexOf("varDecl") + 1] as FlatCstNode;
    expect(varDecl.recoveredNode).toBe(true);
  });
});
