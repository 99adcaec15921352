// The `qaoa` sampler (family "quantum"): the QAOA loop on the in-process statevector, then `reads`
// seeded shots of the optimised state into a SampleSet. `info` records the depth, mixer, optimiser,
// angles, evaluation count, the convergence trace and the circuit's resource estimate; `admit`
// refuses problems beyond the qubit limit or the memory guard so that mode `quantum` falls back.
// With option `backend` the optimised circuit's shots come from that Backend (backend-shots.ts).
import { qaoaCircuitFromLayout } from "../../compile/ansatz/qaoa-circuit.js";
import { QAOA_MIXERS, type QaoaMixer } from "../../compile/ansatz/qaoa-layout.js";
import type { Qubo } from "../../compile/qubo.js";
import { sampleIndices } from "../../sim/measure.js";
import type { JsonValue } from "../json.js";
import { OPTIMIZERS, type OptimizerName } from "../optimize/minimize.js";
import type { ParameterSpecs } from "../options.js";
import type { Problem, SolvableModel } from "../problem.js";
import { defineSampler, recordEvaluationLimit, recordTimeLimit, type Sampler, type SamplerOptions } from "../sampler.js";
import { ESTIMATE_SHOTS_SPEC, evaluationsPerCall, optimizerCalls, spendLoop } from "./estimate-budget.js";
import { checkAggregation } from "./aggregate.js";
import { QAOA_INITIALISATIONS, type QaoaInitialisation } from "./initialise.js";
import { qaoaEnergies, runQaoa } from "./qaoa-loop.js";
import { admitStatevector, resourceInfo } from "./resources.js";
import { pushShots } from "./shots.js";
import type { Backend } from "../backend/backend.js";
import { admitOnBackend, BACKEND_PARAMETERS, sampleThroughBackend, takeBackend } from "./backend-shots.js";

export interface QaoaParameters {
  readonly [name: string]: JsonValue;
  readonly p: number;
  readonly mixer: QaoaMixer;
  readonly multiAngle: boolean;
  readonly init: QaoaInitialisation;
  readonly optimizer: OptimizerName;
  readonly maxEvaluations: number;
  readonly estimateShots: number;
  readonly cvarAlpha: number;
  readonly rampTime: number;
  readonly maxQubits: number;
  readonly backendTimeoutMs: number;
  readonly backendRetries: number;
}

export const QAOA_PARAMETERS: ParameterSpecs = {
  p: { kind: "integer", min: 1, max: 64, default: 3 },
  mixer: { kind: "choice", values: QAOA_MIXERS, default: "x" },
  multiAngle: { kind: "boolean", default: false },
  init: { kind: "choice", values: QAOA_INITIALISATIONS, default: "interp" },
  optimizer: { kind: "choice", values: OPTIMIZERS, default: "lbfgs" },
  maxEvaluations: { kind: "integer", min: 1, default: 400 },
  estimateShots: ESTIMATE_SHOTS_SPEC,
  cvarAlpha: { kind: "number", min: 0, exclusiveMin: true, max: 1, default: 1 },
  rampTime: { kind: "number", min: 0, exclusiveMin: true, default: 0.75 },
  maxQubits: { kind: "integer", min: 1, max: 30, default: 24 },
  ...BACKEND_PARAMETERS,
};

/** Σ x = k groups a model carries (the compiler records them), for the xy-ring mixer. */
export type Groups = readonly { readonly bits: readonly number[]; readonly k: number }[];

export function groupsOf(problem: Problem): Groups {
  const groups = (problem as { oneHotGroups?: unknown }).oneHotGroups;
  return Array.isArray(groups) ? (groups as Groups) : [];
}

/**
 * Bytes per basis state beyond φ: λ (16), the sampled copy (16), energies (8), energy levels (2),
 * CVaR order and weights (12), multi-angle phases (8).
 */
function qaoaBytesPerState(parameters: Readonly<Record<string, unknown>>): number {
  return 16 + 16 + 8 + 2 + (parameters.cvarAlpha !== undefined && parameters.cvarAlpha !== 1 ? 12 : 0) + (parameters.multiAngle === true ? 8 : 0);
}

