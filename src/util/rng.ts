// One seeded random source, passed explicitly through every solver, simulator and sampler.
// Backed by seedrandom's Alea generator (passes BigCrush, fast in V8); the same seed gives the
// same stream on every machine, and `fork(label)` derives independent, replayable sub-streams.
import seedrandom from "seedrandom";

export type Seed = number | string;

/** A seeded pseudo-random stream. Never shared implicitly: hand it to whatever needs randomness. */
export interface Rng {
  /** The seed this stream was created from (a fork's seed records its parent and label). */
  readonly seed: string;
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform in [0, 1) with 53 bits of randomness. */
  nextDouble(): number;
  /** Uniform integer in [0, n); n must be a positive safe integer. */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, one value per call). */
  normal(): number;
  /** A new independent stream determined by this stream's seed and `label` (not by its position). */
  fork(label: string | number): Rng;
}

interface AleaPrng {
  (): number;
  double(): number;
}

export function createRng(seed: Seed): Rng {
  if (typeof seed === "number" && !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string, got ${seed}`);
  }
  if (typeof seed !== "number" && typeof seed !== "string") {
    throw new TypeError(`seed must be a number or a string, got ${typeof seed}`);
  }
  return new AleaRng(String(seed));
}

class AleaRng implements Rng {
  private readonly prng: AleaPrng;

  constructor(readonly seed: string) {
    this.prng = (seedrandom as unknown as { alea(seed: string): AleaPrng }).alea(seed);
  }

  next(): number {
    return this.prng();
  }

  nextDouble(): number {
    return this.prng.double();
  }

  int(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new RangeError(`int(n) needs a positive safe integer, got ${n}`);
    }
    return Math.floor(this.prng.double() * n);
  }

  normal(): number {
    // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
    const u = 1 - this.prng.double();
    const v = this.prng.double();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  fork(label: string | number): Rng {
    return new AleaRng(`${this.seed}/${label}`);
  }
}
