// Type and degree checking of one expression, shared by problems and circuits.
//
// Types: int, real, bool, angle (a symbolic circuit parameter) and, for names that are not values,
// qubit registers and tuple lists. Degree: the polynomial degree in the decision variables, an upper
// bound computed symbolically — products add degrees, except that a binary variable times itself is
// itself (x·x = x, x^k = x) and a spin times itself is 1 (s·s = 1, s^k = s^(k mod 2)). The grounded
// model can only be of lower degree (when, say, x[i]·x[j] meets i = j).
import * as A from "./ast.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import { applyFunction, printShort } from "./expr-text.js";
import * as M from "./messages.js";
import { type Monomial, monomialDegree, multiplyMonomials, NO_VARIABLES } from "./monomial.js";
import { nearestName } from "./suggest.js";

export type ScalarType = "int" | "real" | "bool" | "angle";

/** What a name denotes, as the checker needs it. */
export type NameInfo =
  | {
      readonly kind: "value";
      readonly type: ScalarType;
      /** Number of indices it takes (0 for a scalar). */
      readonly nDims: number;
      /** The decision domain, for a decision variable. */
      readonly domain?: "binary" | "spin" | "int";
      /** The let's degree, for a named expression. */
      readonly degree?: number;
    }
  | { readonly kind: "qubit"; readonly nDims: number }
  | { readonly kind: "tuple-list"; readonly fields: readonly ScalarType[] };

/** How the expression checker sees the declarations around it. */
export interface Scope {
  /** The name's meaning, without side effects; undefined when unknown here. */
  lookup(name: string): NameInfo | undefined;
  /** Records a use (for unused-declaration warnings); reports use before declaration. */
  use(name: string, span: Span): void;
  /** Every name visible here, most relevant first, for suggestions. */
  candidates(): string[];
}

export interface ExprInfo {
  /** `error` when a problem was already reported inside: callers stay silent to avoid cascades. */
  readonly type: ScalarType | "error";
  readonly degree: number;
  /** True when it mentions an `angle` parameter (symbolic until the optimiser binds it). */
  readonly symbolic: boolean;
  /** Its value when it is a constant expression. */
  readonly constant?: number;
  /**
   * When the expression is one monomial (a coefficient times decision variables), its variables
   * by a key naming each (`x[i]`) with their domain and power; used to simplify `x·x` and `s·s`.
   */
  readonly monomial?: Monomial;
}

const ERROR: ExprInfo = { type: "error", degree: 0, symbolic: false };

export const BUILTIN_FUNCTIONS: readonly A.BuiltinFunction[] = ["abs", "sqrt", "exp", "log", "sin", "cos", "min", "max", "floor", "ceil"];

/** A context in which decision variables may not appear, with its diagnostic code. */
export interface ParamOnlyContext {
  readonly code: string;
  readonly what: string;
}

export const IN_INDEX: ParamOnlyContext = { code: "variable-in-index", what: "an index" };
export const IN_RANGE: ParamOnlyContext = { code: "variable-in-range", what: "a range bound" };
export const IN_EXPONENT: ParamOnlyContext = { code: "variable-in-exponent", what: "an exponent" };
export const IN_DIVISOR: ParamOnlyContext = { code: "variable-in-divisor", what: "a divisor" };
export const IN_CONDITION: ParamOnlyContext = { code: "variable-in-condition", what: "a condition" };
export const IN_FUNCTION: ParamOnlyContext = { code: "variable-in-function", what: "a function argument" };
export const IN_COMPARISON: ParamOnlyContext = { code: "variable-in-comparison", what: "a comparison or logical operand" };
export const IN_SIZE: ParamOnlyContext = { code: "variable-in-size", what: "a size, bound or default" };
export const IN_WEIGHT: ParamOnlyContext = { code: "variable-in-weight", what: "a penalty or soft weight" };

/** The span of `name[i][j]`, built only for a report (most references need none). */
function referenceSpan(target: A.NameExpr, indices: readonly A.Expr[]): Span {
  return indices.length === 0 ? target.span : { ...target.span, end: indices[indices.length - 1]!.span.end };
}

function isNumeric(type: ScalarType): boolean {
  return type === "int" || type === "real" || type === "angle";
}

function describe(type: ScalarType): string {
  return type === "int" ? "an int" : type === "angle" ? "an angle" : `a ${type}`;
}

export class ExprChecker {
  private readonly binderScopes: Map<string, NameInfo>[] = [];
  private comparisonContext: ParamOnlyContext = IN_COMPARISON;

