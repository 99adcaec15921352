// Decode: bits → the user's variables (nested like their declarations, integers decoded), every
// let, the objective in the user's sense, the minimised energy, the violation of every
// constraint by name, and feasibility (hard constraints and encoding rules all hold).
import { evaluatePoly } from "../model/sparse-poly.js";
import type { CompiledData } from "./compiled-types.js";
import { decodeBits, isValidCode } from "./encoding.js";

export type NestedValues = number | NestedValues[];

export interface DecodedSample {
  /** Variable families by name: a number for a scalar, nested arrays otherwise. */
  readonly values: Record<string, NestedValues>;
  /** Flat model-variable values, indexed like the model's variables. */
  readonly assignment: Float64Array;
  readonly lets: Record<string, number>;
  /** Objective in the user's sense (what they maximise or minimise); soft penalties excluded. */
  readonly objective: number;
  /** The minimised energy of the compiled model at these bits. */
  readonly energy: number;
  /** Violation of every constraint instance: |lhs − rhs| for ==, the excess for <= and >=. */
  readonly violations: Record<string, number>;
  /** Hard constraints and encoding rules that do not hold. */
  readonly broken: readonly string[];
  readonly feasible: boolean;
}

/** Violations up to this (relative to the body's scale) count as satisfied: float round-off. */
const TOLERANCE = 1e-9;

export function decodeSample(data: CompiledData, bits: ArrayLike<number>, energy: number): DecodedSample {
  const { variables, families, encodings, firstBit } = data.decode;
  const assignment = new Float64Array(variables.length);
  const broken: string[] = [];
  for (let v = 0; v < variables.length; v++) {
    const encoding = encodings[v];
    assignment[v] = decodeBits(encoding, bits, firstBit[v]);
    if (!isValidCode(encoding, bits, firstBit[v])) broken.push(`${variables[v].name}.${encoding.validity}`);
  }
  const values: Record<string, NestedValues> = {};
  for (const family of families) values[family.name] = nest(assignment, family.first, family.shape);
  const lets: Record<string, number> = {};
  for (const l of data.decode.lets) lets[l.name] = evaluatePoly(l.poly, assignment);
  let objective = 0;
  for (const p of data.decode.objective) objective += evaluatePoly(p, assignment);
  const violations: Record<string, number> = {};
  for (const c of data.decode.constraints) {
    const g = evaluatePoly(c.body, assignment);
    const amount = c.op === "==" ? Math.abs(g) : c.op === "<=" ? Math.max(0, g) : Math.max(0, -g);
    const scale = Math.abs(c.body.constant) + sumAbs(c.body.linCoef) + sumAbs(c.body.quadCoef) + 1;
    const violation = amount <= TOLERANCE * scale ? 0 : amount;
    violations[c.name] = violation;
    if (violation > 0 && !c.soft) broken.push(c.name);
  }
  return { values, assignment, lets, objective, energy, violations, broken, feasible: broken.length === 0 };
}

function nest(flat: Float64Array, first: number, shape: readonly number[]): NestedValues {
  if (shape.length === 0) return flat[first];
  const [size, ...rest] = shape;
  const stride = rest.reduce((a, b) => a * b, 1);
  const out: NestedValues[] = [];
  for (let i = 0; i < size; i++) out.push(nest(flat, first + i * stride, rest));
  return out;
}

function sumAbs(values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += Math.abs(values[k]);
  return total;
}
