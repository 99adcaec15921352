// Wraps an objective so that an optimiser stops cleanly when the run's time budget is spent: the
// wrapper ends the optimiser's budget (as if its evaluations ran out) and remembers why.
import type { Deadline } from "../deadline.js";
import { BudgetExhausted } from "../optimize/budget.js";
import type { Objective } from "../optimize/objective.js";

export interface DeadlineObjective extends Objective {
  readonly timedOut: boolean;
}

export function withDeadline(objective: Objective, deadline: Deadline): DeadlineObjective {
  let timedOut = false;
  let evaluations = 0;
  // The first evaluation always runs, so every optimiser returns a point with a value.
  const check = (): void => {
    if (evaluations++ > 0 && deadline.expired()) {
      timedOut = true;
      throw new BudgetExhausted();
    }
  };
  const gradient = objective.valueAndGradient;
  return {
    dimension: objective.dimension,
    get timedOut() {
      return timedOut;
    },
    value: (x) => (check(), objective.value(x)),
    ...(gradient === undefined ? {} : { valueAndGradient: (x: Float64Array, g: Float64Array) => (check(), gradient.call(objective, x, g)) }),
  };
}