  constructor(
    private readonly scope: Scope,
    private readonly diagnostics: Diagnostic[],
  ) {}

  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  lookup(name: string): NameInfo | undefined {
    for (let i = this.binderScopes.length - 1; i >= 0; i--) {
      const found = this.binderScopes[i]!.get(name);
      if (found !== undefined) return found;
    }
    return this.scope.lookup(name);
  }

  private candidates(): string[] {
    const names: string[] = [];
    for (let i = this.binderScopes.length - 1; i >= 0; i--) names.push(...this.binderScopes[i]!.keys());
    names.push(...this.scope.candidates());
    return names;
  }

  // ── context rules, used by callers ────────────────────────────────────────────────────────────

  /** Reports decision variables where only parameters may appear; false when it did. */
  paramOnly(info: ExprInfo, context: ParamOnlyContext, span: Span): boolean {
    if (info.type === "error" || info.degree === 0) return true;
    this.report(M.variableInParameterContext(context.code, context.what, span));
    return false;
  }

  numeric(e: A.Expr, context: string): ExprInfo {
    const info = this.expr(e);
    if (info.type === "error" || isNumeric(info.type)) return info;
    this.report(M.notNumeric(describe(info.type), context, e.span));
    return ERROR;
  }

  condition(e: A.Expr, context: string): ExprInfo {
    // A comparison of decision variables inside a condition is reported as a condition problem.
    const outer = this.comparisonContext;
    this.comparisonContext = IN_CONDITION;
    const info = this.expr(e);
    this.comparisonContext = outer;
    if (info.type === "error") return info;
    if (info.type !== "bool") {
      this.report(M.notBoolean(describe(info.type), context, e.span));
      return ERROR;
    }
    this.paramOnly(info, IN_CONDITION, e.span);
    return info;
  }

  /** An int known before solving and before binding angles: indices, sizes, bounds. */
  integer(e: A.Expr, context: string, paramContext: ParamOnlyContext): ExprInfo {
    const info = this.expr(e);
    if (info.type === "error") return info;
    if (info.symbolic) {
      this.report(M.angleAsSize(firstAngleName(e, this) ?? "angle", e.span));
      return ERROR;
    }
    if (info.type !== "int") {
      this.report(M.notInteger(describe(info.type), context, e.span));
      return ERROR;
    }
    this.paramOnly(info, paramContext, e.span);
    return info;
  }

  // ── binders ───────────────────────────────────────────────────────────────────────────────────

  /** Checks binders left to right, opening a scope the caller must close with `closeBinders`. */
  openBinders(binders: readonly A.Binder[], where: A.Expr | undefined): void {
    const scope = new Map<string, NameInfo>();
    this.binderScopes.push(scope);
    for (const binder of binders) {
      switch (binder.kind) {
        case "range-binder":
          this.integer(binder.lo, "a range bound", IN_RANGE);
          this.integer(binder.hi, "a range bound", IN_RANGE);
          this.bind(scope, binder.name, { kind: "value", type: "int", nDims: 0 });
          break;
        case "tuple-binder": {
          const fields = this.tupleSource(binder);
          binder.names.forEach((name, i) => this.bind(scope, name, { kind: "value", type: fields?.[i] ?? "int", nDims: 0 }));
          break;
        }
        default:
          A.assertNever(binder);
      }
    }
    if (where !== undefined) this.condition(where, "a 'where' filter");
  }

  closeBinders(): void {
    this.binderScopes.pop();
  }

  private bind(scope: Map<string, NameInfo>, name: A.Identifier, info: NameInfo): void {
    if (scope.has(name.name)) this.report(M.duplicateDeclaration(name.name, name.span, name.span));
    else if (this.lookup(name.name) !== undefined) this.report(M.shadowedName(name.name, name.span));
    scope.set(name.name, info);
  }

