// Decision variables of a grounded model: flat scalars (`x[3]`, `t[1][2]`) grouped into the
// families the user declared, each with a domain. Integer variables carry their encoding choice;
// the encoding itself is applied by the compiler.
import type { Span } from "../lang/diagnostic.js";
import { Expr } from "./expr.js";

export type IntEncoding = "binary" | "unary" | "onehot" | "domainwall";
export const INT_ENCODINGS: readonly IntEncoding[] = ["binary", "unary", "onehot", "domainwall"];

export type Domain =
  | { readonly kind: "binary" }
  | { readonly kind: "spin" }
  | { readonly kind: "int"; readonly lo: number; readonly hi: number; readonly encoding: IntEncoding };

export interface ModelVariable {
  /** Flat name, e.g. `x[3]` or `t[1][2]`. */
  readonly name: string;
  readonly domain: Domain;
  readonly family: string;
  /** Position inside the family (empty for a scalar). */
  readonly index: readonly number[];
}

export interface VariableFamily {
  readonly name: string;
  readonly shape: readonly number[];
  readonly domain: Domain;
  /** Flat index of the family's first element; elements follow in row-major order. */
  readonly first: number;
  readonly span?: Span;
}

/** Handle to a declared variable family: `x.at(i, j)` is the expression for x[i][j]. */
export class VarArray {
  private readonly strides: number[];

  constructor(readonly family: VariableFamily) {
    this.strides = new Array<number>(family.shape.length);
    let stride = 1;
    for (let d = family.shape.length - 1; d >= 0; d--) {
      this.strides[d] = stride;
      stride *= family.shape[d];
    }
  }

  get name(): string {
    return this.family.name;
  }

  get shape(): readonly number[] {
    return this.family.shape;
  }

  get size(): number {
    return this.family.shape.reduce((a, b) => a * b, 1);
  }

  /** Flat model index of the element at `index` (row-major). */
  indexOf(...index: number[]): number {
    const shape = this.family.shape;
    if (index.length !== shape.length) {
      throw new RangeError(`${this.family.name} has ${shape.length} dimension(s) but was indexed with ${index.length}`);
    }
    let flat = this.family.first;
    for (let d = 0; d < index.length; d++) {
      const i = index[d];
      if (!Number.isInteger(i) || i < 0 || i >= shape[d]) {
        throw new RangeError(`index ${d} of ${this.family.name} must be an integer in 0..${shape[d] - 1}, got ${i}`);
      }
      flat += i * this.strides[d];
    }
    return flat;
  }

  at(...index: number[]): Expr {
    return Expr.variable(this.indexOf(...index));
  }

  /** Every element in row-major order. */
  all(): Expr[] {
    const out: Expr[] = [];
    for (let k = 0; k < this.size; k++) out.push(Expr.variable(this.family.first + k));
    return out;
  }
}

export function domainSize(domain: Domain): number {
  return domain.kind === "int" ? domain.hi - domain.lo + 1 : 2;
}

export function describeDomain(domain: Domain): string {
  switch (domain.kind) {
    case "binary":
    case "spin":
      return domain.kind;
    case "int":
      return `int[${domain.lo}..${domain.hi}] encoding ${domain.encoding}`;
    default:
      return assertNever(domain);
  }
}

export function assertNever(value: never): never {
  throw new Error(`internal: unexpected value ${JSON.stringify(value)}`);
}

/** `x[1][2]` from a family name and index. */
export function elementName(family: string, index: readonly number[]): string {
  let name = family;
  for (const i of index) name += `[${i}]`;
  return name;
}
