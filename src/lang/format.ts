// The canonical layout of a program: two-space indentation, one statement per line, a blank line
// between top-level declarations, blank lines inside blocks kept (at most one), minimal parentheses.
// Comments are kept: a comment is printed before the statement it precedes (or that contains it), or
// after it on the same line when it followed it there. `format(parse(src).ast)` re-parses to the same
// AST (spans aside), and formatting is idempotent.
import * as A from "./ast.js";
import { PREC_ADDITIVE, printBinders, printCompact, printExpr } from "./format-expr.js";

const INDENT = "  ";
/** A `for` with one simple statement stays on one line when it fits. */
const MAX_ONE_LINE = 100;

export function format(program: A.Program): string {
  const printer = new Printer(program.comments);
  program.items.forEach((item, i) => {
    if (i > 0) printer.blank();
    printer.leadingComments(item.span.start.offset, 0);
    printItem(printer, item);
  });
  printer.leadingComments(Number.POSITIVE_INFINITY, 0);
  return printer.text();
}

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly comments: readonly A.Comment[]) {}

  line(depth: number, text: string): void {
    this.lines.push(INDENT.repeat(depth) + text);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  /** Prints, on their own lines, the comments that start before `offset`. */
  leadingComments(offset: number, depth: number): void {
    while (this.next < this.comments.length && this.comments[this.next]!.span.start.offset < offset) {
      for (const text of this.comments[this.next]!.text.split("\n")) this.line(depth, text.trimEnd());
      this.next++;
    }
  }

  /** Appends a line comment that follows `node` on its last line; prints a statement line. */
  statement(depth: number, text: string, node: { readonly span: A.Comment["span"] }, until: number): void {
    const comment = this.comments[this.next];
    if (comment !== undefined && !comment.block && comment.span.start.line === node.span.end.line && comment.span.start.offset >= node.span.end.offset && comment.span.start.offset < until) {
      this.line(depth, `${text} ${comment.text.trimEnd()}`);
      this.next++;
    } else {
      this.line(depth, text);
    }
  }

  /** The line of the first not-yet-printed comment, when it starts before `offset`. */
  firstCommentLineBefore(offset: number): number | undefined {
    const comment = this.comments[this.next];
    return comment !== undefined && comment.span.start.offset < offset ? comment.span.start.line : undefined;
  }

  /** True when a comment starts inside [from, to). */
  hasCommentIn(from: number, to: number): boolean {
    return this.comments.some((c) => c.span.start.offset >= from && c.span.start.offset < to);
  }

  text(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.length === 0 ? "" : this.lines.join("\n") + "\n";
  }
}

type Spanned = { readonly span: A.Comment["span"] };

/** Prints a block's members with their comments, keeping single blank lines between them. */
function printBlock<T extends Spanned>(printer: Printer, members: readonly T[], depth: number, blockEnd: number, print: (member: T, until: number) => void): void {
  members.forEach((member, i) => {
    const previous = members[i - 1];
    const startLine = printer.firstCommentLineBefore(member.span.start.offset) ?? member.span.start.line;
    if (previous !== undefined && startLine - previous.span.end.line > 1) printer.blank();
    printer.leadingComments(member.span.start.offset, depth);
    print(member, members[i + 1]?.span.start.offset ?? blockEnd);
  });
  printer.leadingComments(blockEnd, depth);
}

function printItem(printer: Printer, item: A.TopLevelItem): void {
  const end = item.span.end.offset;
  switch (item.kind) {
    case "problem":
      printer.line(0, `problem ${item.name.name} {`);
      printBlock(printer, item.members, 1, end, (m, until) => printer.statement(1, printMember(m), m, until));
      printer.line(0, "}");
      return;
    case "circuit": {
      const params = item.params.length === 0 ? "" : `(${item.params.map(printCircuitParam).join(", ")})`;
      printer.line(0, `circuit ${item.name.name}${params} {`);
      printStatements(printer, item.body, 1, end);
      printer.line(0, "}");
      return;
    }
    case "gate": {
      const params = item.params.length === 0 ? "" : `(${item.params.map(printCircuitParam).join(", ")})`;
      printer.line(0, `gate ${item.name.name}${params} ${item.qubits.map((q) => q.name).join(", ")} {`);
      printStatements(printer, item.body, 1, end);
      printer.line(0, "}");
      return;
    }
    case "ansatz": {
      const options = item.options.map((o) => `, ${o.name.name}: ${printExpr(o.value)}`).join("");
      printer.statement(0, `circuit ${item.name.name} = ${item.ansatz.name}(${item.problem.name}${options})`, item, Number.POSITIVE_INFINITY);
      return;
    }
    default:
      A.assertNever(item);
  }
}

