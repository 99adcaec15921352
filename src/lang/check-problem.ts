// Checks one `problem`: names (declared once, before use), the type of every expression, where
// decision variables may appear, and the degree rules a QUBO needs. Produces its symbol table.
import * as A from "./ast.js";
import {
  ExprChecker, type ExprInfo, IN_RANGE, IN_SIZE, IN_WEIGHT, type NameInfo, type ScalarType, type Scope,
} from "./check-expr.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import * as M from "./messages.js";
import type {
  ConstraintInfo, LetSymbol, ObjectiveInfo, ParamShape, ParamSymbol, ProblemSymbol, ProblemSymbols, VarSymbol,
} from "./symbols.js";

interface Declared {
  readonly order: number;
  info: NameInfo;
  used: boolean;
}

class ProblemScope implements Scope {
  readonly declared = new Map<string, Declared>();
  current = 0;

  constructor(private readonly report: (d: Diagnostic) => void) {}

  lookup(name: string): NameInfo | undefined {
    return this.declared.get(name)?.info;
  }

  use(name: string, span: Span): void {
    const found = this.declared.get(name);
    if (found === undefined) return;
    found.used = true;
    if (found.order >= this.current) this.report(M.usedBeforeDeclaration(name, span));
  }

  /** Variables first, then lets, then params: an unknown name in an objective is most often a variable. */
  candidates(): string[] {
    const rank = (info: NameInfo) => (info.kind === "value" && info.domain !== undefined ? 0 : info.kind === "value" && info.degree !== undefined ? 1 : 2);
    return [...this.declared].sort((a, b) => rank(a[1].info) - rank(b[1].info)).map(([name]) => name);
  }
}

function shapeOf(type: A.TypeExpr): ParamShape {
  switch (type.kind) {
    case "scalar-type":
      return { kind: "scalar", element: type.name };
    case "array-type":
      return { kind: "array", element: type.element.name, dims: type.dims };
    case "tuple-list-type":
      return { kind: "tuple-list", fields: type.fields.map((f) => f.name) };
    default:
      return A.assertNever(type);
  }
}

function paramInfo(shape: ParamShape): NameInfo {
  const asValue = (t: A.ScalarTypeName): ScalarType => (t === "angle" ? "real" : t);
  switch (shape.kind) {
    case "scalar":
      return { kind: "value", type: asValue(shape.element), nDims: 0 };
    case "array":
      return { kind: "value", type: asValue(shape.element), nDims: shape.dims.length };
    case "tuple-list":
      return { kind: "tuple-list", fields: shape.fields.map(asValue) };
    default:
      return A.assertNever(shape);
  }
}

const DOMAIN_NAME = { "binary-domain": "binary", "spin-domain": "spin", "int-domain": "int" } as const;

export function checkProblem(problem: A.ProblemDecl, diagnostics: Diagnostic[]): ProblemSymbols {
  const report = (d: Diagnostic) => diagnostics.push(d);
  const scope = new ProblemScope(report);
  const checker = new ExprChecker(scope, diagnostics);

  // 1. Declare every name up front, so that a use above its declaration gets a precise message.
  problem.members.forEach((member, order) => {
    if (member.kind !== "param" && member.kind !== "var" && member.kind !== "let") return;
    const previous = scope.declared.get(member.name.name);
    if (previous !== undefined) {
      const first = problem.members[previous.order] as A.ParamDecl | A.VarDecl | A.LetDecl;
      report(M.duplicateDeclaration(member.name.name, first.name.span, member.name.span));
      return;
    }
    const info: NameInfo =
      member.kind === "param" ? paramInfo(shapeOf(member.type))
      : member.kind === "var" ? { kind: "value", type: "int", nDims: member.dims.length, domain: DOMAIN_NAME[member.domain.kind] }
      : { kind: "value", type: "real", nDims: 0, degree: 0 };
    scope.declared.set(member.name.name, { order, info, used: false });
  });

  // 2. Check members in order.
  const symbols = new Map<string, ProblemSymbol>();
  const params: ParamSymbol[] = [];
  const vars: VarSymbol[] = [];
  const lets: LetSymbol[] = [];
  const constraints: ConstraintInfo[] = [];
  let objective: ObjectiveInfo | undefined;
  let maxDegree = 0;

  problem.members.forEach((member, order) => {
    scope.current = order;
    switch (member.kind) {
      case "param": {
        const shape = shapeOf(member.type);
        checkParamType(member, checker);
        if (member.default !== undefined) checkDefault(member, shape, checker);
        const symbol: ParamSymbol = { kind: "param", name: member.name.name, shape, hasDefault: member.default !== undefined, decl: member };
        params.push(symbol);
        if (!symbols.has(symbol.name)) symbols.set(symbol.name, symbol);
        break;
      }
      case "var": {
        checkDomain(member.domain, checker);
        for (const dim of member.dims) checker.integer(dim, "an array size", IN_SIZE);
        const symbol: VarSymbol = { kind: "var", name: member.name.name, domain: member.domain, dims: member.dims, decl: member };
        vars.push(symbol);
        if (!symbols.has(symbol.name)) symbols.set(symbol.name, symbol);
        break;
      }
      case "let": {
        const value = checker.expr(member.value);
        const type = value.type === "error" ? "real" : value.type;
        const declared = scope.declared.get(member.name.name);
        if (declared !== undefined && declared.order === order) declared.info = { kind: "value", type, nDims: 0, degree: value.degree };
        const symbol: LetSymbol = { kind: "let", name: member.name.name, type, degree: value.degree, decl: member };
        lets.push(symbol);
        if (!symbols.has(symbol.name)) symbols.set(symbol.name, symbol);
        maxDegree = Math.max(maxDegree, value.degree);
        break;
      }
      case "objective": {
        const info = checker.numeric(member.expr, "an objective");
        if (objective !== undefined) {
          const keyword = { ...member.span, end: { ...member.span.start, column: member.span.start.column + member.sense.length, offset: member.span.start.offset + member.sense.length } };
          report(M.multipleObjectives(keyword, objective.decl.span));
          break;
        }
        if (info.degree > 2) report(M.degreeAboveTwo("the objective", info.degree, member.expr.span));
        objective = { sense: member.sense, degree: info.degree, decl: member };
        maxDegree = Math.max(maxDegree, info.degree);
        break;
      }
      case "constraint": {
        const degree = checkConstraint(member, checker, report);
        constraints.push({ name: member.name.name, degree, decl: member });
        maxDegree = Math.max(maxDegree, member.op === "==" ? 2 * degree : degree);
        break;
      }
      default:
        A.assertNever(member);
    }
  });

  // 3. Unused declarations are warnings.
  for (const member of problem.members) {
    if (member.kind !== "param" && member.kind !== "var") continue;
    const declared = scope.declared.get(member.name.name);
    if (declared === undefined || declared.used || problem.members[declared.order] !== member) continue;
    report(member.kind === "param" ? M.unusedParam(member.name.name, member.name.span) : M.unusedVar(member.name.name, member.name.span));
  }

  const base = { kind: "problem" as const, name: problem.name.name, symbols, params, vars, lets, constraints, maxDegree, decl: problem };
  return objective === undefined ? base : { ...base, objective };
}

