// Simulated bifurcation (Goto, Tatsumura & Dixon, Sci. Adv. 5, eaav2372, 2019: adiabatic aSB;
// Goto et al., Sci. Adv. 7, eabe7953, 2021: ballistic bSB and discrete dSB), the quantum-inspired
// solver: N classical nonlinear oscillators whose positions x_i bifurcate to ±1 as the pump a(t)
// ramps from 0 to a₀, and the signs are read out as spins.
//
// Ising form (s = 1 − 2x, so x = 0 ↔ s = +1 ↔ Z = +1):
//   E = c + Σ_i g_i s_i + Σ_{i<j} J_ij s_i s_j,  J_ij = Q_ij / 4,  g_i = −h_i/2 − ¼ Σ_j Q_ij.
// The fields g_i become couplings to one extra spin s₀ (E is then invariant under a global flip,
// and the readout uses s_i·s₀), so every variant works on a pure coupling matrix. Per step dt:
//   y_i += [−(a₀ − a(t)) x_i − c₀ ∂E/∂x_i] dt     (aSB adds the Kerr term −x_i³ and has no walls)
//   x_i += a₀ y_i dt,   then for bSB/dSB: |x_i| > 1 ⇒ x_i = sign x_i, y_i = 0  (inelastic walls)
// with ∂E/∂x_i = Σ_j J_ij x_j for aSB/bSB and Σ_j J_ij sign(x_j) for dSB, and the coupling scale
// c₀ = 0.5 / (σ_J √N) from the papers (σ_J the root-mean-square coupling).
//
// Stability: the update is symplectic Euler on x'' = −a₀(a₀ − a + c₀J)x, stable only while
// dt²·a₀(a₀ + c₀λ) < 4 for every eigenvalue λ of J. The papers' dt = 1.25 assumes a spectrum like a
// dense random (SK) matrix, λ ≈ 2σ_J√N; a sparse graph with same-sign weights has λ_max near the
// mean degree times the weight, far larger, and the uniform mode then blows up to the walls (every
// spin equal: cut 0 on Gset). So the default dt is capped below that bound, with λ bounded by the
// largest absolute row sum of J (Gershgorin).
import { quboToIsing } from "../compile/ising.js";
import { type Qubo, quboEnergy } from "../compile/qubo.js";
import { planReads } from "./evaluations.js";
import { type SamplerContext, defineSampler, recordEvaluationLimit, stopAfterRead } from "./sampler.js";

export type BifurcationVariant = "ballistic" | "discrete" | "adiabatic";

export interface BifurcationParameters {
  readonly [key: string]: number | string | null;
  readonly variant: BifurcationVariant;
  readonly steps: number;
  /** Time step; default 1.25 for bSB/dSB and 0.5 for aSB (the papers' choices). */
  readonly dt: number | null;
  /** Coupling scale c₀; default 0.5 / (σ_J √N). */
  readonly c0: number | null;
}

/** The Ising couplings over N = n + 1 spins in CSR form (spin 0 is the field spin). */
interface IsingForm {
  readonly nSpins: number;
  readonly start: Int32Array;
  readonly neighbors: Int32Array;
  readonly couplings: Float64Array;
  /** Root-mean-square coupling over ordered pairs i ≠ j. */
  readonly rmsCoupling: number;
  /** Largest absolute row sum of the couplings: a bound on J's spectral radius (Gershgorin). */
  readonly spectralBound: number;
  readonly qubo: Qubo;
}

const CLOCK_EVERY = 16;

export const simulatedBifurcation = defineSampler<BifurcationParameters, IsingForm>({
  name: "sb",
  family: "quantum-inspired",
  summary: "simulated bifurcation (Goto et al.): ballistic, discrete or adiabatic oscillator dynamics on the Ising form",
  defaultReads: 10,
  countsEvaluations: true,
  readsAreRestarts: true,
  parameters: {
    variant: { kind: "choice", values: ["ballistic", "discrete", "adiabatic"], default: "ballistic" },
    steps: { kind: "integer", min: 1, max: 1e9, default: 1000 },
    dt: { kind: "number", min: 0, exclusiveMin: true, max: 10, default: null },
    c0: { kind: "number", min: 0, exclusiveMin: true, default: null },
  },
  encode: isingForm,
  solve: bifurcate,
});

/** Ising couplings of `qubo` (quboToIsing) with the fields moved onto spin 0 (variable i is spin i + 1). */
function isingForm(qubo: Qubo): IsingForm {
  const { h, rows, cols, j } = quboToIsing(qubo);
  const n = h.length;
  const nSpins = n + 1;
  const degree = new Int32Array(nSpins + 1);
  for (let i = 0; i < n; i++) {
    if (h[i] === 0) continue;
    degree[1]++;
    degree[i + 2]++;
  }
  for (let k = 0; k < j.length; k++) {
    degree[rows[k] + 2]++;
    degree[cols[k] + 2]++;
  }
  const start = new Int32Array(nSpins + 1);
  for (let s = 0; s < nSpins; s++) start[s + 1] = start[s] + degree[s + 1];
  const fill = start.slice(0, nSpins);
  const neighbors = new Int32Array(start[nSpins]);
  const couplings = new Float64Array(start[nSpins]);
  let sumSquares = 0;
  const link = (a: number, b: number, value: number): void => {
    neighbors[fill[a]] = b;
    couplings[fill[a]++] = value;
    neighbors[fill[b]] = a;
    couplings[fill[b]++] = value;
    sumSquares += 2 * value * value;
  };
  for (let i = 0; i < n; i++) if (h[i] !== 0) link(0, i + 1, h[i]);
  for (let k = 0; k < j.length; k++) link(rows[k] + 1, cols[k] + 1, j[k]);
  const rmsCoupling = nSpins > 1 ? Math.sqrt(sumSquares / (nSpins * (nSpins - 1))) : 0;
  let spectralBound = 0;
  for (let s = 0; s < nSpins; s++) {
    let rowSum = 0;
    for (let k = start[s]; k < start[s + 1]; k++) rowSum += Math.abs(couplings[k]);
    spectralBound = Math.max(spectralBound, rowSum);
  }
  return { nSpins, start, neighbors, couplings, rmsCoupling, spectralBound, qubo };
}

