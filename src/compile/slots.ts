// The union sparsity pattern of all compiled components ("slots"): slot i < nBits is the linear
// coefficient of bit i, then one slot per distinct pair (i < j), sorted by (i, j), then one per
// distinct degree ≥ 3 monomial. Each component is stored as (slot, amount) lists against this
// pattern, so re-weighting penalties is one pass of multiply-adds — no hashing, no re-grounding.
//
// Pairs are bucketed by row with a counting sort and deduplicated per row; lookups binary-search
// within a row. This avoids a hash map over 10⁶+ pair keys.
import { compareFactors, type SparsePoly } from "../model/sparse-poly.js";

export interface SlotLayout {
  readonly nBits: number;
  /** Pairs in CSR form: row i owns pairCol[rowStart[i] .. rowStart[i+1]), sorted ascending. */
  readonly rowStart: Int32Array;
  readonly pairCol: Int32Array;
  readonly higher: readonly Int32Array[];
}

export function nSlots(layout: SlotLayout): number {
  return layout.nBits + layout.pairCol.length + layout.higher.length;
}

export function buildSlotLayout(polys: readonly SparsePoly[], nBits: number): SlotLayout {
  const count = new Int32Array(nBits + 1);
  for (const p of polys) {
    const qi = p.quadI;
    for (let k = 0; k < qi.length; k++) count[qi[k] + 1]++;
  }
  const start = new Int32Array(nBits + 1);
  for (let i = 0; i < nBits; i++) start[i + 1] = start[i] + count[i + 1];
  const fill = start.slice(0, nBits);
  const cols = new Int32Array(start[nBits]);
  for (const p of polys) {
    const qi = p.quadI;
    const qj = p.quadJ;
    for (let k = 0; k < qi.length; k++) cols[fill[qi[k]]++] = qj[k];
  }
  // sort and deduplicate each row in place, compacting towards the front
  const rowStart = new Int32Array(nBits + 1);
  let out = 0;
  for (let i = 0; i < nBits; i++) {
    rowStart[i] = out;
    const row = cols.subarray(start[i], start[i + 1]);
    row.sort();
    for (let k = 0; k < row.length; k++) {
      if (k === 0 || row[k] !== row[k - 1]) cols[out++] = row[k];
    }
  }
  rowStart[nBits] = out;
  const higherMap = new Map<string, Int32Array>();
  for (const p of polys) for (const t of p.higher) higherMap.set(t.vars.join(","), t.vars);
  const higher = [...higherMap.values()].sort(compareFactors);
  return { nBits, rowStart, pairCol: cols.slice(0, out), higher };
}

/** Slot of the pair (i, j), i < j; -1 when the pattern has no such pair. */
export function pairSlot(layout: SlotLayout, i: number, j: number): number {
  let lo = layout.rowStart[i];
  let hi = layout.rowStart[i + 1] - 1;
  const cols = layout.pairCol;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = cols[mid];
    if (c < j) lo = mid + 1;
    else if (c > j) hi = mid - 1;
    else return layout.nBits + mid;
  }
  return -1;
}

/** Row of each pair (the expanded form of rowStart). */
export function pairRows(layout: SlotLayout): Int32Array {
  const rows = new Int32Array(layout.pairCol.length);
  for (let i = 0; i < layout.nBits; i++) rows.fill(i, layout.rowStart[i], layout.rowStart[i + 1]);
  return rows;
}

export function higherSlot(layout: SlotLayout, vars: Int32Array): number {
  let lo = 0;
  let hi = layout.higher.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareFactors(layout.higher[mid], vars);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return layout.nBits + layout.pairCol.length + mid;
  }
  return -1;
}

/**
 * Writes a component's terms as (slot, amount) pairs into `slots`/`amounts` from `at`; returns the
 * next free position. The constant is kept aside by the caller.
 */
export function writeSlots(p: SparsePoly, layout: SlotLayout, slots: Int32Array, amounts: Float64Array, at: number): number {
  let k = at;
  for (let t = 0; t < p.linCoef.length; t++) {
    slots[k] = p.linIdx[t];
    amounts[k++] = p.linCoef[t];
  }
  // Terms are sorted by (i, j), so within a row the next slot is found by stepping forward.
  const { rowStart, pairCol, nBits } = layout;
  const { quadI, quadJ, quadCoef } = p;
  let row = -1;
  let pos = 0;
  for (let t = 0; t < quadCoef.length; t++) {
    const i = quadI[t];
    const j = quadJ[t];
    if (i !== row) {
      const slot = pairSlot(layout, i, j);
      if (slot < 0) throw new Error("internal: pair missing from the slot layout");
      row = i;
      pos = slot - nBits;
    } else {
      const end = rowStart[i + 1];
      while (pos < end && pairCol[pos] < j) pos++;
      if (pos === end || pairCol[pos] !== j) throw new Error("internal: pair missing from the slot layout");
    }
    slots[k] = nBits + pos;
    amounts[k++] = quadCoef[t];
  }
  for (const t of p.higher) {
    const slot = higherSlot(layout, t.vars);
    if (slot < 0) throw new Error("internal: monomial missing from the slot layout");
    slots[k] = slot;
    amounts[k++] = t.coef;
  }
  return k;
}