interface Encoded {
  readonly qubo: Qubo;
  readonly energies: Float64Array;
}

function qaoaDefinition(groups: Groups, backend: Backend | undefined) {
  return defineSampler<QaoaParameters, Encoded>({
    name: "qaoa",
    family: "quantum",
    summary: "QAOA on the statevector simulator",
    defaultReads: 1000,
    countsEvaluations: true,
    readsAreRestarts: { why: "its reads are shots of one optimised state, not restarts" },
    parameters: QAOA_PARAMETERS,
    encode: (qubo) => ({ qubo, energies: qaoaEnergies(qubo) }),
    solve: async ({ qubo, energies }, params, context) => {
      const aggregation = checkAggregation(params.cvarAlpha);
      const perCall = evaluationsPerCall(params.optimizer, params.estimateShots);
      const maxEvaluations = optimizerCalls("qaoa", context.evaluations, context.reads, perCall, params.maxEvaluations);
      const run = runQaoa(
        qubo,
        {
          p: params.p,
          mixer: params.mixer,
          groups,
          multiAngle: params.multiAngle,
          initialisation: params.init,
          optimizer: params.optimizer,
          maxEvaluations,
          aggregation,
          rampTime: params.rampTime,
          rng: context.rng,
          deadline: context.deadline,
        },
        energies,
      );
      spendLoop(context.evaluations, run.nEvaluations, perCall, context.reads);
      const { layout } = run;
      const circuit = qaoaCircuitFromLayout(layout, { measure: true });
      if (backend) await sampleThroughBackend(backend, circuit, run.angles, params, context);
      else pushShots(sampleIndices(run.evaluator.state(run.angles), context.reads, context.rng.fork("shots")), qubo.linear.length, context.out, context.evaluations.spent - context.reads);
      const angles: Record<string, JsonValue> = {};
      layout.parameterNames.forEach((name, k) => {
        angles[name] = run.angles[k] as number;
      });
      Object.assign(context.info, {
        p: layout.p,
        mixer: layout.mixer,
        constrainedGroups: layout.mixer === "xy-ring" ? groups.length : 0,
        multiAngle: layout.multiAngle,
        optimizer: params.optimizer,
        init: params.init,
        aggregation: aggregation.kind === "mean" ? "mean" : `cvar(${aggregation.alpha})`,
        objectiveValue: run.value,
        meanEnergy: run.evaluator.meanEnergy(run.angles),
        nEvaluations: run.nEvaluations,
        angles,
        stages: run.stages.map((s) => ({ ...s })),
        trace: run.trace.map(([evaluation, best]) => [evaluation, best]),
        resources: resourceInfo(circuit, (16 + qaoaBytesPerState(params)) * 2 ** layout.nQubits),
      });
      if (run.timedOut) recordTimeLimit(context, context.out.length);
      else if (maxEvaluations < params.maxEvaluations && run.nEvaluations >= maxEvaluations) recordEvaluationLimit(context, context.out.length);
    },
  });
}

export const qaoaSampler: Sampler = {
  name: "qaoa",
  family: "quantum",
  summary: "QAOA on the statevector simulator (x or xy-ring mixer, ramp/INTERP start, mean or CVaR)",
  parameters: QAOA_PARAMETERS,
  countsEvaluations: true,
  readsAreRestarts: false,
  sample: async (problem, options) => {
    const { backend, rest } = takeBackend(options);
    return qaoaDefinition(groupsOf(problem), backend).sample(problem, rest);
  },
  admit: (model: SolvableModel, options: SamplerOptions) =>
    admitStatevector("qaoa", model.qubo.linear.length, maxQubitsOf(options, 24), qaoaBytesPerState(options)) ??
    admitOnBackend("qaoa", model.qubo.linear.length, options),
};

export function maxQubitsOf(options: SamplerOptions, fallback: number): number {
  const value = options.maxQubits;
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}
