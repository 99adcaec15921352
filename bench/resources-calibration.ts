// Calibrates the simulator-time model of estimateResources: nanoseconds per amplitude for one pass of
// a generic single-qubit gate over split re/im Float64Arrays (plain JS, one thread), the unit the
// model multiplies by passes × 2ⁿ. Run: npx tsx bench/resources-calibration.ts
import { DEFAULT_NS_PER_AMPLITUDE } from "../src/circuit/resources.js";

function gatePass(re: Float64Array, im: Float64Array, target: number): void {
  const stride = 2 ** target;
  const c = Math.SQRT1_2;
  for (let base = 0; base < re.length; base += 2 * stride) {
    for (let i = base; i < base + stride; i++) {
      const j = i + stride;
      const ar = re[i] as number, ai = im[i] as number, br = re[j] as number, bi = im[j] as number;
      // A generic 2×2 complex matrix (here H·e^{iπ/4} entries, so no special-casing applies).
      re[i] = c * (ar - ai) + c * (br - bi);
      im[i] = c * (ar + ai) + c * (br + bi);
      re[j] = c * (ar - ai) - c * (br - bi);
      im[j] = c * (ar + ai) - c * (br + bi);
    }
  }
}

const results: number[] = [];
for (const n of [20, 22, 24]) {
  const re = new Float64Array(2 ** n).fill(1 / Math.sqrt(2 ** n));
  const im = new Float64Array(2 ** n);
  const samples: number[] = [];
  for (let repeat = 0; repeat < 5; repeat++) {
    const start = process.hrtime.bigint();
    for (let q = 0; q < n; q++) gatePass(re, im, q);
    samples.push(Number(process.hrtime.bigint() - start) / (n * 2 ** n));
  }
  samples.sort((a, b) => a - b);
  const median = samples[2] as number;
  results.push(median);
  console.log(`n=${n}: median ${median.toFixed(3)} ns per amplitude per single-qubit pass (5 runs: ${samples.map((s) => s.toFixed(2)).join(", ")})`);
}
console.log(`model constant in src/circuit/resources.ts: ${DEFAULT_NS_PER_AMPLITUDE} ns per amplitude`);
