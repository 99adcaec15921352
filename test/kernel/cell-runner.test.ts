// Cells run in a worker thread: an interrupt stops a long cell within a second (or a tenth of the
// cell on a loaded machine), and the session's declarations and data survive it.
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { CellRunner } from "../../src/kernel/cell-runner.js";

// All pairs of 3,000 binaries: millions of QUBO terms, several seconds of compiling.
const BIG = "problem big {\n  param n: int\n  var x: binary[n]\n  minimize sum(i in 0..n-1) sum(j in 0..n-1) x[i] * x[j]\n}";
const PAIR = "problem pair {\n  var x: binary[2]\n  minimize x[0] + x[1] - 2 * x[0] * x[1]\n}";

describe("the cell runner", () => {
  const runner = new CellRunner(tmpdir());
  afterAll(() => runner.close());

  it("runs cells in a worker and mirrors history and source", { timeout: 60_000 }, async () => {
    const outcome = await runner.execute(PAIR, true);
    expect(outcome.error).toBeUndefined();
    expect(runner.executionCount).toBe(1);
    expect(runner.source).toContain("problem pair");
    expect(runner.history.map((h) => h.code)).toEqual([PAIR]);
  });

  it("stops a long compile long before it would end, and keeps the session", { timeout: 180_000 }, async () => {
    await runner.execute(`${BIG}\nbind big {"n": 3000}`, true);
    // The machine's pace, measured in this run: the whole compile, left to finish once. The bound is a
    // second, or a tenth of that compile on a loaded machine, and it must stay well below what an
    // interrupt that waited for the cell to end would take.
    const fullStart = performance.now();
    expect((await runner.execute("compile big", true)).error).toBeUndefined();
    const fullMs = performance.now() - fullStart;
    const boundMs = Math.max(1000, fullMs / 10);
    const waitMs = 500;
    expect(fullMs - waitMs).toBeGreaterThan(2 * boundMs);

    const running = runner.execute("compile big", true);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    expect(runner.busy).toBe(true);
    const start = performance.now();
    expect(await runner.interrupt()).toBe(true);
    const outcome = await running;
    const elapsedMs = performance.now() - start;
    expect(outcome.error?.ename).toBe("Interrupted");
    expect(elapsedMs).toBeLessThan(boundMs);
    expect(runner.executionCount).toBe(4);
    expect(runner.history.at(-1)?.code).toBe("compile big");
    const after = await runner.execute("compile pair", true);
    expect(after.error).toBeUndefined();
    expect(runner.executionCount).toBe(5);
  });

  it("reports nothing to interrupt when idle", async () => {
    expect(await runner.interrupt()).toBe(false);
  });
});
