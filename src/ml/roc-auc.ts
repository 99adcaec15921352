// ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
// random negative (ties count ½), computed from ranks with average ranks for ties. More than two
// classes: the unweighted mean of one-vs-rest AUCs (scikit-learn's multi_class="ovr", average="macro").

/** Binary AUC of `scores` for `positive` labels; NaN-free: RangeError when a class is absent. */
export function binaryAuc(scores: Float64Array, positive: Uint8Array): number {
  const n = scores.length;
  if (positive.length !== n) throw new RangeError(`scores and labels must have equal length, got ${n} and ${positive.length}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let nPositive = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let r = start; r < end; r++) if (positive[order[r]] === 1) { rankSum += averageRank; nPositive++; }
    start = end;
  }
  const nNegative = n - nPositive;
  if (nPositive === 0 || nNegative === 0) throw new RangeError("AUC needs at least one positive and one negative sample");
  return (rankSum - (nPositive * (nPositive + 1)) / 2) / (nPositive * nNegative);
}

/** `probabilities` row-major nRows × nClasses. Classes absent from `y` are skipped in the macro mean. */
export function macroAuc(probabilities: Float64Array, y: Int32Array, nClasses: number): number {
  const n = y.length;
  if (probabilities.length !== n * nClasses) throw new RangeError(`probabilities must hold nRows × nClasses = ${n * nClasses} values`);
  const classes = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, c) => c);
  let total = 0;
  let counted = 0;
  const scores = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (const c of classes) {
    let nPositive = 0;
    for (let i = 0; i < n; i++) {
      scores[i] = probabilities[i * nClasses + c];
      positive[i] = y[i] === c ? 1 : 0;
      nPositive += positive[i];
    }
    if (nPositive === 0 || nPositive === n) continue;
    total += binaryAuc(scores, positive);
    counted++;
  }
  if (counted === 0) throw new RangeError("AUC needs samples of at least two classes");
  return total / counted;
}
