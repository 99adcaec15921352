// Benchmarks: suites of instances × solvers × seeds under equal budgets, run on a worker pool with
// resume, tidy records, summaries with bootstrap CIs and TTS, manifests that replay, HTML reports.
export { type BestKnownSpec, type Budget, type InstanceSpec, type SolverSpec, type SpecIssue, type SuiteSpec, SuiteSpecError, budgetOf, parseSuiteSpec } from "./spec.js";
export { readSuiteSpec } from "./read-suite-spec.js";
export { EXACT_BEST_KNOWN_MAX_VARIABLES, InstanceError, type LoadedInstance, loadInstance } from "./load-instance.js";
export { randomRegularGraph } from "./random-regular-graph.js";
export { type RunTask, executeRun, modeOf } from "./execute-run.js";
export { STAGE_INSTANCE_KINDS, type StageInstanceSpec, type StageKind, type StageSpec, stageMethods, stageMode } from "./stage-spec.js";
export { type LoadedStageInstance, loadStageInstance } from "./load-stage-instance.js";
export { executeStageRun } from "./execute-stage-run.js";
export { DETERMINISTIC_FIELDS, RECORD_COLUMNS, type RunRecord, type RunStatus, parseRecordLines, recordsToCsv, runKey } from "./run-record.js";
export { type PoolOptions, runPool } from "./run-pool.js";
export { type ProgressSink, progressSink, silentProgress } from "./progress.js";
export { type DisplayMessage, type DisplayProgressOptions, type SendDisplay, VOLATILE_METADATA, displayProgressSink } from "./display-progress.js";
export { OUTPUT_FILES, type RunSuiteOptions, type SuiteResult, runSuite, suiteGrid } from "./run-suite.js";
export { type SuiteManifest, canonicalJson, specHash, suiteManifest } from "./suite-manifest.js";
export { type ReplayDifference, type ReplayResult, compareRecords, replaySuite } from "./replay.js";
export { type SolverSummary, type SuiteSummary, formatNumber, summarizeSuite } from "./summarize.js";
export { SUMMARY_COLUMNS, suiteReportHtml } from "./suite-report.js";
export {
  type BootstrapOptions,
  type ConfidenceInterval,
  bootstrapCi,
  bootstrapDifferenceCi,
  interquartileRange,
  mean,
  median,
  quantile,
  successProbability,
  timeToSolution,
  wilsonInterval,
  Z_95,
} from "./statistics.js";
export { type SuccessAxis, type SuccessCurveOptions, type SuccessCurvePoint, successCurve } from "./success-curve.js";
