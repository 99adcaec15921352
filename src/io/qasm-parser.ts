// OpenQASM 2.0 syntax → QasmProgram, by recursive descent over the Chevrotain tokens. A program
// headed `OPENQASM 3.0;` may also use the OpenQASM 3 forms that `exportQasm3` writes — register
// declarations `qubit[n] q;` / `bit[n] c;` and measurements `c[k] = measure q[k];` — which map onto
// the same statements as `qreg`, `creg` and `measure q -> c` (the rest of OpenQASM 3 is not read).
//
//   program   := ("OPENQASM" real ";")? statement*
//   statement := "include" string ";" | ("qreg"|"creg") id "[" int "]" ";"
//              | ("qubit"|"bit") ("[" int "]")? id ";"  |  arg "=" "measure" arg ";"     (3.0 only)
//              | ("gate"|"opaque") id ("(" ids? ")")? ids ("{" body "}" | ";")
//              | "if" "(" id "==" int ")" qop | qop
//   qop       := id ("(" exprs? ")")? args ";" | "measure" arg "->" arg ";" | "reset" arg ";"
//              | "barrier" args ";"
//   expr      := term (("+"|"-") term)*      term := unary (("*"|"/") unary)*
//   unary     := "-" unary | power            power := atom ("^" unary)?     (right-associative)
//   atom      := number | "pi" | id | fn "(" expr ")" | "(" expr ")"
//
// A syntax error becomes a diagnostic and the parser skips to the next ";" or "}", so one mistake
// does not hide the rest of the file's errors.
import type { IToken } from "chevrotain";
import type { Diagnostic, Span } from "../lang/diagnostic.js";
import {
  QASM_FUNCTIONS,
  type QasmArgument,
  type QasmExpr,
  type QasmFunction,
  type QasmGateDefinition,
  type QasmProgram,
  type QasmQuantumOp,
  type QasmStatement,
} from "./qasm-ast.js";
import * as T from "./qasm-lexer.js";
import { QasmTokenStream } from "./qasm-token-stream.js";

const RESERVED = new Set(["OPENQASM", "include", "qreg", "creg", "gate", "opaque", "if", "measure", "reset", "barrier", "pi"]);

export interface QasmParse {
  readonly program: QasmProgram;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseQasm(text: string, file?: string): QasmParse {
  const lexed = T.lexQasm(text, file);
  const parser = new QasmParser(lexed.tokens, text, file, lexed.lines);
  const program = parser.program();
  return { program, diagnostics: [...lexed.diagnostics, ...parser.diagnostics] };
}

class QasmParser extends QasmTokenStream {
  private openQasm3 = false;

  program(): QasmProgram {
    let version: string | undefined;
    const statements: QasmStatement[] = [];
    if (this.isKeyword("OPENQASM")) {
      this.attempt(() => {
        this.advance();
        const number = this.expectOneOf([T.Real, T.Integer], "a version number such as 2.0");
        version = number.image;
        if (version === "3.0" || version === "3") this.openQasm3 = true;
        else if (version !== "2.0" && version !== "2") {
          this.report(this.span(number), "qasm-version", `OpenQASM ${version} is not supported; only 2.0 (and the 3.0 subset that exportQasm3 writes) is`);
        }
        this.expect(T.Semicolon, "';'");
      });
    }
    while (!this.atEnd()) {
      const start = this.position;
      const statement = this.attempt(() => this.statement());
      if (statement !== undefined) statements.push(statement);
      if (this.position === start) this.advance();
    }
    return version === undefined ? { statements } : { version, statements };
  }

