// Where a solver deposits its reads. Identical reads are merged as they arrive (a count and the first
// read's index per distinct assignment), so memory grows with the distinct assignments, not the
// reads: a run with `reads: Infinity` on a small problem pushes millions of reads into a few
// thousand rows. Distinct rows are 0/1 bytes in one growable typed array (amortised doubling). With
// a clock, each row also keeps the time its first read was pushed: the SampleSet uses it to tell when
// the best was first found.

const INITIAL_BYTES = 1 << 20;
/** Up to this many variables, an assignment's key is the number whose bit i is x_i (no string built). */
const NUMERIC_KEY_BITS = 32;

export class ReadBuffer {
  private data: Uint8Array;
  private counts: Float64Array;
  private firstReads: Float64Array;
  private times: Float64Array | null;
  private readonly rowOf = new Map<number | string, number>();
  private nRows = 0;
  private nReads = 0;
  private readonly words: number[];

  constructor(readonly nVariables: number, expectedReads = 1, private readonly clock?: () => number) {
    if (!Number.isSafeInteger(nVariables) || nVariables < 0) {
      throw new RangeError(`nVariables must be a non-negative integer, got ${nVariables}`);
    }
    // Room for the expected reads up front, but at most ~1 MiB: unbounded runs grow by doubling.
    const rows = Math.max(1, Math.min(expectedReads, Math.floor(INITIAL_BYTES / Math.max(1, nVariables))));
    this.data = new Uint8Array(Math.max(1, nVariables * rows));
    this.counts = new Float64Array(rows);
    this.firstReads = new Float64Array(rows);
    this.times = clock === undefined ? null : new Float64Array(rows);
    this.words = new Array<number>(Math.ceil(nVariables / 16)).fill(0);
  }

  /** Reads pushed (occurrences included). */
  get length(): number {
    return this.nReads;
  }

  /** Distinct assignments among the reads. */
  get distinct(): number {
    return this.nRows;
  }

  /**
   * Adds `x` (length nVariables, entries read as 0/1) as the next read. `foundAt`, on the buffer's
   * clock, says when a solver first held this assignment if that was before the push (a tabu walk's
   * best, a replica's best); a new row's time is the earlier of the two.
   */
  push(x: ArrayLike<number>, foundAt?: number): void {
    const n = this.nVariables;
    if (x.length !== n) throw new Error(`internal: read has ${x.length} entries, expected ${n}`);
    const key = this.keyOf(x);
    const seen = this.rowOf.get(key);
    this.nReads++;
    if (seen !== undefined) {
      this.counts[seen]++;
      return;
    }
    const row = this.nRows++;
    this.rowOf.set(key, row);
    this.reserve(row + 1);
    const base = row * n;
    for (let i = 0; i < n; i++) this.data[base + i] = x[i] ? 1 : 0;
    this.counts[row] = 1;
    this.firstReads[row] = this.nReads - 1;
    if (this.times !== null) {
      const now = this.clock!();
      this.times[row] = foundAt !== undefined && foundAt < now ? foundAt : now;
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

  private reserve(rows: number): void {
    if (rows <= this.counts.length) return;
    const capacity = Math.max(rows, this.counts.length * 2);
    const data = new Uint8Array(Math.max(1, capacity * this.nVariables));
    data.set(this.data);
    this.data = data;
    this.counts = grow(this.counts, capacity);
    this.firstReads = grow(this.firstReads, capacity);
    if (this.times !== null) this.times = grow(this.times, capacity);
  }
}

function grow(array: Float64Array, capacity: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}
