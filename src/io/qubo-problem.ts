// What every problem-file reader returns: a QUBO in the project's minimisation convention plus the
// sense the file's own objective has, so results can be reported back in the user's terms.
import type { Qubo } from "../compile/qubo.js";

export type Sense = "min" | "max";

/** The file formats the readers in src/io understand (`qubo` is qbsolv's `.qubo`). */
export type ProblemFormat = "qubo" | "beasley" | "rudy";

export interface QuboProblem {
  /** Minimise `quboEnergy(qubo, x)`; for a `max` problem this is the negated objective. */
  readonly qubo: Qubo;
  /** The sense of the file's own objective: `objective = sense === "max" ? −energy : energy`. */
  readonly sense: Sense;
  readonly format: ProblemFormat;
  /** The file name given to the reader (used in messages). */
  readonly file: string;
}

/** The file's own objective value for a QUBO energy of `problem` (exact: a sign flip at most). */
export function objectiveFromEnergy(problem: Pick<QuboProblem, "sense">, energy: number): number {
  // `0 - e` rather than `-e`: an empty cut is 0, not −0.
  return problem.sense === "max" ? 0 - energy : energy;
}

/**
 * Largest variable count a file header may declare: beyond it the readers report `out-of-range` rather
 * than allocate names and arrays for a header that is almost certainly corrupt.
 */
export const MAX_FILE_VARIABLES = 2_000_000;

/** `x[0]`, `x[1]`, …: the variable names file readers give (0-based, whatever the file's base). */
export function indexedNames(n: number, stem = "x"): string[] {
  const names = new Array<string>(n);
  for (let i = 0; i < n; i++) names[i] = `${stem}[${i}]`;
  return names;
}
