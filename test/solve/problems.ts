// Small random QUBOs and a brute-force oracle for the solver tests.
import { type Qubo, quboEnergy, quboFromTerms } from "../../src/compile/qubo.js";
import { createRng } from "../../src/util/rng.js";

/** A random QUBO with integer coefficients in [−10, 10] and the given coupling density. */
export function randomQubo(n: number, seed: number, density = 0.5): Qubo {
  const rng = createRng(`qubo/${n}/${seed}`);
  const terms: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    terms.push([i, i, rng.int(21) - 10]);
    for (let j = i + 1; j < n; j++) if (rng.next() < density) terms.push([i, j, rng.int(21) - 10]);
  }
  return quboFromTerms(
    Array.from({ length: n }, (_, i) => `x${i}`),
    terms,
    rng.int(7) - 3,
  );
}

/** The minimum energy over all 2ⁿ assignments (n ≤ 20). */
export function bruteForceMinimum(qubo: Qubo): number {
  const n = qubo.linear.length;
  const x = new Uint8Array(n);
  let best = Infinity;
  for (let code = 0; code < 2 ** n; code++) {
    for (let i = 0; i < n; i++) x[i] = (code >>> i) & 1;
    best = Math.min(best, quboEnergy(qubo, x));
  }
  return best;
}
