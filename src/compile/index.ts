export { nVariables, quboAdjacency, quboEnergy, quboFromTerms, type Qubo, type QuboAdjacency } from "./qubo.js";
