import { describe, expect, it } from "vitest";
import { qaoaLayout } from "../../../src/compile/ansatz/index.js";
import { quboToIsing } from "../../../src/compile/ising.js";
import { quboEnergies } from "../../../src/sim/energies.js";
import { minimize, OPTIMIZERS } from "../../../src/solve/optimize/index.js";
import { linearRamp } from "../../../src/solve/variational/initialise.js";
import { QaoaEvaluator } from "../../../src/solve/variational/qaoa-evaluator.js";
import { createRng } from "../../../src/util/rng.js";
import { graphProblem, random3Regular } from "../variational/graphs.js";

describe("optimisers on a QAOA landscape (p = 2, 3-regular max-cut on 8 nodes)", () => {
  const qubo = graphProblem(8, random3Regular(8, 4)).qubo;
  const energies = quboEnergies(qubo);
  const evaluator = new QaoaEvaluator(qaoaLayout(quboToIsing(qubo), { p: 2 }), energies);
  const start = linearRamp(evaluator.layout, 0.75);
  const reference = minimize("lbfgs", evaluator, start, { maxEvaluations: 500, rng: createRng(0), tolerance: 1e-6 });

  it("L-BFGS converges to a stationary point below the ramp start", () => {
    expect(reference.stoppedBy).toBe("converged");
    expect(reference.value).toBeLessThan(evaluator.value(start) - 0.5);
    const g = new Float64Array(4);
    evaluator.valueAndGradient(reference.x, g);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-6);
  });

  it("every optimiser reaches the same local optimum from the ramp within its budget", () => {
    for (const method of OPTIMIZERS) {
      const result = minimize(method, evaluator, start, { maxEvaluations: 600, rng: createRng(3), initialStep: 0.1 });
      expect(result.value, method).toBeLessThan(reference.value + (method === "spsa" ? 0.05 : 1e-3));
      expect(result.nEvaluations, method).toBeLessThanOrEqual(600);
    }
  });
});
