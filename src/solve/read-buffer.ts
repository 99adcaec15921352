// Where a solver deposits its reads. Identical reads are merged as they arrive (a count and the first
// read's index per distinct assignment), so memory grows with the distinct assignments, not the
// reads. Distinct rows are 0/1 bytes in one growable typed array (amortised doubling). With a clock,
// each row also keeps the time its first read was pushed, and with an evaluation counter the
// objective evaluations spent by then: the SampleSet uses them to tell when the best was first found.
//
// A run with `reads: Infinity` may still meet millions of distinct assignments (random sampling of
// 20 variables meets most of 2²⁰). With `keep` set, the buffer holds at most about 2·keep rows:
// when full it keeps the `keep` lowest-energy ones (ties: earliest read) and from then on drops any
// new assignment above the highest energy kept, counting what it dropped.

const INITIAL_BYTES = 1 << 20;

export interface KeepLowest {
  /** Distinct assignments to keep (the lowest energies). */
  readonly keep: number;
  /** E(x) of an assignment. */
  readonly energyOf: (x: ArrayLike<number>) => number;
}
/** Up to this many variables, an assignment's key is the number whose bit i is x_i (no string built). */
const NUMERIC_KEY_BITS = 32;

export class ReadBuffer {
  private data: Uint8Array;
  private counts: Float64Array;
  private firstReads: Float64Array;
  private times: Float64Array | null;
  private spentAt: Float64Array | null;
  private readonly rowOf = new Map<number | string, number>();
  private nRows = 0;
  private nReads = 0;
  private nDropped = 0;
  private energies: Float64Array | null;
  /** Highest energy kept after the first compaction; Infinity before. */
  private cutoff = Infinity;
  private readonly words: number[];

  constructor(
    readonly nVariables: number,
    expectedReads = 1,
    private readonly clock?: () => number,
    private readonly bound?: KeepLowest,
    /** The solver's evaluation count so far (a counting solver spends before it pushes). */
    private readonly evaluationsSpent?: () => number,
  ) {
    if (bound !== undefined && !(Number.isSafeInteger(bound.keep) && bound.keep >= 1)) throw new RangeError(`keep must be a positive integer, got ${bound.keep}`);
    if (!Number.isSafeInteger(nVariables) || nVariables < 0) {
      throw new RangeError(`nVariables must be a non-negative integer, got ${nVariables}`);
    }
    // Room for the expected reads up front, but at most ~1 MiB: unbounded runs grow by doubling.
    const rows = Math.max(1, Math.min(expectedReads, Math.floor(INITIAL_BYTES / Math.max(1, nVariables))));
    this.data = new Uint8Array(Math.max(1, nVariables * rows));
    this.counts = new Float64Array(rows);
    this.firstReads = new Float64Array(rows);
    this.times = clock === undefined ? null : new Float64Array(rows);
    this.spentAt = evaluationsSpent === undefined ? null : new Float64Array(rows);
    this.energies = bound === undefined ? null : new Float64Array(rows);
    this.words = new Array<number>(Math.ceil(nVariables / 16)).fill(0);
  }

  /** Reads pushed (occurrences included). */
  get length(): number {
    return this.nReads;
  }

  /** Distinct assignments held (fewer than among the reads once a bounded buffer dropped some). */
  get distinct(): number {
    return this.nRows;
  }

  /** Reads whose assignment a bounded buffer did not keep (their energy was above every kept one). */
  get dropped(): number {
    return this.nDropped;
  }

  /**
   * Adds `x` (length nVariables, entries read as 0/1) as the next read. `foundAt`, on the buffer's
   * clock, says when a solver first held this assignment if that was before the push (a tabu walk's
   * best, a replica's best); a new row's time is the earlier of the two. `evaluationsAt` is the
   * objective evaluations the solver had spent when it first held `x` (a walk's best, a shot's own
   * index), for solvers that spend after pushing too; without it, the count at the push.
   */
  push(x: ArrayLike<number>, foundAt?: number, evaluationsAt?: number): void {
    const n = this.nVariables;
    if (x.length !== n) throw new Error(`internal: read has ${x.length} entries, expected ${n}`);
    const key = this.keyOf(x);
    const seen = this.rowOf.get(key);
    this.nReads++;
    if (seen !== undefined) {
      this.counts[seen]++;
      return;
    }
    let energy = 0;
    if (this.bound !== undefined) {
      energy = this.bound.energyOf(x);
      if (energy > this.cutoff) {
        this.nDropped++;
        return;
      }
      if (this.nRows >= 2 * this.bound.keep) this.compact();
    }
    const row = this.nRows++;
    this.rowOf.set(key, row);
    this.reserve(row + 1);
    if (this.energies !== null) this.energies[row] = energy;
    const base = row * n;
    for (let i = 0; i < n; i++) this.data[base + i] = x[i] ? 1 : 0;
    this.counts[row] = 1;
    this.firstReads[row] = this.nReads - 1;
    if (this.times !== null) {
      const now = this.clock!();
      this.times[row] = foundAt !== undefined && foundAt < now ? foundAt : now;
    }
    if (this.spentAt !== null) {
      this.spentAt[row] = evaluationsAt ?? this.evaluationsSpent!();
    }
  }

