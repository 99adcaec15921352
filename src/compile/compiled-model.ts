// A compiled model: components stored against one sparsity pattern, weights applied on demand.
// Penalty weights are parameters — `setPenalty` / `setPenaltyScale` only re-run the weighted sum
// (one multiply-add per stored contribution), never grounding or encoding.
import type { Diagnostic } from "../lang/diagnostic.js";
import type { Qubo } from "./qubo.js";
import type { CompiledData, OneHotGroup, PenaltyGroup } from "./compiled-types.js";
import { type DecodedSample, decodeSample } from "./decode.js";
import { type Explanation, explainSlot } from "./explain.js";
import { type Hubo, huboFromCoefficients } from "./hubo.js";
import { type Ising, quboToIsing } from "./ising.js";
import { type NativeLp, nativeLp } from "./native-lp.js";
import { autoWeights } from "./weights.js";
import { higherSlot, nSlots, pairRows, pairSlot } from "./slots.js";

export interface PenaltyInfo {
  readonly name: string;
  readonly family: string;
  readonly kind: PenaltyGroup["kind"];
  readonly mode: "auto" | "fixed";
  /** The weight in effect (auto weights resolved, scale applied). */
  readonly weight: number;
  readonly minViolation: number | undefined;
}

export class CompiledModel {
  private effective: Float64Array = new Float64Array(0);
  private assembled: { values: Float64Array; offset: number } | undefined;
  private scale = 1;

  constructor(readonly data: CompiledData) {
    this.refresh();
  }

  get name(): string {
    return this.data.name;
  }

  /** Names of all bits: model-variable encodings, then slack bits, then auxiliaries. */
  get variables(): readonly string[] {
    return this.data.bitNames;
  }

  get nBits(): number {
    return this.data.bitNames.length;
  }

  /** Highest degree of any non-zero coefficient (2 or less means a QUBO). */
  get degree(): number {
    const { values } = this.coefficients();
    const slots = this.data.slots;
    let degree = 0;
    for (let s = 0; s < values.length; s++) {
      if (values[s] === 0) continue;
      const d = s < slots.nBits ? 1 : s < slots.nBits + slots.pairCol.length ? 2 : slots.higher[s - slots.nBits - slots.pairCol.length].length;
      if (d > degree) degree = d;
    }
    return degree;
  }

  get nAuxiliaries(): number {
    return this.data.auxiliaries.length;
  }

  get nSlackBits(): number {
    return this.nBits - this.data.nModelBits - this.data.auxiliaries.length;
  }

  get oneHotGroups(): readonly OneHotGroup[] {
    return this.data.oneHotGroups;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.data.diagnostics;
  }

  penalties(): PenaltyInfo[] {
    return this.data.groups.map((g, k) => ({
      name: g.name,
      family: g.family,
      kind: g.kind,
      mode: g.mode,
      weight: this.effective[k],
      minViolation: g.minViolation,
    }));
  }

  /** Sets the weight of a constraint instance (`row[3]`), a whole family (`row`) or a soft weight. */
  setPenalty(name: string, weight: number | "auto"): void {
    if (weight !== "auto" && (!Number.isFinite(weight) || weight < 0)) {
      throw new RangeError(`penalty weight must be a non-negative finite number or "auto", got ${weight}`);
    }
    const matches = this.data.groups.filter(
      (g) => (g.kind === "hard" || g.kind === "soft" || g.kind === "encoding") && (g.name === name || g.family === name),
    );
    if (matches.length === 0) throw new RangeError(`no constraint or encoding named ${name}`);
    for (const g of matches) {
      if (weight === "auto") {
        if (g.kind === "soft") throw new RangeError(`soft constraint ${g.name} needs a numeric weight`);
        g.mode = "auto";
      } else {
        g.mode = "fixed";
        g.weight = weight;
      }
    }
    this.refresh();
  }

