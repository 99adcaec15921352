export { nVariables, quboAdjacency, quboEnergy, quboFromTerms, type Qubo, type QuboAdjacency } from "./qubo.js";
export { API_SPAN, compile, CompileError, type CompileOptions } from "./compile.js";
export { CompiledModel, type PenaltyInfo } from "./compiled-model.js";
export type { ComponentInfo, ComponentKind, GroupKind, OneHotGroup, PenaltyGroup } from "./compiled-types.js";
export type { DecodedSample, NestedValues } from "./decode.js";
export { binaryWeights, decodeBits, encodeDomain, encodeValue, isValidCode, type DomainEncoding } from "./encoding.js";
export { formatExplanation, type Contribution, type Explanation } from "./explain.js";
export { huboEnergy, type HigherOrderTerm, type Hubo } from "./hubo.js";
export { isingEnergy, isingToQubo, quboToIsing, type Ising } from "./ising.js";
