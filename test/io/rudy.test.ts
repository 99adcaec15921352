import { describe, expect, it } from "vitest";
import { quboEnergy } from "../../src/compile/qubo.js";
import { FormatError } from "../../src/io/format-error.js";
import { cutWeight, maxCutQubo } from "../../src/io/graph.js";
import { objectiveFromEnergy } from "../../src/io/qubo-problem.js";
import { parseRudy } from "../../src/io/rudy.js";
import { SHARED_DATA_PRESENT, SKIP_NOTE, rawRows, readSharedJson, readSharedText } from "./shared-data.js";

// A weighted triangle plus a pendant node: 1–2 (3), 2–3 (−1), 1–3 (2), 3–4 (5).
const SMALL = "4 4\n1 2 3\n2 3 -1\n1 3 2\n3 4\n";

describe("parseRudy and maxCutQubo", () => {
  it("reads 1-based edges (weight 1 when omitted) into a 0-based graph", () => {
    const graph = parseRudy(SMALL);
    expect(graph.nNodes).toBe(4);
    expect([...graph.from]).toEqual([0, 1, 0, 2]);
    expect([...graph.to]).toEqual([1, 2, 2, 3]);
    expect([...graph.weight]).toEqual([3, -1, 2, 1]);
  });

  it("builds a QUBO whose energy is minus the cut weight on every assignment", () => {
    const graph = parseRudy(SMALL);
    const problem = maxCutQubo(graph);
    expect(problem.sense).toBe("max");
    for (let bits = 0; bits < 16; bits++) {
      const x = [0, 1, 2, 3].map((i) => (bits >> i) & 1);
      expect(objectiveFromEnergy(problem, quboEnergy(problem.qubo, x))).toBe(cutWeight(graph, x));
    }
    // Node 3 alone on its side (0-based 2): cuts 2–3 (−1), 1–3 (2), 3–4 (1) by hand.
    expect(cutWeight(graph, [0, 0, 1, 0])).toBe(2);
  });

  it("ignores self-loops and adds parallel edges", () => {
    const problem = maxCutQubo(parseRudy("2 3\n1 1 9\n1 2 2\n2 1 3\n"));
    expect([...problem.qubo.linear]).toEqual([-5, -5]);
    expect([...problem.qubo.values]).toEqual([10]);
    expect(-quboEnergy(problem.qubo, [1, 0])).toBe(5);
  });

  it.each([
    ["an empty file", "", "missing-header", 1, "expected the header 'n m'"],
    ["a node outside 1..n", "3 1\n1 4 1\n", "out-of-range", 2, "v must be in 1..3, got 4"],
    ["a non-finite weight", "3 1\n1 2 inf\n", "bad-number", 2, "w must be a number, got 'inf'"],
    ["more edges than declared", "3 1\n1 2\n2 3\n", "count-mismatch", 3, "more edge lines than the header's m = 1"],
    ["fewer edges than declared", "3 3\n1 2\n", "count-mismatch", 1, "header declares m = 3 edges but the file has 1"],
    ["a one-field edge line", "3 1\n1\n", "wrong-field-count", 2, "edge line has 1 field but needs 3: u, v, w"],
  ])("reports %s", (_, text, code, line, message) => {
    let error: unknown;
    try {
      parseRudy(text, { file: "g.rud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    const { diagnostic } = error as FormatError;
    expect(diagnostic.code).toBe(code);
    expect(diagnostic.span.start.line).toBe(line);
    expect(diagnostic.message).toContain(message);
    expect((error as Error).message).toMatch(new RegExp(`^g\\.rud:${line}:`));
  });

  it("rejects malformed graphs and assignments as API misuse", () => {
    const graph = parseRudy(SMALL);
    expect(() => maxCutQubo({ ...graph, to: Int32Array.of(1, 2, 2, 9) })).toThrow(RangeError);
    expect(() => maxCutQubo({ ...graph, weight: Float64Array.of(1, Number.NaN, 1, 1) })).toThrow(RangeError);
    expect(() => cutWeight(graph, [0, 1])).toThrow(RangeError);
  });
});

describe.skipIf(!SHARED_DATA_PRESENT)(`Gset graphs in ../shared/data${SKIP_NOTE}`, () => {
  const known = SHARED_DATA_PRESENT ? readSharedJson<Record<string, { file: string } | string>>("maxcut/gset/best_known.json") : {};
  const files = Object.values(known).flatMap((e) => (typeof e === "string" ? [] : [e.file]));

  it("lists G1–G21", () => {
    expect(files).toHaveLength(21);
  });

  it("reads every graph: counts match the header; the cut of a pattern matches the raw edge list", () => {
    for (const file of files) {
      const text = readSharedText(`maxcut/gset/${file}`);
      const [[n, m], ...edges] = rawRows(text).map((row) => row.map(Number));
      const graph = parseRudy(text, { file });
      expect(graph.nNodes, file).toBe(n);
      expect(graph.weight.length, file).toBe(m);
      expect(edges.length, file).toBe(m);
      const problem = maxCutQubo(graph, "rudy", file);
      expect(problem.qubo.linear.length, file).toBe(n);
      // Nodes with an odd 1-based number on one side: count cut edges straight from the file.
      const side = (node: number) => node % 2;
      const expected = edges.reduce((cut, [u, v, w]) => cut + (side(u) !== side(v) ? w : 0), 0);
      const x = Array.from({ length: n }, (_, i) => side(i + 1));
      expect(-quboEnergy(problem.qubo, x), file).toBe(expected);
      expect(cutWeight(graph, x), file).toBe(expected);
      expect(quboEnergy(problem.qubo, new Array(n).fill(1)), file).toBe(0);
    }
  });
});
