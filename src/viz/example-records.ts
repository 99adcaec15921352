// Seeded example records for every chart: for trying charts, the gallery and tests before real
// results exist. They are synthetic, except the QAOA landscape, which is the exact p = 1 max-cut
// expectation on a ring: each edge contributes 1/2 + (1/4)·sin 4β · sin 2γ (Wang, Hadfield, Jiang &
// Rieffel 2018, eq. for triangle-free 2-regular graphs), so the best ratio is 3/4.
import { quboEnergy, quboFromTerms, type Qubo } from "../compile/qubo.js";
import { wilsonInterval } from "../bench/statistics.js";
import type { Rng } from "../util/rng.js";
import type { ApproximationRatioPoint } from "./charts/approximation-ratio.js";
import type { ConvergencePoint } from "./charts/convergence-trace.js";
import type { SampleEnergyRecord } from "./charts/energy-histogram.js";
import type { FeatureSelectionRecord } from "./charts/feature-selection.js";
import type { MeasurementCounts } from "./charts/measurement-counts.js";
import type { RuntimeQualityRecord } from "./charts/pareto-scatter.js";
import type { PenaltySweepPoint } from "./charts/penalty-sweep.js";
import type { LandscapePoint } from "./charts/qaoa-landscape.js";
import type { SolverRunRecord } from "./charts/solver-comparison.js";
import type { SuccessProbabilityPoint } from "./charts/success-probability.js";
import type { TtsRecord } from "./charts/tts-bars.js";

export interface ExampleRecords {
  readonly qubo: Qubo;
  readonly samples: SampleEnergyRecord[];
  readonly counts: MeasurementCounts;
  readonly convergence: ConvergencePoint[];
  readonly landscape: LandscapePoint[];
  readonly approximation: ApproximationRatioPoint[];
  readonly runs: SolverRunRecord[];
  readonly tts: TtsRecord[];
  readonly success: SuccessProbabilityPoint[];
  readonly pareto: RuntimeQualityRecord[];
  readonly penalty: PenaltySweepPoint[];
  readonly features: FeatureSelectionRecord[];
}

/** A random 8-variable QUBO with a "pick exactly 3" penalty, so samples can be infeasible. */
function exampleQubo(rng: Rng, penalty: number): Qubo {
  const n = 8;
  const terms: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    terms.push([i, i, -rng.nextDouble() * 4]);
    for (let j = i + 1; j < n; j++) if (rng.next() < 0.5) terms.push([i, j, rng.normal()]);
  }
  // penalty · (Σx − 3)² = penalty · (Σᵢ(1 − 6)xᵢ + 2Σᵢ<ⱼ xᵢxⱼ + 9), using xᵢ² = xᵢ.
  for (let i = 0; i < n; i++) {
    terms.push([i, i, -5 * penalty]);
    for (let j = i + 1; j < n; j++) terms.push([i, j, 2 * penalty]);
  }
  return quboFromTerms(Array.from({ length: n }, (_, i) => `x[${i}]`), terms, 9 * penalty);
}

