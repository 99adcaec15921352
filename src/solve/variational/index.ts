// The variational loop: QAOA (fast statevector path) and VQE, their samplers, initialisations and
// the CVaR aggregation. Importing this module registers `qaoa` and `vqe` with the solver registry.
import "./register.js";

export { type Aggregation, checkAggregation, cvar, statesByEnergy } from "./aggregate.js";
export { interpolateAngles, linearRamp, QAOA_INITIALISATIONS, type QaoaInitialisation, randomAngles } from "./initialise.js";
export { QaoaEvaluator, type QaoaEvaluatorOptions } from "./qaoa-evaluator.js";
export { qaoaEnergies, type QaoaLoopOptions, type QaoaLoopResult, type QaoaStage, runQaoa } from "./qaoa-loop.js";
export { QAOA_PARAMETERS, type QaoaParameters, qaoaSampler } from "./qaoa-sampler.js";
export { VqeEvaluator } from "./vqe-evaluator.js";
export { VQE_PARAMETERS, type VqeParameters, vqeSampler } from "./vqe-sampler.js";
