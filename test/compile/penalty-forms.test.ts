import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { Model, range, sum, UNBALANCED_DEFAULT } from "../../src/model/index.js";

function knapsack(method: "slack" | "unbalanced"): { m: Model; g: (x: number[]) => number } {
  const m = new Model("knapsack");
  const x = m.binary("x", [4]);
  const value = [6, 5, 8, 9];
  const weight = [2, 3, 6, 7];
  m.maximize(sum(range(0, 3), (i) => x.at(i).times(value[i])));
  m.constraint("cap", sum(range(0, 3), (i) => x.at(i).times(weight[i])), "<=", 9, { method });
  return { m, g: (v) => v.reduce((s, b, i) => s + b * weight[i], 0) - 9 };
}

describe("penalty forms", () => {
  it("slack uses the fewest bits that cover the body's range", () => {
    const compiled = compile(knapsack("slack").m);
    // g = Σ w x − 9 ranges over [−9, 9]: slack 0..9 needs 4 bits (1, 2, 4, 2)
    expect(compiled.nSlackBits).toBe(4);
    expect(compiled.variables.slice(4)).toEqual(["cap.slack.bit0", "cap.slack.bit1", "cap.slack.bit2", "cap.slack.bit3"]);
  });

  it("unbalanced penalisation adds no bits and charges P·(λ₁·g + λ₂·g²)", () => {
    const { m, g } = knapsack("unbalanced");
    const compiled = compile(m);
    expect(compiled.nSlackBits).toBe(0);
    const P = compiled.penalties().find((p) => p.name === "cap")!;
    expect(P.minViolation).toBeUndefined();
    const value = [6, 5, 8, 9];
    for (let s = 0; s < 16; s++) {
      const x = [0, 1, 2, 3].map((i) => (s >>> i) & 1);
      const gx = g(x);
      const expected = -x.reduce((a, b, i) => a + b * value[i], 0) + P.weight * (UNBALANCED_DEFAULT.lambda1 * gx + UNBALANCED_DEFAULT.lambda2 * gx * gx);
      expect(compiled.energy(x)).toBeCloseTo(expected, 9);
    }
  });

  it("soft equality charges W·(lhs − rhs)² and one-hot integers are marked for the XY mixer", () => {
    const m = new Model();
    const k = m.int("k", 1, 3, [], { encoding: "onehot" });
    m.minimize(k.at());
    m.constraint("target", k.at(), "==", 3, { penalty: { soft: 0.25 } });
    const compiled = compile(m);
    expect(compiled.oneHotGroups).toEqual([{ name: "k.onehot", k: 1, bits: [0, 1, 2] }]);
    // k = 1 (bits 100): objective 1, soft 0.25·(1 − 3)² = 1 → energy 2, feasible
    expect(compiled.energy([1, 0, 0])).toBeCloseTo(2, 12);
    const d = compiled.decode([1, 0, 0]);
    expect(d).toMatchObject({ objective: 1, feasible: true, violations: { target: 2 } });
    // an invalid code is broken and costs at least the encoding weight
    expect(compiled.decode([1, 1, 0]).broken).toEqual(["k.onehot"]);
  });
});
