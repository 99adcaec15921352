// Constraints → penalty polynomials over binaries (body g = lhs − rhs, lowered).
//
//   g == 0            P·g²
//   g <= 0, slack     P·(g + q·Σ wₖsₖ)², slack levels 0..U/q with U = −min g (the fewest bits
//                     that cover the body's range; weights from binaryWeights, so no slack value
//                     above U exists); q = the coefficients' common grid
//   g <= 0, unbal.    P·(λ₁·g + λ₂·g²)   (Montañez-Barrera et al. 2022: −λ₁h + λ₂h² with h = −g;
//                     no slack bits, no feasibility guarantee)
//   g >= 0            as −g <= 0
//
// For slack and equality penalties `minViolation` is q²: the smallest value the penalty takes at
// an infeasible point (see docs/compiler.md, "penalty auto").
import type { ModelConstraint } from "../model/model.js";
import type { SparsePoly } from "../model/sparse-poly.js";
import { binaryWeights } from "./encoding.js";
import { commonGrid } from "./grid.js";
import { combinePolys, splitAt, squarePoly } from "./square.js";

export interface PenaltyParts {
  /** Terms over the model's own bits. */
  readonly main: SparsePoly;
  /** Terms that involve this constraint's slack bits (empty without slack). */
  readonly slack: SparsePoly;
  readonly slackNames: readonly string[];
  /** Smallest penalty value at an infeasible point, when it is known (undefined: no guarantee). */
  readonly minViolation: number | undefined;
  /** Why no penalty is needed (always satisfied), if so. */
  readonly trivial?: "always-satisfied";
  /** Grid problems that make slack or `penalty auto` impossible. */
  readonly problem?: "no-grid";
}

/** `body` is the lowered g with op applied: equality g == 0 or inequality g <= 0. */
export function penalise(
  constraint: ModelConstraint,
  g: SparsePoly,
  kind: "equality" | "inequality",
  firstFreeBit: number,
): PenaltyParts {
  const empty = emptyPoly();
  const q = commonGrid(coefficientsOf(g));
  if (kind === "equality") {
    if (isConstant(g) && g.constant === 0) return { main: empty, slack: empty, slackNames: [], minViolation: undefined, trivial: "always-satisfied" };
    const nBits = maxBit(g) + 1;
    return {
      main: squarePoly(g, nBits),
      slack: empty,
      slackNames: [],
      minViolation: q === undefined ? undefined : q * q,
      ...(q === undefined ? { problem: "no-grid" as const } : {}),
    };
  }
  if (g.quadCoef.length > 0 || g.higher.length > 0) throw new Error(`internal: inequality ${constraint.name} is not linear`);
  let gMax = g.constant;
  for (let k = 0; k < g.linCoef.length; k++) gMax += Math.max(0, g.linCoef[k]);
  if (gMax <= 0) return { main: empty, slack: empty, slackNames: [], minViolation: undefined, trivial: "always-satisfied" };
  const method = constraint.method;
  if (method.kind === "unbalanced") {
    const nBits = maxBit(g) + 1;
    return { main: combinePolys(method.lambda1, g, method.lambda2, squarePoly(g, nBits), nBits), slack: empty, slackNames: [], minViolation: undefined };
  }
  const slackCode = inequalitySlack(g);
  if (slackCode === undefined) {
    const nBits = maxBit(g) + 1;
    return { main: squarePoly(g, nBits), slack: empty, slackNames: [], minViolation: undefined, problem: "no-grid" };
  }
  const { weights } = slackCode;
  const idx = new Int32Array(g.linIdx.length + weights.length);
  const coef = new Float64Array(idx.length);
  idx.set(g.linIdx);
  coef.set(g.linCoef);
  for (let k = 0; k < weights.length; k++) {
    idx[g.linIdx.length + k] = firstFreeBit + k;
    coef[g.linIdx.length + k] = slackCode.q * weights[k];
  }
  const withSlack: SparsePoly = { ...g, linIdx: idx, linCoef: coef };
  const squared = squarePoly(withSlack, firstFreeBit + weights.length);
  const { below, above } = splitAt(squared, firstFreeBit);
  return {
    main: below,
    slack: above,
    slackNames: weights.map((_, k) => `${constraint.name}.slack.bit${k}`),
    minViolation: slackCode.q * slackCode.q,
  };
}

/**
 * The slack of a linear inequality g ≤ 0 (lowered): levels 0..U/q with U = −min g and q the
 * coefficients' common grid, written with binaryWeights; undefined without a grid.
 */
export function inequalitySlack(g: SparsePoly): { readonly q: number; readonly levels: number; readonly weights: readonly number[] } | undefined {
  const q = commonGrid(coefficientsOf(g));
  if (q === undefined) return undefined;
  let gMin = g.constant;
  for (let k = 0; k < g.linCoef.length; k++) gMin += Math.min(0, g.linCoef[k]);
  const levels = Math.max(0, Math.round(-gMin / q));
  return { q, levels, weights: binaryWeights(levels) };
}

function coefficientsOf(p: SparsePoly): number[] {
  const values = [p.constant, ...p.linCoef, ...p.quadCoef];
  for (const t of p.higher) values.push(t.coef);
  return values;
}

function isConstant(p: SparsePoly): boolean {
  return p.linCoef.length === 0 && p.quadCoef.length === 0 && p.higher.length === 0;
}

function maxBit(p: SparsePoly): number {
  let max = -1;
  for (let k = 0; k < p.linIdx.length; k++) max = Math.max(max, p.linIdx[k]);
  for (let k = 0; k < p.quadJ.length; k++) max = Math.max(max, p.quadJ[k]);
  for (const t of p.higher) max = Math.max(max, t.vars[t.vars.length - 1]);
  return max;
}

export function emptyPoly(): SparsePoly {
  return {
    constant: 0,
    linIdx: new Int32Array(0),
    linCoef: new Float64Array(0),
    quadI: new Int32Array(0),
    quadJ: new Int32Array(0),
    quadCoef: new Float64Array(0),
    higher: [],
  };
}

export function negatePoly(p: SparsePoly): SparsePoly {
  return {
    constant: -p.constant,
    linIdx: p.linIdx,
    linCoef: p.linCoef.map((c) => -c),
    quadI: p.quadI,
    quadJ: p.quadJ,
    quadCoef: p.quadCoef.map((c) => -c),
    higher: p.higher.map((t) => ({ vars: t.vars, coef: -t.coef })),
  };
}