  private statement(): QasmStatement {
    const token = this.peek();
    if (token.tokenType === T.Identifier) {
      switch (token.image) {
        case "include": {
          this.advance();
          const path = this.expect(T.StringLiteral, "a file name in double quotes");
          const end = this.expect(T.Semicolon, "';'");
          return { kind: "include", path: path.image.slice(1, -1), span: this.join(token, end) };
        }
        case "qreg":
        case "creg": {
          this.advance();
          const name = this.identifier("a register name");
          this.expect(T.LBracket, "'['");
          const size = this.expect(T.Integer, "the register size (an integer)");
          this.expect(T.RBracket, "']'");
          const end = this.expect(T.Semicolon, "';'");
          return {
            kind: "register",
            quantum: token.image === "qreg",
            name: name.image,
            size: Number(size.image),
            span: this.join(token, end),
            sizeSpan: this.span(size),
          };
        }
        case "gate":
        case "opaque":
          return this.gateDefinition();
        case "if": {
          this.advance();
          this.expect(T.LParen, "'('");
          const register = this.identifier("a classical register name");
          this.expect(T.EqualEqual, "'=='");
          const value = this.expect(T.Integer, "an integer");
          this.expect(T.RParen, "')'");
          // OpenQASM 3 spells a conditioned measurement `if (c == 1) c[0] = measure q[0];`.
          const op = this.openQasm3 && this.isMeasureAssignment() ? this.measureAssignment() : this.quantumOp(false);
          return {
            kind: "if",
            register: register.image,
            registerSpan: this.span(register),
            value: Number(value.image),
            op,
            span: { ...this.span(token), end: op.span.end },
          };
        }
        case "qubit":
        case "bit":
          if (this.openQasm3) return this.declaration();
          return this.quantumOp(false);
        default:
          if (this.openQasm3 && this.isMeasureAssignment()) return this.measureAssignment();
          return this.quantumOp(false);
      }
    }
    this.fail(token, "a statement");
  }

  /** OpenQASM 3 `qubit[n] q;` or `bit c;` (size 1): the same statement as `qreg q[n];` / `creg c[1];`. */
  private declaration(): QasmStatement {
    const keyword = this.advance();
    let size: IToken | undefined;
    if (this.accept(T.LBracket)) {
      size = this.expect(T.Integer, "the register size (an integer)");
      this.expect(T.RBracket, "']'");
    }
    const name = this.identifier("a register name");
    const end = this.expect(T.Semicolon, "';'");
    return {
      kind: "register",
      quantum: keyword.image === "qubit",
      name: name.image,
      size: size === undefined ? 1 : Number(size.image),
      span: this.join(keyword, end),
      sizeSpan: this.span(size ?? keyword),
    };
  }

  /** `c = measure q;` or `c[k] = measure q[k];` ahead (an argument, then a single '='). */
  private isMeasureAssignment(): boolean {
    const next = this.tokens[this.position + 1];
    if (next?.tokenType === T.Equal) return true;
    return next?.tokenType === T.LBracket && this.tokens[this.position + 4]?.tokenType === T.Equal;
  }

  private measureAssignment(): QasmQuantumOp {
    const first = this.peek();
    const bit = this.argument();
    this.expect(T.Equal, "'='");
    const keyword = this.identifier("'measure'");
    if (keyword.image !== "measure") this.fail(keyword, "'measure' (the only OpenQASM 3 assignment read)");
    const qubit = this.argument();
    const end = this.expect(T.Semicolon, "';'");
    return { kind: "measure", qubit, bit, span: this.join(first, end) };
  }

  private gateDefinition(): QasmGateDefinition {
    const keyword = this.advance();
    const opaque = keyword.image === "opaque";
    const name = this.identifier("a gate name");
    const params: { name: string; span: Span }[] = [];
    if (this.at(T.LParen)) {
      this.advance();
      if (!this.at(T.RParen)) {
        do {
          const param = this.identifier("a parameter name");
          params.push({ name: param.image, span: this.span(param) });
        } while (this.accept(T.Comma));
      }
      this.expect(T.RParen, "')'");
    }
    const qubits: { name: string; span: Span }[] = [];
    do {
      const qubit = this.identifier("a qubit name");
      qubits.push({ name: qubit.image, span: this.span(qubit) });
    } while (this.accept(T.Comma));
    const body: QasmQuantumOp[] = [];
    let end: IToken;
    if (opaque) {
      end = this.expect(T.Semicolon, "';'");
    } else {
      this.expect(T.LBrace, "'{'");
      while (!this.at(T.RBrace)) {
        if (this.atEnd()) this.fail(this.peek(), "'}' to close the gate body");
        body.push(this.quantumOp(true));
      }
      end = this.advance();
    }
    return {
      kind: "gate",
      opaque,
      name: name.image,
      nameSpan: this.span(name),
      params,
      qubits,
      body,
      span: this.join(keyword, end),
    };
  }

