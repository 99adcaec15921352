import { describe, expect, it } from "vitest";
import { SuiteSpecError, outsideEvaluationBudget, parseSuiteSpec } from "../../src/bench/spec.js";

const valid = {
  name: "tiny",
  seeds: [1, 2],
  budget: { reads: 10, timeMs: 500 },
  instances: [{ kind: "random-regular-maxcut", name: "rr8", nodes: 8, degree: 3, seed: 1, bestKnown: "exact" }],
  solvers: [{ solver: "tabu" }, { solver: "sa", parameters: { sweeps: 100 } }],
};

function issuesOf(spec: unknown): { field: string; message: string }[] {
  try {
    parseSuiteSpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(SuiteSpecError);
    return [...(error as SuiteSpecError).issues];
  }
  throw new Error("the spec was accepted");
}

describe("suite spec validation", () => {
  it("accepts a valid spec and fills in defaults", () => {
    const spec = parseSuiteSpec(valid);
    expect(spec.solvers.map((s) => s.label)).toEqual(["tabu", "sa"]);
    expect(spec.allowUnequalBudget).toBe(false);
    expect(spec.runTimeoutMs).toBe(3 * 500 + 10_000);
  });

  it("names the field of every problem, all at once", () => {
    const issues = issuesOf({
      ...valid,
      seeds: [1, 1.5],
      instances: [{ kind: "file", name: "a" }, { kind: "random-regular-maxcut", name: "b", nodes: 5, degree: 3, seed: 0 }],
      solvers: [{ solver: "tabu", parameters: { reads: 100 } }, { solver: "" }],
    });
    const fields = issues.map((i) => i.field);
    expect(fields).toContain("seeds[1]");
    expect(fields).toContain("instances[0].path");
    expect(fields).toContain("instances[1].degree");
    expect(fields).toContain("solvers[0].parameters.reads");
    expect(fields).toContain("solvers[1].solver");
    expect((issuesOf({ ...valid, budget: { timeMs: -1 } })[0])).toMatchObject({ field: "budget.timeMs" });
  });

  it("rejects unknown fields by name (a typo never silently runs the defaults)", () => {
    expect(issuesOf({ ...valid, seed: [1] }).map((i) => i.field)).toContain("seed");
    expect(issuesOf({ ...valid, solvers: [{ solver: "tabu", budjet: {} }] }).map((i) => i.field)).toContain("solvers[0].budjet");
  });

  it("requires a budget and unique names", () => {
    const { budget: _budget, ...noBudget } = valid;
    expect(issuesOf(noBudget).map((i) => i.field)).toContain("budget");
    expect(issuesOf({ ...valid, solvers: [{ solver: "tabu" }, { solver: "tabu" }] }).map((i) => i.field)).toContain("solvers[1].label");
  });

  it("refuses a solver given a bigger budget than the others", () => {
    const issues = issuesOf({ ...valid, solvers: [{ solver: "tabu" }, { solver: "qaoa", budget: { reads: 10, timeMs: 5000 } }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe("solvers[1].budget.timeMs");
    expect(issues[0]!.message).toMatch(/bigger budget/);
    expect(issues[0]!.message).toMatch(/allowUnequalBudget/);
  });

  it("refuses an unequal budget even when it is smaller, unless the spec allows it", () => {
    const smaller = { ...valid, solvers: [{ solver: "tabu", budget: { reads: 5, timeMs: 500 } }] };
    expect(issuesOf(smaller)[0]!.field).toBe("solvers[0].budget.reads");
    const allowed = parseSuiteSpec({ ...smaller, allowUnequalBudget: true });
    expect(allowed.solvers[0]!.budget).toEqual({ reads: 5, timeMs: 500 });
  });

  it("accepts a solver budget equal to the suite's", () => {
    expect(() => parseSuiteSpec({ ...valid, solvers: [{ solver: "tabu", budget: { reads: 10, timeMs: 500 } }] })).not.toThrow();
  });

  it("accepts a budget of objective evaluations, alone or with the others, and refuses a bad one by name", () => {
    expect(parseSuiteSpec({ ...valid, budget: { evaluations: 20_000 } }).budget).toEqual({ evaluations: 20_000 });
    expect(parseSuiteSpec({ ...valid, budget: { evaluations: 500, timeMs: 500 } }).budget).toEqual({ evaluations: 500, timeMs: 500 });
    for (const bad of [0, -3, 2.5, "1000", null, Infinity]) {
      const issues = issuesOf({ ...valid, budget: { evaluations: bad } });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: "budget.evaluations" });
      expect(issues[0]!.message).toMatch(/^must be a positive integer \(objective evaluations\), got /);
    }
    expect(issuesOf({ ...valid, budget: {} })[0]).toMatchObject({ field: "budget", message: "must set at least one of timeMs, reads and evaluations" });
    expect(issuesOf({ ...valid, solvers: [{ solver: "sa", parameters: { evaluationBudget: 10 } }] })[0]!.field).toBe("solvers[0].parameters.evaluationBudget");
  });

  it("refuses a solver given more (or other) evaluations than the suite, unless unequal budgets are allowed", () => {
    const suite = { ...valid, budget: { evaluations: 1000 } };
    const bigger = { ...suite, solvers: [{ solver: "tabu" }, { solver: "sa", budget: { evaluations: 5000 } }] };
    const issues = issuesOf(bigger);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe("solvers[1].budget.evaluations");
    expect(issues[0]!.message).toMatch(/bigger budget \(5000\) than the suite's \(1000\)/);
    // A time limit in place of the suite's evaluations is a different budget too.
    expect(issuesOf({ ...suite, solvers: [{ solver: "sa", budget: { timeMs: 100 } }] }).map((i) => i.field).sort()).toEqual(["solvers[0].budget.evaluations", "solvers[0].budget.timeMs"]);
    expect(parseSuiteSpec({ ...bigger, allowUnequalBudget: true }).solvers[1]!.budget).toEqual({ evaluations: 5000 });
  });

  it("refuses milp (it counts no evaluations) under an evaluation budget by naming its entry, unless unequal budgets are allowed", () => {
    const suite = { ...valid, budget: { evaluations: 1000, timeMs: 2000 }, solvers: [{ solver: "sa" }, { solver: "milp", label: "highs" }] };
    const issues = issuesOf(suite);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe("solvers[1]");
    expect(issues[0]!.message).toMatch(/highs \(milp\) does not count objective evaluations.*1000 evaluations.*allowUnequalBudget/);
    const allowed = parseSuiteSpec({ ...suite, allowUnequalBudget: true });
    expect(outsideEvaluationBudget(allowed, allowed.solvers[1]!)).toBe(true);
    expect(outsideEvaluationBudget(allowed, allowed.solvers[0]!)).toBe(false);
    // Without an evaluation budget milp is an ordinary entry.
    expect(() => parseSuiteSpec({ ...suite, budget: { timeMs: 2000 } })).not.toThrow();
  });

  it("keeps budget.evaluations out of stage suites, where tuning's evaluations are budget.reads", () => {
    const tuning = {
      name: "tune",
      stage: { kind: "tuning" },
      seeds: [1],
      budget: { reads: 10, evaluations: 100 },
      instances: [{ kind: "make-classification", name: "d", nSamples: 40, nFeatures: 4, nInformative: 2, seed: 1 }],
      solvers: [{ solver: "random" }],
    };
    const issues = issuesOf(tuning);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe("budget.evaluations");
    expect(issues[0]!.message).toMatch(/tuning run's evaluations \(cross-validated fits\) are budget.reads/);
  });

  it("rejects non-objects at the root", () => {
    expect(issuesOf([1, 2])[0]!.field).toBe("(root)");
  });
});
