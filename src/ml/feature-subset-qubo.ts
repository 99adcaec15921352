// k-of-n feature selection as a QUBO, stated in the qpipe language and compiled by the compiler:
//
//   maximise  (1/k) Σᵢ rᵢxᵢ − α · (1/C(k,2)) Σ_{i<j} Rᵢⱼxᵢxⱼ     subject to  Σᵢ xᵢ = k
//
// i.e. mean relevance of the chosen features minus α times their mean pairwise redundancy. With
// α = 1 and MI scores this is the global form of mRMR's MID criterion (Nguyen Vinh et al. 2014).
// The default α = ½ because with α = 1 the optimum drops informative features that are
// class-conditionally independent but strongly dependent through the class (measured on
// make_classification data: see the tests). The k-hot constraint becomes a penalty chosen by the
// compiler (`penalty auto`).
import { compileSource } from "../compile/from-source.js";
import type { CompiledModel } from "../compile/compiled-model.js";
import type { Diagnostic } from "../lang/diagnostic.js";
import { asModel } from "../solve/problem.js";
import type { FeatureScores } from "./feature-scores.js";

export const FEATURE_SUBSET_SOURCE = `// k-of-n feature subset: relevance minus alpha times redundancy, exactly k features
problem feature_subset {
  param n: int
  param k: int
  param relevance: real[n]
  param redundancy: real[n][n]
  param alpha: real = 0.5

  var x: binary[n]

  let chosen = sum(i in 0..n-1) x[i]

  maximize sum(i in 0..n-1) relevance[i] * x[i] -
    alpha * sum(i in 0..n-2, j in i+1..n-1) redundancy[i][j] * x[i] * x[j]

  constraint pick_k: chosen == k
}
`;

/** Redundancy weight α used when none is given. */
export const DEFAULT_ALPHA = 0.5;

export interface FeatureSubsetQubo {
  readonly compiled: CompiledModel;
  readonly nBits: number;
  /** Non-zero quadratic couplings in the QUBO. */
  readonly nCouplings: number;
  readonly encodingMs: number;
}

/** Compiles the DSL model for these scores; Error('internal: …') if the fixed source fails to compile. */
export function featureSubsetQubo(scores: FeatureScores, k: number, alpha = DEFAULT_ALPHA): FeatureSubsetQubo {
  const n = scores.relevance.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in 1..${n} (the number of features), got ${k}`);
  if (!Number.isFinite(alpha) || alpha < 0) throw new RangeError(`alpha must be a finite number ≥ 0, got ${alpha}`);
  const pairs = k > 1 ? (k * (k - 1)) / 2 : 1;
  const data = {
    n,
    k,
    alpha,
    relevance: scores.relevance.map((r) => r / k),
    redundancy: scores.redundancy.map((row) => row.map((v) => v / pairs)),
  };
  const started = performance.now();
  const result = compileSource(FEATURE_SUBSET_SOURCE, { file: "feature-subset.qp", data });
  const encodingMs = performance.now() - started;
  if (result.compiled === undefined) throw new Error(`internal: the feature-subset model did not compile: ${describe(result.diagnostics)}`);
  const qubo = asModel(result.compiled).qubo;
  let nCouplings = 0;
  for (let t = 0; t < qubo.values.length; t++) if (qubo.values[t] !== 0) nCouplings++;
  return { compiled: result.compiled, nBits: qubo.variables.length, nCouplings, encodingMs };
}

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code}: ${d.message}`).join("; ");
}
