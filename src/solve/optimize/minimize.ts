// One entry point over the optimisers, by name, for the variational samplers and their options.
import type { Rng } from "../../util/rng.js";
import { adam } from "./adam.js";
import { cobyla } from "./cobyla.js";
import { lbfgs } from "./lbfgs.js";
import { nelderMead } from "./nelder-mead.js";
import type { Objective, OptimizeResult } from "./objective.js";
import { spsa } from "./spsa.js";

export const OPTIMIZERS = ["nelder-mead", "cobyla", "spsa", "adam", "lbfgs"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Whether the method needs `valueAndGradient`. */
export function usesGradient(method: OptimizerName): boolean {
  return method === "adam" || method === "lbfgs";
}

export interface MinimizeOptions {
  readonly maxEvaluations: number;
  readonly tolerance?: number;
  /** Used by SPSA's perturbations; the others are deterministic. */
  readonly rng: Rng;
  /** Start simplex edge / trust radius / learning rate scale for the methods that take one. */
  readonly initialStep?: number;
}

export function minimize(method: OptimizerName, objective: Objective, x0: ArrayLike<number>, options: MinimizeOptions): OptimizeResult {
  const common = { maxEvaluations: options.maxEvaluations, ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }) };
  const step = options.initialStep;
  switch (method) {
    case "nelder-mead":
      return nelderMead(objective, x0, { ...common, ...(step === undefined ? {} : { initialStep: step }) });
    case "cobyla":
      return cobyla(objective, x0, { ...common, ...(step === undefined ? {} : { initialStep: step }) });
    case "spsa":
      return spsa(objective, x0, { ...common, rng: options.rng });
    case "adam":
      return adam(objective, x0, common);
    case "lbfgs":
      return lbfgs(objective, x0, common);
    default:
      return assertNever(method);
  }
}

function assertNever(value: never): never {
  throw new RangeError(`optimizer must be one of ${OPTIMIZERS.join(", ")}, got ${String(value)}`);
}
