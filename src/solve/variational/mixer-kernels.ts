// Direct statevector kernels for QAOA mixers and the sums the adjoint gradient needs. They do not
// validate: callers check qubit indices once when the layout is built.
//
// e^{−iθG} for G with G² = I on the pair it swaps (G = X_q, or (XX + YY)/2 restricted to |01⟩, |10⟩)
// is the rotation cos θ·I − i sin θ·G on each pair (u, v) = (z, z ⊕ mask):
//   u' = c·u − i s·v,  v' = c·v − i s·u.

/** e^{−iθX_q}: rx(2θ) on qubit q. */
export function applyXRotation(re: Float64Array, im: Float64Array, q: number, theta: number): void {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const stride = 2 ** q;
  const size = re.length;
  for (let block = 0; block < size; block += 2 * stride) {
    for (let u = block; u < block + stride; u++) rotatePair(re, im, u, u + stride, c, s);
  }
}

/**
 * e^{−iθ₁X_a} e^{−iθ₂X_b} (a ≠ b) in one pass: each quartet (z, z|a, z|b, z|a|b) is loaded once,
 * rotated on a then on b in registers, and stored — half the memory traffic of two passes.
 */
export function applyXRotationPair(re: Float64Array, im: Float64Array, a: number, b: number, thetaA: number, thetaB: number): void {
  const ca = Math.cos(thetaA);
  const sa = Math.sin(thetaA);
  const cb = Math.cos(thetaB);
  const sb = Math.sin(thetaB);
  const ma = 2 ** a;
  const mb = 2 ** b;
  const both = ma | mb;
  const size = re.length;
  for (let z = 0; z < size; z++) {
    if ((z & both) !== 0) continue;
    const i1 = z | ma;
    const i2 = z | mb;
    const i3 = z | both;
    let r0 = re[z] as number, m0 = im[z] as number, r1 = re[i1] as number, m1 = im[i1] as number;
    let r2 = re[i2] as number, m2 = im[i2] as number, r3 = re[i3] as number, m3 = im[i3] as number;
    // On a: pairs (0, 1) and (2, 3).
    let tr = ca * r0 + sa * m1, ti = ca * m0 - sa * r1;
    r1 = ca * r1 + sa * m0;
    m1 = ca * m1 - sa * r0;
    r0 = tr;
    m0 = ti;
    tr = ca * r2 + sa * m3;
    ti = ca * m2 - sa * r3;
    r3 = ca * r3 + sa * m2;
    m3 = ca * m3 - sa * r2;
    r2 = tr;
    m2 = ti;
    // On b: pairs (0, 2) and (1, 3).
    re[z] = cb * r0 + sb * m2;
    im[z] = cb * m0 - sb * r2;
    re[i2] = cb * r2 + sb * m0;
    im[i2] = cb * m2 - sb * r0;
    re[i1] = cb * r1 + sb * m3;
    im[i1] = cb * m1 - sb * r3;
    re[i3] = cb * r3 + sb * m1;
    im[i3] = cb * m3 - sb * r1;
  }
}

/** e^{−iθ(X_aX_b + Y_aY_b)/2}: mixes |…0_a…1_b…⟩ with |…1_a…0_b…⟩, leaves |00⟩, |11⟩ alone. */
export function applyXyRotation(re: Float64Array, im: Float64Array, a: number, b: number, theta: number): void {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const maskA = 2 ** a;
  const maskB = 2 ** b;
  const size = re.length;
  for (let z = 0; z < size; z++) {
    // Visit each pair once, from the member with bit a = 0 and bit b = 1.
    if ((z & maskA) === 0 && (z & maskB) !== 0) rotatePair(re, im, z, z ^ (maskA | maskB), c, s);
  }
}

function rotatePair(re: Float64Array, im: Float64Array, u: number, v: number, c: number, s: number): void {
  const ur = re[u] as number;
  const ui = im[u] as number;
  const vr = re[v] as number;
  const vi = im[v] as number;
  re[u] = c * ur + s * vi;
  im[u] = c * ui - s * vr;
  re[v] = c * vr + s * ui;
  im[v] = c * vi - s * ur;
}

/** Im⟨λ|X_q|φ⟩ = Im Σ_z conj(λ_z) φ_{z⊕2^q}. */
export function imOverlapX(lr: Float64Array, li: Float64Array, pr: Float64Array, pi: Float64Array, q: number): number {
  const mask = 2 ** q;
  let sum = 0;
  for (let z = 0; z < lr.length; z++) {
    const w = z ^ mask;
    sum += (lr[z] as number) * (pi[w] as number) - (li[z] as number) * (pr[w] as number);
  }
  return sum;
}

/** Im⟨λ|(X_aX_b + Y_aY_b)/2|φ⟩: the sum over states whose bits a and b differ. */
export function imOverlapXy(lr: Float64Array, li: Float64Array, pr: Float64Array, pi: Float64Array, a: number, b: number): number {
  const maskA = 2 ** a;
  const maskB = 2 ** b;
  const both = maskA | maskB;
  let sum = 0;
  for (let z = 0; z < lr.length; z++) {
    if (((z & maskA) === 0) === ((z & maskB) === 0)) continue;
    const w = z ^ both;
    sum += (lr[z] as number) * (pi[w] as number) - (li[z] as number) * (pr[w] as number);
  }
  return sum;
}

/** Im⟨λ|diag(d)|φ⟩. */
export function imOverlapDiagonal(lr: Float64Array, li: Float64Array, pr: Float64Array, pi: Float64Array, d: Float64Array): number {
  let sum = 0;
  for (let z = 0; z < lr.length; z++) sum += (d[z] as number) * ((lr[z] as number) * (pi[z] as number) - (li[z] as number) * (pr[z] as number));
  return sum;
}

/** ψ_z ← e^{−i·phase_z} ψ_z. */
export function applyPhases(re: Float64Array, im: Float64Array, phase: Float64Array, sign: 1 | -1): void {
  for (let z = 0; z < re.length; z++) {
    const angle = sign * (phase[z] as number);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const ar = re[z] as number;
    const ai = im[z] as number;
    re[z] = c * ar + s * ai;
    im[z] = c * ai - s * ar;
  }
}
