// Plug-in (discretised) mutual information between features and the class, in nats.
//   I(X;Y)   = Σ p(x,y) log[p(x,y) / (p(x)p(y))]
//   I(X;Y|Z) = Σ p(x,y,z) log[p(z)p(x,y,z) / (p(x,z)p(y,z))]
// Continuous features are first discretised into equal-frequency bins (ties kept in one bin), the
// usual choice for MI-based selection (Battiti 1994; Peng, Long & Ding 2005, mRMR). The plug-in
// estimate is biased upwards by about (|X|−1)(|Y|−1)/(2N) nats; it is used for ranking, not testing.

/** Codes in 0..nBins−1 by rank: equal-frequency bins, equal values always share a bin. */
export function discretise(column: Float64Array, nBins: number): Int32Array {
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`nBins must be a positive integer, got ${nBins}`);
  const n = column.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => column[a] - column[b]);
  const codes = new Int32Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && column[order[end]] === column[order[start]]) end++;
    const bin = Math.min(nBins - 1, Math.floor((start * nBins) / n));
    for (let r = start; r < end; r++) codes[order[r]] = bin;
    start = end;
  }
  return codes;
}

/** Number of distinct codes needed (max + 1). */
export function codeCount(codes: Int32Array): number {
  let max = -1;
  for (let i = 0; i < codes.length; i++) if (codes[i] > max) max = codes[i];
  return max + 1;
}

/** I(X;Y) for two code vectors of equal length, in nats; ≥ 0. */
export function mutualInformation(x: Int32Array, y: Int32Array): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`code vectors must have equal length, got ${n} and ${y.length}`);
  if (n === 0) return 0;
  const nx = codeCount(x);
  const ny = codeCount(y);
  const joint = new Float64Array(nx * ny);
  const px = new Float64Array(nx);
  const py = new Float64Array(ny);
  for (let i = 0; i < n; i++) {
    joint[x[i] * ny + y[i]]++;
    px[x[i]]++;
    py[y[i]]++;
  }
  let mi = 0;
  for (let a = 0; a < nx; a++) {
    for (let b = 0; b < ny; b++) {
      const c = joint[a * ny + b];
      if (c > 0) mi += (c / n) * Math.log((c * n) / (px[a] * py[b]));
    }
  }
  return Math.max(0, mi);
}

/** I(X;Y|Z) for three code vectors of equal length, in nats; ≥ 0. */
export function conditionalMutualInformation(x: Int32Array, y: Int32Array, z: Int32Array): number {
  const n = x.length;
  if (y.length !== n || z.length !== n) throw new RangeError("code vectors must have equal length");
  if (n === 0) return 0;
  const nx = codeCount(x);
  const ny = codeCount(y);
  const nz = codeCount(z);
  const xyz = new Float64Array(nx * ny * nz);
  const xz = new Float64Array(nx * nz);
  const yz = new Float64Array(ny * nz);
  const pz = new Float64Array(nz);
  for (let i = 0; i < n; i++) {
    xyz[(x[i] * ny + y[i]) * nz + z[i]]++;
    xz[x[i] * nz + z[i]]++;
    yz[y[i] * nz + z[i]]++;
    pz[z[i]]++;
  }
  let cmi = 0;
  for (let a = 0; a < nx; a++) {
    for (let b = 0; b < ny; b++) {
      for (let c = 0; c < nz; c++) {
        const count = xyz[(a * ny + b) * nz + c];
        if (count > 0) cmi += (count / n) * Math.log((pz[c] * count) / (xz[a * nz + c] * yz[b * nz + c]));
      }
    }
  }
  return Math.max(0, cmi);
}

/** Pearson correlation of two equal-length columns; 0 when either is constant. */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`columns must have equal length, got ${n} and ${b.length}`);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}
