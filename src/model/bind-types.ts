// The values data binding produces, shared by binding, grounding and the compiler.
import type { Diagnostic } from "../lang/diagnostic.js";

/**
 * A bound parameter value: `int` and `real` params are numbers (ints are safe integers), `bool`
 * params booleans, arrays nested lists outermost dimension first (`real[n][m]` → n lists of m
 * numbers), and tuple lists lists of tuples (`(int, int, real)[]` → [[0, 1, 2.5], …]).
 * Every number is finite.
 */
export type ParamValue = number | boolean | readonly ParamValue[];

export interface BindResult {
  /** The problem the data was bound to. */
  readonly problem: string;
  /**
   * Every param that bound cleanly, in declaration order, defaults included. A param with an error
   * is absent, so `diagnostics` must be checked (`hasErrors`) before the values are used.
   */
  readonly values: ReadonlyMap<string, ParamValue>;
  readonly diagnostics: readonly Diagnostic[];
}
