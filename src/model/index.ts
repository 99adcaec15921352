export { Expr, ExprAccumulator, range, sum, toExpr, type ExprLike, type HigherTerm } from "./expr.js";
export {
  Model,
  UNBALANCED_DEFAULT,
  type ConstraintOp,
  type ConstraintOptions,
  type InequalityMethod,
  type ModelConstraint,
  type ModelLet,
  type ObjectiveInput,
  type ObjectiveTerm,
  type PenaltySpec,
  type ObjectiveSense,
} from "./model.js";
export { coefficientMass, evaluatePoly, normalize, polyDegree, Reduction, type SparsePoly } from "./sparse-poly.js";
export { VarArray, type Domain, type IntEncoding, type ModelVariable, type VariableFamily } from "./variables.js";
export { bind, bindProblem, type BindResult, type ParamValue } from "./bind.js";
export { ground, type GroundOptions, type GroundResult } from "./ground.js";
