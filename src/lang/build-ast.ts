// CST → AST for declarations and circuit statements, plus the rules a context-free grammar does not
// state: statements on one line need a `;` between them, a constraint is a comparison, encodings are
// known names and belong to `int` variables. This is the recovering path, taken by text with something
// to report; text without is built to the same AST by the parser's actions (ast-factory.ts). A declaration left incomplete by a syntax error is
// dropped here (its syntax error is already reported), so the checker sees only whole nodes.
import type { IToken } from "chevrotain";
import * as A from "./ast.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import { ExprBuilder } from "./build-expr.js";
import { type Children, type CstNode, firstToken, Incomplete, needNode, needToken, node, nodes, nodesInOrder, token, tokens } from "./cst-reader.js";
import * as M from "./messages.js";
import { joinSpans, type LineIndex, makeSpan, positionAt } from "./span.js";
import { nearestName } from "./suggest.js";

const ENCODINGS: readonly A.IntEncoding[] = ["binary", "unary", "onehot", "domainwall"];
const SCALAR_TOKENS: readonly [string, A.ScalarTypeName][] = [["Int", "int"], ["Real", "real"], ["Bool", "bool"], ["Angle", "angle"]];
const PROBLEM_MEMBERS = ["paramDecl", "varDecl", "letDecl", "objectiveDecl", "constraintDecl"] as const;
const TOP_LEVEL = ["problemDecl", "circuitDecl", "gateDecl"] as const;
const STATEMENTS = ["qubitDecl", "forStmt", "measureStmt", "resetStmt", "barrierStmt", "gateApply"] as const;

export class AstBuilder extends ExprBuilder {
  constructor(
    readonly source: string,
    file: string | undefined,
    diagnostics: Diagnostic[],
    lines: LineIndex,
  ) {
    super(file, diagnostics, lines);
  }

  program(cst: CstNode | undefined, comments: readonly IToken[]): A.Program {
    const items = cst === undefined ? [] : this.sequence(cst.children, TOP_LEVEL, (n) => this.topLevel(n));
    const span = makeSpan(positionAt(this.source, 0), positionAt(this.source, this.source.length), this.file);
    const commentNodes: A.Comment[] = comments.map((c) => ({
      kind: "comment",
      text: c.image,
      block: c.image.startsWith("/*"),
      span: this.span(c),
    }));
    return { kind: "program", items, comments: commentNodes, span };
  }

  /** Converts the statements of a block in source order; reports two statements with no separator between them. */
  private sequence<T>(children: Children, keys: readonly string[], convert: (cst: CstNode) => T): T[] {
    const members = nodesInOrder(children, keys);
    // Separator offsets, in source order; walked with one cursor, so a block is checked in linear time.
    const separators = nodes(children, "separator").map((s) => s.location?.startOffset ?? Number.NaN);
    let cursor = 0;
    const out: T[] = [];
    let previousEnd = Number.NaN;
    for (const member of members) {
      const start = member.location?.startOffset ?? Number.NaN;
      let lastSeparator = Number.NaN;
      while (cursor < separators.length && !(separators[cursor]! > start)) lastSeparator = separators[cursor++]!;
      // A member that needed recovery already has a syntax error; do not pile a separator error on it.
      if (member.recoveredNode === true) previousEnd = Number.NaN;
      const separated = !Number.isNaN(lastSeparator) && lastSeparator > previousEnd;
      if (!Number.isNaN(previousEnd) && !Number.isNaN(start) && this.source[previousEnd] !== "}" && !separated) {
        const first = firstToken(member);
        if (first !== undefined) this.diagnostics.push(M.missingSeparator(this.span(first)));
      }
      previousEnd = member.recoveredNode === true ? Number.NaN : (member.location?.endOffset ?? Number.NaN);
      try {
        out.push(convert(member));
      } catch (error) {
        if (!(error instanceof Incomplete)) throw error;
      }
    }
    return out;
  }

  private topLevel(cst: CstNode): A.TopLevelItem {
    switch (cst.name) {
      case "problemDecl":
        return this.problem(cst.children);
      case "circuitDecl":
        return this.circuit(cst.children);
      case "gateDecl":
        return this.gate(cst.children);
      default:
        throw new Error(`internal: unexpected top-level rule '${cst.name}'`);
    }
  }

