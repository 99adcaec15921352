// Simulated annealing (Kirkpatrick, Gelatt & Vecchi 1983) with Metropolis acceptance: each sweep
// visits the variables in order and flips x_i with probability min(1, e^{−β ΔE_i}), ΔE_i read from
// the local field in O(1) and the fields updated over the CSR row on acceptance. β follows a
// geometric (or linear) schedule between bounds chosen from the coefficient scale (defaultBetaRange),
// as dwave-neal does; each read starts from a uniform random assignment and returns its final state,
// counted as found at the first sweep that ended at its final energy.
import {
  type LocalSearchForm,
  defaultBetaRange,
  flip,
  geometricBetas,
  initFields,
  localSearchForm,
  randomAssignment,
  sequentialDescent,
} from "./local-field.js";
import { planReads } from "./evaluations.js";
import { type SamplerContext, defineSampler, recordEvaluationLimit, stopAfterRead } from "./sampler.js";

export interface AnnealingParameters {
  readonly [key: string]: number | string | readonly [number, number] | null;
  readonly sweeps: number;
  readonly betaRange: readonly [number, number] | null;
  readonly schedule: "geometric" | "linear";
}

/** Above this β·ΔE the acceptance probability (< 2·10⁻¹⁸) is below the generator's resolution. */
const MAX_EXPONENT = 40;
/** Sweeps between clock reads. */
const CLOCK_EVERY = 8;

export const simulatedAnnealing = defineSampler<AnnealingParameters, LocalSearchForm>({
  name: "sa",
  family: "classical",
  summary: "simulated annealing: Metropolis sweeps under a geometric β schedule from the coefficient scale",
  defaultReads: 10,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {
    sweeps: { kind: "integer", min: 1, max: 1e9, default: 1000 },
    betaRange: { kind: "range", default: null },
    schedule: { kind: "choice", values: ["geometric", "linear"], default: "geometric" },
  },
  encode: (qubo) => localSearchForm(qubo),
  solve: anneal,
});

/** The β of every sweep. */
export function annealingSchedule(form: LocalSearchForm, params: AnnealingParameters): Float64Array {
  const [low, high] = params.betaRange ?? defaultBetaRange(form);
  if (params.schedule === "geometric") return geometricBetas(low, high, params.sweeps);
  const betas = new Float64Array(params.sweeps);
  for (let s = 0; s < params.sweeps; s++) betas[s] = params.sweeps === 1 ? high : low + ((high - low) * s) / (params.sweeps - 1);
  return betas;
}

function anneal(form: LocalSearchForm, params: AnnealingParameters, context: SamplerContext): void {
  const { n } = form;
  const { evaluations } = context;
  // One evaluation per proposed flip (a sweep costs n) and one for a read's random start.
  const cost = { perRead: 1, perStep: Math.max(1, n) };
  const plan = planReads("sa", evaluations, context.reads, cost, params.sweeps, context.userSet("sweeps"));
  const betas = annealingSchedule(form, { ...params, sweeps: plan.length });
  const x = new Uint8Array(n);
  const field = new Float64Array(n);
  context.info.betaRange = [betas[0], betas[betas.length - 1]];
  context.info.sweeps = betas.length;
  for (let read = 0; read < plan.reads; read++) {
    if (!evaluations.fitsRead(cost)) {
      recordEvaluationLimit(context, read);
      return;
    }
    const rng = context.rng.fork(read);
    const next = (): number => rng.next();
    randomAssignment(x, next);
    let energy = initFields(form, x, field);
    evaluations.spend(cost.perRead);
    const spentAtStart = evaluations.spent;
    const sweeps = Math.min(betas.length, evaluations.fits(cost.perStep));
    const lows = new EnergyRecords(energy, context.elapsedMs());
    let done = 0;
    let timeUp = false;
    while (done < sweeps) {
      energy += metropolisSweep(form, x, field, betas[done], next);
      done++;
      lows.observe(energy, done, context.elapsedMs);
      if (done % CLOCK_EVERY === 0 && done < betas.length && context.deadline.expired()) {
        timeUp = true;
        break;
      }
    }
    evaluations.spend(done * cost.perStep);
    const budgetCut = !timeUp && done < betas.length;
    // A read cut short by a budget is still hot: quench it towards the nearest local minimum, within
    // what is left of the evaluation budget, so the sample is worth comparing (and say so in info).
    const quenched = timeUp || budgetCut;
    if (quenched) {
      evaluations.spend(sequentialDescent(form, x, field, evaluations.fits(cost.perStep)) * cost.perStep);
      context.info.quenchedRead = read;
    }
    // A read counts as found (time and evaluations) when it first reached its final energy, as tabu
    // and PT count their best, not at the end of its schedule; a quenched read at the end of the quench.
    if (quenched) context.out.push(x);
    else {
      const found = lows.firstAtOrBelow(energy);
      context.out.push(x, found.ms, spentAtStart + found.sweep * cost.perStep);
    }
    const targetReached = context.targetEnergy > -Infinity && initFields(form, x, field) <= context.targetEnergy;
    if (stopAfterRead(context, read + 1, plan.reads, { targetReached, budgetCut, timeUp })) return;
  }
  if (plan.reads < context.reads) recordEvaluationLimit(context, plan.reads);
}

/**
 * The read's successive record lows (energy at the end of a sweep, the sweep, and when), so that the
 * first sweep at or below any energy is known afterwards without keeping every sweep's energy.
 * Energies are running sums of ΔE, so "at or below" allows for their rounding.
 */
class EnergyRecords {
  private readonly lows: { readonly energy: number; readonly sweep: number; readonly ms: number }[];

  constructor(start: number, ms: number) {
    this.lows = [{ energy: start, sweep: 0, ms }];
  }

  observe(energy: number, sweep: number, clock: () => number): void {
    if (energy < this.lows[this.lows.length - 1]!.energy - tolerance(energy)) this.lows.push({ energy, sweep, ms: clock() });
  }

  firstAtOrBelow(energy: number): { readonly sweep: number; readonly ms: number } {
    const limit = energy + tolerance(energy);
    return this.lows.find((low) => low.energy <= limit) ?? this.lows[this.lows.length - 1]!;
  }
}

function tolerance(energy: number): number {
  return 1e-9 * Math.max(1, Math.abs(energy));
}

/** One Metropolis sweep at inverse temperature β over variables 0 … n−1 in order; returns ΔE. */
export function metropolisSweep(form: LocalSearchForm, x: Uint8Array, field: Float64Array, beta: number, next: () => number): number {
  const n = form.n;
  let change = 0;
  for (let i = 0; i < n; i++) {
    const delta = x[i] ? -field[i] : field[i];
    if (delta <= 0) {
      change += flip(form, x, field, i);
    } else {
      const exponent = beta * delta;
      if (exponent < MAX_EXPONENT && Math.exp(-exponent) > next()) change += flip(form, x, field, i);
    }
  }
  return change;
}
