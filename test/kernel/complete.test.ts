import { describe, expect, it } from "vitest";
import { completeReply, inspectReply } from "../../src/kernel/complete.js";

const SESSION = "problem knapsack {\n  param n: int\n  var take: binary[n]\n  maximize sum(i in 0..n-1) take[i]\n}\n\ngate rzz2(t: angle) a, b {\n  cx a, b\n  rz(t) b\n  cx a, b\n}";

describe("completion", () => {
  it("offers keywords from the grammar for a prefix", () => {
    const reply = completeReply("", "mini", 4);
    expect(reply["matches"]).toEqual(["minimize"]);
    expect([reply["cursor_start"], reply["cursor_end"]]).toEqual([0, 4]);
  });

  it("offers declared names and members with their types", () => {
    const reply = completeReply(SESSION, "compile kn", 10);
    expect(reply["matches"]).toEqual(["knapsack"]);
    const types = (reply["metadata"] as { _jupyter_types_experimental: { text: string; type: string }[] })._jupyter_types_experimental;
    expect(types).toEqual([{ start: 8, end: 10, text: "knapsack", type: "problem" }]);
    expect(completeReply(SESSION, "ta", 2)["matches"]).toEqual(["take"]);
  });

  it("offers built-in and user-defined gates", () => {
    const code = "circuit c() {\n  qubit q[2]\n  rz";
    const matches = completeReply(SESSION, code, code.length)["matches"] as string[];
    expect(matches).toContain("rzz2");
    expect(matches.every((m) => m.startsWith("rz"))).toBe(true);
  });

  it("counts the cursor in code points, so text after an emoji still lines up", () => {
    const code = "// 🙂\ncomp";
    const reply = completeReply("", code, [...code].length);
    expect(reply["matches"]).toEqual(["compile"]);
    expect(reply["cursor_start"]).toBe([..."// 🙂\n"].length);
  });
});

describe("inspection", () => {
  it("shows a declared problem's shape and a member's declaration", () => {
    const problem = inspectReply(SESSION, "compile knapsack", 11);
    expect(problem["found"]).toBe(true);
    expect((problem["data"] as Record<string, string>)["text/plain"]).toMatch(/^knapsack: problem\nproblem knapsack: 1 params, 1 vars, 0 constraints/);
    const member = inspectReply(SESSION, "take", 2);
    expect((member["data"] as Record<string, string>)["text/plain"]).toContain("var take: binary[n]");
  });

  it("shows a built-in gate's arity", () => {
    expect((inspectReply("", "cx", 1)["data"] as Record<string, string>)["text/plain"]).toMatch(/gate cx: built-in, 2 qubits, 0 angles/);
  });

  it("finds nothing for unknown words or blank space", () => {
    expect(inspectReply("", "nothing_here", 3)["found"]).toBe(false);
    expect(inspectReply("", "   ", 1)["found"]).toBe(false);
  });
});