  private closing(children: Children, start: IToken, fallback: Span): Span {
    const close = token(children, "RCurly");
    return joinSpans(this.span(start), close === undefined ? fallback : this.span(close));
  }

  // ── problems ──────────────────────────────────────────────────────────────────────────────────

  private problem(children: Children): A.ProblemDecl {
    const start = needToken(children, "Problem");
    const name = this.identifier(needToken(children, "Identifier"));
    const members = this.sequence(children, PROBLEM_MEMBERS, (n) => this.member(n));
    return { kind: "problem", name, members, span: this.closing(children, start, name.span) };
  }

  private member(cst: CstNode): A.ProblemMember {
    const c = cst.children;
    switch (cst.name) {
      case "paramDecl": {
        const start = needToken(c, "Param");
        const name = this.identifier(needToken(c, "Identifier"));
        const type = this.typeExpr(needNode(c, "typeExpr").children);
        const defaultCst = node(c, "expression");
        if (defaultCst === undefined) return { kind: "param", name, type, span: joinSpans(this.span(start), type.span) };
        const value = this.expression(defaultCst);
        return { kind: "param", name, type, default: value, span: joinSpans(this.span(start), value.span) };
      }
      case "varDecl":
        return this.varDecl(c);
      case "letDecl": {
        const start = needToken(c, "Let");
        const name = this.identifier(needToken(c, "Identifier"));
        const value = this.expression(needNode(c, "expression"));
        return { kind: "let", name, value, span: joinSpans(this.span(start), value.span) };
      }
      case "objectiveDecl": {
        const keyword = token(c, "Minimize") ?? needToken(c, "Maximize");
        const expr = this.expression(needNode(c, "expression"));
        const sense: A.Sense = keyword.image === "minimize" ? "minimize" : "maximize";
        return { kind: "objective", sense, expr, span: joinSpans(this.span(keyword), expr.span) };
      }
      case "constraintDecl":
        return this.constraint(c, cst.recoveredNode === true);
      default:
        throw new Error(`internal: unexpected problem member '${cst.name}'`);
    }
  }

  private scalarType(children: Children): A.ScalarTypeExpr {
    for (const [key, name] of SCALAR_TOKENS) {
      const t = token(children, key);
      if (t !== undefined) return { kind: "scalar-type", name, span: this.span(t) };
    }
    throw new Incomplete("scalarType");
  }

  private typeExpr(children: Children): A.TypeExpr {
    const open = token(children, "LParen");
    if (open !== undefined) {
      const fields = nodes(children, "scalarType").map((s) => this.scalarType(s.children));
      const close = tokens(children, "RBracket")[0];
      if (fields.length === 0 || close === undefined) throw new Incomplete("typeExpr");
      return { kind: "tuple-list-type", fields, span: joinSpans(this.span(open), this.span(close)) };
    }
    const element = this.scalarType(needNode(children, "scalarType").children);
    return this.withDims(element, nodes(children, "dimension"));
  }

  private withDims(element: A.ScalarTypeExpr, dimCsts: CstNode[]): A.ScalarTypeExpr | A.ArrayTypeExpr {
    if (dimCsts.length === 0) return element;
    const dims = dimCsts.map((d) => this.dimension(d));
    return { kind: "array-type", element, dims, span: joinSpans(element.span, this.dimsEnd(dimCsts, dims)) };
  }

  private dimsEnd(dimCsts: readonly CstNode[], dims: readonly A.Expr[]): Span {
    const close = token(dimCsts[dimCsts.length - 1]!.children, "RBracket");
    return close === undefined ? dims[dims.length - 1]!.span : this.span(close);
  }

