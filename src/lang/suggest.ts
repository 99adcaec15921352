// "Did you mean …?" suggestions: the known name nearest in edit distance, if it is near enough.

/** Levenshtein distance (insert, delete, substitute; cost 1 each), computed with two rolling rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `name`, or undefined when none is within a third of the name's length
 * (at least `minEdits`, at most 3 edits): `totl` suggests `total`, `y` suggests `x`, `weights` never `capacity`.
 * Case is ignored for the distance but breaks ties (`hx` suggests `cx` before `CX`); remaining ties
 * go to the first candidate, so callers list the most relevant names first.
 */
export function nearestName(name: string, candidates: Iterable<string>, minEdits = 1): string | undefined {
  const limit = Math.max(minEdits, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestExact = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (Math.abs(candidate.length - name.length) > bestDistance) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance > bestDistance || (distance === bestDistance && best === undefined)) continue;
    const exact = editDistance(name, candidate);
    if (distance < bestDistance || exact < bestExact) {
      best = candidate;
      bestDistance = distance;
      bestExact = exact;
    }
  }
  return best;
}
