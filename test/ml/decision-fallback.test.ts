// The scoring path stays independent of the optimiser: a solver that fails or times out yields the
// greedy decision, marked as the fallback, and nothing the model scored changes. Real components
// throughout — a logistic model scores the items, the exact solver refuses a model past its
// enumeration limit, HiGHS stops at a tiny time limit before it has any incumbent.
import { describe, expect, it } from "vitest";
import { designMatrix } from "../../src/ml/cross-validate.js";
import { type DecisionInstance, greedyDecision, runDecision } from "../../src/ml/decision-stage.js";
import { fitLogistic, predictProbabilities } from "../../src/ml/logistic-regression.js";
import { makeClassification } from "../../src/ml/make-classification.js";
import { randomSubsetDecision } from "../../src/ml/random-decision.js";
import { createRng } from "../../src/util/rng.js";

/** 60 items scored by a logistic model (value = 10 × P(class 1)), under budget, quotas and conflicts. */
function scoredInstance(): { instance: DecisionInstance; scores: Float64Array } {
  const data = makeClassification({ nSamples: 260, nFeatures: 6, nInformative: 3, rng: createRng(5) });
  const features = [0, 1, 2, 3, 4, 5];
  const train = Int32Array.from({ length: 200 }, (_, i) => i);
  const items = Int32Array.from({ length: 60 }, (_, i) => 200 + i);
  const model = fitLogistic(designMatrix(data, features, train), train.map((r) => data.target[r]), 6, 2);
  const probabilities = predictProbabilities(model, designMatrix(data, features, items));
  const scores = Float64Array.from({ length: 60 }, (_, i) => 10 * probabilities[2 * i + 1]);
  const shape = randomSubsetDecision({ nItems: 60, rng: createRng(11) });
  return { instance: { ...shape, value: Array.from(scores, (s) => Math.round(s * 1000) / 1000) }, scores };
}

describe("decision fallback", () => {
  it("a solver that fails returns the greedy decision marked as the fallback; the scores and the other solvers' decisions are unaffected", async () => {
    const { instance, scores } = scoredInstance();
    const scoresBefore = Float64Array.from(scores);
    const valuesBefore = [...instance.value];
    const alone = await runDecision(instance, { solvers: ["tabu"], seed: 3 });
    // 60 items plus slack bits: past the 34 variables the exact solver enumerates, so it throws.
    const records = await runDecision(instance, { solvers: ["exact", "tabu"], seed: 3 });
    const failed = records[0];
    expect(failed.fallback).toMatch(/^exact failed: .*enumerates at most 34 variables/);
    expect(failed.chosen).toEqual(greedyDecision(instance));
    expect(failed.value).toBeCloseTo(greedyDecision(instance).reduce((t, i) => t + instance.value[i], 0), 9);
    expect(failed.value).toBeGreaterThan(0);
    expect(records[1]).toMatchObject({ solver: "tabu", fallback: null, chosen: alone[0].chosen, value: alone[0].value });
    expect(scores).toEqual(scoresBefore);
    expect(instance.value).toEqual(valuesBefore);
  }, 60_000);

  it("a solver stopped by its time limit before it has a decision returns the greedy decision marked as a timeout", async () => {
    const { instance } = scoredInstance();
    const records = await runDecision(instance, { solvers: ["milp", "rule-greedy"], timeLimitMs: 0.001 });
    const [milp, greedy] = records;
    expect(milp.fallback).toMatch(/^milp timed out: stopped by its 0.001 ms time limit without a feasible decision/);
    expect(milp.stoppedBy).toBe("time-limit");
    expect(milp.chosen).toEqual(greedy.chosen);
    expect(milp.value).toBe(greedy.value);
    expect(greedy.fallback).toBeNull();
    // No proven optimum: no gap is claimed against a timed-out reference.
    expect(records.every((r) => r.gap === null)).toBe(true);
  }, 60_000);

  it("without a time limit the same MILP proves the optimum, at least as good as the fallback", async () => {
    const { instance } = scoredInstance();
    const [milp, greedy] = await runDecision(instance, { solvers: ["milp", "rule-greedy"] });
    expect(milp).toMatchObject({ fallback: null, stoppedBy: null, gap: 0 });
    expect(milp.value).toBeGreaterThanOrEqual(greedy.value - 1e-9);
    expect(greedy.gap).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