  /** A view of distinct assignment `row` (valid until the next push). */
  row(row: number): Uint8Array {
    this.checkRow(row);
    return this.data.subarray(row * this.nVariables, (row + 1) * this.nVariables);
  }

  /** How many reads returned assignment `row`. */
  occurrences(row: number): number {
    this.checkRow(row);
    return this.counts[row]!;
  }

  /** The index (0-based, in push order) of the first read that returned assignment `row`. */
  firstRead(row: number): number {
    this.checkRow(row);
    return this.firstReads[row]!;
  }

  /** The clock's reading when assignment `row` was first pushed; null without a clock. */
  timeOf(row: number): number | null {
    this.checkRow(row);
    return this.times === null ? null : this.times[row]!;
  }

  /** Objective evaluations spent when assignment `row` was first held; null without a counter. */
  evaluationsOf(row: number): number | null {
    this.checkRow(row);
    return this.spentAt === null ? null : this.spentAt[row]!;
  }

  private checkRow(row: number): void {
    if (!(row >= 0 && row < this.nRows)) throw new RangeError(`row index must be in [0, ${this.nRows}), got ${row}`);
  }

  private keyOf(x: ArrayLike<number>): number | string {
    const n = this.nVariables;
    if (n <= NUMERIC_KEY_BITS) {
      let key = 0;
      for (let i = n - 1; i >= 0; i--) key = key * 2 + (x[i] ? 1 : 0);
      return key;
    }
    // 16 variables per UTF-16 code unit: a short string, built without per-bit concatenation.
    const words = this.words;
    words.fill(0);
    for (let i = 0; i < n; i++) if (x[i]) words[i >>> 4]! |= 1 << (i & 15);
    return String.fromCharCode(...words);
  }

  /** Keeps the `keep` lowest-energy rows (ties: earliest first read), in their first-read order. */
  private compact(): void {
    const { keep } = this.bound!;
    const energies = this.energies!;
    const order = Array.from({ length: this.nRows }, (_, r) => r);
    order.sort((a, b) => energies[a]! - energies[b]! || this.firstReads[a]! - this.firstReads[b]!);
    const kept = order.slice(0, keep).sort((a, b) => a - b);
    for (let k = keep; k < order.length; k++) this.nDropped += this.counts[order[k]!]!;
    this.cutoff = energies[order[keep - 1]!]!;
    const n = this.nVariables;
    this.rowOf.clear();
    kept.forEach((from, to) => {
      this.data.copyWithin(to * n, from * n, (from + 1) * n);
      this.counts[to] = this.counts[from]!;
      this.firstReads[to] = this.firstReads[from]!;
      energies[to] = energies[from]!;
      if (this.times !== null) this.times[to] = this.times[from]!;
      if (this.spentAt !== null) this.spentAt[to] = this.spentAt[from]!;
      this.rowOf.set(this.keyOf(this.data.subarray(to * n, (to + 1) * n)), to);
    });
    this.nRows = kept.length;
  }

  private reserve(rows: number): void {
    if (rows <= this.counts.length) return;
    const capacity = Math.max(rows, this.counts.length * 2);
    const data = new Uint8Array(Math.max(1, capacity * this.nVariables));
    data.set(this.data);
    this.data = data;
    this.counts = grow(this.counts, capacity);
    this.firstReads = grow(this.firstReads, capacity);
    if (this.times !== null) this.times = grow(this.times, capacity);
    if (this.spentAt !== null) this.spentAt = grow(this.spentAt, capacity);
    if (this.energies !== null) this.energies = grow(this.energies, capacity);
  }
}

function grow(array: Float64Array, capacity: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}
