// Solvers by name, as `qpipe solve --solver NAME` and `solve(problem, { solver })` spell them.
// Variational samplers (QAOA, VQE) register themselves here when their module loads, so the modes
// layer finds them without this file importing the simulator.
import { exactSampler } from "./enumeration-sampler.js";
import { greedySampler } from "./greedy.js";
import { milpSolver } from "./milp.js";
import { parallelTempering } from "./parallel-tempering.js";
import { randomSampler } from "./random-sampler.js";
import type { Sampler } from "./sampler.js";
import { simulatedAnnealing } from "./simulated-annealing.js";
import { simulatedBifurcation } from "./simulated-bifurcation.js";
import { steepestDescentSampler } from "./steepest-descent.js";
import { tabuSearch } from "./tabu-search.js";

const samplers = new Map<string, Sampler>();
for (const sampler of [
  exactSampler,
  simulatedAnnealing,
  tabuSearch,
  parallelTempering,
  simulatedBifurcation,
  greedySampler,
  steepestDescentSampler,
  milpSolver,
  randomSampler,
]) {
  samplers.set(sampler.name, sampler);
}

/** Adds (or replaces) a sampler under its name. */
export function registerSampler(sampler: Sampler): void {
  if (sampler === null || typeof sampler !== "object" || typeof sampler.sample !== "function" || typeof sampler.name !== "string") {
    throw new TypeError("registerSampler needs a Sampler (name, family, summary, parameters, sample)");
  }
  if (!/^[a-z][a-z0-9-]*$/.test(sampler.name)) throw new RangeError(`sampler name must be lower-case kebab, got '${sampler.name}'`);
  samplers.set(sampler.name, sampler);
}

/** The sampler registered as `name`, or undefined. */
export function findSampler(name: string): Sampler | undefined {
  return samplers.get(name);
}

/** The sampler registered as `name`; a RangeError lists the known names otherwise. */
export function getSampler(name: string): Sampler {
  const sampler = samplers.get(name);
  if (!sampler) throw new RangeError(`unknown solver '${name}'; known solvers: ${[...samplers.keys()].join(", ")}`);
  return sampler;
}

/** All registered samplers, in registration order. */
export function listSamplers(): readonly Sampler[] {
  return [...samplers.values()];
}
