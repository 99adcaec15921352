// Uniform random sampling: each read is an independent uniform assignment. The floor any solver
// must beat, and (with 2ⁿ·k reads) an exhaustive check on tiny problems.
import { randomAssignment } from "./local-field.js";
import { defineSampler, recordEvaluationLimit, recordTimeLimit } from "./sampler.js";

export const randomSampler = defineSampler<Record<string, never>, number>({
  name: "random",
  family: "classical",
  summary: "uniform random assignments (a baseline)",
  defaultReads: 100,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {},
  encode: (qubo) => qubo.linear.length,
  solve: (n, _params, context) => {
    const x = new Uint8Array(n);
    const next = (): number => context.rng.next();
    // One evaluation per sample.
    const reads = Math.min(context.reads, context.evaluations.fits(1));
    // Spent in one go after the loop: each read passes its own count.
    const before = context.evaluations.spent;
    for (let read = 0; read < reads; read++) {
      randomAssignment(x, next);
      context.out.push(x, undefined, before + read + 1);
      if (read % 256 === 255 && read + 1 < reads && context.deadline.expired()) {
        context.evaluations.spend(read + 1);
        recordTimeLimit(context, read + 1);
        return;
      }
    }
    context.evaluations.spend(reads);
    if (reads < context.reads) recordEvaluationLimit(context, reads);
  },
});