  /** Multiplies every hard and encoding weight (auto or fixed) by `scale`, e.g. for calibration. */
  setPenaltyScale(scale: number): void {
    if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`penalty scale must be a positive finite number, got ${scale}`);
    this.scale = scale;
    this.refresh();
  }

  get penaltyScale(): number {
    return this.scale;
  }

  /** Weighted coefficient of every slot, and the constant offset (cached until weights change). */
  coefficients(): { readonly values: Float64Array; readonly offset: number } {
    if (this.assembled) return this.assembled;
    const { compStart, compSlot, compAmount, constants, components } = this.data;
    const values = new Float64Array(nSlots(this.data.slots));
    let offset = 0;
    for (let c = 0; c < components.length; c++) {
      const w = this.effective[components[c].group];
      if (w === 0) continue;
      offset += w * constants[c];
      const end = compStart[c + 1];
      for (let k = compStart[c]; k < end; k++) values[compSlot[k]] += w * compAmount[k];
    }
    this.assembled = { values, offset };
    return this.assembled;
  }

  /** The QUBO to minimise (a maximisation objective enters negated). */
  qubo(): Qubo {
    const h = this.hubo();
    if (h.higher.length > 0) {
      throw new RangeError(
        `model ${this.name} has terms of degree ${this.degree}; compile with higherOrder: "quadratise" or use hubo()`,
      );
    }
    return { variables: h.variables, linear: h.linear, rows: h.rows, cols: h.cols, values: h.values, offset: h.offset };
  }

  hubo(): Hubo {
    const { values, offset } = this.coefficients();
    return huboFromCoefficients(this.data.bitNames, this.data.slots, pairRows(this.data.slots), values, offset);
  }

  ising(): Ising {
    return quboToIsing(this.qubo());
  }

  /** Energy (the minimised quantity) of a full assignment of all bits. */
  energy(bits: ArrayLike<number>): number {
    if (bits.length !== this.nBits) throw new RangeError(`assignment has ${bits.length} entries but the model has ${this.nBits} bits`);
    const { values, offset } = this.coefficients();
    const slots = this.data.slots;
    const n = slots.nBits;
    let energy = offset;
    for (let i = 0; i < n; i++) if (bits[i]) energy += values[i];
    const { rowStart, pairCol } = slots;
    for (let i = 0; i < n; i++) {
      if (!bits[i]) continue;
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) if (bits[pairCol[k]]) energy += values[n + k];
    }
    const base = n + pairCol.length;
    for (let h = 0; h < slots.higher.length; h++) {
      const vars = slots.higher[h];
      let on = true;
      for (let f = 0; f < vars.length && on; f++) on = bits[vars[f]] !== 0;
      if (on) energy += values[base + h];
    }
    return energy;
  }

  /** Why a coefficient has its value: every component that contributed, with spans and amounts. */
  explain(...bits: (number | string)[]): Explanation {
    const idx = bits.map((b) => this.bitIndex(b)).sort((a, b) => a - b);
    if (new Set(idx).size !== idx.length) throw new RangeError("explain needs distinct bits");
    let slot: number;
    if (idx.length === 1) slot = idx[0];
    else if (idx.length === 2) slot = pairSlot(this.data.slots, idx[0], idx[1]);
    else slot = higherSlot(this.data.slots, Int32Array.from(idx));
    return explainSlot(this.data, this.effective, slot, idx);
  }

  /**
   * The model's own MILP (constraints as rows, no penalties or slack bits) with the map from an LP
   * solution back to all bits; undefined when a constraint is soft (see native-lp.ts).
   */
  nativeLp(): NativeLp | undefined {
    return nativeLp(this.data);
  }

  decode(bits: ArrayLike<number>): DecodedSample {
    return decodeSample(this.data, bits, this.energy(bits));
  }

  private bitIndex(bit: number | string): number {
    if (typeof bit === "number") {
      if (!Number.isInteger(bit) || bit < 0 || bit >= this.nBits) throw new RangeError(`bit index must be an integer in [0, ${this.nBits}), got ${bit}`);
      return bit;
    }
    const index = this.data.bitNames.indexOf(bit);
    if (index < 0) throw new RangeError(`no bit named ${bit}`);
    return index;
  }

  private refresh(): void {
    this.effective = autoWeights(this.data, this.scale);
    this.assembled = undefined;
  }
}
