// Multistart tabu search for QUBO, after Palubeckis' MST2 (Ann. Oper. Res. 131, 2004) and Glover,
// Kochenberger & Alidaee (Manage. Sci. 44, 1998).
//
// One read = one tabu-search run: the best admissible one-flip move (ties at random), with
// ΔE_i = (1 − 2x_i)·field_i read in O(1) and the fields updated in O(deg i) per move; a flipped
// variable stays tabu for a randomised tenure; aspiration lets a tabu move through when it beats the
// run's best energy; the run ends after `stallIterations` iterations without improving that best.
// Read 0 starts from a uniform random assignment; later reads restart from the best assignment so
// far with a perturbation that favours rarely flipped variables (frequency-based diversification:
// long-term memory steers the restart towards regions not yet visited). MST2 builds its restart
// points with a steered construction instead; perturbing the elite keeps the restart O(n) and
// reaches the best-known values of the OR-Library and gka sets (BENCHMARKS.md). Each read returns
// the best assignment of its run.
import { type LocalSearchForm, flip, initFields, localSearchForm, randomAssignment } from "./local-field.js";
import { planReads } from "./evaluations.js";
import { type SamplerContext, defineSampler, recordEvaluationLimit, stopAfterRead } from "./sampler.js";

export interface TabuParameters {
  readonly [key: string]: number | null;
  /** Iterations a flipped variable stays tabu (plus a random 0 … ⌈tenure/2⌉ − 1); default max(min(20, ⌈n/2⌉), ⌈n/10⌉). */
  readonly tenure: number | null;
  /** Iterations without improving the run's best before the run ends; default max(2000, 25n). */
  readonly stallIterations: number | null;
  /** Fraction of the variables flipped when restarting from the elite assignment. */
  readonly perturbation: number;
}

/** Iterations between clock reads. */
const CLOCK_EVERY = 64;

export const tabuSearch = defineSampler<TabuParameters, LocalSearchForm>({
  name: "tabu",
  family: "classical",
  summary: "multistart one-flip tabu search with aspiration and frequency-based diversification (after MST2)",
  defaultReads: 10,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {
    tenure: { kind: "integer", min: 1, max: 1e9, default: null },
    stallIterations: { kind: "integer", min: 1, max: 1e12, default: null },
    perturbation: { kind: "number", min: 0, max: 1, default: 0.1 },
  },
  encode: (qubo) => localSearchForm(qubo),
  solve: search,
});

