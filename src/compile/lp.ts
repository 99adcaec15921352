// A model as a mixed-integer linear program in CPLEX LP text (read by HiGHS, CPLEX, Gurobi, SCIP).
//
// Native where LP allows it: binaries are `Binary` columns, int[lo..hi] are `General` columns with
// bounds, linear constraints are rows, and the objective keeps its own sense. A spin s is the
// column b with s = 1 − 2b. Products of variables are linearised exactly (Fortet 1960; Glover &
// Woolsey 1974): every variable in a product is written over 0/1 columns (integers through their
// binary encoding, tied to the integer column by an equality row), and each product of distinct
// 0/1 columns x₁…x_d becomes a column y ∈ [0, 1] with
//   y ≤ xₖ (each k),   y ≥ Σₖ xₖ − (d − 1),
// which force y = x₁⋯x_d at every feasible point. An objective-only LP (a raw QUBO) writes only the
// side its minimisation presses against — y ≤ xₖ for a negative coefficient, y ≥ Σₖ xₖ − (d − 1) for a
// positive one — which still gives y = x₁⋯x_d at every optimum with half the rows. Soft constraints `soft W` add W·v with a
// non-negative violation column v (W·|violation|, exactly as the language says — the QUBO form
// must use W·violation² instead). The objective's constant is not written; `offset` carries it.
import type { ModelConstraint, ObjectiveSense } from "../model/model.js";
import { normalize, type SparsePoly } from "../model/sparse-poly.js";
import type { ModelVariable } from "../model/variables.js";
import { ExprAccumulator } from "../model/expr.js";
import { binaryReductions } from "./lower.js";
import { binaryWeights } from "./encoding.js";
import type { Qubo } from "./qubo.js";

export interface LpModel {
  readonly text: string;
  /** Objective constant left out of the text: true objective = LP objective + offset. */
  readonly offset: number;
  /** LP column name of each model variable (spins: the 0/1 column b with s = 1 − 2b). */
  readonly columns: readonly string[];
}

/** What the LP is written from: a Model, or a compiled model's record of one (see native-lp.ts). */
export interface LpSource {
  readonly sense: ObjectiveSense;
  readonly variables: readonly ModelVariable[];
  readonly objective: readonly { readonly poly: SparsePoly }[];
  readonly constraints: readonly Pick<ModelConstraint, "name" | "body" | "op" | "penalty">[];
}

/** Linear row over columns: Σ coef·column. */
type Row = Map<string, number>;

export function modelToLp(model: LpSource): LpModel {
  return new LpWriter(model).write();
}

/** A raw QUBO (minimise) as an LP: binaries x.0 … x.(n−1), couplings linearised. */
export function quboToLp(qubo: Qubo): LpModel {
  const n = qubo.linear.length;
  const acc = new ExprAccumulator();
  acc.add(qubo.offset);
  for (let i = 0; i < n; i++) if (qubo.linear[i] !== 0) acc.addTerm(i, -1, qubo.linear[i]);
  for (let k = 0; k < qubo.values.length; k++) acc.addTerm(qubo.rows[k], qubo.cols[k], qubo.values[k]);
  const writer = new LpWriter(undefined, n);
  return writer.writeObjectiveOnly(normalize(acc.toExpr(), binaryReductions(n)));
}

class LpWriter {
  private readonly columns: string[] = [];
  private readonly bitColumns = new Map<number, string[]>();
  private readonly productColumns = new Map<string, { name: string; le: boolean; ge: boolean }>();
  /** Only the objective is written (minimised), so each product needs one side (file comment). */
  private objectiveOnly = false;
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly binaries: string[] = [];
  private readonly generals: string[] = [];
  private readonly continuous: string[] = [];
  private nRows = 0;

  constructor(
    private readonly model: LpSource | undefined,
    nPlainBinaries = 0,
  ) {
    if (model) {
      for (const v of model.variables) this.columns.push(columnName(v));
      model.variables.forEach((v, i) => this.declareVariable(v, this.columns[i]));
    } else {
      for (let i = 0; i < nPlainBinaries; i++) {
        this.columns.push(`x.${i}`);
        this.binaries.push(`x.${i}`);
      }
    }
  }

