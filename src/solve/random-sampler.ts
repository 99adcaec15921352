// Uniform random sampling: each read is an independent uniform assignment. The floor any solver
// must beat, and (with 2ⁿ·k reads) an exhaustive check on tiny problems.
import { randomAssignment } from "./local-field.js";
import { defineSampler } from "./sampler.js";

export const randomSampler = defineSampler<Record<string, never>, number>({
  name: "random",
  family: "classical",
  summary: "uniform random assignments (a baseline)",
  defaultReads: 100,
  countsEvaluations: false,
  readsAreRestarts: true,
  parameters: {},
  encode: (qubo) => qubo.linear.length,
  solve: (n, _params, context) => {
    const x = new Uint8Array(n);
    const next = (): number => context.rng.next();
    for (let read = 0; read < context.reads; read++) {
      randomAssignment(x, next);
      context.out.push(x);
      if (read % 256 === 255 && read + 1 < context.reads && context.deadline.expired()) {
        context.info.stoppedBy = "time-limit";
        context.info.readsCompleted = read + 1;
        return;
      }
    }
  },
});
