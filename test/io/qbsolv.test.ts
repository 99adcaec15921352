import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quboEnergy, quboFromTerms } from "../../src/compile/qubo.js";
import { FormatError } from "../../src/io/format-error.js";
import { formatQbsolv, parseQbsolv } from "../../src/io/qbsolv.js";

const SMALL = `c a three-variable example
p qubo 0 3 2 2
c nodes first
0 0 -1.5
2 2 4
0 1 2
1 2 -3
`;

function formatErrorOf(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error("expected a FormatError");
}

describe("parseQbsolv", () => {
  it("reads nodes as linear terms and couplers as upper-triangular couplings", () => {
    const { qubo, header, sense } = parseQbsolv(SMALL, { file: "small.qubo" });
    expect(header).toEqual({ topology: "0", maxNodes: 3, nNodes: 2, nCouplers: 2 });
    expect(sense).toBe("min");
    expect(qubo.variables).toEqual(["x[0]", "x[1]", "x[2]"]);
    expect([...qubo.linear]).toEqual([-1.5, 0, 4]);
    expect([...qubo.rows]).toEqual([0, 1]);
    expect([...qubo.cols]).toEqual([1, 2]);
    expect([...qubo.values]).toEqual([2, -3]);
    // x = (1, 1, 1): −1.5 + 4 + 2 − 3 by hand.
    expect(quboEnergy(qubo, [1, 1, 1])).toBe(1.5);
    expect(quboEnergy(qubo, [1, 0, 1])).toBe(2.5);
  });

  it("negates every coefficient when read as a maximisation problem", () => {
    const min = parseQbsolv(SMALL);
    const max = parseQbsolv(SMALL, { sense: "max" });
    expect(max.sense).toBe("max");
    for (const x of [[0, 0, 0], [1, 1, 0], [1, 1, 1], [0, 1, 1]]) {
      expect(quboEnergy(max.qubo, x)).toBe(0 - quboEnergy(min.qubo, x));
    }
  });

  it("accepts upper-case C comments and P header, as qbsolv does", () => {
    const { qubo } = parseQbsolv("C upper-case comment\nP qubo 0 2 1 1\n1 1 3\nComment too\n0 1 -2\n");
    expect([...qubo.linear]).toEqual([0, 3]);
    expect([...qubo.values]).toEqual([-2]);
  });

  it("accepts CRLF line endings, blank lines and the offset comment", () => {
    const text = "c offset 2.5\r\np qubo 0 2 1 1\r\n\r\n0 0 1\r\n0 1 -1\r\n";
    const { qubo } = parseQbsolv(text);
    expect(qubo.offset).toBe(2.5);
    expect(quboEnergy(qubo, [1, 1])).toBe(2.5);
  });

  it.each([
    ["no header at all", "c only a comment\n", "missing-header", 2, "no header line"],
    ["data before the header", "0 0 1\np qubo 0 1 1 0\n", "missing-header", 1, "expected the header line"],
    ["a header that is not qubo", "p qubx 0 2 0 0\n", "bad-header", 1, "file type must be 'qubo'"],
    ["a short header", "p qubo 0 2 0\n", "wrong-field-count", 1, "nCouplers"],
    ["a non-integer nNodes", "p qubo 0 2 x 0\n", "bad-number", 1, "nNodes must be an integer, got 'x'"],
    ["nNodes above maxNodes", "p qubo 0 2 3 0\n", "out-of-range", 1, "nNodes must be in 0..2, got 3"],
    ["a NaN value", "p qubo 0 2 1 0\n0 0 nan\n", "bad-number", 2, "value must be a number, got 'nan'"],
    ["an overflowing value", "p qubo 0 2 1 0\n0 0 1e999\n", "bad-number", 2, "value 1e999 is not a finite double"],
    ["a hexadecimal value", "p qubo 0 2 1 0\n0 0 0x10\n", "bad-number", 2, "value must be a number"],
    ["a node index past maxNodes", "p qubo 0 2 1 0\n2 2 1\n", "out-of-range", 2, "i must be in 0..1, got 2"],
    ["a lower-triangular coupler", "p qubo 0 2 0 1\n1 0 1\n", "not-upper-triangular", 2, "i < j"],
    ["a duplicate node", "p qubo 0 2 2 0\n0 0 1\n0 0 2\n", "duplicate-entry", 3, "duplicate node 0 (first given on line 2)"],
    ["a duplicate coupler", "p qubo 0 3 0 2\n0 1 1\n0 1 2\n", "duplicate-entry", 3, "duplicate coupler (0, 1)"],
    ["too many nodes", "p qubo 0 3 1 0\n0 0 1\n1 1 1\n", "count-mismatch", 3, "more node lines than the header's nNodes = 1"],
    ["too few couplers", "p qubo 0 3 0 2\n0 1 1\n", "count-mismatch", 1, "nCouplers = 2 but the file has 1 coupler lines"],
    ["an extra field", "p qubo 0 2 1 0\n0 0 1 7\n", "wrong-field-count", 2, "unexpected extra field '7'"],
    ["a second header", "p qubo 0 2 0 0\np qubo 0 2 0 0\n", "duplicate-header", 2, "first is on line 1"],
  ])("reports %s as a diagnostic naming file, line and field", (_, text, code, line, message) => {
    const error = formatErrorOf(() => parseQbsolv(text, { file: "bad.qubo" }));
    expect(error.diagnostic.code).toBe(code);
    expect(error.diagnostic.span.file).toBe("bad.qubo");
    expect(error.diagnostic.span.start.line).toBe(line);
    expect(error.diagnostic.message).toContain(message);
    expect(error.message.startsWith(`bad.qubo:${line}:`)).toBe(true);
  });

  it("points the column at the offending field", () => {
    const error = formatErrorOf(() => parseQbsolv("p qubo 0 2 1 0\n0   0 abc\n"));
    expect(error.diagnostic.span.start).toEqual({ line: 2, column: 7, offset: 21 });
    expect(error.diagnostic.span.end.column).toBe(10);
  });

  it("rejects an unknown sense as API misuse", () => {
    expect(() => parseQbsolv(SMALL, { sense: "maximum" as "max" })).toThrow(RangeError);
  });
});

