// Parallel tempering / replica exchange Monte Carlo (Swendsen & Wang 1986; Hukushima & Nemoto 1996).
// R replicas sit on a geometric β ladder between the coefficient-scale bounds (defaultBetaRange);
// each sweep runs one Metropolis sweep per replica, then neighbouring rungs k, k+1 exchange their
// states with probability min(1, exp((β_k − β_{k+1})(E_k − E_{k+1}))), which keeps every rung at its
// own Boltzmann distribution. Exchanges swap a rung → state index table, never the states.
// One read = one independent ladder; it returns the lowest-energy state any replica visited.
import { type LocalSearchForm, defaultBetaRange, geometricBetas, initFields, localSearchForm, randomAssignment } from "./local-field.js";
import { planReads } from "./evaluations.js";
import { type SamplerContext, defineSampler, recordEvaluationLimit, stopAfterRead } from "./sampler.js";
import { metropolisSweep } from "./simulated-annealing.js";

export interface TemperingParameters {
  readonly [key: string]: number | readonly [number, number] | null;
  readonly sweeps: number;
  readonly replicas: number;
  readonly betaRange: readonly [number, number] | null;
}

const CLOCK_EVERY = 4;

export const parallelTempering = defineSampler<TemperingParameters, LocalSearchForm>({
  name: "pt",
  family: "classical",
  summary: "parallel tempering: Metropolis replicas on a geometric β ladder with neighbour exchanges",
  defaultReads: 4,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {
    sweeps: { kind: "integer", min: 1, max: 1e9, default: 1000 },
    replicas: { kind: "integer", min: 2, max: 4096, default: 16 },
    betaRange: { kind: "range", default: null },
  },
  encode: (qubo) => localSearchForm(qubo),
  solve: temper,
});

function temper(form: LocalSearchForm, params: TemperingParameters, context: SamplerContext): void {
  const { n } = form;
  const nReplicas = params.replicas;
  const [low, high] = params.betaRange ?? defaultBetaRange(form);
  const betas = geometricBetas(low, high, nReplicas);
  // Replica r's state and fields are views into one block each, made once.
  const states = new Uint8Array(nReplicas * n);
  const fields = new Float64Array(nReplicas * n);
  const xs: Uint8Array[] = [];
  const fs: Float64Array[] = [];
  for (let r = 0; r < nReplicas; r++) {
    xs.push(states.subarray(r * n, (r + 1) * n));
    fs.push(fields.subarray(r * n, (r + 1) * n));
  }
  const energies = new Float64Array(nReplicas);
  const atRung = new Int32Array(nReplicas);
  const best = new Uint8Array(n);
  const scratch = new Float64Array(n);
  let exchanges = 0;
  let attempts = 0;
  context.info.betas = Array.from(betas);
  const { evaluations } = context;
  // Each replica's random start is one evaluation; a sweep proposes n flips in each replica.
  // Exchanges compare energies already known: free.
  const cost = { perRead: nReplicas, perStep: nReplicas * Math.max(1, n) };
  const plan = planReads("pt", evaluations, context.reads, cost, params.sweeps, context.userSet("sweeps"));
  context.info.sweeps = plan.length;

  for (let read = 0; read < plan.reads; read++) {
    if (!evaluations.fitsRead(cost)) {
      recordEvaluationLimit(context, read);
      break;
    }
    const rng = context.rng.fork(read);
    const next = (): number => rng.next();
    let bestEnergy = Infinity;
    let bestAtMs = context.elapsedMs();
    for (let r = 0; r < nReplicas; r++) {
      randomAssignment(xs[r], next);
      energies[r] = initFields(form, xs[r], fs[r]);
      atRung[r] = r;
      if (energies[r] < bestEnergy) {
        bestEnergy = energies[r];
        best.set(xs[r]);
      }
    }
    evaluations.spend(cost.perRead);
    // Evaluations spent when a replica first reached the read's best (its whole sweep counted).
    const spentAtStart = evaluations.spent;
    let bestAtEvaluations = spentAtStart;
    const sweeps = Math.min(plan.length, evaluations.fits(cost.perStep));
    let done = 0;
    let stopped = false;
    for (let sweep = 0; sweep < sweeps && bestEnergy > context.targetEnergy; sweep++) {
      done++;
      for (let k = 0; k < nReplicas; k++) {
        const r = atRung[k];
        energies[r] += metropolisSweep(form, xs[r], fs[r], betas[k], next);
        if (energies[r] < bestEnergy) {
          bestEnergy = energies[r];
          best.set(xs[r]);
          bestAtMs = context.elapsedMs();
          bestAtEvaluations = spentAtStart + done * cost.perStep;
        }
      }
      // Alternate even and odd pairs so every neighbour pair is tried every two sweeps.
      for (let k = sweep & 1; k + 1 < nReplicas; k += 2) {
        const a = atRung[k];
        const b = atRung[k + 1];
        const exponent = (betas[k] - betas[k + 1]) * (energies[a] - energies[b]);
        attempts++;
        if (exponent >= 0 || Math.exp(exponent) > next()) {
          atRung[k] = b;
          atRung[k + 1] = a;
          exchanges++;
        }
      }
      if (sweep % CLOCK_EVERY === CLOCK_EVERY - 1 && context.deadline.expired()) {
        stopped = true;
        break;
      }
    }
    evaluations.spend(done * cost.perStep);
    const budgetCut = !stopped && done === sweeps && sweeps < plan.length;
    // Timed when a replica first reached the read's best, not when the sweeps ended.
    context.out.push(best, bestAtMs, bestAtEvaluations);
    const targetReached = initFields(form, best, scratch) <= context.targetEnergy;
    if (stopAfterRead(context, read + 1, plan.reads, { targetReached, budgetCut, timeUp: stopped })) break;
  }
  if (plan.reads < context.reads && context.info.stoppedBy === undefined) recordEvaluationLimit(context, plan.reads);
  context.info.exchangeRate = attempts === 0 ? 0 : exchanges / attempts;
}
