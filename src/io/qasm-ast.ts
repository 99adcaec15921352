// The syntax tree of an OpenQASM 2.0 program, as written: names are not resolved and expressions are
// not evaluated yet (qasm-import.ts does both). Every node keeps the span of its source text so that
// semantic errors point at the right place.
import type { Span } from "../lang/diagnostic.js";

export type QasmExpr =
  | { readonly kind: "number"; readonly value: number; readonly span: Span }
  | { readonly kind: "pi"; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | { readonly kind: "neg"; readonly arg: QasmExpr; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/" | "^";
      readonly left: QasmExpr;
      readonly right: QasmExpr;
      readonly span: Span;
    }
  | { readonly kind: "call"; readonly fn: QasmFunction; readonly arg: QasmExpr; readonly span: Span };

export const QASM_FUNCTIONS = ["sin", "cos", "tan", "exp", "ln", "sqrt"] as const;
export type QasmFunction = (typeof QASM_FUNCTIONS)[number];

/** `q` (a whole register, or a formal qubit inside a gate body) or `q[3]`. */
export interface QasmArgument {
  readonly name: string;
  readonly index?: number;
  readonly span: Span;
}

export interface QasmGateCall {
  readonly kind: "call";
  readonly name: string;
  readonly nameSpan: Span;
  readonly params: readonly QasmExpr[];
  readonly args: readonly QasmArgument[];
  readonly span: Span;
}

export type QasmQuantumOp =
  | QasmGateCall
  | { readonly kind: "measure"; readonly qubit: QasmArgument; readonly bit: QasmArgument; readonly span: Span }
  | { readonly kind: "reset"; readonly qubit: QasmArgument; readonly span: Span }
  | { readonly kind: "barrier"; readonly args: readonly QasmArgument[]; readonly span: Span };

export interface QasmGateDefinition {
  readonly kind: "gate";
  readonly opaque: boolean;
  readonly name: string;
  readonly nameSpan: Span;
  readonly params: readonly { readonly name: string; readonly span: Span }[];
  readonly qubits: readonly { readonly name: string; readonly span: Span }[];
  /** Gate calls and barriers only; empty for `opaque`. */
  readonly body: readonly QasmQuantumOp[];
  readonly span: Span;
}

export type QasmStatement =
  | { readonly kind: "include"; readonly path: string; readonly span: Span }
  | {
      readonly kind: "register";
      readonly quantum: boolean;
      readonly name: string;
      readonly size: number;
      readonly span: Span;
      readonly sizeSpan: Span;
    }
  | QasmGateDefinition
  | QasmQuantumOp
  | {
      readonly kind: "if";
      readonly register: string;
      readonly registerSpan: Span;
      readonly value: number;
      readonly op: QasmQuantumOp;
      readonly span: Span;
    };

export interface QasmProgram {
  readonly version?: string;
  readonly statements: readonly QasmStatement[];
}
