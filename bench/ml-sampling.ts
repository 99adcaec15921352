// Boltzmann sampling of a Sherrington–Kirkpatrick instance (n = 12, seeded) at β = 1 and β = 3:
// distance to the exact distribution vs samples and time, per sampler.
//   npx tsx bench/ml-sampling.ts
import { createRng } from "../src/util/rng.js";
import { runSampling, sherringtonKirkpatrickQubo } from "../src/ml/sampling-stage.js";

const qubo = sherringtonKirkpatrickQubo(12, createRng(7));
for (const beta of [1, 3]) {
  const records = [
    ...(await runSampling(qubo, { beta, nSamples: [100, 1000, 10000], methods: ["metropolis", "sa", "qaoa"], seed: 0 })),
    ...(await runSampling(qubo, { beta, nSamples: [100, 1000], methods: ["pt"], seed: 0 })),
  ];
  console.log(`\nSK n = 12, β = ${beta}`);
  console.log("| method | samples | TV | KL (nats) | top-10 coverage | ESS | time ms |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of records) {
    console.log(`| ${r.method} | ${r.nSamples} | ${r.totalVariation.toFixed(3)} | ${r.kl.toFixed(3)} | ${r.modeCoverage.toFixed(1)} | ${r.effectiveSampleSize === null ? "–" : r.effectiveSampleSize.toFixed(0)} | ${r.timeMs.toFixed(0)} |${r.fallback ? ` fallback: ${r.fallback}` : ""}`);
  }
}
