// A higher-order binary model: the QUBO layout plus terms of degree ≥ 3. With no higher terms it
// is exactly a `Qubo`.
import type { Qubo } from "./qubo.js";
import type { SlotLayout } from "./slots.js";

export interface HigherOrderTerm {
  /** Distinct bit indices, ascending. */
  readonly vars: readonly number[];
  readonly coef: number;
}

export interface Hubo extends Qubo {
  readonly higher: readonly HigherOrderTerm[];
}

/** Drops zero coefficients and splits the slot vector into the QUBO arrays and higher terms. */
export function huboFromCoefficients(
  variables: readonly string[],
  slots: SlotLayout,
  rowsOfPairs: Int32Array,
  values: Float64Array,
  offset: number,
): Hubo {
  const n = slots.nBits;
  const nPairs = slots.pairCol.length;
  let nonZero = 0;
  for (let k = 0; k < nPairs; k++) if (values[n + k] !== 0) nonZero++;
  const rows = new Int32Array(nonZero);
  const cols = new Int32Array(nonZero);
  const pairValues = new Float64Array(nonZero);
  let p = 0;
  for (let k = 0; k < nPairs; k++) {
    const v = values[n + k];
    if (v === 0) continue;
    rows[p] = rowsOfPairs[k];
    cols[p] = slots.pairCol[k];
    pairValues[p++] = v;
  }
  const higher: HigherOrderTerm[] = [];
  for (let h = 0; h < slots.higher.length; h++) {
    const v = values[n + nPairs + h];
    if (v !== 0) higher.push({ vars: [...slots.higher[h]], coef: v });
  }
  return { variables, linear: values.slice(0, n), rows, cols, values: pairValues, offset, higher };
}

/** E(x) for a HUBO (the QUBO part plus every higher term whose bits are all 1). */
export function huboEnergy(hubo: Hubo, x: ArrayLike<number>): number {
  const { linear, rows, cols, values } = hubo;
  if (x.length !== linear.length) throw new RangeError(`assignment has ${x.length} entries but the model has ${linear.length} variables`);
  let energy = hubo.offset;
  for (let i = 0; i < linear.length; i++) if (x[i]) energy += linear[i];
  for (let k = 0; k < values.length; k++) if (x[rows[k]] && x[cols[k]]) energy += values[k];
  for (const t of hubo.higher) {
    let on = true;
    for (let f = 0; f < t.vars.length && on; f++) on = x[t.vars[f]] !== 0;
    if (on) energy += t.coef;
  }
  return energy;
}
