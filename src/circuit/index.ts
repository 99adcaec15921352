export { GATES, isGateName, type AngleExpr, type Circuit, type GateName, type Op } from "./ir.js";
