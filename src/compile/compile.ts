// Model → compiled binary model (QUBO / HUBO / Ising / LP all read the result).
//
//   Model ─1 layout bits──────► one block of bits per variable (its encoding)
//         ─2 objective────────► each objective term lowered to bits        (group "objective")
//         ─3 encodings────────► one-hot / domain-wall validity penalties   (one group per variable)
//         ─4 constraints──────► penalty + slack bits per instance           (one group per instance)
//         ─5 higher order─────► keep as HUBO | Rosenberg auxiliaries        (group "quadratisation")
//         ─6 slots────────────► union sparsity pattern, (slot, amount) per component
//         ─7 weights──────────► fixed weights, then `penalty auto` bounds (CompiledModel)
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import type { Model } from "../model/model.js";
import { nPolyTerms, polyDegree, type SparsePoly } from "../model/sparse-poly.js";
import { CompiledModel } from "./compiled-model.js";
import type { ComponentInfo, CompiledData, OneHotGroup, PenaltyGroup } from "./compiled-types.js";
import { layoutBits, lowerPoly } from "./lower.js";
import { negatePoly, penalise } from "./penalty.js";
import { quadratise } from "./quadratise.js";
import { buildSlotLayout, writeSlots } from "./slots.js";
import { validityPenalty } from "./validity.js";

export interface CompileOptions {
  /** Degree ≥ 3 terms: keep them (HUBO; `qubo()` then refuses) or quadratise. Default "keep". */
  readonly higherOrder?: "keep" | "quadratise";
}

/** Thrown when a model cannot be compiled; the reasons are diagnostics with source spans. */
export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
  }
}

/** Where a model built from TypeScript (no source text) is said to be. */
export const API_SPAN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 }, file: "<model>" };

