import { describe, expect, it } from "vitest";
import { historyReply, SESSION_NUMBER } from "../../src/kernel/history.js";

const entries = [
  { executionCount: 1, code: "problem a {}", output: undefined },
  { executionCount: 2, code: "compile a", output: "problem a → QUBO" },
  { executionCount: 3, code: "compile a", output: "problem a → QUBO" },
  { executionCount: 4, code: "problem b {}", output: undefined },
];

describe("history_reply", () => {
  it("returns the last n cells for tail, with outputs when asked", () => {
    expect(historyReply(entries, { hist_access_type: "tail", n: 2 })["history"]).toEqual([
      [SESSION_NUMBER, 3, "compile a"],
      [SESSION_NUMBER, 4, "problem b {}"],
    ]);
    expect(historyReply(entries, { hist_access_type: "tail", n: 1, output: true })["history"]).toEqual([[SESSION_NUMBER, 4, ["problem b {}", null]]]);
  });

  it("returns a half-open range of execution counts", () => {
    expect(historyReply(entries, { hist_access_type: "range", session: SESSION_NUMBER, start: 2, stop: 4 })["history"]).toEqual([
      [SESSION_NUMBER, 2, "compile a"],
      [SESSION_NUMBER, 3, "compile a"],
    ]);
    expect(historyReply(entries, { hist_access_type: "range", session: 7, start: 1, stop: 9 })["history"]).toEqual([]);
  });

  it("searches with glob patterns, optionally keeping each input once", () => {
    expect((historyReply(entries, { hist_access_type: "search", pattern: "compile*" })["history"] as unknown[]).length).toBe(2);
    expect(historyReply(entries, { hist_access_type: "search", pattern: "compile*", unique: true })["history"]).toEqual([[SESSION_NUMBER, 3, "compile a"]]);
    expect(historyReply(entries, { hist_access_type: "search", pattern: "problem ?*", n: 1 })["history"]).toEqual([[SESSION_NUMBER, 4, "problem b {}"]]);
    expect((historyReply(entries, { hist_access_type: "search", pattern: "(a" })["history"] as unknown[]).length).toBe(0);
  });
});