describe("formatQbsolv", () => {
  it("writes the header, every node, then the non-zero couplers", () => {
    const qubo = quboFromTerms(["a", "b", "c"], [[0, 0, 1], [0, 2, -2.25], [1, 2, 3]], -4);
    expect(formatQbsolv(qubo, { comments: ["made by hand"] })).toBe(
      "c made by hand\nc offset -4\np qubo 0 3 3 2\n0 0 1\n1 1 0\n2 2 0\n0 2 -2.25\n1 2 3\n",
    );
  });

  it("refuses non-finite coefficients and multi-line comments", () => {
    const qubo = quboFromTerms(["a"], [[0, 0, 1]]);
    expect(() => formatQbsolv({ ...qubo, linear: Float64Array.of(Number.NaN) })).toThrow(RangeError);
    expect(() => formatQbsolv({ ...qubo, offset: Infinity })).toThrow(RangeError);
    expect(() => formatQbsolv(qubo, { comments: ["two\nlines"] })).toThrow(RangeError);
  });

  it("round-trips any QUBO exactly, offset included", () => {
    const coefficient = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    const problem = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        terms: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), coefficient), { maxLength: 40 }),
        offset: coefficient,
        x: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(problem, ({ n, terms, offset, x }) => {
        const names = Array.from({ length: n }, (_, i) => `x[${i}]`);
        const qubo = quboFromTerms(names, terms, offset);
        const back = parseQbsolv(formatQbsolv(qubo)).qubo;
        expect(back.variables).toEqual(names);
        expect(back.linear).toEqual(qubo.linear);
        expect(back.rows).toEqual(qubo.rows);
        expect(back.cols).toEqual(qubo.cols);
        expect(back.values).toEqual(qubo.values);
        expect(Object.is(back.offset, qubo.offset) || back.offset === qubo.offset).toBe(true);
        // `+ 0` folds −0 into 0: a −0 offset is written as no offset at all.
        expect(quboEnergy(back, x) + 0).toBe(quboEnergy(qubo, x) + 0);
      }),
      { numRuns: 200 },
    );
  });
});
