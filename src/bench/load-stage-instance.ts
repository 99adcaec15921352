// Stage-suite instance spec → the stage's input: a labelled data set (CSV read with its diagnostics,
// or a seeded make_classification), a QUBO to sample from, or a decision instance with its MILP
// optimum as the best known. Failures are InstanceErrors naming the instance, like load-instance.ts.
import { createHash } from "node:crypto";
import { renderDiagnostics } from "../lang/render.js";
import type { Dataset } from "../ml/dataset.js";
import { type DecisionProblem, runDecision } from "../ml/decision-stage.js";
import { makeClassification } from "../ml/make-classification.js";
import { randomAssignmentDecision, randomSubsetDecision } from "../ml/random-decision.js";
import { readCsvDataset } from "../ml/read-csv-dataset.js";
import { createRng } from "../util/rng.js";
import { InstanceError, type LoadedInstance, inside, loadInstance, readText } from "./load-instance.js";
import type { InstanceSpec } from "./spec.js";
import type { StageSpec } from "./stage-spec.js";

interface Loaded {
  readonly name: string;
  readonly inputHash: string;
  readonly loadMs: number;
}

export type LoadedStageInstance =
  | (Loaded & { readonly kind: "dataset"; readonly dataset: Dataset; readonly informative: readonly number[] | undefined })
  | (Loaded & { readonly kind: "qubo"; readonly instance: LoadedInstance })
  | (Loaded & { readonly kind: "decision"; readonly problem: DecisionProblem; readonly optimum: number | null });

export async function loadStageInstance(stage: StageSpec, spec: InstanceSpec, baseDir: string): Promise<LoadedStageInstance> {
  const started = performance.now();
  switch (spec.kind) {
    case "csv": {
      const text = await readText(inside(baseDir, spec.path), spec.name);
      const { dataset, diagnostics } = readCsvDataset(text, { target: spec.target, file: spec.path });
      if (dataset === undefined) throw new InstanceError(`instance ${spec.name}: ${spec.path} is not a usable data set:\n${renderDiagnostics(diagnostics, text)}`);
      return { kind: "dataset", name: spec.name, dataset: { ...dataset, name: spec.name }, informative: undefined, inputHash: sha256(text), loadMs: performance.now() - started };
    }
    case "make-classification": {
      const data = makeClassification({ ...spec, rng: createRng(spec.seed).fork("make-classification") });
      const hash = createHash("sha256");
      for (const column of data.columns) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
      hash.update(new Uint8Array(data.target.buffer, data.target.byteOffset, data.target.byteLength));
      return { kind: "dataset", name: spec.name, dataset: { ...data, name: spec.name }, informative: data.informative, inputHash: `sha256:${hash.digest("hex")}`, loadMs: performance.now() - started };
    }
    case "decision":
    case "random-subset-decision":
    case "random-assignment": {
      const problem = await decisionProblem(spec, baseDir);
      const loadMs = performance.now() - started;
      let optimum: number | null;
      try {
        const [milp] = await runDecision(problem, { solvers: ["milp"] });
        optimum = milp.fallback === null && milp.stoppedBy === null ? milp.value : null;
      } catch (error) {
        throw new InstanceError(`instance ${spec.name}: ${(error as Error).message}`);
      }
      return { kind: "decision", name: spec.name, problem, optimum, inputHash: sha256(JSON.stringify(problem)), loadMs };
    }
    default: {
      if (stage.kind !== "sampling") throw new InstanceError(`instance ${spec.name}: a ${stage.kind} suite cannot read '${spec.kind}'`);
      const instance = await loadInstance(spec, baseDir);
      return { kind: "qubo", name: spec.name, instance, inputHash: instance.inputHash, loadMs: instance.loadMs };
    }
  }
}

async function decisionProblem(spec: InstanceSpec & { kind: "decision" | "random-subset-decision" | "random-assignment" }, baseDir: string): Promise<DecisionProblem> {
  const rng = (seed: number) => createRng(seed).fork("decision-instance");
  switch (spec.kind) {
    case "random-subset-decision":
      return randomSubsetDecision({ nItems: spec.items, nCategories: spec.categories, nConflicts: spec.conflicts, rng: rng(spec.seed) });
    case "random-assignment":
      return randomAssignmentDecision({ nItems: spec.items, nSlots: spec.slots, rng: rng(spec.seed) });
    case "decision":
      try {
        return JSON.parse(await readText(inside(baseDir, spec.path), spec.name)) as DecisionProblem;
      } catch (error) {
        if (error instanceof InstanceError) throw error;
        throw new InstanceError(`instance ${spec.name}: invalid JSON (${(error as Error).message})`);
      }
  }
}

function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
