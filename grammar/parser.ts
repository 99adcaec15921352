// The syntax of the qpipe language as a Chevrotain CstParser: the single source of truth for the
// grammar (the railroad diagrams in grammar/diagrams.html are generated from it). It only builds a
// concrete syntax tree; src/lang/cst-to-ast.ts turns that into the typed AST and reports the rules
// a context-free grammar cannot state (missing separators, constraint shape, encodings).
//
// Precedence, loosest first: `or` < `and` < `not` < comparison (non-associative) < `+ -` < `* /`
//   < unary `-` < `^` (right-associative) < atoms. `sum(…) BODY` and `if … then … else …` are atoms:
//   a sum's body is one term (`sum(i in 0..n-1) a[i] * x[i] + c` adds c once), an `else` branch
//   extends as far right as it can.
import { CstParser, EMPTY_ALT, type TokenType } from "chevrotain";
import { errorMessages } from "./error-messages.js";
import * as T from "./tokens.js";

export class QpParser extends CstParser {
  constructor() {
    super(T.ALL_TOKENS as TokenType[], { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset", errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  private separator = this.RULE("separator", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Newline) }, { ALT: () => this.CONSUME(T.Semicolon) }]);
  });

  public program = this.RULE("program", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.separator) },
        { ALT: () => this.SUBRULE(this.problemDecl) },
        { ALT: () => this.SUBRULE(this.circuitDecl) },
        { ALT: () => this.SUBRULE(this.gateDecl) },
      ]);
    });
  });

  // ── problems ──────────────────────────────────────────────────────────────────────────────────

  private problemDecl = this.RULE("problemDecl", () => {
    this.CONSUME(T.Problem);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.separator) },
        { ALT: () => this.SUBRULE(this.paramDecl) },
        { ALT: () => this.SUBRULE(this.varDecl) },
        { ALT: () => this.SUBRULE(this.letDecl) },
        { ALT: () => this.SUBRULE(this.objectiveDecl) },
        { ALT: () => this.SUBRULE(this.constraintDecl) },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  private paramDecl = this.RULE("paramDecl", () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      this.SUBRULE(this.expression);
    });
  });

  /** `int`, `real[n][m]`, `(int, int, real)[]`. */
  private typeExpr = this.RULE("typeExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.scalarType);
          this.MANY(() => this.SUBRULE(this.dimension));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.scalarType) });
          this.CONSUME(T.RParen);
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  private scalarType = this.RULE("scalarType", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Int) },
      { ALT: () => this.CONSUME(T.Real) },
      { ALT: () => this.CONSUME(T.Bool) },
      { ALT: () => this.CONSUME(T.Angle) },
    ]);
  });

  private dimension = this.RULE("dimension", () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RBracket);
  });

  /** `var x: binary[n]`, `var s: spin`, `var c: int[0..k-1][n] encoding onehot`. */
  private varDecl = this.RULE("varDecl", () => {
    this.CONSUME(T.Var);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.OR([
      { ALT: () => this.CONSUME(T.Binary) },
      { ALT: () => this.CONSUME(T.Spin) },
      {
        ALT: () => {
          this.CONSUME(T.Int);
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.expression, { LABEL: "lo" });
          this.CONSUME(T.Range);
          this.SUBRULE2(this.expression, { LABEL: "hi" });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
    this.MANY(() => this.SUBRULE(this.dimension));
    this.OPTION(() => {
      this.CONSUME(T.Encoding);
      this.OR2([
        { ALT: () => this.CONSUME2(T.Identifier, { LABEL: "encodingName" }) },
        { ALT: () => this.CONSUME2(T.Binary, { LABEL: "encodingName" }) },
      ]);
    });
  });

  private letDecl = this.RULE("letDecl", () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
  });

  private objectiveDecl = this.RULE("objectiveDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Minimize) }, { ALT: () => this.CONSUME(T.Maximize) }]);
    this.SUBRULE(this.expression);
  });

  /** `constraint NAME[BINDERS]: EXPR [penalty W | penalty auto | soft W]`; EXPR must be a comparison. */
  private constraintDecl = this.RULE("constraintDecl", () => {
    this.CONSUME(T.Constraint);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.binderList);
      this.CONSUME(T.RBracket);
    });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
    this.OPTION2(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Penalty);
            this.OR2([{ ALT: () => this.CONSUME(T.Auto) }, { ALT: () => this.SUBRULE2(this.expression, { LABEL: "weight" }) }]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Soft);
            this.SUBRULE3(this.expression, { LABEL: "weight" });
          },
        },
      ]);
    });
  });

  /** `i in 0..n-1, (u, v) in edges where u != v`. */
  private binderList = this.RULE("binderList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.binder) });
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: "where" });
    });
  });

  private binder = this.RULE("binder", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.CONSUME(T.In);
          this.SUBRULE(this.additive, { LABEL: "lo" });
          this.CONSUME(T.Range);
          this.SUBRULE2(this.additive, { LABEL: "hi" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Identifier) });
          this.CONSUME(T.RParen);
          this.CONSUME2(T.In);
          this.SUBRULE3(this.additive, { LABEL: "source" });
        },
      },
    ]);
  });

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  public expression = this.RULE("expression", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Or, DEF: () => this.SUBRULE(this.andExpr) });
  });

  private andExpr = this.RULE("andExpr", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.notExpr) });
  });

  private notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.EqEq) },
        { ALT: () => this.CONSUME(T.NotEq) },
        { ALT: () => this.CONSUME(T.LessEq) },
        { ALT: () => this.CONSUME(T.GreaterEq) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.Greater) },
      ]);
      this.SUBRULE2(this.additive);
    });
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.unary);
    });
  });

  private unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  /** `a ^ b ^ c` is `a ^ (b ^ c)`; `-x ^ 2` is `-(x ^ 2)`; `2 ^ -1` parses (and is then rejected). */
  private power = this.RULE("power", () => {
    this.SUBRULE(this.atom);
    this.OPTION(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE(this.unary);
    });
  });

  private atom = this.RULE("atom", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Pi) },
      { ALT: () => this.CONSUME(T.E) },
      { ALT: () => this.SUBRULE(this.nameExpr) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.sumExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
    ]);
  });

  /** `x`, `x[i][j]`, or a call `max(a, b)`. */
  private nameExpr = this.RULE("nameExpr", () => {
    this.CONSUME(T.Identifier);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "args" }) });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.dimension)) },
      { ALT: EMPTY_ALT() },
    ]);
  });

  private sumExpr = this.RULE("sumExpr", () => {
    this.CONSUME(T.Sum);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.binderList);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.multiplicative, { LABEL: "body" });
  });

  private ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression, { LABEL: "condition" });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression, { LABEL: "else" });
  });

  // ── circuits ──────────────────────────────────────────────────────────────────────────────────

  /** `circuit NAME(PARAMS) { … }` or `circuit NAME = ANSATZ(PROBLEM, KEY: VALUE, …)`. */
  private circuitDecl = this.RULE("circuitDecl", () => {
    this.CONSUME(T.Circuit);
    this.CONSUME(T.Identifier);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Assign);
          this.CONSUME2(T.Identifier, { LABEL: "ansatz" });
          this.CONSUME(T.LParen);
          this.CONSUME3(T.Identifier, { LABEL: "problem" });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE(this.namedArg);
          });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.SUBRULE(this.circuitParams));
          this.SUBRULE(this.circuitBody);
        },
      },
    ]);
  });

  private namedArg = this.RULE("namedArg", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  private circuitParams = this.RULE("circuitParams", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.circuitParam) });
    this.CONSUME(T.RParen);
  });

  private circuitParam = this.RULE("circuitParam", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.scalarType);
    this.MANY(() => this.SUBRULE(this.dimension));
  });

  /** `gate NAME(PARAMS) a, b { … }`. */
  private gateDecl = this.RULE("gateDecl", () => {
    this.CONSUME(T.Gate);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.circuitParams));
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Identifier, { LABEL: "qubits" }) });
    this.SUBRULE(this.circuitBody);
  });

  private circuitBody = this.RULE("circuitBody", () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.separator) },
        { ALT: () => this.SUBRULE(this.qubitDecl) },
        { ALT: () => this.SUBRULE(this.forStmt) },
        { ALT: () => this.SUBRULE(this.measureStmt) },
        { ALT: () => this.SUBRULE(this.resetStmt) },
        { ALT: () => this.SUBRULE(this.barrierStmt) },
        { ALT: () => this.SUBRULE(this.gateApply) },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  private qubitDecl = this.RULE("qubitDecl", () => {
    this.CONSUME(T.Qubit);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.dimension));
  });

  private forStmt = this.RULE("forStmt", () => {
    this.CONSUME(T.For);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.In);
    this.SUBRULE(this.additive, { LABEL: "lo" });
    this.CONSUME(T.Range);
    this.SUBRULE2(this.additive, { LABEL: "hi" });
    this.SUBRULE(this.circuitBody);
  });

  private measureStmt = this.RULE("measureStmt", () => {
    this.CONSUME(T.Measure);
    this.SUBRULE(this.qubitRefs);
  });

  private resetStmt = this.RULE("resetStmt", () => {
    this.CONSUME(T.Reset);
    this.SUBRULE(this.qubitRefs);
  });

  private barrierStmt = this.RULE("barrierStmt", () => {
    this.CONSUME(T.Barrier);
    this.OPTION(() => this.SUBRULE(this.qubitRefs));
  });

  /** `rz(theta[i]) q[i]`, `cx a, b`, `h q`. */
  private gateApply = this.RULE("gateApply", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "angles" }) });
      this.CONSUME(T.RParen);
    });
    this.SUBRULE(this.qubitRefs);
  });

  private qubitRefs = this.RULE("qubitRefs", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.qubitRef) });
  });

  private qubitRef = this.RULE("qubitRef", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.dimension));
  });
}

/** The one parser instance (Chevrotain parsers are built once and reused: set `input`, call a rule). */
export const qpParser = new QpParser();
