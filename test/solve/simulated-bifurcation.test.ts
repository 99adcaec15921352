import { describe, expect, it } from "vitest";
import { maxCutQubo, type WeightedGraph } from "../../src/io/graph.js";
import { simulatedBifurcation } from "../../src/solve/simulated-bifurcation.js";
import { tabuSearch } from "../../src/solve/tabu-search.js";
import { createRng } from "../../src/util/rng.js";

/** An unweighted Erdős–Rényi graph: sparse, same-sign couplings, like the Gset instances. */
function randomGraph(nNodes: number, density: number, seed: number): WeightedGraph {
  const rng = createRng(seed);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < nNodes; i++) {
    for (let j = i + 1; j < nNodes; j++) {
      if (rng.next() < density) {
        from.push(i);
        to.push(j);
      }
    }
  }
  return { nNodes, from: Int32Array.from(from), to: Int32Array.from(to), weight: new Float64Array(from.length).fill(1) };
}

describe("simulated bifurcation", () => {
  it("stays stable on sparse same-sign couplings (mean degree ~ 40) and cuts within 3% of tabu", async () => {
    const problem = maxCutQubo(randomGraph(150, 0.27, 5));
    const tabu = await tabuSearch.sample(problem, { seed: 1, reads: 4 });
    for (const variant of ["ballistic", "discrete"] as const) {
      const sb = await simulatedBifurcation.sample(problem, { seed: 1, reads: 4, variant });
      // Unstable dynamics drive every oscillator to the same wall: cut 0.
      expect(sb.bestFeasible!.objective).toBeGreaterThan(0.97 * tabu.bestFeasible!.objective);
      expect(sb.info.stableDt as number).toBeLessThan(1.25);
    }
  });

  it("keeps an explicit dt as given", async () => {
    const problem = maxCutQubo(randomGraph(30, 0.3, 2));
    const sb = await simulatedBifurcation.sample(problem, { seed: 1, reads: 1, dt: 0.3 });
    expect(sb.info.dt).toBe(0.3);
  });
});
