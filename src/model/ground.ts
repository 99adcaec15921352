// Grounding: a checked problem declaration + bound parameter values → a Model (the same object
// the TypeScript modelling API builds).
//
//   1. vars        dimensions and integer bounds evaluated over params → variable families
//   2. lets        param-only lets become values in scope; lets over variables become polynomials
//   3. objective   split at its top-level + and −, each term one provenance component
//   4. constraints indexed families expanded binder by binder (ranges, tuples, `where`)
//
// Expressions are added straight into an accumulator with a running factor: sums, `if` over
// params, scalings and products of variables never build intermediate expressions, so a 10⁶-term
// objective grounds without per-term allocation.
import type { ConstraintDecl, Expr as AstExpr, ProblemDecl, VarDecl } from "../lang/ast.js";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import { EvaluationError } from "./bind-eval.js";
import type { ParamValue } from "./bind-types.js";
import { type Expr, ExprAccumulator } from "./expr.js";
import { GroundError, GroundScope } from "./ground-scope.js";
import { Model, type ObjectiveInput } from "./model.js";
import { type VarArray } from "./variables.js";

export interface GroundOptions {
  /** Inequality handling per constraint family (default slack). */
  readonly methods?: Readonly<Record<string, "slack" | "unbalanced">>;
  /** Refuse to expand more than this many sum iterations (default 10⁸). */
  readonly maxSteps?: number;
}

export interface GroundResult {
  /** Undefined when grounding failed; the diagnostics say where. */
  readonly model: Model | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function ground(problem: ProblemDecl, values: ReadonlyMap<string, ParamValue>, options: GroundOptions = {}): GroundResult {
  const grounder = new Grounder(problem, values, options);
  return grounder.run();
}

class Grounder {
  private readonly model: Model;
  private readonly scope: GroundScope;
  private readonly vars = new Map<string, VarArray>();
  private readonly letExprs = new Map<string, Expr>();
  private readonly hasVarCache = new Map<AstExpr, boolean>();
  private readonly factors: number[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly problem: ProblemDecl,
    values: ReadonlyMap<string, ParamValue>,
    private readonly options: GroundOptions,
  ) {
    this.model = new Model(problem.name.name);
    this.scope = new GroundScope(new Map(values), options.maxSteps ?? 1e8, problem.span);
  }

  run(): GroundResult {
    for (const member of this.problem.members) {
      try {
        switch (member.kind) {
          case "param":
            break;
          case "var":
            this.declareVar(member);
            break;
          case "let":
            if (this.hasVar(member.value)) {
              const expr = this.toExpr(member.value);
              this.letExprs.set(member.name.name, expr);
              this.model.let(member.name.name, expr, member.span);
            } else {
              const value = this.scope.value(member.value);
              this.scope.setParam(member.name.name, value);
              if (typeof value === "number") this.model.let(member.name.name, value, member.span);
            }
            break;
          case "objective": {
            const parts: ObjectiveInput[] = this.objectiveTerms(member.expr, 1).map(({ node, sign }, k, all) => ({
              expr: this.toExpr(node, sign),
              label: all.length === 1 ? "objective" : `objective term ${k + 1}`,
              span: node.span,
            }));
            if (member.sense === "minimize") this.model.minimize(parts);
            else this.model.maximize(parts);
            break;
          }
          case "constraint":
            this.groundConstraint(member);
            break;
          default:
            assertNever(member);
        }
      } catch (error) {
        this.diagnostics.push(toDiagnostic(error));
      }
    }
    const failed = this.diagnostics.some((d) => d.severity === "error");
    return { model: failed ? undefined : this.model, diagnostics: this.diagnostics };
  }

  // 1. variables
  private declareVar(decl: VarDecl): void {
    const shape = decl.dims.map((dim) => {
      const size = this.scope.number(dim);
      if (!Number.isSafeInteger(size) || size < 0) throw new GroundError("bad-dimension", `dimension of ${decl.name.name} must be a non-negative integer, got ${size}`, dim.span);
      return size;
    });
    const name = decl.name.name;
    const domain = decl.domain;
    let family: VarArray;
    switch (domain.kind) {
      case "binary-domain":
        family = this.model.binary(name, shape, decl.span);
        break;
      case "spin-domain":
        family = this.model.spin(name, shape, decl.span);
        break;
      case "int-domain": {
        const lo = this.scope.number(domain.lo);
        const hi = this.scope.number(domain.hi);
        if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
          throw new GroundError("bad-int-range", `int range of ${name} must be integers lo <= hi, got ${lo}..${hi}`, domain.span);
        }
        family = this.model.int(name, lo, hi, shape, { encoding: domain.encoding ?? "binary", span: decl.span });
        break;
      }
      default:
        assertNever(domain);
    }
    this.vars.set(name, family);
  }

