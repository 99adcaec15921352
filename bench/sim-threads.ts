// Where threads start to pay: time per pass of a 1-qubit dense gate with 1 and 2 threads, from 12
// to 22 qubits (minimum of several repetitions; the machine is shared, so only the crossover matters).
//
//   npx tsx bench/sim-threads.ts
import { executePasses } from "../src/sim/execute.js";
import { gatePass } from "../src/sim/gate-pass.js";
import { createState } from "../src/sim/statevector.js";
import { shutdownPool } from "../src/sim/threads/pool.js";

console.log("| n | µs per pass, 1 thread | µs per pass, 2 threads | speed-up |");
console.log("| --- | --- | --- | --- |");
for (const n of [12, 14, 16, 17, 18, 19, 20, 22]) {
  const state = createState(n);
  state.re.fill(2 ** (-n / 2));
  const passes = Array.from({ length: 40 }, (_, k) => gatePass("h", [k % n], [])!);
  const perPass: number[] = [];
  for (const threads of [1, 2]) {
    executePasses(state, passes, threads);
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      executePasses(state, passes, threads);
      best = Math.min(best, performance.now() - t0);
    }
    perPass.push((best * 1000) / passes.length);
  }
  console.log(`| ${n} | ${perPass[0]!.toFixed(1)} | ${perPass[1]!.toFixed(1)} | ${(perPass[0]! / perPass[1]!).toFixed(2)} |`);
}
await shutdownPool();
