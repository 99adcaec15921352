// A compiled model's own MILP — linear constraints as rows, integers as General columns, no penalty
// and no slack bits (modelToLp) — and the way back from an LP solution to a full assignment of the
// compiled bits, so that a MILP solver's answer can be scored on the QUBO like any other sample:
//
//   LP columns ─▶ model values ─encodeValue─▶ encoding bits
//                               ─slack = −g/q─▶ slack bits     (the level that makes the penalty 0)
//                               ─aux = a·b────▶ auxiliary bits (Rosenberg: z = x_a·x_b)
//
// Only when every constraint is hard: the LP charges a soft constraint W·|violation| where the
// QUBO charges W·violation², so the two would have different optima.
import type { SparsePoly } from "../model/sparse-poly.js";
import type { CompiledData } from "./compiled-types.js";
import { type DomainEncoding, encodeValue } from "./encoding.js";
import { type LpModel, modelToLp } from "./lp.js";
import { type BinaryLayout, lowerPoly } from "./lower.js";
import { inequalitySlack, negatePoly } from "./penalty.js";

export interface NativeLp extends LpModel {
  /**
   * Every compiled bit from the LP's column values (`primal(column)`); undefined when a column has no
   * value (HiGHS found no incumbent). Integer columns are rounded to the nearest integer.
   */
  bits(primal: (column: string) => number | undefined): Uint8Array | undefined;
}

export function nativeLp(data: CompiledData): NativeLp | undefined {
  const { variables, objective, constraints } = data.decode;
  if (constraints.some((c) => c.soft)) return undefined;
  const lp = modelToLp({
    sense: data.sense,
    variables,
    objective: objective.map((poly) => ({ poly })),
    // hard constraints: the LP writer reads the penalty only to relax soft ones
    constraints: constraints.map((c) => ({ name: c.name, body: c.body, op: c.op, penalty: { kind: "auto" } })),
  });
  return {
    ...lp,
    bits: (primal) => {
      const values = new Float64Array(variables.length);
      for (let v = 0; v < variables.length; v++) {
        const value = primal(lp.columns[v]);
        if (value === undefined || !Number.isFinite(value)) return undefined;
        const rounded = Math.round(value);
        values[v] = variables[v].domain.kind === "spin" ? 1 - 2 * rounded : rounded;
      }
      return bitsFromValues(data, values);
    },
  };
}

/** A full assignment of every compiled bit from model-variable values (model order). */
export function bitsFromValues(data: CompiledData, values: ArrayLike<number>): Uint8Array {
  const { variables, encodings, firstBit, constraints } = data.decode;
  if (values.length !== variables.length) throw new RangeError(`expected ${variables.length} variable values, got ${values.length}`);
  const bits = new Uint8Array(data.bitNames.length);
  for (let v = 0; v < variables.length; v++) bits.set(encodeValue(encodings[v], clampToDomain(encodings[v], values[v])), firstBit[v]);
  const layout = modelLayout(data);
  const bitIndex = new Map<string, number>();
  for (let i = data.nModelBits; i < data.bitNames.length; i++) bitIndex.set(data.bitNames[i], i);
  for (const c of constraints) {
    const first = bitIndex.get(`${c.name}.slack.bit0`);
    if (c.op === "==" || first === undefined) continue;
    const g = lowerPoly(c.body, layout, data.nModelBits);
    setSlack(c.op === ">=" ? negatePoly(g) : g, bits, first);
  }
  for (const aux of data.auxiliaries) bits[aux.bit] = bits[aux.a] & bits[aux.b];
  return bits;
}

/** Slack bits of g ≤ 0 at the level q·s = −g that zeroes the penalty (clamped when g is violated). */
function setSlack(g: SparsePoly, bits: Uint8Array, first: number): void {
  const slack = inequalitySlack(g);
  if (slack === undefined) throw new Error("internal: a slack constraint without a grid");
  let value = g.constant;
  for (let k = 0; k < g.linCoef.length; k++) if (bits[g.linIdx[k]]) value += g.linCoef[k];
  const level = Math.min(slack.levels, Math.max(0, Math.round(-value / slack.q)));
  const code = encodeValue({ offset: 0, coefs: slack.weights, suffixes: [], validity: "none" }, level);
  bits.set(code, first);
}

function modelLayout(data: CompiledData): BinaryLayout {
  const { variables, encodings, firstBit } = data.decode;
  const plain = Uint8Array.from(variables, (v) => (v.domain.kind === "binary" ? 1 : 0));
  return { encodings, firstBit, plain, bitNames: data.bitNames.slice(0, data.nModelBits) };
}

/** An LP value outside the encoded range (a solver's tolerance) moved to the nearest encodable one. */
function clampToDomain(encoding: DomainEncoding, value: number): number {
  let low = encoding.offset;
  let high = encoding.offset;
  for (const c of encoding.coefs) {
    if (c < 0) low += c;
    else high += c;
  }
  if (encoding.validity === "onehot") high = encoding.offset + encoding.coefs.length - 1;
  return Math.min(high, Math.max(low, value));
}