function printType(type: A.TypeExpr): string {
  switch (type.kind) {
    case "scalar-type":
      return type.name;
    case "array-type":
      return `${type.element.name}${type.dims.map((d) => `[${printCompact(d)}]`).join("")}`;
    case "tuple-list-type":
      return `(${type.fields.map((f) => f.name).join(", ")})[]`;
    default:
      return A.assertNever(type);
  }
}

function printDomain(domain: A.Domain): string {
  switch (domain.kind) {
    case "binary-domain":
      return "binary";
    case "spin-domain":
      return "spin";
    case "int-domain":
      return `int[${printCompact(domain.lo)}..${printCompact(domain.hi)}]`;
    default:
      return A.assertNever(domain);
  }
}

export function printMember(member: A.ProblemMember): string {
  switch (member.kind) {
    case "param":
      return `param ${member.name.name}: ${printType(member.type)}${member.default === undefined ? "" : ` = ${printExpr(member.default)}`}`;
    case "var": {
      const dims = member.dims.map((d) => `[${printCompact(d)}]`).join("");
      const encoding = member.domain.kind === "int-domain" && member.domain.encoding !== undefined ? ` encoding ${member.domain.encoding}` : "";
      return `var ${member.name.name}: ${printDomain(member.domain)}${dims}${encoding}`;
    }
    case "let":
      return `let ${member.name.name} = ${printExpr(member.value)}`;
    case "objective":
      return `${member.sense} ${printExpr(member.expr)}`;
    case "constraint": {
      const family = member.binders.length === 0 ? "" : `[${printBinders(member.binders, member.where)}]`;
      const left = printExpr(member.left, PREC_ADDITIVE, 4);
      const right = printExpr(member.right, PREC_ADDITIVE);
      return `constraint ${member.name.name}${family}: ${left} ${member.op} ${right}${printWeight(member.weight)}`;
    }
    default:
      return A.assertNever(member);
  }
}

function printWeight(weight: A.ConstraintWeight | undefined): string {
  if (weight === undefined) return "";
  switch (weight.kind) {
    case "penalty-auto":
      return " penalty auto";
    case "penalty":
      return ` penalty ${printExpr(weight.value)}`;
    case "soft":
      return ` soft ${printExpr(weight.value)}`;
    default:
      return A.assertNever(weight);
  }
}

function printCircuitParam(param: A.CircuitParam): string {
  return `${param.name.name}: ${printType(param.type)}`;
}

function printQubitRef(ref: A.QubitRef): string {
  return ref.index === undefined ? ref.register.name : `${ref.register.name}[${printCompact(ref.index)}]`;
}

function printSimple(s: Exclude<A.CircuitStmt, A.ForStmt>): string {
  switch (s.kind) {
    case "qubit-decl":
      return s.size === undefined ? `qubit ${s.name.name}` : `qubit ${s.name.name}[${printCompact(s.size)}]`;
    case "gate-apply": {
      const angles = s.angles.length === 0 ? "" : `(${s.angles.map((a) => printExpr(a)).join(", ")})`;
      return `${s.gate.name}${angles} ${s.qubits.map(printQubitRef).join(", ")}`;
    }
    case "measure":
    case "reset":
    case "barrier":
      return s.targets.length === 0 ? s.kind : `${s.kind} ${s.targets.map(printQubitRef).join(", ")}`;
    default:
      return A.assertNever(s);
  }
}

function printStatements(printer: Printer, body: readonly A.CircuitStmt[], depth: number, blockEnd: number): void {
  printBlock(printer, body, depth, blockEnd, (s, until) => {
    if (s.kind !== "for") {
      printer.statement(depth, printSimple(s), s, until);
      return;
    }
    const head = `for ${s.variable.name} in ${printCompact(s.lo, PREC_ADDITIVE)}..${printCompact(s.hi, PREC_ADDITIVE)} {`;
    const only = s.body[0];
    if (s.body.length === 1 && only!.kind !== "for" && !printer.hasCommentIn(s.span.start.offset, s.span.end.offset)) {
      const oneLine = `${head} ${printSimple(only!)} }`;
      if (INDENT.length * depth + oneLine.length <= MAX_ONE_LINE) {
        printer.statement(depth, oneLine, s, until);
        return;
      }
    }
    printer.line(depth, head);
    printStatements(printer, s.body, depth + 1, s.span.end.offset);
    printer.statement(depth, "}", s, until);
  });
}
