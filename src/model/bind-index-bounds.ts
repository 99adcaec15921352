// Index bounds that binding can check before grounding: a tuple list's int fields used directly as
// indices, as in `sum((u, v, w) in edges) w * x[u] * x[v]`. Every tuple in the data is checked
// against the size of the array or variable it indexes, and an edge `(3, 9, 1.0)` for `x: binary[8]`
// is reported at the declaration of `edges`, with a note pointing at `x[v]`.
// Indices computed by expressions (`x[u - 1]`) are left to grounding, which sees every value.
import type { Binder, ConstraintDecl, Expr, IndexExpr, ProblemDecl } from "../lang/ast.js";
import { assertNever } from "../lang/ast.js";
import type { Span } from "../lang/diagnostic.js";

/** One place where field `field` of tuple-list param `list` indexes dimension `dim` of `target`. */
export interface TupleIndexUse {
  readonly list: string;
  readonly field: number;
  readonly target: string;
  readonly dim: number;
  /** The indexing expression, e.g. `x[u]`, for the note. */
  readonly usage: IndexExpr;
  readonly span: Span;
}

interface Binding {
  readonly list: string;
  readonly field: number;
}

/** Every direct use of a tuple field as an index into a param array or a variable of `problem`. */
export function findTupleIndexUses(problem: ProblemDecl): TupleIndexUse[] {
  const lists = new Set<string>();
  const indexables = new Set<string>();
  for (const member of problem.members) {
    if (member.kind === "param" && member.type.kind === "tuple-list-type") lists.add(member.name.name);
    if (member.kind === "param" && member.type.kind === "array-type") indexables.add(member.name.name);
    if (member.kind === "var" && member.dims.length > 0) indexables.add(member.name.name);
  }
  const uses: TupleIndexUse[] = [];
  if (lists.size === 0) return uses;
  const walker = new Walker(lists, indexables, uses);
  for (const member of problem.members) {
    switch (member.kind) {
      case "param":
      case "var":
        break;
      case "let":
        walker.expr(member.value, new Map());
        break;
      case "objective":
        walker.expr(member.expr, new Map());
        break;
      case "constraint":
        walker.constraint(member);
        break;
      default:
        assertNever(member);
    }
  }
  return uses;
}

/** Scope: binder names in effect; a name maps to its tuple field, or to undefined when shadowed. */
type Bindings = ReadonlyMap<string, Binding | undefined>;

class Walker {
  constructor(
    private readonly lists: ReadonlySet<string>,
    private readonly indexables: ReadonlySet<string>,
    private readonly uses: TupleIndexUse[],
  ) {}

  constraint(decl: ConstraintDecl): void {
    const scope = this.bind(decl.binders, new Map());
    if (decl.where !== undefined) this.expr(decl.where, scope);
    this.expr(decl.left, scope);
    this.expr(decl.right, scope);
    if (decl.weight !== undefined && decl.weight.kind !== "penalty-auto") this.expr(decl.weight.value, scope);
  }

  expr(expr: Expr, scope: Bindings): void {
    switch (expr.kind) {
      case "number":
      case "bool":
      case "constant":
      case "name":
        return;
      case "index":
        this.index(expr, scope);
        for (const index of expr.indices) this.expr(index, scope);
        return;
      case "call":
        for (const arg of expr.args) this.expr(arg, scope);
        return;
      case "unary":
        this.expr(expr.operand, scope);
        return;
      case "binary":
        this.expr(expr.left, scope);
        this.expr(expr.right, scope);
        return;
      case "if":
        this.expr(expr.condition, scope);
        this.expr(expr.then, scope);
        this.expr(expr.else, scope);
        return;
      case "sum": {
        const inner = this.bind(expr.binders, scope);
        if (expr.where !== undefined) this.expr(expr.where, inner);
        this.expr(expr.body, inner);
        return;
      }
      default:
        assertNever(expr);
    }
  }

  // Binders bind left to right; bounds and sources see the binders before them.
  private bind(binders: readonly Binder[], outer: Bindings): Bindings {
    let scope = outer;
    for (const binder of binders) {
      const inner = new Map(scope);
      if (binder.kind === "range-binder") {
        this.expr(binder.lo, scope);
        this.expr(binder.hi, scope);
        inner.set(binder.name.name, undefined);
      } else {
        this.expr(binder.source, scope);
        const source = binder.source;
        const list = source.kind === "name" && !scope.has(source.name) && this.lists.has(source.name) ? source.name : undefined;
        binder.names.forEach((name, field) => inner.set(name.name, list === undefined ? undefined : { list, field }));
      }
      scope = inner;
    }
    return scope;
  }

  private index(expr: IndexExpr, scope: Bindings): void {
    const target = expr.target.name;
    if (scope.has(target) || !this.indexables.has(target)) return;
    expr.indices.forEach((index, dim) => {
      if (index.kind !== "name") return;
      const binding = scope.get(index.name);
      if (binding === undefined) return;
      this.uses.push({ list: binding.list, field: binding.field, target, dim, usage: expr, span: index.span });
    });
  }
}