export function compile(model: Model, options: CompileOptions = {}): CompiledModel {
  const higherOrder = options.higherOrder ?? "keep";
  if (higherOrder !== "keep" && higherOrder !== "quadratise") {
    throw new RangeError(`higherOrder must be "keep" or "quadratise", got ${String(higherOrder)}`);
  }
  const diagnostics: Diagnostic[] = [];
  const components: ComponentInfo[] = [];
  const polys: SparsePoly[] = [];
  const groups: PenaltyGroup[] = [];
  const oneHotGroups: OneHotGroup[] = [];
  const addComponent = (info: ComponentInfo, poly: SparsePoly) => {
    components.push(info);
    polys.push(poly);
  };

  // 1. layout
  const layout = layoutBits(model);
  const bitNames = layout.bitNames;
  const nModelBits = bitNames.length;

  // 2. objective
  groups.push({ name: "objective", family: "objective", kind: "objective", mode: "fixed", weight: model.sense === "minimize" ? 1 : -1, minViolation: undefined });
  for (const term of model.objective) {
    addComponent({ label: term.label, kind: "objective", span: term.span, group: 0 }, lowerPoly(term.poly, layout, nModelBits));
  }

  // 3. encodings
  const familySpans = new Map(model.families.map((f) => [f.name, f.span]));
  for (let v = 0; v < model.variables.length; v++) {
    const encoding = layout.encodings[v];
    if (encoding.validity === "none") continue;
    const variable = model.variables[v];
    const span = familySpans.get(variable.family);
    const group = groups.length;
    groups.push({ name: `${variable.name}.${encoding.validity}`, family: variable.family, kind: "encoding", mode: "auto", weight: 1, minViolation: 1 });
    addComponent(
      { label: `${encoding.validity} encoding of ${variable.name}`, kind: "encoding", span, group },
      validityPenalty(encoding, layout.firstBit[v]),
    );
    if (encoding.validity === "onehot") {
      const first = layout.firstBit[v];
      oneHotGroups.push({ name: `${variable.name}.onehot`, k: 1, bits: encoding.coefs.map((_, k) => first + k) });
    }
  }

  // 4. constraints (instances that always hold are reported once per family)
  const trivial = new Map<string, { names: string[]; span: Span }>();
  for (const constraint of model.constraints) {
    let g = lowerPoly(constraint.body, layout, nModelBits);
    if (constraint.op === ">=") g = negatePoly(g);
    const kind = constraint.op === "==" ? "equality" : "inequality";
    const parts = penalise(constraint, g, kind, bitNames.length);
    const span = constraint.span ?? API_SPAN;
    const soft = constraint.penalty.kind === "soft";
    if (parts.trivial) {
      const seen = trivial.get(constraint.family);
      if (seen) seen.names.push(constraint.name);
      else trivial.set(constraint.family, { names: [constraint.name], span });
    }
    if (parts.problem === "no-grid" && (kind === "inequality" || constraint.penalty.kind === "auto")) {
      diagnostics.push({
        severity: "error",
        code: kind === "inequality" ? "slack-no-grid" : "penalty-auto-no-grid",
        message:
          kind === "inequality"
            ? `constraint ${constraint.name}: slack needs coefficients that are multiples of a common step (e.g. integers or 0.25s); scale them, or use the unbalanced method`
            : `constraint ${constraint.name}: penalty auto needs coefficients that are multiples of a common step; give an explicit penalty`,
        span,
      });
    }
    const group = groups.length;
    groups.push({
      name: constraint.name,
      family: constraint.family,
      kind: soft ? "soft" : "hard",
      mode: constraint.penalty.kind === "auto" ? "auto" : "fixed",
      weight: constraint.penalty.kind === "auto" ? 1 : constraint.penalty.weight,
      minViolation: parts.minViolation,
    });
    addComponent({ label: `constraint ${constraint.name}`, kind: "constraint", span: constraint.span, group }, parts.main);
    if (parts.slackNames.length > 0) {
      bitNames.push(...parts.slackNames);
      addComponent({ label: `slack of constraint ${constraint.name}`, kind: "slack", span: constraint.span, group }, parts.slack);
    }
    const hot = kHot(model, constraint.body, layout.firstBit);
    if (constraint.op === "==" && hot) oneHotGroups.push({ name: constraint.name, ...hot });
  }

  for (const [family, { names, span }] of trivial) {
    const message =
      names.length === 1
        ? `constraint ${names[0]} holds for every assignment and adds no penalty`
        : `${names.length} instances of constraint ${family} (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}) hold for every assignment and add no penalty`;
    diagnostics.push({ severity: "warning", code: "constraint-always-satisfied", message, span });
  }

  // 5. higher order
  const auxiliaries: { bit: number; a: number; b: number }[] = [];
  let degree = 0;
  for (const p of polys) degree = Math.max(degree, polyDegree(p));
  if (degree > 2 && higherOrder === "quadratise") {
    const q = quadratise(polys, bitNames.length);
    for (let c = 0; c < q.polys.length; c++) polys[c] = q.polys[c];
    const group = groups.length;
    groups.push({ name: "quadratisation", family: "quadratisation", kind: "quadratisation", mode: "auto", weight: 1, minViolation: 1 });
    for (let k = 0; k < q.auxiliaries.length; k++) {
      const aux = q.auxiliaries[k];
      auxiliaries.push(aux);
      bitNames.push(`aux(${bitNames[aux.a]}*${bitNames[aux.b]})`);
      addComponent({ label: `quadratisation ${bitNames[aux.bit]}`, kind: "quadratisation", span: undefined, group }, q.penalties[k]);
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) throw new CompileError(diagnostics);

  // 6. slots
  const nBits = bitNames.length;
  const slotLayout = buildSlotLayout(polys, nBits);
  let total = 0;
  for (const p of polys) total += nPolyTerms(p);
  const compStart = new Int32Array(polys.length + 1);
  const compSlot = new Int32Array(total);
  const compAmount = new Float64Array(total);
  const constants = new Float64Array(polys.length);
  for (let c = 0; c < polys.length; c++) {
    compStart[c + 1] = writeSlots(polys[c], slotLayout, compSlot, compAmount, compStart[c]);
    constants[c] = polys[c].constant;
  }

  // 7. weights (CompiledModel derives the auto weights on construction)
  const data: CompiledData = {
    name: model.name,
    sense: model.sense,
    bitNames,
    nModelBits,
    slots: slotLayout,
    components,
    compStart,
    compSlot,
    compAmount,
    constants,
    groups,
    auxiliaries,
    oneHotGroups,
    decode: {
      variables: model.variables,
      families: model.families,
      encodings: layout.encodings,
      firstBit: layout.firstBit,
      objective: model.objective.map((t) => t.poly),
      constraints: model.constraints.map((c) => ({ name: c.name, family: c.family, op: c.op, body: c.body, soft: c.penalty.kind === "soft" })),
      lets: model.lets.map((l) => ({ name: l.name, poly: l.poly })),
    },
    diagnostics,
  };
  return new CompiledModel(data);
}

/** Σ_{v∈S} x_v = k over plain binaries (all coefficients equal): the XY mixer keeps these. */
function kHot(model: Model, body: SparsePoly, firstBit: Int32Array): { k: number; bits: number[] } | undefined {
  if (body.quadCoef.length > 0 || body.higher.length > 0 || body.linCoef.length < 2) return undefined;
  const a = body.linCoef[0];
  for (let k = 0; k < body.linCoef.length; k++) {
    if (body.linCoef[k] !== a || model.variables[body.linIdx[k]].domain.kind !== "binary") return undefined;
  }
  const k = -body.constant / a;
  if (!Number.isInteger(k) || k < 1 || k >= body.linCoef.length) return undefined;
  return { k, bits: Array.from(body.linIdx, (v) => firstBit[v]) };
}
