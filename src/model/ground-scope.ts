// Parameter values while grounding: bound params plus binder values, updated in place as
// binders iterate (no scope object per iteration), and the iteration of binder lists itself.
import type { Binder, Expr as AstExpr } from "../lang/ast.js";
import type { Span } from "../lang/diagnostic.js";
import { evaluate, type Scope } from "./bind-eval.js";
import type { ParamValue } from "./bind-types.js";

/** A data-dependent grounding failure at a source location. */
export class GroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** Params plus binder values; `each` expands binder lists, counting iterations against a budget. */
export class GroundScope implements Scope {
  readonly binders = new Map<string, ParamValue>();
  private steps = 0;

  constructor(
    private readonly params: Map<string, ParamValue>,
    private readonly maxSteps: number,
    private readonly span: Span,
  ) {}

  get(name: string): ParamValue | undefined {
    const value = this.binders.get(name);
    return value !== undefined ? value : this.params.get(name);
  }

  setParam(name: string, value: ParamValue): void {
    this.params.set(name, value);
  }

  /**
   * Parameter value of `node`. The common shapes (literals, names, indexing, arithmetic and
   * comparisons on numbers) are evaluated here without allocating; anything else, and anything
   * unusual (a bad index, division by zero, a non-finite result), goes to the shared evaluator,
   * which computes the same value or reports the error at its span.
   */
  value(node: AstExpr): ParamValue {
    const fast = this.fastValue(node);
    return fast !== undefined ? fast : evaluate(node, this);
  }

  private fastValue(node: AstExpr): ParamValue | undefined {
    switch (node.kind) {
      case "number":
        return node.value;
      case "name":
        return this.get(node.name);
      case "index": {
        let value = this.get(node.target.name);
        const indices = node.indices;
        for (let d = 0; d < indices.length; d++) {
          const i = this.fastValue(indices[d]);
          if (!Array.isArray(value) || typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= value.length) return undefined;
          value = (value as readonly ParamValue[])[i];
        }
        return value;
      }
      case "binary": {
        const a = this.fastValue(node.left);
        if (typeof a !== "number") return undefined;
        const b = this.fastValue(node.right);
        if (typeof b !== "number") return undefined;
        let r: number | boolean;
        switch (node.op) {
          case "+": r = a + b; break;
          case "-": r = a - b; break;
          case "*": r = a * b; break;
          case "==": return a === b;
          case "!=": return a !== b;
          case "<": return a < b;
          case "<=": return a <= b;
          case ">": return a > b;
          case ">=": return a >= b;
          default: return undefined;
        }
        return Number.isFinite(r) ? r : undefined;
      }
      default:
        return undefined;
    }
  }

  number(node: AstExpr): number {
    const value = this.value(node);
    if (typeof value !== "number") throw new GroundError("expected-number", `expected a number here`, node.span);
    return value;
  }

  /** Runs `body` once per binding of binders[at..] that passes `where`, binders set in scope. */
  each(binders: readonly Binder[], at: number, where: AstExpr | undefined, test: (where: AstExpr) => boolean, body: () => void): void {
    if (at === binders.length) {
      if (++this.steps > this.maxSteps) throw new GroundError("model-too-large", `grounding needs more than ${this.maxSteps} iterations`, binders[0]?.span ?? where?.span ?? this.span);
      if (where === undefined || test(where)) body();
      return;
    }
    const binder = binders[at];
    const saved = binder.kind === "range-binder" ? [binder.name.name] : binder.names.map((n) => n.name);
    const previous = saved.map((n) => this.binders.get(n));
    try {
      if (binder.kind === "range-binder") {
        const lo = this.number(binder.lo);
        const hi = this.number(binder.hi);
        if (!Number.isInteger(lo) || !Number.isInteger(hi)) throw new GroundError("bad-range", `range bounds must be integers, got ${lo}..${hi}`, binder.span);
        if (hi - lo >= this.maxSteps) throw new GroundError("model-too-large", `range ${lo}..${hi} is too long to expand`, binder.span);
        for (let i = lo; i <= hi; i++) {
          this.binders.set(saved[0], i);
          this.each(binders, at + 1, where, test, body);
        }
      } else {
        const list = this.value(binder.source);
        if (!Array.isArray(list)) throw new GroundError("bad-tuple-list", `expected a list of tuples to iterate`, binder.source.span);
        for (const tuple of list as readonly ParamValue[]) {
          if (!Array.isArray(tuple) || tuple.length !== saved.length) throw new GroundError("bad-tuple-list", `expected tuples of ${saved.length} fields`, binder.source.span);
          for (let k = 0; k < saved.length; k++) this.binders.set(saved[k], (tuple as readonly ParamValue[])[k]);
          this.each(binders, at + 1, where, test, body);
        }
      }
    } finally {
      saved.forEach((n, k) => (previous[k] === undefined ? this.binders.delete(n) : this.binders.set(n, previous[k]!)));
    }
  }
}
