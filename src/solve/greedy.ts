// Greedy construction followed by steepest descent (a GRASP-style multistart, Feo & Resende 1995).
// Undecided variables count as ½, so the partial field of an undecided x_i is
//   p_i = h_i + Σ_{j decided} W_ij x_j + ½ Σ_{j undecided} W_ij,
// the expected energy change of setting x_i = 1 rather than 0. Each step fixes the variable with
// the largest |p_i| to its better value (x_i = 1 iff p_i < 0). Read 0 is the pure greedy choice;
// later reads pick uniformly among the `candidates` largest |p_i| to diversify. With `polish`, the
// constructed assignment then descends to a one-flip local minimum.
import { type LocalSearchForm, initFields, localSearchForm, steepestDescent } from "./local-field.js";
import { type SamplerContext, defineSampler, recordEvaluationLimit, recordTimeLimit } from "./sampler.js";

export interface GreedyParameters {
  readonly [key: string]: number | boolean;
  readonly candidates: number;
  readonly polish: boolean;
}

export const greedySampler = defineSampler<GreedyParameters, LocalSearchForm>({
  name: "greedy",
  family: "classical",
  summary: "greedy construction (randomised after the first read) then steepest descent",
  defaultReads: 10,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {
    candidates: { kind: "integer", min: 1, max: 1_000_000, default: 3 },
    polish: { kind: "boolean", default: true },
  },
  encode: (qubo) => localSearchForm(qubo),
  solve: construct,
});

function construct(form: LocalSearchForm, params: GreedyParameters, context: SamplerContext): void {
  const { n, linear, start, neighbors, weights } = form;
  const x = new Uint8Array(n);
  const field = new Float64Array(n);
  const partial = new Float64Array(n);
  const decided = new Uint8Array(n);
  const top = new Int32Array(params.candidates);
  const { evaluations } = context;
  // A construction scans the undecided candidates at every step: n + (n − 1) + … + 1 evaluations.
  const construction = Math.max(1, (n * (n + 1)) / 2);
  if (evaluations.limit < construction) {
    throw new RangeError(`greedy: evaluationBudget ${evaluations.limit} is below one construction (n(n+1)/2 = ${construction} objective evaluations)`);
  }
  for (let read = 0; read < context.reads; read++) {
    if (evaluations.remaining < construction) {
      recordEvaluationLimit(context, read);
      return;
    }
    evaluations.spend(construction);
    const rng = context.rng.fork(read);
    const width = read === 0 ? 1 : params.candidates;
    for (let i = 0; i < n; i++) {
      let p = linear[i];
      for (let k = start[i]; k < start[i + 1]; k++) p += 0.5 * weights[k];
      partial[i] = p;
      decided[i] = 0;
    }
    for (let step = 0; step < n; step++) {
      const found = largestUndecided(partial, decided, top, width);
      const i = top[found === 1 ? 0 : rng.int(found)];
      const value = partial[i] < 0 ? 1 : 0;
      x[i] = value;
      decided[i] = 1;
      const shift = value - 0.5;
      for (let k = start[i]; k < start[i + 1]; k++) partial[neighbors[k]] += weights[k] * shift;
    }
    // Polishing evaluates the construction once, then scans the n candidates per descent step;
    // the budget may stop the descent short of a local minimum (then the run ends with this read).
    let budgetCut = false;
    if (params.polish && evaluations.remaining >= 1) {
      initFields(form, x, field);
      evaluations.spend(1);
      const allowed = evaluations.fits(Math.max(1, n));
      const scans = steepestDescent(form, x, field, allowed);
      evaluations.spend(scans * Math.max(1, n));
      budgetCut = scans === allowed && evaluations.remaining < Math.max(1, n);
    }
    context.out.push(x);
    if (budgetCut) {
      recordEvaluationLimit(context, read + 1);
      return;
    }
    if (read + 1 < context.reads && context.deadline.expired()) {
      recordTimeLimit(context, read + 1);
      return;
    }
  }
}

/** Writes into `top` the (up to `width`) undecided indices with the largest |partial|; returns how many. */
function largestUndecided(partial: Float64Array, decided: Uint8Array, top: Int32Array, width: number): number {
  let count = 0;
  for (let i = 0; i < partial.length; i++) {
    if (decided[i]) continue;
    const score = Math.abs(partial[i]);
    // Insertion into the short sorted list; ties keep the lower index first.
    let slot = count < width ? count : width;
    while (slot > 0 && Math.abs(partial[top[slot - 1]]) < score) slot--;
    if (slot >= width) continue;
    for (let k = Math.min(count, width - 1); k > slot; k--) top[k] = top[k - 1];
    top[slot] = i;
    if (count < width) count++;
  }
  if (count === 0) throw new Error("internal: greedy found no undecided variable");
  return count;
}
