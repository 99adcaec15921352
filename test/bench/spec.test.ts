import { describe, expect, it } from "vitest";
import { SuiteSpecError, parseSuiteSpec } from "../../src/bench/spec.js";

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

  it("rejects non-objects at the root", () => {
    expect(issuesOf([1, 2])[0]!.field).toBe("(root)");
  });
});
