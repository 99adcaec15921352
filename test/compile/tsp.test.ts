// End to end: the TSP model from DSL text to a QUBO whose exact minimum is the shortest tour.
import { describe, expect, it } from "vitest";
import { compileSource, quboEnergy } from "../../src/compile/index.js";
import { bruteForceMin } from "./random-model.js";

const TSP = `problem tsp {
  param n: int
  param d: real[n][n]
  var x: binary[n][n]
  minimize sum(i in 0..n-1, j in 0..n-1, t in 0..n-2 where i != j) d[i][j] * x[i][t] * x[j][t+1] +
           sum(i in 0..n-1, j in 0..n-1 where i != j) d[i][j] * x[i][n-1] * x[j][0]
  constraint city[i in 0..n-1]: sum(t in 0..n-1) x[i][t] == 1
  constraint slot[t in 0..n-1]: sum(i in 0..n-1) x[i][t] == 1
}`;

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first, k) => permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [first, ...rest]));
}

describe("TSP from the DSL", () => {
  it("the exact QUBO minimum is a valid tour of minimum length, marked one-hot for the XY mixer", () => {
    const d = [
      [0, 2, 9, 10],
      [1, 0, 6, 4],
      [15, 7, 0, 8],
      [6, 3, 12, 0],
    ];
    const n = 4;
    const { compiled, diagnostics } = compileSource(TSP, { file: "tsp.qp", data: { n, d } });
    expect(diagnostics).toEqual([]);
    const qubo = compiled!.qubo();
    expect(qubo.linear.length).toBe(16);
    expect(compiled!.oneHotGroups.map((g) => g.name)).toEqual([
      ...Array.from({ length: n }, (_, i) => `city[${i}]`),
      ...Array.from({ length: n }, (_, t) => `slot[${t}]`),
    ]);
    const best = Math.min(...permutations([0, 1, 2, 3]).map((p) => p.reduce((s, c, t) => s + d[c][p[(t + 1) % n]], 0)));
    const { argmin } = bruteForceMin(16, (bits) => quboEnergy(qubo, bits));
    for (const bits of argmin) {
      const decoded = compiled!.decode(bits);
      expect(decoded.feasible).toBe(true);
      expect(decoded.objective).toBe(best);
      const x = decoded.values.x as number[][];
      expect(x.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([1, 1, 1, 1]);
    }
    // where does Q[x[0][0], x[1][1]] come from? the tour term d[0][1] only
    const why = compiled!.explain("x[0][0]", "x[1][1]");
    expect(why.contributions.map((c) => [c.kind, c.amount])).toEqual([["objective", 2]]);
    expect(why.contributions[0].span?.start.line).toBe(5);
  });
});