  // 3. objective terms: the top-level + / − chain
  private objectiveTerms(node: AstExpr, sign: number): { node: AstExpr; sign: number }[] {
    if (node.kind === "binary" && (node.op === "+" || node.op === "-")) {
      return [...this.objectiveTerms(node.left, sign), ...this.objectiveTerms(node.right, node.op === "+" ? sign : -sign)];
    }
    return [{ node, sign }];
  }

  // 4. constraints
  private groundConstraint(decl: ConstraintDecl): void {
    const family = decl.name.name;
    const method = this.options.methods?.[family] ?? "slack";
    const binderNames = decl.binders.flatMap((b) => (b.kind === "range-binder" ? [b.name.name] : b.names.map((n) => n.name)));
    this.scope.each(decl.binders, 0, decl.where, this.test, () => {
      const index = binderNames.map((n) => {
        const v = this.scope.get(n);
        if (typeof v !== "number") throw new GroundError("bad-constraint-index", `constraint ${family} is indexed by ${n}, which is not a number`, decl.name.span);
        return v;
      });
      const lhs = this.toExpr(decl.left);
      const rhs = this.toExpr(decl.right);
      let penalty: number | "auto" | { soft: number } = "auto";
      if (decl.weight?.kind === "penalty") penalty = this.weight(decl.weight.value, "penalty");
      else if (decl.weight?.kind === "soft") penalty = { soft: this.weight(decl.weight.value, "soft weight") };
      try {
        this.model.constraint(family, lhs, decl.op, rhs, { index, penalty, method: decl.op === "==" ? "slack" : method, span: decl.span });
      } catch (error) {
        if (error instanceof RangeError) throw new GroundError("bad-constraint", error.message, decl.span);
        throw error;
      }
    });
  }

  private weight(node: AstExpr, what: string): number {
    const w = this.scope.number(node);
    if (!(w >= 0)) throw new GroundError("bad-penalty", `${what} must be a non-negative number, got ${w}`, node.span);
    return w;
  }

  // expressions
  private toExpr(node: AstExpr, factor = 1): Expr {
    const acc = new ExprAccumulator();
    this.addInto(acc, node, factor);
    return acc.toExpr();
  }

  /** acc += factor · node. */
  private addInto(acc: ExprAccumulator, node: AstExpr, factor: number): void {
    if (!this.hasVar(node)) {
      acc.add(factor * this.scope.number(node));
      return;
    }
    switch (node.kind) {
      case "name":
      case "index": {
        const letExpr = this.letExprs.get(node.kind === "name" ? node.name : node.target.name);
        if (letExpr && node.kind === "name") acc.add(letExpr, factor);
        else acc.addTerm(this.varIndex(node), -1, factor);
        return;
      }
      case "unary":
        if (node.op === "-") return this.addInto(acc, node.operand, -factor);
        throw notOverVariables(node.span, "not");
      case "binary":
        switch (node.op) {
          case "+":
            this.addInto(acc, node.left, factor);
            this.addInto(acc, node.right, factor);
            return;
          case "-":
            this.addInto(acc, node.left, factor);
            this.addInto(acc, node.right, -factor);
            return;
          case "*": {
            if (!this.hasVar(node.left)) return this.addInto(acc, node.right, factor * this.scope.number(node.left));
            if (!this.hasVar(node.right)) return this.addInto(acc, node.left, factor * this.scope.number(node.right));
            const mark = this.factors.length;
            const coef = this.monomial(node);
            if (coef !== undefined) {
              const f = this.factors;
              const degree = f.length - mark;
              if (degree === 1) acc.addTerm(f[mark], -1, factor * coef);
              else if (degree === 2) acc.addTerm(f[mark], f[mark + 1], factor * coef);
              else acc.addHigher(f.slice(mark), factor * coef);
              f.length = mark;
              return;
            }
            this.factors.length = mark;
            acc.addProduct(this.toExpr(node.left), this.toExpr(node.right), factor);
            return;
          }
          case "/": {
            const divisor = this.scope.number(node.right);
            if (divisor === 0) throw new GroundError("division-by-zero", "division by zero", node.right.span);
            return this.addInto(acc, node.left, factor / divisor);
          }
          case "^": {
            const k = this.scope.number(node.right);
            if (!Number.isInteger(k) || k < 0) throw new GroundError("bad-exponent", `exponent must be a non-negative integer, got ${k}`, node.right.span);
            acc.add(this.toExpr(node.left).pow(k), factor);
            return;
          }
          default:
            throw notOverVariables(node.span, node.op);
        }
      case "if":
        return this.addInto(acc, this.condition(node.condition) ? node.then : node.else, factor);
      case "sum":
        this.scope.each(node.binders, 0, node.where, this.test, () => this.addInto(acc, node.body, factor));
        return;
      case "call":
        throw notOverVariables(node.span, `${node.callee.name}()`);
      case "number":
      case "bool":
      case "constant":
        throw new Error("internal: a literal involves variables");
      default:
        assertNever(node);
    }
  }