  private tupleSource(binder: A.TupleBinder): readonly ScalarType[] | undefined {
    const source = binder.source;
    if (source.kind !== "name") {
      this.expr(source);
      this.report(M.notATupleList(printShort(source), source.span));
      return undefined;
    }
    const info = this.resolve(source.name, source.span);
    if (info === undefined) return undefined;
    if (info.kind !== "tuple-list") {
      this.report(M.notATupleList(source.name, source.span));
      return undefined;
    }
    if (info.fields.length !== binder.names.length) {
      this.report(M.tupleArityMismatch(source.name, info.fields.length, binder.names.length, binder.span));
    }
    return info.fields;
  }

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  /** Looks a name up and records its use; unknown names get the nearest one of the same shape as a suggestion. */
  private resolve(name: string, span: Span, nIndices = 0): NameInfo | undefined {
    const found = this.lookup(name);
    if (found === undefined) {
      const all = this.candidates();
      const sameShape = all.filter((c) => {
        const info = this.lookup(c);
        return info?.kind !== "qubit" && (info?.kind === "tuple-list" ? 0 : (info?.nDims ?? 0)) === nIndices;
      });
      this.report(M.unknownSymbol(name, nearestName(name, sameShape) ?? nearestName(name, all), span));
      return undefined;
    }
    this.scope.use(name, span);
    return found;
  }

  expr(e: A.Expr): ExprInfo {
    switch (e.kind) {
      case "number": {
        const isInt = Number.isInteger(e.value) && !/[.eE]/.test(e.text);
        return { type: isInt ? "int" : "real", degree: 0, symbolic: false, constant: e.value };
      }
      case "bool":
        return { type: "bool", degree: 0, symbolic: false, constant: e.value ? 1 : 0 };
      case "constant":
        return { type: "real", degree: 0, symbolic: false, constant: e.name === "pi" ? Math.PI : Math.E };
      case "name":
        return this.reference(e, []);
      case "index":
        return this.reference(e.target, e.indices);
      case "call":
        return this.call(e);
      case "unary":
        return this.unary(e);
      case "binary":
        return this.binary(e);
      case "if":
        return this.ifExpr(e);
      case "sum": {
        this.openBinders(e.binders, e.where);
        const body = this.numeric(e.body, "the body of a sum");
        this.closeBinders();
        return body.type === "error" ? ERROR : { type: body.type, degree: body.degree, symbolic: body.symbolic };
      }
      default:
        return A.assertNever(e);
    }
  }

  private reference(target: A.NameExpr, indices: readonly A.Expr[]): ExprInfo {
    const info = this.resolve(target.name, target.span, indices.length);
    for (const index of indices) this.integer(index, "an index", IN_INDEX);
    if (info === undefined) return ERROR;
    if (info.kind === "qubit") {
      this.report(M.qubitAsNumber(target.name, referenceSpan(target, indices)));
      return ERROR;
    }
    if (info.kind === "tuple-list") {
      this.report(M.tupleListAsValue(target.name, target.span));
      return ERROR;
    }
    if (info.nDims === 0 && indices.length > 0) {
      this.report(M.notIndexable(target.name, referenceSpan(target, indices)));
      return ERROR;
    }
    if (info.nDims !== indices.length) {
      this.report(M.wrongIndexCount(target.name, info.nDims, indices.length, referenceSpan(target, indices)));
      return ERROR;
    }
    const symbolic = info.type === "angle";
    if (info.domain !== undefined) {
      const key = indices.length === 0 ? target.name : `${target.name}[${indices.map(printShort).join("][")}]`;
      return { type: "int", degree: 1, symbolic, monomial: new Map([[key, { domain: info.domain, power: 1 }]]) };
    }
    const degree = info.degree ?? 0;
    return degree === 0 ? { type: info.type, degree, symbolic, monomial: NO_VARIABLES } : { type: info.type, degree, symbolic };
  }

  private call(e: A.CallExpr): ExprInfo {
    const name = e.callee.name;
    const args = e.args.map((a) => this.numeric(a, `an argument of '${name}'`));
    const fn = BUILTIN_FUNCTIONS.find((f) => f === name);
    if (fn === undefined) {
      this.report(M.unknownFunction(name, nearestName(name, BUILTIN_FUNCTIONS), e.callee.span));
      return ERROR;
    }
    const variadic = fn === "min" || fn === "max";
    if (variadic ? args.length < 2 : args.length !== 1) {
      this.report(M.wrongArgumentCount(`'${fn}'`, variadic ? "at least 2 arguments" : "1 argument", args.length, e.span));
      return ERROR;
    }
    let ok = true;
    args.forEach((a, i) => (ok = this.paramOnly(a, IN_FUNCTION, e.args[i]!.span) && ok));
    if (!ok || args.some((a) => a.type === "error")) return ERROR;
    const symbolic = args.some((a) => a.symbolic);
    const keepsInt = (fn === "abs" || variadic) && args.every((a) => a.type === "int");
    const rounds = fn === "floor" || fn === "ceil";
    const type: ScalarType = symbolic ? "angle" : keepsInt || rounds ? "int" : "real";
    const constants = args.map((a) => a.constant);
    const constant = constants.every((c): c is number => c !== undefined) ? applyFunction(fn, constants) : undefined;
    return constant === undefined ? { type, degree: 0, symbolic } : { type, degree: 0, symbolic, constant };
  }

