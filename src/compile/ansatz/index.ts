// Ansatz builders: QAOA (layout shared with the fast statevector path, and as circuit IR) and a
// hardware-efficient ansatz for VQE.
export {
  betaIndex,
  gammaIndex,
  type MixerGenerator,
  QAOA_MIXERS,
  type QaoaAnsatzOptions,
  type QaoaLayout,
  type QaoaMixer,
  qaoaLayout,
} from "./qaoa-layout.js";
export { type QaoaCircuitOptions, qaoaCircuit, qaoaCircuitFromLayout } from "./qaoa-circuit.js";
export { type Entangler, type HardwareEfficientOptions, hardwareEfficientAnsatz } from "./hardware-efficient.js";
