// Relevance of each feature to the class and redundancy between pairs: the two ingredients of the
// k-of-n selection objective  max Σ rᵢxᵢ − α Σ_{i<j} Rᵢⱼxᵢxⱼ  (Rodriguez-Lujan et al. 2010, QPFS;
// Mücke et al. 2023, QUBO feature selection).
//   relevance rᵢ = I(Xᵢ;Y)
//   redundancy   `mi`:          Rᵢⱼ = I(Xᵢ;Xⱼ)
//                `correlation`: Rᵢⱼ = |corr(Xᵢ,Xⱼ)|
//                `conditional`: Rᵢⱼ = I(Xᵢ;Y) − I(Xᵢ;Y|Xⱼ)  (interaction information, symmetric; negative
//                               when two features are complementary, so the QUBO rewards the pair)
import type { Dataset } from "./dataset.js";
import { conditionalMutualInformation, discretise, mutualInformation, pearson } from "./mutual-information.js";

export type RedundancyMeasure = "mi" | "correlation" | "conditional";
export const REDUNDANCY_MEASURES: readonly RedundancyMeasure[] = ["mi", "correlation", "conditional"];

export interface FeatureScores {
  readonly relevance: readonly number[];
  /** Symmetric n×n, zero diagonal. */
  readonly redundancy: readonly (readonly number[])[];
  readonly measure: RedundancyMeasure;
  readonly nBins: number;
}

export interface FeatureScoreOptions {
  /** Default `mi`. */
  readonly redundancy?: RedundancyMeasure;
  /** Equal-frequency bins per feature; default ⌈∛N⌉ clamped to 3..10. */
  readonly nBins?: number;
}

export function defaultBinCount(nSamples: number): number {
  return Math.min(10, Math.max(3, Math.ceil(Math.cbrt(nSamples))));
}

/** Scores over the samples in `rows` (all samples when omitted), so that CV folds score on training rows only. */
export function scoreFeatures(dataset: Dataset, options: FeatureScoreOptions = {}, rows?: Int32Array): FeatureScores {
  const measure = options.redundancy ?? "mi";
  if (!REDUNDANCY_MEASURES.includes(measure)) throw new RangeError(`redundancy must be one of ${REDUNDANCY_MEASURES.join(", ")}, got ${String(measure)}`);
  const n = dataset.columns.length;
  const columns = rows === undefined ? dataset.columns : dataset.columns.map((c) => pick(c, rows));
  const target = rows === undefined ? dataset.target : pickInt(dataset.target, rows);
  const nBins = options.nBins ?? defaultBinCount(target.length);
  const codes = columns.map((c) => discretise(c, nBins));
  const relevance = codes.map((c) => mutualInformation(c, target));
  const redundancy = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let value: number;
      switch (measure) {
        case "mi": value = mutualInformation(codes[i], codes[j]); break;
        case "correlation": value = Math.abs(pearson(columns[i], columns[j])); break;
        case "conditional": value = 0.5 * (relevance[i] - conditionalMutualInformation(codes[i], target, codes[j]) + relevance[j] - conditionalMutualInformation(codes[j], target, codes[i])); break;
        default: return assertNever(measure);
      }
      redundancy[i][j] = value;
      redundancy[j][i] = value;
    }
  }
  return { relevance, redundancy, measure, nBins };
}

export function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = column[rows[r]];
  return out;
}

export function pickInt(column: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = column[rows[r]];
  return out;
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected redundancy measure ${String(value)}`);
}
