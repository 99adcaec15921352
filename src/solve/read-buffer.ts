// Where a solver deposits its reads: one 0/1 byte per variable per read, in one growable typed
// array, so the solve loop never allocates per read beyond amortised doubling. With a clock, each
// read also gets the time it was pushed: the SampleSet uses it to tell when the best was first found.

const INITIAL_BYTES = 1 << 20;

export class ReadBuffer {
  private data: Uint8Array;
  private count = 0;
  private times: Float64Array | null;

  constructor(readonly nVariables: number, expectedReads = 1, private readonly clock?: () => number) {
    if (!Number.isSafeInteger(nVariables) || nVariables < 0) {
      throw new RangeError(`nVariables must be a non-negative integer, got ${nVariables}`);
    }
    // Room for the expected reads up front, but at most ~1 MiB: time-limited runs ask for "unbounded"
    // reads and grow by doubling instead.
    const rows = Math.max(1, Math.min(expectedReads, Math.floor(INITIAL_BYTES / Math.max(1, nVariables))));
    this.data = new Uint8Array(Math.max(1, nVariables * rows));
    this.times = clock === undefined ? null : new Float64Array(rows);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Copies `x` (length nVariables, entries read as 0/1) in as the next read. `foundAt`, on the
   * buffer's clock, says when a solver first held this assignment if that was before the push (a
   * tabu walk's best, a replica's best); the read's time is the earlier of the two.
   */
  push(x: ArrayLike<number>, foundAt?: number): void {
    const n = this.nVariables;
    if (x.length !== n) throw new Error(`internal: read has ${x.length} entries, expected ${n}`);
    if ((this.count + 1) * n > this.data.length) {
      const grown = new Uint8Array(Math.max(this.data.length * 2, (this.count + 1) * n));
      grown.set(this.data);
      this.data = grown;
    }
    const base = this.count * n;
    for (let i = 0; i < n; i++) this.data[base + i] = x[i] ? 1 : 0;
    if (this.times !== null) {
      if (this.count >= this.times.length) {
        const grown = new Float64Array(this.times.length * 2);
        grown.set(this.times);
        this.times = grown;
      }
      const now = this.clock!();
      this.times[this.count] = foundAt !== undefined && foundAt < now ? foundAt : now;
    }
    this.count++;
  }

  /** The clock's reading when read k was pushed; null without a clock. */
  timeOf(k: number): number | null {
    if (!(k >= 0 && k < this.count)) throw new RangeError(`read index must be in [0, ${this.count}), got ${k}`);
    return this.times === null ? null : this.times[k]!;
  }

  /** A view of read k (valid until the next push). */
  read(k: number): Uint8Array {
    if (!(k >= 0 && k < this.count)) throw new RangeError(`read index must be in [0, ${this.count}), got ${k}`);
    return this.data.subarray(k * this.nVariables, (k + 1) * this.nVariables);
  }
}
