// Lines and columns are derived from offsets (src/lang/span.ts, LineIndex): `\n` ends a line, so a
// file with `\r\n` line endings reports the same positions as the same file with `\n`.
import { describe, expect, it } from "vitest";
import { check } from "../../src/lang/check.js";
import { renderDiagnostics } from "../../src/lang/render.js";

const LF = "problem p { // a comment\n  var x: binary\n  /* two\n  lines */ minimize y + x\n}\n";

function positions(source: string) {
  return check(source).diagnostics.map((d) => ({ code: d.code, start: [d.span.start.line, d.span.start.column], end: [d.span.end.line, d.span.end.column] }));
}

describe("source positions", () => {
  it("are the same with CRLF line endings as with LF", () => {
    const lf = positions(LF);
    expect(lf).toEqual([{ code: "unknown-symbol", start: [4, 21], end: [4, 22] }]);
    expect(positions(LF.replaceAll("\n", "\r\n"))).toEqual(lf);
  });

  it("render the right source line for a CRLF file", () => {
    const source = LF.replaceAll("\n", "\r\n");
    const rendered = renderDiagnostics(check(source).diagnostics, source);
    expect(rendered).toContain("  lines */ minimize y + x");
    expect(rendered).toMatch(/:4:21/);
  });

  it("after an unterminated comment point past its last character", () => {
    const [diagnostic] = check("problem p {}\n/* open\nstill open\n").diagnostics;
    expect(diagnostic!.code).toBe("unterminated-comment");
    expect(diagnostic!.span.start).toEqual({ line: 2, column: 1, offset: 13 });
    expect(diagnostic!.span.end.offset).toBe(32);
  });
});
