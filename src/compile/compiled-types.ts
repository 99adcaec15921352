// The data a compiled model holds. Everything is plain data (typed arrays, strings, numbers) so
// that it serialises to JSON and back without loss.
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import type { ConstraintOp, ObjectiveSense } from "../model/model.js";
import type { SparsePoly } from "../model/sparse-poly.js";
import type { ModelVariable, VariableFamily } from "../model/variables.js";
import type { DomainEncoding } from "./encoding.js";
import type { SlotLayout } from "./slots.js";

export type ComponentKind = "objective" | "constraint" | "slack" | "encoding" | "quadratisation";

/** One separately weighted, separately explained piece of the energy. */
export interface ComponentInfo {
  readonly label: string;
  readonly kind: ComponentKind;
  readonly span: Span | undefined;
  /** Index into `groups`: whose weight multiplies this component. */
  readonly group: number;
}

export type GroupKind = "objective" | "hard" | "soft" | "encoding" | "quadratisation";

/** A weight: the objective's sign, one per constraint instance, per encoded variable, … */
export interface PenaltyGroup {
  readonly name: string;
  /** Constraint family (`row` for `row[3]`), so weights can be set family-wide. */
  readonly family: string;
  readonly kind: GroupKind;
  mode: "auto" | "fixed";
  weight: number;
  /** Smallest penalty value at a violating point (undefined: unknown, no guarantee). */
  readonly minViolation: number | undefined;
}

/** Σ_{bits} x = k groups (one-hot for k = 1), for mixers that preserve them. */
export interface OneHotGroup {
  readonly name: string;
  readonly k: number;
  readonly bits: readonly number[];
}

export interface DecodeInfo {
  readonly variables: readonly ModelVariable[];
  readonly families: readonly VariableFamily[];
  readonly encodings: readonly DomainEncoding[];
  readonly firstBit: Int32Array;
  readonly objective: readonly SparsePoly[];
  readonly constraints: readonly {
    readonly name: string;
    readonly family: string;
    readonly op: ConstraintOp;
    readonly body: SparsePoly;
    readonly soft: boolean;
  }[];
  readonly lets: readonly { readonly name: string; readonly poly: SparsePoly }[];
}

export interface CompiledData {
  readonly name: string;
  readonly sense: ObjectiveSense;
  readonly bitNames: readonly string[];
  /** Bits [0, nModelBits) encode model variables; slack and auxiliary bits follow. */
  readonly nModelBits: number;
  readonly slots: SlotLayout;
  readonly components: readonly ComponentInfo[];
  /** Component c owns compSlot/compAmount[compStart[c] .. compStart[c+1]). */
  readonly compStart: Int32Array;
  readonly compSlot: Int32Array;
  readonly compAmount: Float64Array;
  readonly constants: Float64Array;
  readonly groups: PenaltyGroup[];
  readonly auxiliaries: readonly { readonly bit: number; readonly a: number; readonly b: number }[];
  readonly oneHotGroups: readonly OneHotGroup[];
  readonly decode: DecodeInfo;
  readonly diagnostics: readonly Diagnostic[];
}
