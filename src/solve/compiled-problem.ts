// Adapts the compiler's CompiledModel to the solver contract: its QUBO, its sense, and a decode
// that keeps the user's variable names and lists only the constraints a sample violates.
// Detected by shape (a `qubo()` method and a `decode()` method) so that `asModel` accepts a
// CompiledModel directly.
import type { Qubo } from "../compile/qubo.js";
import type { JsonValue } from "./json.js";
import type { Decoded, SolvableModel } from "./problem.js";

/** The parts of the compiler's CompiledModel the solvers use. */
export interface CompiledLike {
  qubo(): Qubo;
  decode(bits: ArrayLike<number>): {
    readonly values: Readonly<Record<string, unknown>>;
    readonly objective: number;
    readonly violations: Readonly<Record<string, number>>;
    readonly feasible: boolean;
  };
  readonly data: { readonly sense: "minimize" | "maximize" };
  /** Σ x = k groups recorded by the compiler (for the QAOA xy-ring mixer). */
  readonly oneHotGroups?: readonly { readonly bits: readonly number[]; readonly k: number }[];
  /** The model's own MILP and the map from its solution to all bits (for `milp`); undefined when not equivalent. */
  nativeLp?(): NativeLpLike | undefined;
}

/** The compiler's NativeLp as `milp` uses it: CPLEX LP text, its objective constant, the way back to bits. */
export interface NativeLpLike {
  readonly text: string;
  readonly offset: number;
  bits(primal: (column: string) => number | undefined): Uint8Array | undefined;
}

export function isCompiledLike(problem: unknown): problem is CompiledLike {
  const p = problem as Partial<Record<string, unknown>> | null;
  return p !== null && typeof p === "object" && typeof p.qubo === "function" && typeof p.decode === "function";
}

export function compiledProblem(model: CompiledLike): SolvableModel {
  const qubo = model.qubo();
  const sense = model.data?.sense === "maximize" ? "max" : "min";
  return {
    qubo,
    sense,
    ...(model.oneHotGroups === undefined ? {} : { oneHotGroups: model.oneHotGroups }),
    ...(typeof model.nativeLp === "function" ? { nativeLp: () => model.nativeLp!() } : {}),
    decode: (x: Uint8Array): Decoded => {
      const decoded = model.decode(x);
      const violations: Record<string, number> = {};
      for (const [name, amount] of Object.entries(decoded.violations)) if (amount > 0) violations[name] = amount;
      return {
        values: decoded.values as Readonly<Record<string, JsonValue>>,
        objective: decoded.objective,
        feasible: decoded.feasible,
        violations,
      };
    },
  };
}
