// Steepest-descent local search: from a uniform random start, repeatedly flip the variable whose
// flip lowers the energy most, until no single flip does. Each read ends in a one-flip local minimum.
import { type LocalSearchForm, initFields, localSearchForm, randomAssignment, steepestDescent } from "./local-field.js";
import { defineSampler, recordTimeLimit } from "./sampler.js";

export const steepestDescentSampler = defineSampler<Record<string, never>, LocalSearchForm>({
  name: "descent",
  family: "classical",
  summary: "steepest-descent local search from random starts, to one-flip local minima",
  defaultReads: 10,
  countsEvaluations: false,
  readsAreRestarts: true,
  parameters: {},
  encode: (qubo) => localSearchForm(qubo),
  solve: (form, _params, context) => {
    const x = new Uint8Array(form.n);
    const field = new Float64Array(form.n);
    for (let read = 0; read < context.reads; read++) {
      const rng = context.rng.fork(read);
      randomAssignment(x, () => rng.next());
      initFields(form, x, field);
      steepestDescent(form, x, field);
      context.out.push(x);
      if (read + 1 < context.reads && context.deadline.expired()) {
        recordTimeLimit(context, read + 1);
        return;
      }
    }
  },
});
