// Tree-structured Parzen estimator for categorical spaces (Bergstra et al. 2011): split the
// evaluations at the γ-quantile of score into good and bad, model each parameter's choice in each
// group as a categorical with a uniform prior weight of 1, draw candidates from the good model and
// propose the one maximising ℓ(x)/g(x) (independent per parameter, as in hyperopt).
import type { Rng } from "../util/rng.js";
import type { Configuration, SearchSpace } from "./search-space.js";

export interface TpeOptions {
  /** Fraction of evaluations counted as good; default 0.25. */
  readonly gamma?: number;
  /** Candidates drawn from ℓ; default 24. */
  readonly nCandidates?: number;
}

/** Proposes one configuration (maximising the score); `evaluated` pairs configurations with scores. */
export function proposeTpe(space: SearchSpace, evaluated: readonly { config: Configuration; score: number }[], rng: Rng, options: TpeOptions = {}): number[] {
  const gamma = options.gamma ?? 0.25;
  const nCandidates = options.nCandidates ?? 24;
  const sorted = [...evaluated].sort((a, b) => b.score - a.score);
  const nGood = Math.max(1, Math.ceil(gamma * sorted.length));
  const good = sorted.slice(0, nGood);
  const bad = sorted.slice(nGood);
  const density = (group: typeof sorted, p: number) => {
    const counts = new Float64Array(space[p].choices.length).fill(1 / space[p].choices.length); // prior weight 1 in total
    for (const e of group) counts[e.config[p]] += 1;
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((c) => c / total);
  };
  const goodDensity = space.map((_, p) => density(good, p));
  const badDensity = space.map((_, p) => density(bad, p));
  let best: number[] = [];
  let bestRatio = -Infinity;
  for (let c = 0; c < nCandidates; c++) {
    const candidate = goodDensity.map((probabilities) => drawCategorical(probabilities, rng));
    let logRatio = 0;
    for (let p = 0; p < space.length; p++) logRatio += Math.log(goodDensity[p][candidate[p]]) - Math.log(badDensity[p][candidate[p]]);
    if (logRatio > bestRatio) { bestRatio = logRatio; best = candidate; }
  }
  return best;
}

function drawCategorical(probabilities: Float64Array, rng: Rng): number {
  let u = rng.nextDouble();
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i];
    if (u < 0) return i;
  }
  return probabilities.length - 1;
}
