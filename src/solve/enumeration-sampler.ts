// The `exact` sampler: exhaustive Gray-code enumeration (exact.ts) behind the Sampler contract.
// Its samples are the minimising states (up to `maxMinimizers`) and, on request, the `lowest` k
// states; each appears once, so `occurrences` is 1 throughout. Enumeration is one pass over 2ⁿ
// states (`reads` does not apply); a time limit or an evaluation budget can stop it early, and
// `info.optimal` is then false.
import type { Qubo } from "../compile/qubo.js";
import { EXACT_MAX_REPORTED, EXACT_MAX_VARIABLES, solveExact } from "./exact.js";
import { defineSampler, recordEvaluationLimit, recordTimeLimit } from "./sampler.js";

export interface EnumerationParameters {
  readonly [key: string]: number;
  readonly maxMinimizers: number;
  readonly lowest: number;
}

export const exactSampler = defineSampler<EnumerationParameters, Qubo>({
  name: "exact",
  family: "classical",
  summary: `exhaustive enumeration in Gray-code order (up to ${EXACT_MAX_VARIABLES} variables): the proven optimum`,
  defaultReads: 1,
  countsEvaluations: true,
  readsAreRestarts: { why: "it enumerates all 2ⁿ assignments once (reads do not apply)" },
  parameters: {
    maxMinimizers: { kind: "integer", min: 1, max: EXACT_MAX_REPORTED, default: 64 },
    lowest: { kind: "integer", min: 0, max: EXACT_MAX_REPORTED, default: 0 },
  },
  encode: (qubo) => {
    if (qubo.linear.length > EXACT_MAX_VARIABLES) {
      throw new RangeError(
        `the exact solver enumerates at most ${EXACT_MAX_VARIABLES} variables, this problem has ${qubo.linear.length}; use milp, tabu or sa`,
      );
    }
    return qubo;
  },
  solve: (qubo, params, context) => {
    // One evaluation per enumerated assignment; a budget below 2ⁿ (or the time limit, polled about
    // every 2¹⁷ states) stops the pass, and its best is then not proven optimal.
    let timeUp = false;
    const solution = solveExact(qubo, {
      maxMinimizers: params.maxMinimizers,
      lowest: params.lowest,
      maxStates: context.evaluations.fits(1),
      shouldStop: () => (timeUp = context.deadline.expired()),
    });
    context.evaluations.spend(solution.nStates);
    const seen = new Set<number>();
    for (const state of [...solution.minimizers, ...solution.lowest]) {
      if (seen.has(state.index)) continue;
      seen.add(state.index);
      context.out.push(state.assignment);
    }
    context.info.optimal = solution.complete;
    if (!solution.complete) (timeUp ? recordTimeLimit : recordEvaluationLimit)(context, context.out.length);
    context.info.minEnergy = solution.minEnergy;
    context.info.nMinimizers = solution.nMinimizers;
    context.info.nStates = solution.nStates;
  },
});
