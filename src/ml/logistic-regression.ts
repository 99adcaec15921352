// Regularised logistic regression, one-vs-rest for more than two classes, fitted by FISTA
// (Beck & Teboulle 2009) on standardised features:
//   min_w  (1/N) Σ log(1 + exp(−yᵢ wᵀxᵢ))  +  (λ₂/2)‖w‖²  +  λ₁‖w‖₁      (intercept not penalised)
// The step is 1/L with L = ¼·(d+1) + λ₂, an upper bound on the gradient's Lipschitz constant for
// standardised columns (‖X‖²₂/N ≤ ‖X‖²_F/N = d+1). The L1 term is handled by soft thresholding, which
// gives the sparse paths the L1 baseline walks. Written here because mljs's logistic regression has
// neither an intercept nor regularisation.

export interface LogisticOptions {
  /** L2 weight λ₂; default 1/N (scikit-learn's C = 1). */
  readonly l2?: number;
  /** L1 weight λ₁; default 0. */
  readonly l1?: number;
  /** FISTA iterations; default 200. */
  readonly iterations?: number;
}

export interface LogisticModel {
  readonly nFeatures: number;
  readonly nClasses: number;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  /** Per binary problem: d weights then the intercept (one problem when nClasses = 2). */
  readonly weights: readonly Float64Array[];
}

/** `x` is row-major nRows × nFeatures; `y` holds class indices in 0..nClasses−1. */
export function fitLogistic(x: Float64Array, y: Int32Array, nFeatures: number, nClasses: number, options: LogisticOptions = {}): LogisticModel {
  const nRows = y.length;
  if (x.length !== nRows * nFeatures) throw new RangeError(`x must hold nRows × nFeatures = ${nRows * nFeatures} values, got ${x.length}`);
  if (nRows === 0) throw new RangeError("logistic regression needs at least one training row");
  const l2 = options.l2 ?? 1 / nRows;
  const l1 = options.l1 ?? 0;
  const iterations = options.iterations ?? 200;
  if (!(l2 >= 0) || !(l1 >= 0)) throw new RangeError("l1 and l2 must be ≥ 0");
  const mean = new Float64Array(nFeatures);
  const scale = new Float64Array(nFeatures);
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nFeatures; j++) mean[j] += x[i * nFeatures + j];
  for (let j = 0; j < nFeatures; j++) mean[j] /= nRows;
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nFeatures; j++) scale[j] += (x[i * nFeatures + j] - mean[j]) ** 2;
  for (let j = 0; j < nFeatures; j++) scale[j] = Math.sqrt(scale[j] / nRows) || 1;
  const z = new Float64Array(x.length);
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nFeatures; j++) z[i * nFeatures + j] = (x[i * nFeatures + j] - mean[j]) / scale[j];
  const nProblems = nClasses === 2 ? 1 : nClasses;
  const weights: Float64Array[] = [];
  const sign = new Float64Array(nRows);
  for (let c = 0; c < nProblems; c++) {
    const positive = nClasses === 2 ? 1 : c;
    for (let i = 0; i < nRows; i++) sign[i] = y[i] === positive ? 1 : -1;
    weights.push(fistaBinary(z, sign, nFeatures, l2, l1, iterations));
  }
  return { nFeatures, nClasses, mean, scale, weights };
}

function fistaBinary(z: Float64Array, sign: Float64Array, d: number, l2: number, l1: number, iterations: number): Float64Array {
  const nRows = sign.length;
  const step = 1 / (0.25 * (d + 1) + l2);
  let w = new Float64Array(d + 1);
  let wPrev = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  let t = 1;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < nRows; i++) {
      let margin = v[d];
      const row = i * d;
      for (let j = 0; j < d; j++) margin += v[j] * z[row + j];
      // d/dm log(1 + e^(−s·m)) = −s·σ(−s·m)
      const g = -sign[i] / (1 + Math.exp(sign[i] * margin));
      for (let j = 0; j < d; j++) grad[j] += g * z[row + j];
      grad[d] += g;
    }
    const swap = wPrev;
    wPrev = w;
    w = swap;
    for (let j = 0; j <= d; j++) {
      const penalised = j < d;
      const u = v[j] - step * (grad[j] / nRows + (penalised ? l2 * v[j] : 0));
      const threshold = penalised ? step * l1 : 0;
      w[j] = u > threshold ? u - threshold : u < -threshold ? u + threshold : 0;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    for (let j = 0; j <= d; j++) v[j] = w[j] + momentum * (w[j] - wPrev[j]);
    t = tNext;
  }
  return w;
}

/** Class probabilities, row-major nRows × nClasses (one-vs-rest scores normalised to sum to 1). */
export function predictProbabilities(model: LogisticModel, x: Float64Array): Float64Array {
  const d = model.nFeatures;
  if (x.length % d !== 0 && d > 0) throw new RangeError(`x length must be a multiple of nFeatures = ${d}`);
  const nRows = d === 0 ? 0 : x.length / d;
  const k = model.nClasses;
  const out = new Float64Array(nRows * k);
  for (let i = 0; i < nRows; i++) {
    let total = 0;
    for (let p = 0; p < model.weights.length; p++) {
      const w = model.weights[p];
      let margin = w[d];
      for (let j = 0; j < d; j++) margin += (w[j] * (x[i * d + j] - model.mean[j])) / model.scale[j];
      const prob = 1 / (1 + Math.exp(-margin));
      if (k === 2) {
        out[i * 2 + 1] = prob;
        out[i * 2] = 1 - prob;
        total = 1;
      } else {
        out[i * k + p] = prob;
        total += prob;
      }
    }
    if (k > 2) for (let c = 0; c < k; c++) out[i * k + c] = total > 0 ? out[i * k + c] / total : 1 / k;
  }
  return out;
}