  private varDecl(c: Children): A.VarDecl {
    const start = needToken(c, "Var");
    const name = this.identifier(needToken(c, "Identifier"));
    let domain: A.Domain;
    const binary = token(c, "Binary");
    const spin = token(c, "Spin");
    const int = token(c, "Int");
    if (int !== undefined) {
      const lo = this.expression(needNode(c, "lo"));
      const hi = this.expression(needNode(c, "hi"));
      const close = token(c, "RBracket");
      domain = { kind: "int-domain", lo, hi, span: joinSpans(this.span(int), close === undefined ? hi.span : this.span(close)) };
    } else if (binary !== undefined) {
      domain = { kind: "binary-domain", span: this.span(binary) };
    } else if (spin !== undefined) {
      domain = { kind: "spin-domain", span: this.span(spin) };
    } else {
      throw new Incomplete("domain");
    }
    const dimCsts = nodes(c, "dimension");
    const dims = dimCsts.map((d) => this.dimension(d));
    let end = dims.length > 0 ? this.dimsEnd(dimCsts, dims) : domain.span;
    const encodingToken = token(c, "encodingName");
    if (encodingToken !== undefined) {
      end = this.span(encodingToken);
      const encoding = ENCODINGS.find((e) => e === encodingToken.image);
      if (encoding === undefined) {
        this.diagnostics.push(M.unknownEncoding(encodingToken.image, nearestName(encodingToken.image, ENCODINGS), end));
      } else if (domain.kind !== "int-domain") {
        this.diagnostics.push(M.encodingNotInt(domain.kind === "binary-domain" ? "binary" : "spin", end));
      } else {
        domain = { ...domain, encoding };
      }
    }
    return { kind: "var", name, domain, dims, span: joinSpans(this.span(start), end) };
  }

  private constraint(c: Children, recovered: boolean): A.ConstraintDecl {
    const start = needToken(c, "Constraint");
    const name = this.identifier(needToken(c, "Identifier"));
    const binderCst = node(c, "binderList");
    const { binders, where } = binderCst === undefined ? { binders: [], where: undefined } : this.binderList(binderCst);
    const expr = this.expression(needNode(c, "expression"));
    if (expr.kind !== "binary" || (expr.op !== "==" && expr.op !== "<=" && expr.op !== ">=")) {
      if (!recovered) this.diagnostics.push(M.constraintNotComparison(expr.span));
      throw new Incomplete("comparison");
    }
    let weight: A.ConstraintWeight | undefined;
    const auto = token(c, "Auto");
    const penalty = token(c, "Penalty");
    const soft = token(c, "Soft");
    const weightCst = node(c, "weight");
    if (penalty !== undefined && auto !== undefined) {
      weight = { kind: "penalty-auto", span: joinSpans(this.span(penalty), this.span(auto)) };
    } else if (penalty !== undefined || soft !== undefined) {
      const value = this.expression(weightCst ?? needNode(c, "weight"));
      const keyword = (penalty ?? soft)!;
      weight = { kind: penalty !== undefined ? "penalty" : "soft", value, span: joinSpans(this.span(keyword), value.span) };
    }
    return A.constraintDecl(name, binders, where, { left: expr.left, op: expr.op, right: expr.right }, weight, joinSpans(this.span(start), weight?.span ?? expr.span));
  }

  // ── circuits ──────────────────────────────────────────────────────────────────────────────────

  private circuit(c: Children): A.CircuitDecl | A.AnsatzDecl {
    const start = needToken(c, "Circuit");
    const name = this.identifier(needToken(c, "Identifier"));
    if (token(c, "Assign") !== undefined) {
      const ansatz = this.identifier(needToken(c, "ansatz"));
      const problem = this.identifier(needToken(c, "problem"));
      const options = nodes(c, "namedArg").map((n) => this.namedArg(n.children));
      const close = needToken(c, "RParen");
      return { kind: "ansatz", name, ansatz, problem, options, span: joinSpans(this.span(start), this.span(close)) };
    }
    const paramsCst = node(c, "circuitParams");
    const params = paramsCst === undefined ? [] : this.circuitParams(paramsCst.children);
    const bodyCst = needNode(c, "circuitBody");
    const body = this.body(bodyCst.children);
    return { kind: "circuit", name, params, body, span: this.closing(bodyCst.children, start, name.span) };
  }

