// Polynomial expressions over flat model variables: what the TypeScript modelling API builds and
// what the DSL grounder produces. An `Expr` is an *unreduced* sum of monomials (duplicates and
// repeated factors allowed); `normalize` later merges terms and applies x·x = x (binary) and
// s·s = 1 (spin). Keeping products eager and unmerged makes building 10⁶-term models cheap.
//
// Layout: terms of degree ≤ 2 live in one flat array, three numbers per term: (i, j, coef),
// with j = -1 for a linear term (a plain array for small expressions, a Float64Array for big
// sums). Terms of degree ≥ 3 keep their factor list.

/** A degree ≥ 3 monomial: factors (variable indices, repeats allowed) times a coefficient. */
export interface HigherTerm {
  readonly vars: readonly number[];
  readonly coef: number;
}

export type ExprLike = Expr | number;

/** Flat (i, j, coef) triples. */
export type TermArray = readonly number[] | Float64Array;

export class Expr {
  /** @internal use the helpers below; the arrays are never mutated once an Expr is shared. */
  constructor(
    readonly constant: number,
    readonly terms: TermArray,
    readonly higher: readonly HigherTerm[] = EMPTY_HIGHER,
  ) {}

  static constant(value: number): Expr {
    checkFinite(value, "a constant");
    return new Expr(value, EMPTY_TERMS);
  }

  static variable(index: number): Expr {
    return new Expr(0, [index, -1, 1]);
  }

  /** Number of stored monomials (before merging), excluding the constant. */
  get nTerms(): number {
    return this.terms.length / 3 + this.higher.length;
  }

  /** Upper bound on the degree (exact after normalisation). */
  get degree(): number {
    let degree = 0;
    for (let k = 1; k < this.terms.length; k += 3) degree = Math.max(degree, this.terms[k] < 0 ? 1 : 2);
    for (const term of this.higher) degree = Math.max(degree, term.vars.length);
    return degree;
  }

  plus(other: ExprLike): Expr {
    if (typeof other === "number") {
      checkFinite(other, "an added number");
      return new Expr(this.constant + other, this.terms, this.higher);
    }
    return new Expr(this.constant + other.constant, concat(this.terms, other.terms), concatHigher(this.higher, other.higher));
  }

  minus(other: ExprLike): Expr {
    return this.plus(typeof other === "number" ? -other : other.scale(-1));
  }

  neg(): Expr {
    return this.scale(-1);
  }

  scale(factor: number): Expr {
    checkFinite(factor, "a scale factor");
    if (factor === 1) return this;
    const terms = this.terms.slice() as number[] | Float64Array;
    for (let k = 2; k < terms.length; k += 3) terms[k] *= factor;
    const higher = this.higher.length === 0 ? EMPTY_HIGHER : this.higher.map((t) => ({ vars: t.vars, coef: t.coef * factor }));
    return new Expr(this.constant * factor, terms, higher);
  }

  times(other: ExprLike): Expr {
    if (typeof other === "number") return this.scale(other);
    if (other.terms.length === 0 && other.higher.length === 0) return this.scale(other.constant);
    if (this.terms.length === 0 && this.higher.length === 0) return other.scale(this.constant);
    // fast path: (a·xᵢ)(b·xⱼ), the bulk of quadratic models
    const at = this.terms;
    const bt = other.terms;
    if (at.length === 3 && bt.length === 3 && at[1] < 0 && bt[1] < 0 && this.constant === 0 && other.constant === 0 && this.higher.length === 0 && other.higher.length === 0) {
      return new Expr(0, [at[0], bt[0], at[2] * bt[2]]);
    }
    const acc = new ExprAccumulator();
    acc.addProduct(this, other, 1);
    return acc.toExpr();
  }

  /** Integer power k ≥ 0 by repeated multiplication. */
  pow(exponent: number): Expr {
    if (!Number.isInteger(exponent) || exponent < 0) {
      throw new RangeError(`exponent must be a non-negative integer, got ${exponent}`);
    }
    let result: Expr = Expr.constant(1);
    for (let k = 0; k < exponent; k++) result = result.times(this);
    return result;
  }
}

const EMPTY_TERMS: TermArray = new Float64Array(0);
const EMPTY_BUFFER = new Float64Array(0);
/** Term arrays at least this long (3 numbers per term) are referenced by an accumulator, not copied. */
const CHUNK_MIN = 3 * 1024;
const EMPTY_HIGHER: readonly HigherTerm[] = Object.freeze([]) as readonly HigherTerm[];

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

