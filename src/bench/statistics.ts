// Summary statistics of benchmark runs: order statistics, a seeded percentile bootstrap, success
// probability and time to solution. Values may be ±Infinity (a failed or infeasible run counts as
// the worst possible quality); NaN is refused.

import type { Rng } from "../util/rng.js";

/** The q-quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
  const sorted = sortedCopy(values);
  return quantileOfSorted(sorted, q);
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** Interquartile range Q3 − Q1 (Infinity when a quartile is infinite). */
export function interquartileRange(values: ArrayLike<number>): { readonly q1: number; readonly q3: number; readonly iqr: number } {
  const sorted = sortedCopy(values);
  const q1 = quantileOfSorted(sorted, 0.25);
  const q3 = quantileOfSorted(sorted, 0.75);
  return { q1, q3, iqr: q1 === q3 ? 0 : q3 - q1 };
}

export function mean(values: ArrayLike<number>): number {
  checkValues(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
  /** The statistic on the original sample. */
  readonly estimate: number;
  readonly level: number;
}

export interface BootstrapOptions {
  readonly rng: Rng;
  /** Number of resamples (default 2000). */
  readonly resamples?: number;
  /** Coverage of the interval (default 0.95). */
  readonly level?: number;
}

/**
 * Percentile bootstrap (Efron 1979): resample with replacement `resamples` times, take the
 * statistic of each resample, and return its (1−level)/2 and (1+level)/2 quantiles. Seeded: the
 * same rng seed gives the same interval.
 */
export function bootstrapCi(values: ArrayLike<number>, statistic: (sample: Float64Array) => number, options: BootstrapOptions): ConfidenceInterval {
  checkValues(values);
  const { resamples, level } = bootstrapSettings(options);
  const n = values.length;
  const sample = new Float64Array(n);
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = values[options.rng.int(n)];
    stats[b] = statistic(sample);
  }
  return interval(stats, statistic(Float64Array.from(values as ArrayLike<number>)), level);
}

/** Bootstrap CI of statistic(a) − statistic(b), resampling each group independently. */
export function bootstrapDifferenceCi(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  statistic: (sample: Float64Array) => number,
  options: BootstrapOptions,
): ConfidenceInterval {
  checkValues(a);
  checkValues(b);
  const { resamples, level } = bootstrapSettings(options);
  const sampleA = new Float64Array(a.length);
  const sampleB = new Float64Array(b.length);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) sampleA[i] = a[options.rng.int(a.length)];
    for (let i = 0; i < b.length; i++) sampleB[i] = b[options.rng.int(b.length)];
    stats[r] = difference(statistic(sampleA), statistic(sampleB));
  }
  const estimate = difference(statistic(Float64Array.from(a as ArrayLike<number>)), statistic(Float64Array.from(b as ArrayLike<number>)));
  return interval(stats, estimate, level);
}

/** Fraction of runs that succeeded; 0 runs is an error (no evidence either way). */
export function successProbability(successes: number, runs: number): number {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > runs) throw new RangeError(`successes must be an integer in [0, runs], got ${successes}`);
  return successes / runs;
}

/** z of the two-sided 95% normal interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval of a binomial proportion (Wilson 1927): centre (p̂ + z²/2n)/(1 + z²/n),
 * half-width z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²). Unlike p̂ ± z√(p̂(1 − p̂)/n) it stays inside [0, 1]
 * and does not collapse to a point at 0 or n successes, which is where few seeds usually land.
 */
export function wilsonInterval(successes: number, runs: number, z = Z_95): ConfidenceInterval {
  const p = successProbability(successes, runs);
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be a positive finite number, got ${z}`);
  const z2n = (z * z) / runs;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / runs + z2n / (4 * runs));
  // Clamp rounding only: at p = 0 the low end is 0 exactly in real arithmetic.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), estimate: p, level: Math.round((2 * normalCdf(z) - 1) * 1e4) / 1e4 };
}

/** Φ(z) by the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7): enough to label a level. */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Time to solution with confidence `target` (default 0.99): TTS = t · ln(1 − target) / ln(1 − p),
 * the expected time to see a success at least once with that probability when one run of length
 * t succeeds with probability p. p = 0 → Infinity (never succeeds); p ≥ target → t (one run is enough).
 */
export function timeToSolution(runTimeMs: number, p: number, target = 0.99): number {
  if (!(runTimeMs >= 0) || !Number.isFinite(runTimeMs)) throw new RangeError(`runTimeMs must be a finite number ≥ 0, got ${runTimeMs}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`success probability must be in [0, 1], got ${p}`);
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1), got ${target}`);
  if (p === 0) return Infinity;
  if (p >= target) return runTimeMs;
  return (runTimeMs * Math.log(1 - target)) / Math.log(1 - p);
}

function bootstrapSettings(options: BootstrapOptions): { resamples: number; level: number } {
  if (options === null || typeof options !== "object" || typeof options.rng?.int !== "function") throw new TypeError("bootstrap options need an rng");
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  if (!Number.isSafeInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  return { resamples, level };
}

function interval(stats: Float64Array, estimate: number, level: number): ConfidenceInterval {
  stats.sort();
  const alpha = (1 - level) / 2;
  return { low: quantileOfSorted(stats, alpha), high: quantileOfSorted(stats, 1 - alpha), estimate, level };
}

/** a − b where equal infinities differ by 0 (both runs failed alike) rather than NaN. */
function difference(a: number, b: number): number {
  return a === b ? 0 : a - b;
}

function sortedCopy(values: ArrayLike<number>): Float64Array {
  checkValues(values);
  return Float64Array.from(values as ArrayLike<number>).sort();
}

function quantileOfSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo];
  const frac = h - lo;
  if (frac === 0) return a;
  const b = sorted[lo + 1];
  if (a === b) return a;
  // Between an infinite and a finite order statistic there is no meaningful interpolation.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return frac < 0.5 ? a : b;
  return a + (b - a) * frac;
}

function checkValues(values: ArrayLike<number>): void {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") throw new TypeError("values must be an array of numbers");
  if (values.length === 0) throw new RangeError("values must not be empty");
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number" || Number.isNaN(values[i])) throw new RangeError(`values[${i}] must be a number, got ${String(values[i])}`);
  }
}
