import { describe, expect, it } from "vitest";
import { type DisplayMessage, displayProgressSink } from "../../src/bench/display-progress.js";
import type { RunRecord } from "../../src/bench/run-record.js";
import { isVolatile } from "../../src/notebooks/comparable-output.js";

const run = (seed: number, status: RunRecord["status"] = "ok") => ({ solver: "tabu", instance: "g<1>", seed, status, bestObjective: 7 }) as RunRecord;

describe("displayProgressSink", () => {
  it("opens one display and then updates it in place, every message volatile, the last one always sent", () => {
    const sent: [DisplayMessage, boolean][] = [];
    let clock = 0;
    const sink = displayProgressSink((content, update) => sent.push([content, update]), { now: () => clock, minIntervalMs: 100, displayId: "p" });
    sink.start(4, 1);
    clock = 10;
    sink.record(run(1)); // within 100 ms of the opening message: not sent
    clock = 200;
    sink.record(run(2, "timeout"));
    clock = 210;
    sink.record(run(3)); // throttled again
    sink.end();
    expect(sent.map(([, update]) => update)).toEqual([false, true, true]);
    for (const [content] of sent) {
      expect(content.transient.display_id).toBe("p");
      expect(isVolatile(content.metadata)).toBe(true);
    }
    expect(sent[0]![0].data["text/plain"]).toBe(`[${"#".repeat(8)}${".".repeat(22)}] 1/4 runs (1 resumed)`);
    expect(sent[1]![0].data["text/plain"]).toMatch(/ 3\/4 runs \(1 resumed\) · tabu on g<1>, seed 2: timeout$/);
    expect(sent[2]![0].data["text/plain"]).toMatch(/^\[#{30}\] 4\/4 runs \(1 resumed\) · done, 1 failed or timed out$/);
    expect(sent[2]![0].data["text/html"]).toContain('<progress value="4" max="4"');
    expect(sent[1]![0].data["text/html"]).toContain("g&lt;1&gt;");
  });

  it("gives each sink its own display id, so two suites in one cell do not overwrite each other", () => {
    const ids: string[] = [];
    for (let k = 0; k < 2; k++) displayProgressSink((content) => ids.push(content.transient.display_id)).start(1, 0);
    expect(new Set(ids).size).toBe(2);
    expect(() => displayProgressSink(() => {}, { minIntervalMs: -1 })).toThrow(RangeError);
  });
});