  private unary(e: A.UnaryExpr): ExprInfo {
    if (e.op === "not") {
      const operand = this.expr(e.operand);
      if (operand.type === "error") return ERROR;
      if (operand.type !== "bool") {
        this.report(M.notBoolean(describe(operand.type), "the operand of 'not'", e.operand.span));
        return ERROR;
      }
      this.paramOnly(operand, this.comparisonContext, e.operand.span);
      return { type: "bool", degree: 0, symbolic: false };
    }
    const operand = this.numeric(e.operand, "the operand of '-'");
    if (operand.type === "error") return ERROR;
    const negated: ExprInfo = operand.monomial === undefined
      ? { type: operand.type, degree: operand.degree, symbolic: operand.symbolic }
      : { type: operand.type, degree: operand.degree, symbolic: operand.symbolic, monomial: operand.monomial };
    return operand.constant === undefined ? negated : { ...negated, constant: -operand.constant };
  }

  private binary(e: A.BinaryExpr): ExprInfo {
    switch (e.op) {
      case "and":
      case "or": {
        const left = this.condition(e.left, `an operand of '${e.op}'`);
        const right = this.condition(e.right, `an operand of '${e.op}'`);
        return left.type === "error" || right.type === "error" ? ERROR : { type: "bool", degree: 0, symbolic: false };
      }
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.comparison(e);
      case "+":
      case "-":
      case "*":
      case "/": {
        // Long left-associative chains (`a + b + c + …`) are walked iteratively, not recursively.
        const spine: A.BinaryExpr[] = [];
        let node: A.Expr = e;
        while (node.kind === "binary" && (node.op === "+" || node.op === "-" || node.op === "*" || node.op === "/")) {
          spine.push(node);
          node = node.left;
        }
        let info = this.numeric(node, `an operand of '${spine[spine.length - 1]!.op}'`);
        for (let i = spine.length - 1; i >= 0; i--) info = this.arithmetic(spine[i]!, spine[i]!.op as A.ArithmeticOp, info);
        return info;
      }
      case "^":
        return this.arithmetic(e, e.op, this.numeric(e.left, "an operand of '^'"));
      default:
        return A.assertNever(e.op);
    }
  }

  private comparison(e: A.BinaryExpr): ExprInfo {
    const left = this.expr(e.left);
    const right = this.expr(e.right);
    if (left.type === "error" || right.type === "error") return ERROR;
    const bothBool = left.type === "bool" && right.type === "bool" && (e.op === "==" || e.op === "!=");
    for (const [info, side] of [[left, e.left], [right, e.right]] as const) {
      if (!bothBool && !isNumeric(info.type as ScalarType)) {
        this.report(M.notNumeric(describe(info.type as ScalarType), `an operand of '${e.op}'`, side.span));
        return ERROR;
      }
    }
    const context = this.comparisonContext;
    if (!this.paramOnly(left, context, e.left.span) || !this.paramOnly(right, context, e.right.span)) return ERROR;
    return { type: "bool", degree: 0, symbolic: left.symbolic || right.symbolic };
  }

