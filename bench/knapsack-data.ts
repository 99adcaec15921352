// Seeded random 0/1 knapsack data for the DSL example grammar/examples/knapsack.qp: values 1..30,
// weights 1..20, capacity a third of the total weight (so about a third of the items fit).
import { createRng } from "../src/util/rng.js";

export function randomKnapsack(n: number, seed: number): { n: number; value: number[]; weight: number[]; capacity: number } {
  const rng = createRng(`knapsack/${n}/${seed}`);
  const value = Array.from({ length: n }, () => 1 + rng.int(30));
  const weight = Array.from({ length: n }, () => 1 + rng.int(20));
  return { n, value, weight, capacity: Math.floor(weight.reduce((a, b) => a + b, 0) / 3) };
}
