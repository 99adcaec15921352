// Solvers: the Sampler contract, the SampleSet every solver returns, and one solver per file.
export type { JsonObject, JsonPrimitive, JsonValue } from "./json.js";
export { type Decoded, type Problem, type SolvableModel, asModel, checkQubo, objectiveOfEnergy } from "./problem.js";
export { type Deadline, createDeadline } from "./deadline.js";
export { bitsToString, stringToBits } from "./bitstring.js";
export { type CommonOptions, type ParameterSpec, type ParameterSpecs } from "./options.js";
export { type Manifest, type SolverFamily, qpipeVersion, quboHash } from "./manifest.js";
export { ReadBuffer } from "./read-buffer.js";
export {
  type Fallback,
  type FallbackTime,
  type Sample,
  type SampleSetJson,
  type SampleSetMeta,
  type SolverChoice,
  type Timing,
  SampleSet,
} from "./sample-set.js";
export {
  type Sampler,
  type SamplerContext,
  type SamplerDefinition,
  type SamplerOptions,
  defineSampler,
  recordEvaluationLimit,
  recordTarget,
  recordTimeLimit,
  stopAfterRead,
} from "./sampler.js";
export { EvaluationCounter, type ReadCost, type ReadPlan, planReads } from "./evaluations.js";
export { type LocalSearchForm, defaultBetaRange, localSearchForm } from "./local-field.js";
export { type AnnealingParameters, annealingSchedule, simulatedAnnealing } from "./simulated-annealing.js";
export { randomSampler } from "./random-sampler.js";
export { steepestDescentSampler } from "./steepest-descent.js";
export { type GreedyParameters, greedySampler } from "./greedy.js";
export { type TabuParameters, tabuSearch } from "./tabu-search.js";
export { type TemperingParameters, parallelTempering } from "./parallel-tempering.js";
export { type BifurcationParameters, type BifurcationVariant, simulatedBifurcation } from "./simulated-bifurcation.js";
export { type MilpParameters, milpSolver } from "./milp.js";
export { type EnumerationParameters, exactSampler } from "./enumeration-sampler.js";
export { type CompiledLike, compiledProblem } from "./compiled-problem.js";
export { findSampler, getSampler, listSamplers, registerSampler } from "./registry.js";
export { DEFAULT_SOLVERS, SOLVE_MODES, type SolveMode, type SolveOptions, solve } from "./modes.js";
export { EXACT_MAX_REPORTED, EXACT_MAX_VARIABLES, type ExactOptions, type ExactSolution, type ExactState, solveExact } from "./exact.js";
export * from "./optimize/index.js";
export * from "./variational/index.js";
export * from "./backend/index.js";
