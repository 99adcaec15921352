// Optimisers for variational loops: derivative-free (Nelder–Mead, COBYLA, SPSA) and gradient-based
// (Adam, L-BFGS), all with evaluation budgets and convergence traces.
export type { Objective, OptimizeOptions, OptimizeResult, StopReason, TracePoint } from "./objective.js";
export { type NelderMeadOptions, nelderMead } from "./nelder-mead.js";
export { type CobylaOptions, cobyla } from "./cobyla.js";
export { type SpsaOptions, spsa } from "./spsa.js";
export { type AdamOptions, adam } from "./adam.js";
export { type LbfgsOptions, lbfgs } from "./lbfgs.js";
export { type MinimizeOptions, type OptimizerName, OPTIMIZERS, minimize, usesGradient } from "./minimize.js";