  /** Combines the already checked left operand with the right one. */
  private arithmetic(e: A.BinaryExpr, op: A.ArithmeticOp, left: ExprInfo): ExprInfo {
    const right = this.numeric(e.right, `an operand of '${op}'`);
    if (left.type === "error" || right.type === "error") return ERROR;
    const symbolic = left.symbolic || right.symbolic;
    const bothInt = left.type === "int" && right.type === "int";
    const numberType: ScalarType = symbolic ? "angle" : bothInt ? "int" : "real";
    const fold = (value: number | undefined): ExprInfo => {
      const base = { type: numberType, degree: 0, symbolic };
      return value === undefined || !Number.isFinite(value) ? base : { ...base, constant: value };
    };
    const lc = left.constant;
    const rc = right.constant;
    switch (op) {
      case "+":
      case "-": {
        const degree = Math.max(left.degree, right.degree);
        if (degree > 0) return { type: numberType, degree, symbolic };
        return fold(lc === undefined || rc === undefined ? undefined : op === "+" ? lc + rc : lc - rc);
      }
      case "*": {
        const lm = left.monomial ?? (left.degree === 0 ? NO_VARIABLES : undefined);
        const rm = right.monomial ?? (right.degree === 0 ? NO_VARIABLES : undefined);
        if (lm !== undefined && rm !== undefined && (left.degree > 0 || right.degree > 0)) {
          const monomial = multiplyMonomials(lm, rm);
          return { type: numberType, degree: monomialDegree(monomial), symbolic, monomial };
        }
        const degree = left.degree + right.degree;
        if (degree > 0) return { type: numberType, degree, symbolic };
        return fold(lc === undefined || rc === undefined ? undefined : lc * rc);
      }
      case "/": {
        if (!this.paramOnly(right, IN_DIVISOR, e.right.span)) return ERROR;
        const type: ScalarType = symbolic ? "angle" : "real";
        if (left.degree > 0) {
          return left.monomial === undefined ? { type, degree: left.degree, symbolic } : { type, degree: left.degree, symbolic, monomial: left.monomial };
        }
        const value = lc === undefined || rc === undefined || rc === 0 ? undefined : lc / rc;
        return value === undefined ? { type, degree: 0, symbolic } : { type, degree: 0, symbolic, constant: value };
      }
      case "^":
        return this.power(e, left, right, symbolic);
      default:
        return A.assertNever(op);
    }
  }

  private power(e: A.BinaryExpr, base: ExprInfo, exponent: ExprInfo, symbolic: boolean): ExprInfo {
    if (!this.paramOnly(exponent, IN_EXPONENT, e.right.span)) return ERROR;
    const k = exponent.constant;
    const isNaturalConstant = k !== undefined && Number.isInteger(k) && k >= 0 && exponent.type === "int";
    if (base.degree > 0) {
      if (!isNaturalConstant) {
        this.report(M.invalidExponent(e.right.span));
        return ERROR;
      }
      if (base.monomial !== undefined) {
        const monomial = multiplyMonomials(NO_VARIABLES, base.monomial, k);
        return { type: base.type, degree: monomialDegree(monomial), symbolic, monomial };
      }
      return { type: base.type, degree: base.degree * k, symbolic };
    }
    const type: ScalarType = symbolic ? "angle" : base.type === "int" && isNaturalConstant ? "int" : "real";
    const value = base.constant === undefined || k === undefined ? undefined : base.constant ** k;
    return value === undefined || !Number.isFinite(value) ? { type, degree: 0, symbolic } : { type, degree: 0, symbolic, constant: value };
  }

  private ifExpr(e: A.IfExpr): ExprInfo {
    const condition = this.condition(e.condition, "an 'if' condition");
    const then = this.expr(e.then);
    const otherwise = this.expr(e.else);
    if (condition.type === "error" || then.type === "error" || otherwise.type === "error") return ERROR;
    const bothBool = then.type === "bool" && otherwise.type === "bool";
    if (!bothBool) {
      for (const [info, branch] of [[then, e.then], [otherwise, e.else]] as const) {
        if (!isNumeric(info.type as ScalarType)) {
          this.report(M.notNumeric(describe(info.type as ScalarType), "an 'if' branch", branch.span));
          return ERROR;
        }
      }
    }
    const symbolic = then.symbolic || otherwise.symbolic;
    const type: ScalarType = bothBool ? "bool" : symbolic ? "angle" : then.type === "int" && otherwise.type === "int" ? "int" : "real";
    return { type, degree: Math.max(then.degree, otherwise.degree), symbolic };
  }
}


/** The first angle parameter an expression mentions, for the angle-as-size message. */
function firstAngleName(e: A.Expr, checker: ExprChecker): string | undefined {
  switch (e.kind) {
    case "name":
    case "index": {
      const name = e.kind === "name" ? e.name : e.target.name;
      const info = checker.lookup(name);
      return info?.kind === "value" && info.type === "angle" ? name : undefined;
    }
    case "unary":
      return firstAngleName(e.operand, checker);
    case "binary":
      return firstAngleName(e.left, checker) ?? firstAngleName(e.right, checker);
    case "call":
      for (const arg of e.args) {
        const found = firstAngleName(arg, checker);
        if (found !== undefined) return found;
      }
      return undefined;
    case "if":
      return firstAngleName(e.then, checker) ?? firstAngleName(e.else, checker);
    default:
      return undefined;
  }
}
