import { describe, expect, it } from "vitest";
import { isComplete } from "../../src/kernel/is-complete.js";

describe("is_complete", () => {
  it("asks for more lines while brackets, strings or block comments are open", () => {
    expect(isComplete("problem p {")).toEqual({ status: "incomplete", indent: "  " });
    expect(isComplete("problem p {\n  minimize sum(i in 0..2")).toEqual({ status: "incomplete", indent: "    " });
    expect(isComplete('bind p {"name": "a')).toEqual({ status: "incomplete", indent: "" });
    expect(isComplete("/* a comment")).toEqual({ status: "incomplete", indent: "" });
  });

  it("calls text invalid when a bracket closes nothing or the syntax is wrong", () => {
    expect(isComplete("problem p { }}").status).toBe("invalid");
    expect(isComplete("problem 3 {}").status).toBe("invalid");
  });

  it("calls complete declarations and commands complete", () => {
    expect(isComplete("circuit bell() {\n  qubit q[2]\n  h q[0]\n  cx q[0], q[1]\n}").status).toBe("complete");
    expect(isComplete('compile p\nbind p {"n": [1, 2]}').status).toBe("complete");
    expect(isComplete("// only a comment } with a brace").status).toBe("complete");
  });
});