function bifurcate(form: IsingForm, params: BifurcationParameters, context: SamplerContext): void {
  const { nSpins, start, neighbors, couplings } = form;
  const n = nSpins - 1;
  const variant = params.variant;
  const a0 = 1;
  const c0 = params.c0 ?? (form.rmsCoupling > 0 ? 0.5 / (form.rmsCoupling * Math.sqrt(nSpins)) : 1);
  // 90% of the symplectic-Euler stability limit (see the file comment); an explicit dt is kept as given.
  const stableDt = (0.9 * 2) / Math.sqrt(a0 * (a0 + c0 * form.spectralBound));
  const dt = params.dt ?? Math.min(variant === "adiabatic" ? 0.5 : 1.25, stableDt);
  const kerr = variant === "adiabatic" ? 1 : 0;
  const walls = variant !== "adiabatic";
  const useSign = variant === "discrete";
  const x = new Float64Array(nSpins);
  const y = new Float64Array(nSpins);
  const source = new Float64Array(nSpins);
  const bits = new Uint8Array(n);
  context.info.dt = dt;
  context.info.c0 = c0;
  context.info.stableDt = stableDt;
  const { evaluations } = context;
  // A step moves all n oscillators from their local fields (n evaluations); the random start computes nothing.
  const cost = { perRead: 0, perStep: Math.max(1, n) };
  const plan = planReads("sb", evaluations, context.reads, cost, params.steps, context.userSet("steps"));
  const nSteps = plan.length;
  context.info.steps = nSteps;

  for (let read = 0; read < plan.reads; read++) {
    if (!evaluations.fitsRead(cost)) {
      recordEvaluationLimit(context, read);
      return;
    }
    // The pump ramps over the read's full length; a read the budget cuts stops partway up the ramp.
    const steps = Math.min(nSteps, evaluations.fits(cost.perStep));
    let done = 0;
    const rng = context.rng.fork(read);
    for (let s = 0; s < nSpins; s++) {
      x[s] = 0.2 * rng.next() - 0.1;
      y[s] = 0.2 * rng.next() - 0.1;
    }
    const spentAtStart = evaluations.spent;
    // The read's answer is its signs; it counts as found (time and evaluations) at the check after
    // which they last changed (checked with the clock, every few steps), as tabu and PT count their best.
    let settled = { step: 0, ms: context.elapsedMs() };
    signsOf(x, bits);
    let stopped = false;
    for (let step = 0; step < steps; step++) {
      done++;
      const pump = nSteps === 1 ? a0 : (a0 * step) / (nSteps - 1);
      const detune = a0 - pump;
      for (let s = 0; s < nSpins; s++) source[s] = useSign ? (x[s] > 0 ? 1 : x[s] < 0 ? -1 : 0) : x[s];
      for (let s = 0; s < nSpins; s++) {
        let gradient = 0;
        for (let k = start[s]; k < start[s + 1]; k++) gradient += couplings[k] * source[neighbors[k]];
        const xs = x[s];
        y[s] += (-(kerr * xs * xs + detune) * xs - c0 * gradient) * dt;
      }
      for (let s = 0; s < nSpins; s++) {
        let xs = x[s] + a0 * y[s] * dt;
        if (walls && (xs > 1 || xs < -1)) {
          xs = xs > 0 ? 1 : -1;
          y[s] = 0;
        }
        x[s] = xs;
      }
      const atCheck = step % CLOCK_EVERY === CLOCK_EVERY - 1;
      if ((atCheck || step === steps - 1) && signsOf(x, bits)) settled = { step: done, ms: context.elapsedMs() };
      if (atCheck && context.deadline.expired()) {
        stopped = true;
        break;
      }
    }
    evaluations.spend(done * cost.perStep);
    const budgetCut = !stopped && done < nSteps;
    context.out.push(bits, settled.ms, spentAtStart + settled.step * cost.perStep);
    const targetReached = context.targetEnergy > -Infinity && quboEnergy(form.qubo, bits) <= context.targetEnergy;
    if (stopAfterRead(context, read + 1, plan.reads, { targetReached, budgetCut, timeUp: stopped })) return;
  }
  if (plan.reads < context.reads) recordEvaluationLimit(context, plan.reads);
}

/**
 * Writes the assignment the oscillators' signs stand for into `bits` (spin i + 1 relative to the
 * field spin: s_i·s₀ = +1 ↔ x_i = 0); true when it differs from what `bits` held.
 */
function signsOf(x: Float64Array, bits: Uint8Array): boolean {
  const reference = x[0]! >= 0 ? 1 : -1;
  let changed = false;
  for (let i = 0; i < bits.length; i++) {
    const bit = x[i + 1]! * reference >= 0 ? 0 : 1;
    if (bits[i] !== bit) {
      bits[i] = bit;
      changed = true;
    }
  }
  return changed;
}
