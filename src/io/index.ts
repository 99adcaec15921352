// File formats: problem files in (qbsolv .qubo, OR-Library bqp, rudy/Gset graphs) and .qubo out.
export { FormatError } from "./format-error.js";
export {
  MAX_FILE_VARIABLES,
  type ProblemFormat,
  type QuboProblem,
  type Sense,
  indexedNames,
  objectiveFromEnergy,
} from "./qubo-problem.js";
export {
  type QbsolvHeader,
  type QbsolvProblem,
  type QbsolvReadOptions,
  type QbsolvWriteOptions,
  formatQbsolv,
  parseQbsolv,
} from "./qbsolv.js";
export { type BeasleyProblem, type BeasleyReadOptions, parseBeasley, parseBeasleyAll } from "./beasley.js";
export { type MaxCutProblem, type WeightedGraph, cutWeight, maxCutQubo } from "./graph.js";
export { type RudyReadOptions, parseRudy } from "./rudy.js";
export { type ProblemFileOptions, parseProblem, problemFormatOf, readProblemFile } from "./read-problem-file.js";
export { importQasm, type QasmImport, type QasmImportOptions, type QasmRegister } from "./qasm.js";
export { exportQasm2, exportQasm3, type QasmExportOptions } from "./qasm.js";
