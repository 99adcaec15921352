import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { command } from "../../src/cli/commands/decide.js";

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd };
  return { code: await command.run(args, io), stdout, stderr };
}

describe("qpipe decide", () => {
  it("prints JSON records with gaps to MILP, and a clear error for a malformed instance", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-decide-"));
    writeFileSync(join(dir, "i.json"), JSON.stringify({ value: [5, 4, 3, 6], cost: [3, 2, 2, 4], budget: 6, category: [0, 0, 1, 1], quota: [1, 1], conflicts: [[0, 3]] }));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ value: [5, 4], cost: [3], budget: 6, category: [0, 0], quota: [1], conflicts: [] }));
    const ok = await run(["i.json", "--solvers", "milp,tabu", "--json"], dir);
    expect(ok.code).toBe(0);
    const { records } = JSON.parse(ok.stdout);
    expect(records[0]).toMatchObject({ solver: "milp", value: 10, gap: 0, feasible: true });
    const bad = await run(["bad.json"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("decision instance is invalid");
  });

  it("decides an assignment of items to slots, with reads and the greedy rule as a baseline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-decide-"));
    writeFileSync(join(dir, "slots.json"), JSON.stringify({ score: [[5, 1, 2], [4, 4, 1], [1, 3, 6], [2, 2, 2]] }));
    const ok = await run(["slots.json", "--solvers", "milp,rule-greedy,tabu", "--reads", "4", "--json"], dir);
    expect(ok.code).toBe(0);
    const { records } = JSON.parse(ok.stdout);
    expect(records.map((r: { solver: string; value: number; usedGreedy: boolean }) => [r.solver, r.value, r.usedGreedy])).toEqual([["milp", 15, false], ["rule-greedy", 15, false], ["tabu", 15, false]]);
    await expect(run(["slots.json", "--reads", "0"], dir)).rejects.toThrow(/--reads must be a positive integer, got '0'/);
  });
});