export function exampleRecords(rng: Rng): ExampleRecords {
  const qubo = exampleQubo(rng.fork("qubo"), 1);
  const sampleRng = rng.fork("samples");
  const seen = new Map<string, SampleEnergyRecord & { occurrences: number }>();
  for (let read = 0; read < 400; read++) {
    const x = Array.from({ length: 8 }, () => (sampleRng.next() < 0.4 ? 1 : 0));
    const key = x.join("");
    const known = seen.get(key);
    if (known) known.occurrences++;
    else seen.set(key, { energy: quboEnergy(qubo, x), feasible: x.reduce((a: number, b) => a + b, 0) === 3, occurrences: 1 });
  }
  const samples = [...seen.values()];

  const countsRng = rng.fork("counts");
  const counts: Record<string, number> = {};
  const weights = [0.05, 0.02, 0.03, 0.4, 0.05, 0.38, 0.04, 0.03];
  for (let shot = 0; shot < 1024; shot++) {
    let u = countsRng.nextDouble();
    let k = 0;
    while (k < 7 && u >= weights[k]!) u -= weights[k++]!;
    const bits = k.toString(2).padStart(3, "0");
    counts[bits] = (counts[bits] ?? 0) + 1;
  }

  const convergence: ConvergencePoint[] = [];
  for (const seed of [1, 2, 3]) {
    const runRng = rng.fork(`convergence-${seed}`);
    for (let iteration = 0; iteration < 60; iteration++) {
      const trend = -3 + 3 * Math.exp(-iteration / (8 + 4 * seed));
      convergence.push({ iteration, value: trend + 0.35 * runRng.normal() * Math.exp(-iteration / 30), run: `seed ${seed}` });
    }
  }

  const landscape: LandscapePoint[] = [];
  const nEdges = 6;
  for (let i = 0; i <= 24; i++) {
    for (let j = 0; j <= 24; j++) {
      const gamma = (i / 24) * Math.PI;
      const beta = (j / 24) * (Math.PI / 2);
      landscape.push({ gamma, beta, value: nEdges * (0.5 + 0.25 * Math.sin(4 * beta) * Math.sin(2 * gamma)) });
    }
  }

  const approximation: ApproximationRatioPoint[] = [];
  const approxRng = rng.fork("approximation");
  for (let p = 1; p <= 6; p++) {
    for (let seed = 0; seed < 5; seed++) {
      const ideal = 1 - 0.25 / p;
      approximation.push({ p, seed, method: "QAOA", ratio: Math.min(1, ideal - Math.abs(approxRng.normal()) * 0.02 * Math.sqrt(p)) });
      approximation.push({ p, seed, method: "QAOA (warm start)", ratio: Math.min(1, ideal + 0.04 - Math.abs(approxRng.normal()) * 0.015) });
    }
  }

  const runs: SolverRunRecord[] = [];
  const runRng = rng.fork("runs");
  const solvers = [
    { solver: "exhaustive", quality: 1, spread: 0, ms: 40 },
    { solver: "simulated-annealing", quality: 0.985, spread: 0.01, ms: 12 },
    { solver: "tabu", quality: 0.995, spread: 0.005, ms: 8 },
    { solver: "qaoa-p2", quality: 0.9, spread: 0.04, ms: 150 },
  ];
  for (const s of solvers) {
    for (let seed = 0; seed < 10; seed++) {
      const ratio = Math.min(1, s.quality - Math.abs(runRng.normal()) * s.spread);
      runs.push({ solver: s.solver, instance: "G-ring-12", seed, objective: Math.round(12 * ratio * 10) / 10, elapsedMs: s.ms * Math.exp(0.3 * runRng.normal()), approximationRatio: ratio, feasible: true });
    }
  }

  const tts: TtsRecord[] = [
    { solver: "simulated-annealing", ttsMs: 35, lowMs: 28, highMs: 44, successProbability: 0.42 },
    { solver: "tabu", ttsMs: 12, lowMs: 10, highMs: 15, successProbability: 0.71 },
    { solver: "qaoa-p2", ttsMs: 2400, lowMs: 1500, highMs: 4100, successProbability: 0.08 },
    { solver: "random", ttsMs: null, successProbability: 0 },
  ];
  // 20 runs per solver, each read reaching the target independently with probability q: the read of
  // first arrival is geometric, drawn by inversion.
  const success: SuccessProbabilityPoint[] = [];
  const successRng = rng.fork("success");
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
  for (const { solver, q } of [{ solver: "tabu", q: 0.08 }, { solver: "simulated-annealing", q: 0.02 }, { solver: "qaoa-p2", q: 0.004 }]) {
    const arrivals = Array.from({ length: 20 }, () => Math.max(1, Math.ceil(Math.log(1 - successRng.nextDouble()) / Math.log(1 - q))));
    for (const budget of budgets) {
      const ci = wilsonInterval(arrivals.filter((a) => a <= budget).length, arrivals.length);
      success.push({ solver, budget, successProbability: ci.estimate, low: ci.low, high: ci.high, nRuns: arrivals.length });
    }
  }
  const pareto: RuntimeQualityRecord[] = runs.map((r) => ({ solver: r.solver, elapsedMs: r.elapsedMs, quality: r.approximationRatio!, seed: r.seed }));

  const penalty: PenaltySweepPoint[] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20].map((scale) => {
    const feasibleFraction = 1 / (1 + Math.exp(-2.2 * (Math.log(scale) - Math.log(0.8))));
    return { penaltyScale: scale, feasibleFraction: Math.round(feasibleFraction * 1000) / 1000, meanObjective: feasibleFraction < 0.02 ? null : -8 + 1.1 * Math.log(scale + 1) };
  });

  const features: FeatureSelectionRecord[] = [];
  const featureRng = rng.fork("features");
  for (const method of ["QUBO (mRMR)", "mutual information", "L1 logistic"]) {
    const bonus = method.startsWith("QUBO") ? 0.01 : method.startsWith("mutual") ? 0 : -0.005;
    for (const k of [2, 4, 6, 8, 10]) {
      for (let seed = 0; seed < 5; seed++) {
        features.push({ method, k, seed, score: 0.97 - 0.2 * Math.exp(-k / 2.5) + bonus + 0.006 * featureRng.normal() });
      }
    }
  }
  return { qubo, samples, counts, convergence, landscape, approximation, runs, tts, success, pareto, penalty, features };
}
