// Quadratisation by Rosenberg substitution (Rosenberg 1975; Boros & Hammer 2002, §4.4): a
// product of binaries a·b inside a degree ≥ 3 monomial is replaced by a new binary y, and
//   R(a, b, y) = a·b − 2a·y − 2b·y + 3y
// is added with a weight M. R = 0 exactly when y = a·b and R ≥ 1 otherwise (check the 8 cases),
// so with M above the range of everything else, every minimiser has y = a·b. The pair replaced
// first is the two smallest factors of each monomial; one auxiliary serves every monomial that
// contains the same pair.
import { ExprAccumulator } from "../model/expr.js";
import { normalize, type SparsePoly } from "../model/sparse-poly.js";
import { binaryReductions } from "./lower.js";

export interface Auxiliary {
  /** Index of the auxiliary bit y, standing for bits a·b. */
  readonly bit: number;
  readonly a: number;
  readonly b: number;
}

export interface Quadratised {
  readonly polys: SparsePoly[];
  readonly auxiliaries: Auxiliary[];
  /** R(a, b, y) per auxiliary, in the same order. */
  readonly penalties: SparsePoly[];
}

export function quadratise(polys: readonly SparsePoly[], firstFreeBit: number): Quadratised {
  const byPair = new Map<string, number>();
  const auxiliaries: Auxiliary[] = [];
  const auxOf = (a: number, b: number): number => {
    const key = `${a},${b}`;
    let bit = byPair.get(key);
    if (bit === undefined) {
      bit = firstFreeBit + auxiliaries.length;
      byPair.set(key, bit);
      auxiliaries.push({ bit, a, b });
    }
    return bit;
  };
  const out: SparsePoly[] = [];
  for (const p of polys) {
    if (p.higher.length === 0) {
      out.push(p);
      continue;
    }
    const acc = new ExprAccumulator();
    acc.add(p.constant);
    for (let k = 0; k < p.linCoef.length; k++) acc.addTerm(p.linIdx[k], -1, p.linCoef[k]);
    for (let k = 0; k < p.quadCoef.length; k++) acc.addTerm(p.quadI[k], p.quadJ[k], p.quadCoef[k]);
    for (const t of p.higher) {
      let vars = [...t.vars];
      while (vars.length > 2) {
        const y = auxOf(vars[0], vars[1]);
        vars = [...vars.slice(2), y].sort((u, v) => u - v);
      }
      acc.addHigher(vars, t.coef);
    }
    out.push(normalize(acc.toExpr(), binaryReductions(firstFreeBit + auxiliaries.length)));
  }
  const nBits = firstFreeBit + auxiliaries.length;
  const penalties = auxiliaries.map(({ bit, a, b }) => {
    const acc = new ExprAccumulator();
    acc.addTerm(a, b, 1);
    acc.addTerm(a, bit, -2);
    acc.addTerm(b, bit, -2);
    acc.addTerm(bit, -1, 3);
    return normalize(acc.toExpr(), binaryReductions(nBits));
  });
  return { polys: out, auxiliaries, penalties };
}
