// Instance spec → a solvable problem with its best-known objective. Files are read with the src/io
// readers, DSL problems go through compileSource, generated families are built from their own seed.
// Any failure here is a user error about the instance, raised as InstanceError naming it.
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { compileSource } from "../compile/from-source.js";
import { FormatError } from "../io/format-error.js";
import { maxCutQubo } from "../io/graph.js";
import { readProblemFile } from "../io/read-problem-file.js";
import { renderDiagnostics } from "../lang/render.js";
import { sherringtonKirkpatrickQubo } from "../ml/sampling-stage.js";
import { quboHash } from "../solve/manifest.js";
import { solve } from "../solve/modes.js";
import { type SolvableModel, asModel } from "../solve/problem.js";
import { createRng } from "../util/rng.js";
import { randomRegularGraph } from "./random-regular-graph.js";
import type { BestKnownSpec, InstanceSpec } from "./spec.js";

export interface LoadedInstance {
  readonly name: string;
  readonly model: SolvableModel;
  readonly sense: "min" | "max";
  /** Best-known objective in the problem's own sense, or null when unknown. */
  readonly bestKnown: number | null;
  readonly inputHash: string;
  readonly nVariables: number;
  /** Time to read or compile the instance (the encoding overhead a DSL model adds before solving). */
  readonly loadMs: number;
}

export class InstanceError extends Error {
  override readonly name = "InstanceError";
}

/** The largest model for which `bestKnown: "exact"` enumerates every assignment. */
export const EXACT_BEST_KNOWN_MAX_VARIABLES = 26;

export async function loadInstance(spec: InstanceSpec, baseDir: string): Promise<LoadedInstance> {
  const started = performance.now();
  const model = await buildModel(spec, baseDir);
  const loadMs = performance.now() - started;
  const sense = model.sense ?? "min";
  const bestKnown = await resolveBestKnown(spec, model, baseDir);
  return { name: spec.name, model, sense, bestKnown, inputHash: quboHash(model.qubo), nVariables: model.qubo.linear.length, loadMs };
}

async function buildModel(spec: InstanceSpec, baseDir: string): Promise<SolvableModel> {
  switch (spec.kind) {
    case "file":
      try {
        return await readProblemFile(inside(baseDir, spec.path), { format: spec.format, instance: spec.instance, sense: spec.sense });
      } catch (error) {
        if (error instanceof FormatError) throw new InstanceError(`instance ${spec.name}: ${error.diagnostic.message}`);
        throw error;
      }
    case "dsl": {
      const file = inside(baseDir, spec.source);
      const source = await readText(file, spec.name);
      const data = spec.data === undefined ? {} : parseJson(await readText(inside(baseDir, spec.data), spec.name), spec.name);
      const result = compileSource(source, { file, problem: spec.problem, data });
      if (result.compiled === undefined) {
        throw new InstanceError(`instance ${spec.name} does not compile:\n${renderDiagnostics(result.diagnostics, source)}`);
      }
      return asModel(result.compiled);
    }
    case "random-regular-maxcut":
      return maxCutQubo(randomRegularGraph(spec.nodes, spec.degree, createRng(spec.seed).fork("graph")), "rudy", spec.name);
    case "sherrington-kirkpatrick":
      return { qubo: sherringtonKirkpatrickQubo(spec.nodes, createRng(spec.seed).fork("sk")), sense: "min" };
    case "csv":
    case "make-classification":
    case "decision":
    case "random-subset-decision":
    case "random-assignment":
      throw new InstanceError(`instance ${spec.name}: '${spec.kind}' is a stage input, not a QUBO (load-stage-instance.ts reads it)`);
    default:
      return assertNever(spec);
  }
}

async function resolveBestKnown(spec: InstanceSpec, model: SolvableModel, baseDir: string): Promise<number | null> {
  const best: BestKnownSpec | undefined = "bestKnown" in spec ? spec.bestKnown : undefined;
  if (best === undefined) return null;
  if (typeof best === "number") return best;
  if (best === "exact") {
    if (model.qubo.linear.length > EXACT_BEST_KNOWN_MAX_VARIABLES) {
      throw new InstanceError(`instance ${spec.name}: bestKnown "exact" enumerates 2^n states; n = ${model.qubo.linear.length} > ${EXACT_BEST_KNOWN_MAX_VARIABLES}`);
    }
    const set = await solve(model, { solver: "exact" });
    const feasible = set.bestFeasible;
    if (feasible === undefined) throw new InstanceError(`instance ${spec.name}: the exact solver found no feasible assignment`);
    return feasible.objective;
  }
  const table = parseJson(await readText(inside(baseDir, best.file), spec.name), spec.name) as Record<string, unknown>;
  const entry = table?.[best.key];
  const value = typeof entry === "number" ? entry : (entry as { best_known?: unknown } | undefined)?.best_known;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InstanceError(`instance ${spec.name}: ${best.file} has no numeric best_known for key '${best.key}'`);
  }
  return value;
}

/** `path` resolved against the spec file's folder unless absolute. */
export function inside(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

export async function readText(path: string, instance: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new InstanceError(`instance ${instance}: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function parseJson(text: string, instance: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InstanceError(`instance ${instance}: invalid JSON (${(error as Error).message})`);
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown instance kind ${JSON.stringify(value)}`);
}
