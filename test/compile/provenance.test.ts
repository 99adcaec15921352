import { describe, expect, it } from "vitest";
import { compile, formatExplanation, quboEnergy } from "../../src/compile/index.js";
import { Model, range, sum } from "../../src/model/index.js";

function knapsack(): Model {
  const m = new Model("knapsack");
  const x = m.binary("x", [3]);
  const value = [3, 4, 5];
  const weight = [2, 3, 4];
  m.maximize(sum(range(0, 2), (i) => x.at(i).times(value[i])));
  m.constraint("cap", sum(range(0, 2), (i) => x.at(i).times(weight[i])), "<=", 5);
  m.constraint("pick", sum(range(0, 2), (i) => x.at(i)), "==", 2, { penalty: 7 });
  return m;
}

describe("provenance and penalties as parameters", () => {
  it("explains a coefficient as the sum of its weighted contributions, with their sources", () => {
    const compiled = compile(knapsack());
    const qubo = compiled.qubo();
    for (let k = 0; k < qubo.values.length; k++) {
      const e = compiled.explain(qubo.rows[k], qubo.cols[k]);
      expect(e.coefficient).toBeCloseTo(qubo.values[k], 12);
      expect(e.contributions.reduce((s, c) => s + c.amount, 0)).toBeCloseTo(qubo.values[k], 12);
    }
    const e = compiled.explain("x[0]", "x[1]");
    expect(e.contributions.map((c) => c.label).sort()).toEqual(["constraint cap", "constraint pick"]);
    const pick = e.contributions.find((c) => c.label === "constraint pick")!;
    expect(pick.weight).toBe(7);
    expect(pick.raw).toBe(2); // (x0 + x1 + x2 − 2)² has 2·x0·x1
    const slack = compiled.explain("x[0]", "cap.slack.bit0");
    expect(slack.contributions[0].kind).toBe("slack");
    const linear = compiled.explain("x[2]");
    expect(linear.contributions.find((c) => c.kind === "objective")!.amount).toBe(-5);
    expect(formatExplanation(e)).toContain("constraint pick");
  });

  it("re-weighting equals recompiling with that weight", () => {
    const compiled = compile(knapsack());
    compiled.setPenalty("pick", 11);
    compiled.setPenalty("cap", 2.5);
    const m = new Model("knapsack");
    const x = m.binary("x", [3]);
    m.maximize(sum(range(0, 2), (i) => x.at(i).times([3, 4, 5][i])));
    m.constraint("cap", sum(range(0, 2), (i) => x.at(i).times([2, 3, 4][i])), "<=", 5, { penalty: 2.5 });
    m.constraint("pick", sum(range(0, 2), (i) => x.at(i)), "==", 2, { penalty: 11 });
    const fresh = compile(m).qubo();
    const reweighted = compiled.qubo();
    expect(reweighted.linear).toEqual(fresh.linear);
    expect(reweighted.values).toEqual(fresh.values);
    expect(reweighted.offset).toBe(fresh.offset);
    compiled.setPenalty("cap", "auto");
    expect(compiled.penalties().find((p) => p.name === "cap")!.mode).toBe("auto");
    expect(() => compiled.setPenalty("nope", 1)).toThrow(RangeError);
  });

  it("scales hard weights for calibration and recognises k-hot constraints", () => {
    const compiled = compile(knapsack());
    const before = compiled.penalties().find((p) => p.name === "cap")!.weight;
    compiled.setPenaltyScale(0.5);
    expect(compiled.penalties().find((p) => p.name === "cap")!.weight).toBeCloseTo(before / 2, 12);
    expect(compiled.penalties().find((p) => p.name === "objective")!.weight).toBe(-1);
    expect(compiled.oneHotGroups).toEqual([{ name: "pick", k: 2, bits: [0, 1, 2] }]);
    const bits = new Uint8Array(compiled.nBits);
    expect(compiled.energy(bits)).toBeCloseTo(quboEnergy(compiled.qubo(), bits), 12);
  });
});