function concat(a: TermArray, b: TermArray): TermArray {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatHigher(a: readonly HigherTerm[], b: readonly HigherTerm[]): readonly HigherTerm[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return a.concat(b);
}

export function toExpr(value: ExprLike): Expr {
  return typeof value === "number" ? Expr.constant(value) : value;
}

/**
 * A mutable sum used while building large expressions (sums, products, grounding): appends in
 * place instead of copying, then hands out one immutable Expr.
 */
export class ExprAccumulator {
  constant = 0;
  private buffer: Float64Array = EMPTY_BUFFER;
  private length = 0;
  private higher: HigherTerm[] = [];
  /** Large added term arrays, referenced rather than copied (Exprs are immutable); the buffer
   *  holds the small ones. `toExpr` joins them once, so nested sums copy each term once per level
   *  instead of once per buffer doubling. */
  private chunks: TermArray[] = [];
  private chunkLength = 0;

  private reserve(extra: number): Float64Array {
    const need = this.length + extra;
    if (need > this.buffer.length) {
      const grown = new Float64Array(Math.max(need, 48, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    return this.buffer;
  }

  add(expr: ExprLike, factor = 1): void {
    if (typeof expr === "number") {
      this.constant += factor * expr;
      return;
    }
    this.constant += factor * expr.constant;
    const src = expr.terms;
    const n = src.length;
    if (factor === 1 && n >= CHUNK_MIN) {
      this.flushBuffer();
      this.chunks.push(src);
      this.chunkLength += n;
      for (const t of expr.higher) this.higher.push(t);
      return;
    }
    const dst = this.reserve(n);
    let at = this.length;
    if (factor === 1) {
      for (let k = 0; k < n; k++) dst[at++] = src[k];
    } else {
      for (let k = 0; k < n; k += 3) {
        dst[at++] = src[k];
        dst[at++] = src[k + 1];
        dst[at++] = factor * src[k + 2];
      }
    }
    this.length = at;
    for (const t of expr.higher) this.higher.push(factor === 1 ? t : { vars: t.vars, coef: factor * t.coef });
  }

  /** Adds coef·x_i (j < 0) or coef·x_i·x_j. */
  addTerm(i: number, j: number, coef: number): void {
    const dst = this.reserve(3);
    const at = this.length;
    dst[at] = i;
    dst[at + 1] = j;
    dst[at + 2] = coef;
    this.length = at + 3;
  }

  addHigher(vars: readonly number[], coef: number): void {
    if (vars.length <= 2) this.addTerm(vars[0], vars.length === 2 ? vars[1] : -1, coef);
    else this.higher.push({ vars, coef });
  }

  /** Adds factor · a · b, expanding the product term by term. */
  addProduct(a: Expr, b: Expr, factor: number): void {
    this.constant += factor * a.constant * b.constant;
    if (a.constant !== 0) this.add(stripConstant(b), factor * a.constant);
    if (b.constant !== 0) this.add(stripConstant(a), factor * b.constant);
    const at = a.terms;
    const bt = b.terms;
    for (let p = 0; p < at.length; p += 3) {
      const ai = at[p];
      const aj = at[p + 1];
      const ac = factor * at[p + 2];
      for (let r = 0; r < bt.length; r += 3) {
        const bi = bt[r];
        const bj = bt[r + 1];
        const c = ac * bt[r + 2];
        if (aj < 0 && bj < 0) this.addTerm(ai, bi, c);
        else this.higher.push({ vars: factorsOf(ai, aj, bi, bj), coef: c });
      }
      for (const t of b.higher) this.higher.push({ vars: aj < 0 ? [ai, ...t.vars] : [ai, aj, ...t.vars], coef: ac * t.coef });
    }
    for (const t of a.higher) {
      for (let r = 0; r < bt.length; r += 3) {
        const bj = bt[r + 1];
        const vars = bj < 0 ? [...t.vars, bt[r]] : [...t.vars, bt[r], bj];
        this.higher.push({ vars, coef: factor * t.coef * bt[r + 2] });
      }
      for (const u of b.higher) this.higher.push({ vars: [...t.vars, ...u.vars], coef: factor * t.coef * u.coef });
    }
  }

  /** Moves the small-term buffer into the chunk list, keeping term order. */
  private flushBuffer(): void {
    if (this.length === 0) return;
    this.chunks.push(this.buffer.subarray(0, this.length));
    this.chunkLength += this.length;
    this.buffer = EMPTY_BUFFER;
    this.length = 0;
  }

  toExpr(): Expr {
    let terms: TermArray;
    if (this.chunks.length === 0) {
      // a view, not a copy: at most half the buffer is spare capacity
      terms = this.length === 0 ? EMPTY_TERMS : this.buffer.subarray(0, this.length);
    } else {
      this.flushBuffer();
      if (this.chunks.length === 1) terms = this.chunks[0];
      else {
        const joined = new Float64Array(this.chunkLength);
        let at = 0;
        for (const chunk of this.chunks) {
          joined.set(chunk, at);
          at += chunk.length;
        }
        terms = joined;
      }
      this.chunks = [];
      this.chunkLength = 0;
    }
    const expr = new Expr(this.constant, terms, this.higher.length === 0 ? EMPTY_HIGHER : this.higher);
    this.constant = 0;
    this.buffer = EMPTY_BUFFER;
    this.length = 0;
    this.higher = [];
    return expr;
  }
}

function stripConstant(e: Expr): Expr {
  return e.constant === 0 ? e : new Expr(0, e.terms, e.higher);
}

function factorsOf(ai: number, aj: number, bi: number, bj: number): number[] {
  const vars = [ai];
  if (aj >= 0) vars.push(aj);
  vars.push(bi);
  if (bj >= 0) vars.push(bj);
  return vars;
}

/** Σ over the items of fn(item), accumulated in place. */
export function sum<T>(items: Iterable<T>, fn: (item: T) => ExprLike): Expr;
export function sum(items: Iterable<ExprLike>): Expr;
export function sum<T>(items: Iterable<T>, fn?: (item: T) => ExprLike): Expr {
  const acc = new ExprAccumulator();
  for (const item of items) acc.add(fn ? fn(item) : (item as unknown as ExprLike));
  return acc.toExpr();
}

/** The integers lo, lo+1, …, hi (inclusive, empty when hi < lo), as the DSL's `lo..hi`. */
export function* range(lo: number, hi: number): Generator<number> {
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) throw new RangeError(`range bounds must be integers, got ${lo}..${hi}`);
  for (let i = lo; i <= hi; i++) yield i;
}