  write(): LpModel {
    const model = this.model!;
    const objective: Row = new Map();
    let offset = 0;
    for (const term of model.objective) offset += this.addPoly(objective, term.poly, 1);
    for (const c of model.constraints) {
      const row: Row = new Map();
      const constant = this.addPoly(row, c.body, 1);
      const name = rowName(c.name);
      if (c.penalty.kind === "soft") {
        // body + constant (op) 0, relaxed by violation columns charged W each in the objective
        const w = model.sense === "minimize" ? c.penalty.weight : -c.penalty.weight;
        if (c.op !== ">=") this.addViolation(row, objective, `${name}.over`, -1, w);
        if (c.op !== "<=") this.addViolation(row, objective, `${name}.under`, 1, w);
      }
      this.pushRow(name, row, c.op, -constant);
    }
    return this.finish(model.sense === "minimize" ? "Minimize" : "Maximize", objective, offset);
  }

  writeObjectiveOnly(poly: SparsePoly): LpModel {
    this.objectiveOnly = true;
    const objective: Row = new Map();
    const offset = this.addPoly(objective, poly, 1);
    return this.finish("Minimize", objective, offset);
  }

  private finish(sense: string, objective: Row, offset: number): LpModel {
    const lines = [sense, ` obj: ${formatRow(objective, this.columns[0] ?? this.continuous[0])}`];
    if (this.rows.length > 0) lines.push("Subject To", ...this.rows);
    if (this.bounds.length > 0) lines.push("Bounds", ...this.bounds);
    if (this.binaries.length > 0) lines.push("Binary", ...wrap(this.binaries));
    if (this.generals.length > 0) lines.push("General", ...wrap(this.generals));
    lines.push("End", "");
    return { text: lines.join("\n"), offset, columns: this.columns };
  }

  private declareVariable(v: ModelVariable, column: string): void {
    const d = v.domain;
    if (d.kind === "binary" || d.kind === "spin") {
      this.binaries.push(column);
      return;
    }
    this.bounds.push(` ${d.lo} <= ${column} <= ${d.hi}`);
    this.generals.push(column);
  }

  /** Adds factor·poly (model-variable indices) to `row`; returns the constant part. */
  private addPoly(row: Row, poly: SparsePoly, factor: number): number {
    let constant = factor * poly.constant;
    for (let k = 0; k < poly.linCoef.length; k++) constant += this.addLinear(row, poly.linIdx[k], factor * poly.linCoef[k]);
    for (let k = 0; k < poly.quadCoef.length; k++) constant += this.addProduct(row, [poly.quadI[k], poly.quadJ[k]], factor * poly.quadCoef[k]);
    for (const t of poly.higher) constant += this.addProduct(row, [...t.vars], factor * t.coef);
    return constant;
  }

  private addLinear(row: Row, v: number, coef: number): number {
    if (this.model?.variables[v].domain.kind === "spin") {
      add(row, this.columns[v], -2 * coef); // s = 1 − 2b
      return coef;
    }
    add(row, this.columns[v], coef);
    return 0;
  }

  /** coef·Π vars, expanded over 0/1 columns; products of ≥ 2 distinct columns linearised. */
  private addProduct(row: Row, vars: number[], coef: number): number {
    // each factor as affine over 0/1 columns: offset + Σ w·column
    let terms: { columns: string[]; coef: number }[] = [{ columns: [], coef }];
    for (const v of vars) {
      const { offset, parts } = this.affine(v);
      const next: { columns: string[]; coef: number }[] = [];
      for (const t of terms) {
        if (offset !== 0) next.push({ columns: t.columns, coef: t.coef * offset });
        for (const [column, w] of parts) next.push({ columns: [...t.columns, column], coef: t.coef * w });
      }
      terms = next;
    }
    let constant = 0;
    for (const t of terms) {
      const distinct = [...new Set(t.columns)].sort();
      if (distinct.length === 0) constant += t.coef;
      else if (distinct.length === 1) add(row, distinct[0], t.coef);
      else add(row, this.product(distinct, t.coef), t.coef);
    }
    return constant;
  }