function search(form: LocalSearchForm, params: TabuParameters, context: SamplerContext): void {
  const { n } = form;
  // Default tenure max(min(20, ⌈n/2⌉), ⌈n/10⌉), chosen by measurement: 20 (as in Palubeckis) on
  // mid-sized problems; n/2 on tiny ones, whose penalty barriers trapped shorter tenures (compiled
  // 10–14-bit knapsacks: 29 of 30 optima against 21 with n/4); n/10 on large ones, where 20 let the
  // search cycle (Gset G1, G11, G14 at n = 800: up to 7% better cuts).
  const tenure = Math.min(params.tenure ?? Math.max(Math.min(20, Math.ceil(n / 2)), Math.ceil(n / 10)), Math.max(0, n - 1));
  // The tenure of each move is drawn from [tenure, tenure + spread): a fixed tenure lets short cycles recur.
  const spread = Math.max(1, Math.ceil(tenure / 2));
  const { evaluations } = context;
  // One evaluation per candidate move scanned (n per iteration) and one per (re)start's full evaluation.
  const cost = { perRead: 1, perStep: Math.max(1, n) };
  const defaultStall = Math.max(2000, 25 * n);
  const plan = planReads("tabu", evaluations, context.reads, cost, params.stallIterations ?? defaultStall, context.userSet("stallIterations"));
  // Sized by a budget, a read runs its share of iterations whatever its stalls (a stalled walk keeps
  // exploring under tenure); otherwise it ends after `stall` iterations without improvement.
  const sized = evaluations.limited && !context.userSet("stallIterations") && context.reads !== Infinity;
  const stall = sized ? Infinity : plan.length;
  const x = new Uint8Array(n);
  const field = new Float64Array(n);
  const tabuUntil = new Float64Array(n);
  const flips = new Float64Array(n);
  const runBest = new Uint8Array(n);
  const elite = new Uint8Array(n);
  let eliteEnergy = Infinity;
  context.info.tenure = tenure;
  context.info.stallIterations = sized ? null : stall;
  if (sized) context.info.iterations = plan.length;

  for (let read = 0; read < plan.reads; read++) {
    if (!evaluations.fitsRead(cost)) {
      recordEvaluationLimit(context, read);
      return;
    }
    const rng = context.rng.fork(read);
    if (read === 0) randomAssignment(x, () => rng.next());
    else perturb(x, elite, flips, Math.max(Math.min(2, n), Math.round(params.perturbation * n)), rng.int.bind(rng));
    let energy = initFields(form, x, field);
    evaluations.spend(cost.perRead);
    // Iterations this read may run: its sized share, or what is left of the budget.
    const allowed = Math.min(sized ? plan.length : Infinity, evaluations.fits(cost.perStep));
    let iterations = 0;
    tabuUntil.fill(0);
    runBest.set(x);
    let bestEnergy = energy;
    let runBestAtMs = context.elapsedMs();
    // Evaluations spent when the walk first held its best: the start, then n per iteration.
    const spentAtStart = evaluations.spent;
    let runBestAtEvaluations = spentAtStart;
    let stopped = false;
    for (let iteration = 1, lastImprovement = 0; iteration - lastImprovement <= stall && iteration <= allowed && n > 0; iteration++) {
      iterations = iteration;
      // The best admissible move: not tabu, or tabu but leading below the run's best (aspiration).
      // Ties are broken uniformly at random (reservoir sampling), so equal moves do not cycle.
      let move = -1;
      let moveDelta = Infinity;
      let ties = 0;
      for (let i = 0; i < n; i++) {
        const delta = x[i] ? -field[i] : field[i];
        if (delta <= moveDelta && (tabuUntil[i] < iteration || energy + delta < bestEnergy)) {
          if (delta < moveDelta) {
            moveDelta = delta;
            move = i;
            ties = 1;
          } else if (rng.next() * ++ties < 1) {
            move = i;
          }
        }
      }
      if (move < 0) break; // every variable tabu and none aspirates (only when tenure ≥ n)
      energy += flip(form, x, field, move);
      tabuUntil[move] = iteration + tenure + rng.int(spread);
      flips[move]++;
      if (energy < bestEnergy) {
        bestEnergy = energy;
        runBest.set(x);
        runBestAtMs = context.elapsedMs();
        runBestAtEvaluations = spentAtStart + iteration * cost.perStep;
        lastImprovement = iteration;
        if (bestEnergy <= context.targetEnergy) break;
      }
      if (iteration % CLOCK_EVERY === 0 && context.deadline.expired()) {
        stopped = true;
        break;
      }
    }
    evaluations.spend(iterations * cost.perStep);
    // The budget cut this walk if it ran out before the walk's own end (stall, or its sized share).
    const budgetCut = !stopped && iterations === allowed && !sized && allowed < Infinity && evaluations.remaining < cost.perStep;
    // Timed when the walk first held its best, not when the walk ended: the time to target.
    context.out.push(runBest, runBestAtMs, runBestAtEvaluations);
    // The run's energy is recomputed exactly before it may become the elite (no drift from Σ ΔE).
    const exact = initFields(form, runBest, field);
    if (exact < eliteEnergy) {
      eliteEnergy = exact;
      elite.set(runBest);
    }
    if (stopAfterRead(context, read + 1, plan.reads, { targetReached: exact <= context.targetEnergy, budgetCut, timeUp: stopped })) return;
  }
  if (plan.reads < context.reads) recordEvaluationLimit(context, plan.reads);
}

/**
 * x ← elite with `count` variables flipped, each chosen as the less-flipped of two uniform picks
 * (a binary tournament on the flip counts), so rarely moved variables are favoured.
 */
function perturb(x: Uint8Array, elite: Uint8Array, flips: Float64Array, count: number, int: (n: number) => number): void {
  const n = x.length;
  x.set(elite);
  for (let k = 0; k < count; k++) {
    const a = int(n);
    const b = int(n);
    const i = flips[a] <= flips[b] ? a : b;
    x[i] = x[i] ? 0 : 1;
  }
}
