// CST → AST for expressions and binders. Operator chains arrive flat from the parser (`a + b - c`
// is one `additive` node) and are folded here into left-associative binary nodes.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import { type Children, type CstNode, has, Incomplete, needNode, needToken, node, nodes, token, tokens } from "./cst-reader.js";
import * as M from "./messages.js";
import { ChainGrouper, type ChainOperands, MAX_CHAIN, PRECEDENCE_ABOVE_NOT } from "./operators.js";
import { joinSpans, type LineIndex } from "./span.js";

// Token names of the literal atoms, hoisted so that no table is built per atom.
const BOOLEANS = [["True", true], ["False", false]] as const;
const CONSTANTS = [["Pi", "pi"], ["E", "e"]] as const;

export class ExprBuilder implements ChainOperands<CstNode> {
  constructor(
    readonly file: string | undefined,
    readonly diagnostics: Diagnostic[],
    readonly lines: LineIndex,
  ) {}

  span(token: IToken): Span {
    return this.lines.tokenSpan(token, this.file);
  }

  identifier(token: IToken): A.Identifier {
    return { kind: "identifier", name: token.image, span: this.span(token) };
  }

  expression(cst: CstNode): A.Expr {
    switch (cst.name) {
      case "expression":
      case "term":
        return this.chain(cst, cst.name === "term" ? "MultiplicativeOperator" : "BinaryOperator");
      case "unary":
        return this.unary(cst.children);
      case "power":
        return this.power(cst.children);
      case "atom":
        return this.atom(cst.children);
      default:
        throw new Error(`internal: '${cst.name}' is not an expression rule`);
    }
  }

  /** An operator chain; see ChainGrouper for how it is grouped. */
  private chain(cst: CstNode, operatorKey: string): A.Expr {
    const operands = nodes(cst.children, "unary");
    const operators = tokens(cst.children, operatorKey);
    if (operands.length === 0) throw new Incomplete("unary");
    if (operators.length >= MAX_CHAIN) {
      this.diagnostics.push(M.expressionTooLong(MAX_CHAIN, this.span(operators[MAX_CHAIN - 1]!)));
      throw new Incomplete("chain");
    }
    // Recovery can leave an operator without its right operand.
    if (operators.length > operands.length - 1) throw new Incomplete("unary");
    return new ChainGrouper(operands, operators, this).group();
  }

  /** One operand of a chain; a `not` takes the tighter operators after it along. */
  operand(cst: CstNode, chain: ChainGrouper<CstNode>): A.Expr {
    const not = token(cst.children, "Not");
    if (not === undefined) return this.expression(cst);
    const operand = chain.climb(PRECEDENCE_ABOVE_NOT, needNode(cst.children, "unary"));
    return { kind: "unary", op: "not", operand, span: joinSpans(this.span(not), operand.span) };
  }

  private unary(children: Children): A.Expr {
    const minus = token(children, "Minus");
    if (minus === undefined) {
      if (token(children, "Not") !== undefined) {
        // A `not` outside an operator chain (as in an exponent): its operand is the unary after it.
        const operand = this.expression(needNode(children, "unary"));
        return { kind: "unary", op: "not", operand, span: joinSpans(this.span(token(children, "Not")!), operand.span) };
      }
      return this.expression(needNode(children, "power"));
    }
    const operand = this.expression(needNode(children, "unary"));
    return { kind: "unary", op: "-", operand, span: joinSpans(this.span(minus), operand.span) };
  }

  private power(children: Children): A.Expr {
    const base = this.expression(needNode(children, "atom"));
    if (token(children, "Caret") === undefined) return base;
    const exponent = this.expression(needNode(children, "unary"));
    return { kind: "binary", op: "^", left: base, right: exponent, span: joinSpans(base.span, exponent.span) };
  }

