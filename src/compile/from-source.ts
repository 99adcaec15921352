// Source text → compiled model in one call: check → bind → ground → compile, each phase timed,
// every failure a diagnostic (never a throw for user errors). Used by the CLI and benchmarks.
import type { ProblemDecl } from "../lang/ast.js";
import { check } from "../lang/check.js";
import { type Diagnostic, hasErrors } from "../lang/diagnostic.js";
import { bind } from "../model/bind.js";
import { ground, type GroundOptions } from "../model/ground.js";
import type { Model } from "../model/model.js";
import { compile, CompileError, type CompileOptions } from "./compile.js";
import type { CompiledModel } from "./compiled-model.js";

export interface SourceCompileOptions extends CompileOptions, GroundOptions {
  /** File name shown in diagnostics. */
  readonly file?: string;
  /** Problem to compile; may be omitted when the source declares exactly one. */
  readonly problem?: string;
  /** Parameter values (e.g. parsed JSON). */
  readonly data?: unknown;
}

export interface PhaseTimings {
  readonly checkMs: number;
  readonly bindMs: number;
  readonly groundMs: number;
  readonly compileMs: number;
}

export interface SourceCompileResult {
  readonly compiled: CompiledModel | undefined;
  readonly model: Model | undefined;
  /** Every diagnostic of every phase that ran (a phase with errors stops the pipeline). */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: PhaseTimings;
}

/** RangeError when `problem` names no problem (a usage error, not a source error). */
export function compileSource(source: string, options: SourceCompileOptions = {}): SourceCompileResult {
  const diagnostics: Diagnostic[] = [];
  const timings = { checkMs: 0, bindMs: 0, groundMs: 0, compileMs: 0 };
  const done = (compiled?: CompiledModel, model?: Model): SourceCompileResult => ({ compiled, model, diagnostics, timings });
  let t = performance.now();
  const checked = check(source, { file: options.file });
  for (const d of checked.diagnostics) diagnostics.push(d);
  timings.checkMs = performance.now() - t;
  if (hasErrors(diagnostics)) return done();

  t = performance.now();
  const bound = bind(checked.ast, options.problem, options.data ?? {});
  for (const d of bound.diagnostics) diagnostics.push(d);
  timings.bindMs = performance.now() - t;
  if (hasErrors(diagnostics)) return done();

  t = performance.now();
  const decl = checked.ast.items.find((item): item is ProblemDecl => item.kind === "problem" && item.name.name === bound.problem);
  if (!decl) throw new Error(`internal: bound problem ${bound.problem} is not in the program`);
  const grounded = ground(decl, bound.values, options);
  for (const d of grounded.diagnostics) diagnostics.push(d);
  timings.groundMs = performance.now() - t;
  if (hasErrors(diagnostics) || !grounded.model) return done();

  t = performance.now();
  try {
    const compiled = compile(grounded.model, options);
    for (const d of compiled.diagnostics) diagnostics.push(d);
    timings.compileMs = performance.now() - t;
    return done(compiled, grounded.model);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    for (const d of error.diagnostics) diagnostics.push(d);
    timings.compileMs = performance.now() - t;
    return done(undefined, grounded.model);
  }
}