  private quantumOp(inGateBody: boolean): QasmQuantumOp {
    const first = this.identifier(inGateBody ? "a gate call or '}'" : "a statement");
    if (first.image === "measure" && !inGateBody) {
      const qubit = this.argument();
      this.expect(T.Arrow, "'->'");
      const bit = this.argument();
      const end = this.expect(T.Semicolon, "';'");
      return { kind: "measure", qubit, bit, span: this.join(first, end) };
    }
    if (first.image === "reset" && !inGateBody) {
      const qubit = this.argument();
      const end = this.expect(T.Semicolon, "';'");
      return { kind: "reset", qubit, span: this.join(first, end) };
    }
    if (first.image === "barrier") {
      const args = this.arguments();
      const end = this.expect(T.Semicolon, "';'");
      return { kind: "barrier", args, span: this.join(first, end) };
    }
    if (RESERVED.has(first.image)) {
      this.fail(first, inGateBody ? "a gate call (only gate calls and barriers may appear in a gate body)" : "a statement");
    }
    const params: QasmExpr[] = [];
    if (this.accept(T.LParen)) {
      if (!this.at(T.RParen)) {
        do params.push(this.expression());
        while (this.accept(T.Comma));
      }
      this.expect(T.RParen, "')'");
    }
    const args = this.arguments();
    const end = this.expect(T.Semicolon, "';'");
    return { kind: "call", name: first.image, nameSpan: this.span(first), params, args, span: this.join(first, end) };
  }

  private arguments(): QasmArgument[] {
    const args: QasmArgument[] = [];
    do args.push(this.argument());
    while (this.accept(T.Comma));
    return args;
  }

  private argument(): QasmArgument {
    const name = this.identifier("a register or qubit name");
    if (!this.at(T.LBracket)) return { name: name.image, span: this.span(name) };
    this.advance();
    const index = this.expect(T.Integer, "an index (an integer)");
    const end = this.expect(T.RBracket, "']'");
    return { name: name.image, index: Number(index.image), span: this.join(name, end) };
  }

  private expression(): QasmExpr {
    let left = this.term();
    while (this.at(T.Plus) || this.at(T.Minus)) {
      const op = this.advance().image as "+" | "-";
      const right = this.term();
      left = { kind: "binary", op, left, right, span: this.cover(left.span, right.span) };
    }
    return left;
  }

  private term(): QasmExpr {
    let left = this.unary();
    while (this.at(T.Star) || this.at(T.Slash)) {
      const op = this.advance().image as "*" | "/";
      const right = this.unary();
      left = { kind: "binary", op, left, right, span: this.cover(left.span, right.span) };
    }
    return left;
  }

  private unary(): QasmExpr {
    if (this.at(T.Minus)) {
      const minus = this.advance();
      const arg = this.unary();
      return { kind: "neg", arg, span: this.cover(this.span(minus), arg.span) };
    }
    if (this.at(T.Plus)) {
      this.advance();
      return this.unary();
    }
    const base = this.atom();
    if (!this.at(T.Caret)) return base;
    this.advance();
    const exponent = this.unary();
    return { kind: "binary", op: "^", left: base, right: exponent, span: this.cover(base.span, exponent.span) };
  }

  private atom(): QasmExpr {
    const token = this.peek();
    if (token.tokenType === T.Real || token.tokenType === T.Integer) {
      this.advance();
      return { kind: "number", value: Number(token.image), span: this.span(token) };
    }
    if (token.tokenType === T.LParen) {
      this.advance();
      const inner = this.expression();
      this.expect(T.RParen, "')'");
      return inner;
    }
    if (token.tokenType === T.Identifier) {
      this.advance();
      if (token.image === "pi") return { kind: "pi", span: this.span(token) };
      if ((QASM_FUNCTIONS as readonly string[]).includes(token.image) && this.at(T.LParen)) {
        this.advance();
        const arg = this.expression();
        const end = this.expect(T.RParen, "')'");
        return { kind: "call", fn: token.image as QasmFunction, arg, span: this.join(token, end) };
      }
      return { kind: "name", name: token.image, span: this.span(token) };
    }
    this.fail(token, "an expression");
  }
}
