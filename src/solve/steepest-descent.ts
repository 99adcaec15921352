// Steepest-descent local search: from a uniform random start, repeatedly flip the variable whose
// flip lowers the energy most, until no single flip does. Each read ends in a one-flip local minimum.
import { type LocalSearchForm, initFields, localSearchForm, randomAssignment, steepestDescent } from "./local-field.js";
import { requireOneStep } from "./evaluations.js";
import { defineSampler, recordEvaluationLimit, recordTimeLimit } from "./sampler.js";

export const steepestDescentSampler = defineSampler<Record<string, never>, LocalSearchForm>({
  name: "descent",
  family: "classical",
  summary: "steepest-descent local search from random starts, to one-flip local minima",
  defaultReads: 10,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {},
  encode: (qubo) => localSearchForm(qubo),
  solve: (form, _params, context) => {
    const x = new Uint8Array(form.n);
    const field = new Float64Array(form.n);
    const { evaluations } = context;
    // The random start's full evaluation, then n candidates scanned per descent step.
    const cost = { perRead: 1, perStep: Math.max(1, form.n) };
    requireOneStep("descent", evaluations, cost);
    for (let read = 0; read < context.reads; read++) {
      if (!evaluations.fitsRead(cost)) {
        recordEvaluationLimit(context, read);
        return;
      }
      const rng = context.rng.fork(read);
      randomAssignment(x, () => rng.next());
      initFields(form, x, field);
      evaluations.spend(cost.perRead);
      const allowed = evaluations.fits(cost.perStep);
      const scans = steepestDescent(form, x, field, allowed);
      evaluations.spend(scans * cost.perStep);
      context.out.push(x);
      if (scans === allowed && !evaluations.fitsRead(cost)) {
        recordEvaluationLimit(context, read + 1);
        return;
      }
      if (read + 1 < context.reads && context.deadline.expired()) {
        recordTimeLimit(context, read + 1);
        return;
      }
    }
  },
});
