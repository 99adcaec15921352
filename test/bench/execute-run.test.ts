// One run in this thread (no worker pool): the record's time to target comes from the first read
// that reached the best known, not from the whole solve.
import { describe, expect, it } from "vitest";
import { executeRun } from "../../src/bench/execute-run.js";
import { loadInstance } from "../../src/bench/load-instance.js";
import { parseSuiteSpec } from "../../src/bench/spec.js";

const spec = parseSuiteSpec({
  name: "time-to-target",
  seeds: [1, 2, 3],
  budget: { reads: 60 },
  instances: [{ kind: "random-regular-maxcut", name: "rr12", nodes: 12, degree: 3, seed: 5, bestKnown: "exact" }],
  solvers: [{ solver: "random" }, { solver: "sa", parameters: { sweeps: 30 } }, { solver: "qaoa", parameters: { p: 1, maxEvaluations: 20 } }],
});
const load = (k: number) => loadInstance(spec.instances[k]!, ".");

describe("executeRun", () => {
  it("records time and reads to target within the solve time and the reads, the same reads for the same seed", async () => {
    let nSuccesses = 0;
    for (let solver = 0; solver < spec.solvers.length; solver++) {
      for (const seed of spec.seeds) {
        const [record, again] = await Promise.all([executeRun(spec, { instance: 0, solver, seed }, load), executeRun(spec, { instance: 0, solver, seed }, load)]);
        expect(record.status, record.error ?? "").toBe("ok");
        expect(again.readsToTarget).toBe(record.readsToTarget);
        if (record.success !== true) {
          expect(record.timeToTargetMs).toBeNull();
          expect(record.readsToTarget).toBeNull();
          continue;
        }
        nSuccesses++;
        expect(record.timeToTargetMs!).toBeGreaterThanOrEqual(0);
        expect(record.timeToTargetMs!).toBeLessThanOrEqual(record.solveMs!);
        expect(record.readsToTarget!).toBeGreaterThanOrEqual(1);
        expect(record.readsToTarget!).toBeLessThanOrEqual(record.nReads!);
      }
    }
    expect(nSuccesses).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("finds the target before the last read for annealing, whose reads are independent restarts", async () => {
    const records = await Promise.all(spec.seeds.map((seed) => executeRun(spec, { instance: 0, solver: 1, seed }, load)));
    const reached = records.filter((r) => r.success === true);
    expect(reached).toHaveLength(spec.seeds.length);
    expect(reached.some((r) => r.readsToTarget! < r.nReads!)).toBe(true);
  });
});
