// Provenance: "why is Q[3,7] = 4.5?" — every component (objective term, constraint, slack,
// encoding, quadratisation) that put an amount into one coefficient, with its source span and
// weight. Amounts are weight × raw contribution and add up to the coefficient.
import type { Span } from "../lang/diagnostic.js";
import type { ComponentKind, CompiledData } from "./compiled-types.js";

export interface Contribution {
  readonly label: string;
  readonly kind: ComponentKind;
  readonly span: Span | undefined;
  /** The weight applied (objective sign, penalty weight). */
  readonly weight: number;
  /** The unweighted coefficient this component has on the term. */
  readonly raw: number;
  /** weight · raw: what it adds to the coefficient. */
  readonly amount: number;
}

export interface Explanation {
  /** The bits of the monomial (one: linear coefficient, two: a pair, more: HUBO term). */
  readonly bits: readonly number[];
  readonly names: readonly string[];
  readonly coefficient: number;
  readonly contributions: readonly Contribution[];
}

export function explainSlot(data: CompiledData, weights: Float64Array, slot: number, bits: readonly number[]): Explanation {
  const names = bits.map((b) => data.bitNames[b]);
  const contributions: Contribution[] = [];
  let coefficient = 0;
  if (slot >= 0) {
    const { compStart, compSlot, compAmount, components } = data;
    for (let c = 0; c < components.length; c++) {
      const end = compStart[c + 1];
      for (let k = compStart[c]; k < end; k++) {
        if (compSlot[k] !== slot) continue;
        const info = components[c];
        const weight = weights[info.group];
        const amount = weight * compAmount[k];
        coefficient += amount;
        contributions.push({ label: info.label, kind: info.kind, span: info.span, weight, raw: compAmount[k], amount });
      }
    }
  }
  return { bits, names, coefficient, contributions };
}

/** One line per contribution, e.g. `+4.5  constraint row[1]  (tsp.qp:9:3)`. */
export function formatExplanation(e: Explanation): string {
  const lines = [`${e.names.join(" * ")}: ${e.coefficient}`];
  for (const c of e.contributions) {
    const where = c.span ? `  (${c.span.file ?? "<source>"}:${c.span.start.line}:${c.span.start.column})` : "";
    lines.push(`  ${c.amount >= 0 ? "+" : ""}${c.amount}  ${c.label}  [weight ${c.weight} x ${c.raw}]${where}`);
  }
  return lines.join("\n");
}