function checkParamType(param: A.ParamDecl, checker: ExprChecker): void {
  const type = param.type;
  const elements = type.kind === "scalar-type" ? [type] : type.kind === "array-type" ? [type.element] : type.fields;
  for (const element of elements) if (element.name === "angle") checker.report(M.angleOutsideCircuit(element.span));
  if (type.kind === "array-type") for (const dim of type.dims) checker.integer(dim, "an array size", IN_SIZE);
}

function checkDefault(param: A.ParamDecl, shape: ParamShape, checker: ExprChecker): void {
  const value = param.default!;
  const info = checker.expr(value);
  if (info.type === "error" || !checker.paramOnly(info, IN_SIZE, value.span)) return;
  const name = param.name.name;
  if (shape.kind === "tuple-list") {
    checker.report(M.defaultTypeMismatch(name, "given by data (a tuple list has no default)", describeInfo(info), value.span));
    return;
  }
  const element = shape.element;
  const fits = element === "bool" ? info.type === "bool" : element === "int" ? info.type === "int" : info.type === "int" || info.type === "real";
  const expected = element === "bool" ? "a bool" : element === "int" ? "an int" : "a number";
  if (!fits) checker.report(M.defaultTypeMismatch(name, expected, describeInfo(info), value.span));
}

function describeInfo(info: ExprInfo): string {
  return info.type === "int" ? "an int" : info.type === "angle" ? "an angle" : `a ${info.type}`;
}

function checkDomain(domain: A.Domain, checker: ExprChecker): void {
  if (domain.kind !== "int-domain") return;
  const lo = checker.integer(domain.lo, "a domain bound", IN_RANGE);
  const hi = checker.integer(domain.hi, "a domain bound", IN_RANGE);
  if (lo.constant !== undefined && hi.constant !== undefined && lo.constant > hi.constant) {
    checker.report(M.emptyDomain(lo.constant, hi.constant, domain.span));
  }
}

/** Returns the degree of `left − right`. */
function checkConstraint(c: A.ConstraintDecl, checker: ExprChecker, report: (d: Diagnostic) => void): number {
  checker.openBinders(c.binders, c.where);
  const left = checker.numeric(c.left, "a constraint side");
  const right = checker.numeric(c.right, "a constraint side");
  const weight = c.weight;
  if (weight !== undefined && weight.kind !== "penalty-auto") {
    const info = checker.numeric(weight.value, weight.kind === "soft" ? "a soft weight" : "a penalty weight");
    checker.paramOnly(info, IN_WEIGHT, weight.value.span);
  }
  checker.closeBinders();
  if (left.type === "error" || right.type === "error") return Math.max(left.degree, right.degree);
  const degree = Math.max(left.degree, right.degree);
  const span: Span = { ...c.left.span, end: c.right.span.end };
  if (degree === 0) report(M.constantConstraint(span));
  else if (c.op !== "==" && degree > 1) report(M.nonlinearInequality(degree, span));
  else if (c.op === "==" && degree > 1) report(M.degreeAboveTwo("the penalty of this equality (its square)", 2 * degree, span));
  return degree;
}
