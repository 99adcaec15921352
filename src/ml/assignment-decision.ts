// The second decision shape: assign items to slots (e.g. products to page positions, staff to
// shifts) where a model has scored every item × slot pair. Every slot gets exactly one item and no
// item is used twice; the total score is maximised. Stated in the qpipe language like the subset
// decision, so every solver — and HiGHS on the model's own MILP — sees the same problem.
import { compileSource } from "../compile/from-source.js";

export const ASSIGNMENT_SOURCE = `// fill every slot with one item, each item at most once, by predicted score
problem assign {
  param nItems: int
  param nSlots: int
  param score: real[nItems][nSlots]

  var x: binary[nItems][nSlots]

  maximize sum(i in 0..nItems-1, s in 0..nSlots-1) score[i][s] * x[i][s]

  constraint fill[s in 0..nSlots-1]: sum(i in 0..nItems-1) x[i][s] == 1
  constraint once[i in 0..nItems-1]: sum(s in 0..nSlots-1) x[i][s] <= 1
}
`;

export interface AssignmentInstance {
  /** score[i][s]: predicted value of putting item i in slot s (items × slots, at least as many items as slots). */
  readonly score: readonly (readonly number[])[];
}

export function isAssignmentInstance(instance: object): instance is AssignmentInstance {
  return "score" in instance;
}

export function compileAssignment(instance: AssignmentInstance): ReturnType<typeof compileSource> {
  const { score } = instance;
  if (!Array.isArray(score) || score.length === 0 || !Array.isArray(score[0])) throw new RangeError("assignment score must be a non-empty items × slots array of numbers");
  const nSlots = score[0].length;
  if (nSlots > score.length) throw new RangeError(`assignment needs at least as many items as slots, got ${score.length} items for ${nSlots} slots`);
  return compileSource(ASSIGNMENT_SOURCE, { file: "assign.qp", data: { nItems: score.length, nSlots, score } });
}

/** Greedy: item × slot pairs by score descending, taken while the slot is empty and the item unused. */
export function greedyAssignment(instance: AssignmentInstance): number[] {
  const { score } = instance;
  const nSlots = score[0]?.length ?? 0;
  const pairs: [number, number][] = [];
  for (let i = 0; i < score.length; i++) for (let s = 0; s < nSlots; s++) pairs.push([i, s]);
  pairs.sort((a, b) => score[b[0]][b[1]] - score[a[0]][a[1]] || a[0] - b[0] || a[1] - b[1]);
  const itemOf = new Array<number>(nSlots).fill(-1);
  const used = new Set<number>();
  for (const [i, s] of pairs) {
    if (itemOf[s] !== -1 || used.has(i)) continue;
    itemOf[s] = i;
    used.add(i);
  }
  return itemOf;
}

/** Item per slot from the flattened x[i][s] bits (row-major); undefined unless every slot holds exactly one distinct item. */
export function assignmentFromBits(bits: ArrayLike<number>, nItems: number, nSlots: number): number[] | undefined {
  const itemOf = new Array<number>(nSlots).fill(-1);
  for (let i = 0; i < nItems; i++) {
    for (let s = 0; s < nSlots; s++) {
      if (bits[i * nSlots + s] !== 1) continue;
      if (itemOf[s] !== -1) return undefined;
      itemOf[s] = i;
    }
  }
  return itemOf.includes(-1) || new Set(itemOf).size !== nSlots ? undefined : itemOf;
}

export function assignmentValue(instance: AssignmentInstance, itemOf: readonly number[]): number {
  return itemOf.reduce((total, i, s) => total + instance.score[i][s], 0);
}