  private affine(v: number): { offset: number; parts: [string, number][] } {
    const d = this.model ? this.model.variables[v].domain : ({ kind: "binary" } as const);
    const column = this.columns[v];
    if (d.kind === "binary") return { offset: 0, parts: [[column, 1]] };
    if (d.kind === "spin") return { offset: 1, parts: [[column, -2]] };
    let bits = this.bitColumns.get(v);
    const weights = binaryWeights(d.hi - d.lo);
    if (!bits) {
      bits = weights.map((_, k) => `${column}.bit${k}`);
      this.bitColumns.set(v, bits);
      this.binaries.push(...bits);
      const link: Row = new Map([[column, 1]]);
      bits.forEach((b, k) => add(link, b, -weights[k]));
      this.pushRow(`${column}.bits`, link, "==", d.lo);
    }
    return { offset: d.lo, parts: bits.map((b, k) => [b, weights[k]] as [string, number]) };
  }

  private product(columns: string[], coef: number): string {
    const key = columns.join("*");
    let product = this.productColumns.get(key);
    if (!product) {
      product = { name: `prod.${this.productColumns.size}`, le: false, ge: false };
      this.productColumns.set(key, product);
      this.bounds.push(` 0 <= ${product.name} <= 1`);
      this.continuous.push(product.name);
    }
    const name = product.name;
    if (!product.le && (!this.objectiveOnly || coef < 0)) {
      product.le = true;
      for (const c of columns) this.pushRow(`${name}.le.${c}`, new Map([[name, 1], [c, -1]]), "<=", 0);
    }
    if (!product.ge && (!this.objectiveOnly || coef > 0)) {
      product.ge = true;
      const ge: Row = new Map([[name, 1]]);
      for (const c of columns) add(ge, c, -1);
      this.pushRow(`${name}.ge`, ge, ">=", -(columns.length - 1));
    }
    return name;
  }

  private addViolation(row: Row, objective: Row, name: string, sign: number, weight: number): void {
    add(row, name, sign);
    add(objective, name, weight);
    this.bounds.push(` ${name} >= 0`);
    this.continuous.push(name);
  }

  private pushRow(name: string, row: Row, op: "==" | "<=" | ">=", rhs: number): void {
    this.nRows++;
    const sense = op === "==" ? "=" : op;
    this.rows.push(` ${name}: ${formatRow(row, undefined)} ${sense} ${formatNumber(rhs)}`);
  }
}

function add(row: Row, column: string, coef: number): void {
  if (coef === 0) return;
  const value = (row.get(column) ?? 0) + coef;
  if (value === 0) row.delete(column);
  else row.set(column, value);
}

function formatRow(row: Row, fallback: string | undefined): string {
  const parts: string[] = [];
  for (const [column, coef] of row) {
    const sign = coef < 0 ? "-" : "+";
    parts.push(`${parts.length === 0 ? (coef < 0 ? "-" : "") : sign + " "}${formatNumber(Math.abs(coef))} ${column}`);
  }
  if (parts.length === 0) return fallback ? `0 ${fallback}` : "0";
  return parts.join(" ");
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal: non-finite LP coefficient ${value}`);
  return String(value);
}

/** `x[1][2]` → `x.1.2`: LP names allow neither brackets nor a leading digit; identifiers have no dots. */
function columnName(v: ModelVariable): string {
  return [v.family, ...v.index].join(".");
}

function rowName(name: string): string {
  return name.replace(/\[(\d+)\]/g, ".$1").replace(/[^A-Za-z0-9_.]/g, "_");
}

function wrap(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let k = 0; k < names.length; k += 20) lines.push(` ${names.slice(k, k + 20).join(" ")}`);
  return lines;
}
