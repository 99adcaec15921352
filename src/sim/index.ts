export { simulate, runSteps, type ParameterValues, type SimulateOptions, type SimulationResult } from "./simulate.js";
export { compilePlan, bindPlan, DEFAULT_FUSED_QUBITS, type Plan, type PlanOptions, type BoundStep } from "./plan.js";
export { createState, stateFromAmplitudes, copyState, normSquared, innerProduct, type StateVector } from "./statevector.js";
export { assertStateFits, availableMemoryBytes, stateBytes, MAX_QUBITS } from "./memory-guard.js";
export {
  probabilities,
  probabilityOfOne,
  marginalProbabilities,
  measureQubit,
  resetQubit,
  sampleIndices,
  sampleCounts,
  bitstring,
} from "./measure.js";
export { executePasses, resolveThreads, THREAD_THRESHOLD_QUBITS, type ThreadOption } from "./execute.js";
export { shutdownPool as shutdownSimulatorThreads } from "./threads/pool.js";
export { gateMatrix, type ComplexMatrix } from "./gate-matrix.js";
export { expectation, applyObservable, pauliSum, pauliTerm, type Observable, type PauliTerm, type PauliLetter } from "./observable.js";
export { quboEnergies, energyLevels } from "./energies.js";
export { applyCostLayer, costLayerPass, prepareDiagonalCost, type DiagonalCost } from "./cost-layer.js";
export { adjointGradient, type GradientResult, type GradientOptions } from "./gradient-adjoint.js";
export { parameterShiftGradient } from "./gradient-shift.js";
export { sampleNoisy, expectationNoisy, type NoiseModel, type NoisyOptions, type NoisyCounts, type NoisyExpectation } from "./noise.js";
export { sampleCircuit, hasMidCircuitMeasurement, type SampleCircuitOptions } from "./sample-circuit.js";
export { sampleBranching, type BranchingOptions } from "./branching.js";
export { withoutTerminalMeasurements } from "./sample-circuit.js";