  private namedArg(c: Children): A.NamedArg {
    const name = this.identifier(needToken(c, "Identifier"));
    const value = this.expression(needNode(c, "expression"));
    return { kind: "named-arg", name, value, span: joinSpans(name.span, value.span) };
  }

  private circuitParams(c: Children): A.CircuitParam[] {
    return nodes(c, "circuitParam").map((p) => {
      const name = this.identifier(needToken(p.children, "Identifier"));
      const element = this.scalarType(needNode(p.children, "scalarType").children);
      const type = this.withDims(element, nodes(p.children, "dimension"));
      return { kind: "circuit-param", name, type, span: joinSpans(name.span, type.span) };
    });
  }

  private gate(c: Children): A.GateDecl {
    const start = needToken(c, "Gate");
    const name = this.identifier(needToken(c, "Identifier"));
    const paramsCst = node(c, "circuitParams");
    const params = paramsCst === undefined ? [] : this.circuitParams(paramsCst.children);
    const qubits = tokens(c, "qubits").map((t) => this.identifier(t));
    if (qubits.length === 0) throw new Incomplete("qubits");
    const bodyCst = needNode(c, "circuitBody");
    const body = this.body(bodyCst.children);
    return { kind: "gate", name, params, qubits, body, span: this.closing(bodyCst.children, start, name.span) };
  }

  private body(c: Children): A.CircuitStmt[] {
    return this.sequence(c, STATEMENTS, (n) => this.statement(n));
  }

  private statement(cst: CstNode): A.CircuitStmt {
    const c = cst.children;
    switch (cst.name) {
      case "qubitDecl": {
        const start = needToken(c, "Qubit");
        const name = this.identifier(needToken(c, "Identifier"));
        const dim = node(c, "dimension");
        if (dim === undefined) return { kind: "qubit-decl", name, span: joinSpans(this.span(start), name.span) };
        const size = this.dimension(dim);
        return { kind: "qubit-decl", name, size, span: joinSpans(this.span(start), this.dimsEnd([dim], [size])) };
      }
      case "forStmt": {
        const start = needToken(c, "For");
        const variable = this.identifier(needToken(c, "Identifier"));
        const lo = this.expression(needNode(c, "lo"));
        const hi = this.expression(needNode(c, "hi"));
        const bodyCst = needNode(c, "circuitBody");
        const body = this.body(bodyCst.children);
        return { kind: "for", variable, lo, hi, body, span: this.closing(bodyCst.children, start, hi.span) };
      }
      case "measureStmt":
      case "resetStmt":
      case "barrierStmt": {
        const keyword = token(c, "Measure") ?? token(c, "Reset") ?? needToken(c, "Barrier");
        const refs = node(c, "qubitRefs");
        const targets = refs === undefined ? [] : this.qubitRefs(refs.children);
        if (targets.length === 0 && cst.name !== "barrierStmt") throw new Incomplete("qubitRefs");
        const span = joinSpans(this.span(keyword), targets.length > 0 ? targets[targets.length - 1]!.span : this.span(keyword));
        const kind = cst.name === "measureStmt" ? "measure" : cst.name === "resetStmt" ? "reset" : "barrier";
        return { kind, targets, span };
      }
      case "gateApply": {
        const gate = this.identifier(needToken(c, "Identifier"));
        const angles = nodes(c, "angles").map((a) => this.expression(a));
        const qubits = this.qubitRefs(needNode(c, "qubitRefs").children);
        if (qubits.length === 0) throw new Incomplete("qubitRefs");
        return { kind: "gate-apply", gate, angles, qubits, span: joinSpans(gate.span, qubits[qubits.length - 1]!.span) };
      }
      default:
        throw new Error(`internal: unexpected circuit statement '${cst.name}'`);
    }
  }

  private qubitRefs(c: Children): A.QubitRef[] {
    return nodes(c, "qubitRef").map((r) => {
      const register = this.identifier(needToken(r.children, "Identifier"));
      const dim = node(r.children, "dimension");
      if (dim === undefined) return { kind: "qubit-ref", register, span: register.span };
      const index = this.dimension(dim);
      return { kind: "qubit-ref", register, index, span: joinSpans(register.span, this.dimsEnd([dim], [index])) };
    });
  }
}
