export {
  GATES,
  conditionHolds,
  isGateName,
  opQubits,
  type AngleExpr,
  type Circuit,
  type ConditionalOp,
  type ConditionedOp,
  type GateName,
  type GateOp,
  type Op,
} from "./ir.js";
export { Angle, CircuitBuilder, angleCall, circuit, toAngleExpr, type AngleInput, type CircuitOptions } from "./builder.js";
export { accumulateAngleGradient, angleIsConstant, evaluateAngle, formatAngle, parameterVector } from "./angles.js";
export { BASIS_GATES, translateToBasis } from "./transpile-basis.js";
export { peepholeOptimize, type PeepholeStats } from "./transpile-peephole.js";
export { transpileToBasis } from "./transpile.js";
export {
  couplingDistances,
  couplingNeighbours,
  eagle127Coupling,
  falcon27Coupling,
  heavyHexCoupling,
  lineCoupling,
  type CouplingMap,
} from "./coupling-map.js";
export { routeCircuit, type RoutedCircuit, type RoutingOptions } from "./routing.js";
export {
  circuitStats,
  DEFAULT_NS_PER_AMPLITUDE,
  estimateResources,
  type CircuitStats,
  type ResourceEstimate,
  type ResourceOptions,
  type RoutedStats,
  type SimulatorEstimate,
} from "./resources.js";
export { lowerCircuit, type LowerOptions, type LowerResult } from "./lower-circuit.js";
export { conditionText, drawCircuitText, type DrawOptions } from "./draw.js";
