// Selection stability: Jaccard similarity |A∩B| / |A∪B| of chosen feature sets, and its mean over
// all pairs of runs (across seeds or CV folds), as in Kalousis et al. 2007.

export function jaccard(a: readonly number[], b: readonly number[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const v of setA) if (setB.has(v)) shared++;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Mean pairwise Jaccard similarity; 1 for fewer than two runs. */
export function meanPairwiseJaccard(selections: readonly (readonly number[])[]): number {
  if (selections.length < 2) return 1;
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < selections.length; i++) {
    for (let j = i + 1; j < selections.length; j++) {
      total += jaccard(selections[i], selections[j]);
      pairs++;
    }
  }
  return total / pairs;
}