  private atom(children: Children): A.Expr {
    const number = token(children, "NumberLiteral");
    if (number !== undefined) return this.number(number);
    for (const [key, value] of BOOLEANS) {
      const t = token(children, key);
      if (t !== undefined) return { kind: "bool", value, span: this.span(t) };
    }
    for (const [key, name] of CONSTANTS) {
      const t = token(children, key);
      if (t !== undefined) return { kind: "constant", name, span: this.span(t) };
    }
    const nameCst = node(children, "nameExpr");
    if (nameCst !== undefined) return this.nameExpr(nameCst.children);
    const sum = node(children, "sumExpr");
    if (sum !== undefined) return this.sumExpr(sum.children);
    const ifCst = node(children, "ifExpr");
    if (ifCst !== undefined) return this.ifExpr(ifCst.children);
    // A parenthesised expression: the parentheses are not kept (the formatter re-derives them), but
    // the span grows to include them so that carets point at what the user wrote.
    const inner = this.expression(needNode(children, "expression"));
    const open = token(children, "LParen");
    const close = token(children, "RParen");
    if (open === undefined || close === undefined) return inner;
    return { ...inner, span: joinSpans(this.span(open), this.span(close)) };
  }

  number(t: IToken): A.Expr {
    const value = Number(t.image);
    if (!Number.isFinite(value)) this.diagnostics.push(M.invalidNumber(t.image, this.span(t)));
    return { kind: "number", value: Number.isFinite(value) ? value : 0, text: t.image, span: this.span(t) };
  }

  private nameExpr(children: Children): A.Expr {
    const id = needToken(children, "Identifier");
    const span = this.span(id);
    if (has(children, "LParen")) {
      const args = nodes(children, "args").map((a) => this.expression(a));
      const close = needToken(children, "RParen");
      return { kind: "call", callee: this.identifier(id), args, span: joinSpans(span, this.span(close)) };
    }
    const dims = nodes(children, "dimension");
    const target: A.NameExpr = { kind: "name", name: id.image, span };
    if (dims.length === 0) return target;
    const indices = dims.map((d) => this.dimension(d));
    const last = tokens(dims[dims.length - 1]!.children, "RBracket")[0];
    const end = last === undefined ? indices[indices.length - 1]!.span : this.span(last);
    return { kind: "index", target, indices, span: joinSpans(span, end) };
  }

  dimension(cst: CstNode): A.Expr {
    return this.expression(needNode(cst.children, "expression"));
  }

  private sumExpr(children: Children): A.Expr {
    const sum = needToken(children, "Sum");
    const { binders, where } = this.binderList(needNode(children, "binderList"));
    const body = this.expression(needNode(children, "body"));
    const span = joinSpans(this.span(sum), body.span);
    return where === undefined ? { kind: "sum", binders, body, span } : { kind: "sum", binders, where, body, span };
  }

  private ifExpr(children: Children): A.Expr {
    const start = needToken(children, "If");
    const condition = this.expression(needNode(children, "condition"));
    const then = this.expression(needNode(children, "then"));
    const otherwise = this.expression(needNode(children, "else"));
    return { kind: "if", condition, then, else: otherwise, span: joinSpans(this.span(start), otherwise.span) };
  }

  binderList(cst: CstNode): { binders: A.Binder[]; where?: A.Expr } {
    const binders = nodes(cst.children, "binder").map((b) => this.binder(b.children));
    if (binders.length === 0) throw new Incomplete("binder");
    const whereCst = node(cst.children, "where");
    return whereCst === undefined ? { binders } : { binders, where: this.expression(whereCst) };
  }

  private binder(children: Children): A.Binder {
    const open = token(children, "LParen");
    if (open === undefined) {
      const name = this.identifier(needToken(children, "Identifier"));
      const lo = this.expression(needNode(children, "lo"));
      const hi = this.expression(needNode(children, "hi"));
      return { kind: "range-binder", name, lo, hi, span: joinSpans(name.span, hi.span) };
    }
    const names = tokens(children, "Identifier").map((t) => this.identifier(t));
    if (names.length === 0) throw new Incomplete("Identifier");
    const source = this.expression(needNode(children, "source"));
    return { kind: "tuple-binder", names, source, span: joinSpans(this.span(open), source.span) };
  }
}