  /** Coefficient of a pure product of params and variable references, factors pushed; else undefined. */
  private monomial(node: AstExpr): number | undefined {
    if (!this.hasVar(node)) return this.scope.number(node);
    if ((node.kind === "index" || node.kind === "name") && !this.letExprs.has(node.kind === "name" ? node.name : node.target.name)) {
      this.factors.push(this.varIndex(node));
      return 1;
    }
    if (node.kind === "unary" && node.op === "-") {
      const c = this.monomial(node.operand);
      return c === undefined ? undefined : -c;
    }
    if (node.kind === "binary" && node.op === "*") {
      const a = this.monomial(node.left);
      if (a === undefined) return undefined;
      const b = this.monomial(node.right);
      return b === undefined ? undefined : a * b;
    }
    return undefined;
  }

  private varIndex(node: AstExpr): number {
    const name = node.kind === "name" ? node.name : node.kind === "index" ? node.target.name : "";
    const family = this.vars.get(name);
    if (!family) throw new GroundError("unknown-variable", `'${name}' is not a decision variable in scope`, node.span);
    const indices = node.kind === "index" ? node.indices : [];
    const shape = family.shape;
    if (indices.length !== shape.length) {
      throw new GroundError("bad-index-count", `${name} has ${shape.length} dimension(s) but is indexed with ${indices.length}`, node.span);
    }
    let flat = family.family.first;
    let stride = family.size;
    for (let d = 0; d < indices.length; d++) {
      const i = this.scope.number(indices[d]);
      stride /= shape[d];
      if (!Number.isInteger(i) || i < 0 || i >= shape[d]) {
        throw new GroundError("index-out-of-range", `index ${i} is outside ${name}'s range 0..${shape[d] - 1}`, indices[d].span);
      }
      flat += i * stride;
    }
    return flat;
  }

  private hasVar(node: AstExpr): boolean {
    const cached = this.hasVarCache.get(node);
    if (cached !== undefined) return cached;
    let result: boolean;
    switch (node.kind) {
      case "number":
      case "bool":
      case "constant":
        result = false;
        break;
      case "name":
        result = !this.scope.binders.has(node.name) && (this.vars.has(node.name) || this.letExprs.has(node.name));
        break;
      case "index":
        result = this.vars.has(node.target.name);
        break;
      case "call":
        result = node.args.some((a) => this.hasVar(a));
        break;
      case "unary":
        result = this.hasVar(node.operand);
        break;
      case "binary":
        result = this.hasVar(node.left) || this.hasVar(node.right);
        break;
      case "if":
        result = this.hasVar(node.then) || this.hasVar(node.else) || this.hasVar(node.condition);
        break;
      case "sum":
        result = this.hasVar(node.body);
        break;
      default:
        return assertNever(node);
    }
    this.hasVarCache.set(node, result);
    return result;
  }

  private readonly test = (node: AstExpr): boolean => this.condition(node);

  private condition(node: AstExpr): boolean {
    if (this.hasVar(node)) throw notOverVariables(node.span, "a condition");
    const value = this.scope.value(node);
    if (typeof value !== "boolean") throw new GroundError("expected-bool", `expected true or false here`, node.span);
    return value;
  }
}

function notOverVariables(span: Span, what: string): GroundError {
  return new GroundError("variables-not-allowed", `${what} cannot involve decision variables`, span);
}

function toDiagnostic(error: unknown): Diagnostic {
  if (error instanceof GroundError) return { severity: "error", code: error.code, message: error.message, span: error.span };
  if (error instanceof EvaluationError) return { severity: "error", code: "evaluation-error", message: error.message, span: error.span };
  throw error;
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected ${JSON.stringify(value)}`);
}
