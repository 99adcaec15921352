// The `vqe` sampler (family "quantum"): a hardware-efficient ansatz (ry·rz layers, cx entanglers)
// minimising the mean or CVaR of the same diagonal cost as QAOA, from small seeded random angles,
// then `reads` seeded shots of the optimised state (or, with option `backend`, shots from that
// Backend). `info` as for `qaoa`.
import { type Entangler, hardwareEfficientAnsatz } from "../../compile/ansatz/hardware-efficient.js";
import type { Qubo } from "../../compile/qubo.js";
import { quboEnergies } from "../../sim/energies.js";
import { sampleIndices } from "../../sim/measure.js";
import type { JsonValue } from "../json.js";
import { minimize, OPTIMIZERS, type OptimizerName } from "../optimize/minimize.js";
import type { ParameterSpecs } from "../options.js";
import type { SolvableModel } from "../problem.js";
import { defineSampler, recordEvaluationLimit, recordTimeLimit, type Sampler, type SamplerOptions } from "../sampler.js";
import { ESTIMATE_SHOTS_SPEC, evaluationsPerCall, optimizerCalls, spendLoop } from "./estimate-budget.js";
import { checkAggregation } from "./aggregate.js";
import { withDeadline } from "./deadline-objective.js";
import { maxQubitsOf } from "./qaoa-sampler.js";
import { admitStatevector, resourceInfo } from "./resources.js";
import { pushShots } from "./shots.js";
import { VqeEvaluator } from "./vqe-evaluator.js";
import type { Backend } from "../backend/backend.js";
import { admitOnBackend, BACKEND_PARAMETERS, sampleThroughBackend, takeBackend } from "./backend-shots.js";

export interface VqeParameters {
  readonly [name: string]: JsonValue;
  readonly layers: number;
  readonly entangler: Entangler;
  readonly optimizer: OptimizerName;
  readonly maxEvaluations: number;
  readonly estimateShots: number;
  readonly cvarAlpha: number;
  readonly initialSpread: number;
  readonly maxQubits: number;
  readonly backendTimeoutMs: number;
  readonly backendRetries: number;
}

export const VQE_PARAMETERS: ParameterSpecs = {
  layers: { kind: "integer", min: 1, max: 64, default: 2 },
  entangler: { kind: "choice", values: ["linear", "ring"], default: "linear" },
  optimizer: { kind: "choice", values: OPTIMIZERS, default: "lbfgs" },
  maxEvaluations: { kind: "integer", min: 1, default: 300 },
  estimateShots: ESTIMATE_SHOTS_SPEC,
  cvarAlpha: { kind: "number", min: 0, exclusiveMin: true, max: 1, default: 1 },
  initialSpread: { kind: "number", min: 0, default: 0.5 },
  maxQubits: { kind: "integer", min: 1, max: 30, default: 20 },
  ...BACKEND_PARAMETERS,
};

/** Bytes per basis state beyond the state: three adjoint buffers (48), a sampled copy (16), energies (8), CVaR (12). */
function vqeBytesPerState(parameters: Readonly<Record<string, unknown>>): number {
  return 48 + 16 + 8 + (parameters.cvarAlpha !== undefined && parameters.cvarAlpha !== 1 ? 12 : 0);
}

const vqeDefinition = (backend: Backend | undefined) => defineSampler<VqeParameters, { readonly qubo: Qubo; readonly energies: Float64Array }>({
  name: "vqe",
  family: "quantum",
  summary: "VQE with a hardware-efficient ansatz on the statevector simulator",
  defaultReads: 1000,
  countsEvaluations: true,
  readsAreRestarts: { why: "its reads are shots of one optimised state, not restarts" },
  parameters: VQE_PARAMETERS,
  encode: (qubo) => ({ qubo, energies: quboEnergies(qubo) }),
  solve: async ({ qubo, energies }, params, context) => {
    const n = qubo.linear.length;
    const circuit = hardwareEfficientAnsatz(n, { layers: params.layers, entangler: params.entangler });
    const aggregation = checkAggregation(params.cvarAlpha);
    const evaluator = new VqeEvaluator(circuit, energies, aggregation);
    const initRng = context.rng.fork("init");
    const start = Float64Array.from({ length: evaluator.dimension }, () => params.initialSpread * initRng.normal());
    const objective = withDeadline(evaluator, context.deadline);
    const perCall = evaluationsPerCall(params.optimizer, params.estimateShots);
    const maxEvaluations = optimizerCalls("vqe", context.evaluations, context.reads, perCall, params.maxEvaluations);
    const result = minimize(params.optimizer, objective, start, { maxEvaluations, rng: context.rng.fork("optimizer"), initialStep: 0.2 });
    spendLoop(context.evaluations, result.nEvaluations, perCall, context.reads);
    const measured = hardwareEfficientAnsatz(n, { layers: params.layers, entangler: params.entangler, measure: true });
    if (backend) await sampleThroughBackend(backend, measured, result.x, params, context);
    else pushShots(sampleIndices(evaluator.stateAt(result.x), context.reads, context.rng.fork("shots")), n, context.out, context.evaluations.spent - context.reads);
    Object.assign(context.info, {
      layers: params.layers,
      entangler: params.entangler,
      optimizer: params.optimizer,
      aggregation: aggregation.kind === "mean" ? "mean" : `cvar(${aggregation.alpha})`,
      objectiveValue: result.value,
      meanEnergy: evaluator.meanEnergy(result.x),
      nEvaluations: result.nEvaluations,
      stoppedByOptimizer: result.stoppedBy,
      angles: Array.from(result.x),
      trace: result.trace.map((point) => [point.evaluation, point.best]),
      resources: resourceInfo(measured, (16 + vqeBytesPerState(params)) * 2 ** n),
    });
    if (objective.timedOut) recordTimeLimit(context, context.out.length);
    else if (maxEvaluations < params.maxEvaluations && result.stoppedBy === "max-evaluations") recordEvaluationLimit(context, context.out.length);
  },
});

const localDefinition = vqeDefinition(undefined);

export const vqeSampler: Sampler = {
  ...localDefinition,
  summary: "VQE with a hardware-efficient ansatz (ry·rz layers, cx entanglers) on the statevector simulator",
  sample: async (problem, options) => {
    const { backend, rest } = takeBackend(options);
    return (backend ? vqeDefinition(backend) : localDefinition).sample(problem, rest);
  },
  admit: (model: SolvableModel, options: SamplerOptions) =>
    admitStatevector("vqe", model.qubo.linear.length, maxQubitsOf(options, 20), vqeBytesPerState(options)) ?? admitOnBackend("vqe", model.qubo.linear.length, options),
};
