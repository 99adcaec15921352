// Messages between the run pool and its worker threads.
import type { RunTask } from "./execute-run.js";
import type { RunRecord } from "./run-record.js";
import type { SuiteSpec } from "./spec.js";

export interface WorkerInit {
  readonly spec: SuiteSpec;
  /** Directory that relative instance paths are resolved against (the spec file's). */
  readonly baseDir: string;
}

export interface WorkerRequest {
  readonly id: number;
  readonly task: RunTask;
}

export type WorkerResponse =
  | { readonly ready: true }
  | { readonly id: number; readonly record: RunRecord }
  | { readonly id: number; readonly error: string };
