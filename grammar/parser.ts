// The syntax of the qpipe language as a Chevrotain CstParser: the single source of truth for the
// grammar (the railroad diagrams in grammar/diagrams.html are generated from it). It only builds a
// concrete syntax tree; src/lang/build-ast.ts and build-expr.ts turn that into the typed AST and
// report the rules a context-free grammar cannot state (missing separators, constraint shape,
// encodings).
//
// Precedence, loosest first: `or` < `and` < `not` < comparisons < `+ -` < `* /` < unary `-` < `^`
//   (right-associative) < atoms; binary operators group to the left (`a < b < c` is `(a < b) < c`,
//   which the type checker rejects). Operator chains are parsed flat and grouped by build-expr.ts.
//   `sum(…) BODY` and `if … then … else …` are atoms: a sum's body is one term
//   (`sum(i in 0..n-1) a[i] * x[i] + c` adds c once), an `else` branch extends as far right as it can.
import { CstParser, EMPTY_ALT, type IToken, type TokenType } from "chevrotain";
import { errorMessages } from "./error-messages.js";
import { extendLocation, type FlatCstNode, newNode } from "./flat-cst.js";
import * as T from "./tokens.js";

// Alternatives and separated repetitions are built by these helpers rather than written as object
// literals: an arrow function stored under a property name (`{ ALT: () => … }`) is given a name at
// run time by some transpilers, a cost paid on every rule invocation.
const alt = (ALT: () => unknown) => ({ ALT });
const sep = (SEP: TokenType, DEF: () => unknown) => ({ SEP, DEF });
type Alternatives = ReturnType<typeof alt>[];

export class QpParser extends CstParser {
  constructor() {
    super(T.ALL_TOKENS as TokenType[], { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset", errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  // Chevrotain's CST hooks, replaced to build the flat nodes of flat-cst.ts (same content, same
  // locations). These are internal to Chevrotain: test/grammar/flat-cst.test.ts fails if they stop
  // being called.
  private declare CST_STACK: FlatCstNode[];

  cstInvocationStateUpdate(fullRuleName: string): void {
    this.CST_STACK.push(newNode(fullRuleName));
  }

  cstPostTerminal(key: string, consumedToken: IToken): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    node.children.push(key, consumedToken);
    extendLocation(node.location, consumedToken);
  }

  cstPostNonTerminal(ruleCstResult: FlatCstNode, ruleName: string): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    node.children.push(ruleName, ruleCstResult);
    extendLocation(node.location, ruleCstResult.location);
  }

  // Each OR's alternatives live in a field, built once: an array literal in the rule body would
  // allocate the array, its objects and their closures on every invocation.
  private readonly separatorAlts: Alternatives = [alt(() => this.CONSUME(T.Newline)), alt(() => this.CONSUME(T.Semicolon))];
  private separator = this.RULE("separator", () => {
    this.OR(this.separatorAlts);
  });

  private readonly programAlts: Alternatives = [
    alt(() => this.SUBRULE(this.separator)),
    alt(() => this.SUBRULE(this.problemDecl)),
    alt(() => this.SUBRULE(this.circuitDecl)),
    alt(() => this.SUBRULE(this.gateDecl)),
  ];
  public program = this.RULE("program", () => {
    this.MANY(() => this.OR(this.programAlts));
  });

  // ── problems ──────────────────────────────────────────────────────────────────────────────────

  private readonly problemMemberAlts: Alternatives = [
    alt(() => this.SUBRULE(this.separator)),
    alt(() => this.SUBRULE(this.paramDecl)),
    alt(() => this.SUBRULE(this.varDecl)),
    alt(() => this.SUBRULE(this.letDecl)),
    alt(() => this.SUBRULE(this.objectiveDecl)),
    alt(() => this.SUBRULE(this.constraintDecl)),
  ];
  private problemDecl = this.RULE("problemDecl", () => {
    this.CONSUME(T.Problem);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.OR(this.problemMemberAlts));
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

  private readonly typeExprAlts: Alternatives = [
    alt(() => {
      this.SUBRULE(this.scalarType);
      this.MANY(() => this.SUBRULE(this.dimension));
    }),
    alt(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP(sep(T.Comma, () => this.SUBRULE2(this.scalarType)));
      this.CONSUME(T.RParen);
      this.CONSUME(T.LBracket);
      this.CONSUME(T.RBracket);
    }),
  ];
  /** `int`, `real[n][m]`, `(int, int, real)[]`. */
  private typeExpr = this.RULE("typeExpr", () => {
    this.OR(this.typeExprAlts);
  });

  private readonly scalarTypeAlts: Alternatives = [
    alt(() => this.CONSUME(T.Int)),
    alt(() => this.CONSUME(T.Real)),
    alt(() => this.CONSUME(T.Bool)),
    alt(() => this.CONSUME(T.Angle)),
  ];
  private scalarType = this.RULE("scalarType", () => {
    this.OR(this.scalarTypeAlts);
  });

  private dimension = this.RULE("dimension", () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RBracket);
  });

  private readonly domainAlts: Alternatives = [
    alt(() => this.CONSUME(T.Binary)),
    alt(() => this.CONSUME(T.Spin)),
    alt(() => {
      this.CONSUME(T.Int);
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.expression, { LABEL: "lo" });
      this.CONSUME(T.Range);
      this.SUBRULE2(this.expression, { LABEL: "hi" });
      this.CONSUME(T.RBracket);
    }),
  ];
  private readonly encodingAlts: Alternatives = [
    alt(() => this.CONSUME2(T.Identifier, { LABEL: "encodingName" })),
    alt(() => this.CONSUME2(T.Binary, { LABEL: "encodingName" })),
  ];
  /** `var x: binary[n]`, `var s: spin`, `var c: int[0..k-1][n] encoding onehot`. */
  private varDecl = this.RULE("varDecl", () => {
    this.CONSUME(T.Var);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.OR(this.domainAlts);
    this.MANY(() => this.SUBRULE(this.dimension));
    this.OPTION(() => {
      this.CONSUME(T.Encoding);
      this.OR2(this.encodingAlts);
    });
  });

  private letDecl = this.RULE("letDecl", () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
  });

  private readonly senseAlts: Alternatives = [alt(() => this.CONSUME(T.Minimize)), alt(() => this.CONSUME(T.Maximize))];
  private objectiveDecl = this.RULE("objectiveDecl", () => {
    this.OR(this.senseAlts);
    this.SUBRULE(this.expression);
  });

  private readonly penaltyWeightAlts: Alternatives = [
    alt(() => this.CONSUME(T.Auto)),
    alt(() => this.SUBRULE2(this.expression, { LABEL: "weight" })),
  ];
  private readonly weightAlts: Alternatives = [
    alt(() => {
      this.CONSUME(T.Penalty);
      this.OR2(this.penaltyWeightAlts);
    }),
    alt(() => {
      this.CONSUME(T.Soft);
      this.SUBRULE3(this.expression, { LABEL: "weight" });
    }),
  ];
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
    this.OPTION2(() => this.OR(this.weightAlts));
  });

  /** `i in 0..n-1, (u, v) in edges where u != v`. */
  private binderList = this.RULE("binderList", () => {
    this.AT_LEAST_ONE_SEP(sep(T.Comma, () => this.SUBRULE(this.binder)));
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: "where" });
    });
  });

  private readonly binderAlts: Alternatives = [
    alt(() => {
      this.CONSUME(T.Identifier);
      this.CONSUME(T.In);
      this.SUBRULE(this.expression, { LABEL: "lo" });
      this.CONSUME(T.Range);
      this.SUBRULE2(this.expression, { LABEL: "hi" });
    }),
    alt(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP(sep(T.Comma, () => this.CONSUME2(T.Identifier)));
      this.CONSUME(T.RParen);
      this.CONSUME2(T.In);
      this.SUBRULE3(this.expression, { LABEL: "source" });
    }),
  ];
  private binder = this.RULE("binder", () => {
    this.OR(this.binderAlts);
  });

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  /**
   * An operator chain `unary (op unary)*`, kept flat: the CST lists operands and operators in order
   * and src/lang/build-expr.ts applies the precedence table above (one rule per precedence level
   * would cost ten rule invocations per operand). Comparisons and `not` are ordinary entries here.
   */
  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.BinaryOperator);
      this.SUBRULE2(this.unary);
    });
  });

  /** A sum's body: one term, `unary ((* | /) unary)*`. */
  private term = this.RULE("term", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.MultiplicativeOperator);
      this.SUBRULE2(this.unary);
    });
  });

  private readonly prefixAlts: Alternatives = [alt(() => this.CONSUME(T.Minus)), alt(() => this.CONSUME(T.Not))];
  private readonly unaryAlts: Alternatives = [
    alt(() => {
      this.OR2(this.prefixAlts);
      this.SUBRULE(this.unary);
    }),
    alt(() => this.SUBRULE(this.power)),
  ];
  private unary = this.RULE("unary", () => {
    this.OR(this.unaryAlts);
  });

  /** `a ^ b ^ c` is `a ^ (b ^ c)`; `-x ^ 2` is `-(x ^ 2)`; `2 ^ -1` parses (and is then rejected). */
  private power = this.RULE("power", () => {
    this.SUBRULE(this.atom);
    this.OPTION(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE(this.unary);
    });
  });

  private readonly atomAlts: Alternatives = [
    alt(() => this.CONSUME(T.NumberLiteral)),
    alt(() => this.CONSUME(T.True)),
    alt(() => this.CONSUME(T.False)),
    alt(() => this.CONSUME(T.Pi)),
    alt(() => this.CONSUME(T.E)),
    alt(() => this.SUBRULE(this.nameExpr)),
    alt(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
    }),
    alt(() => this.SUBRULE(this.sumExpr)),
    alt(() => this.SUBRULE(this.ifExpr)),
  ];
  private atom = this.RULE("atom", () => {
    this.OR(this.atomAlts);
  });

  private readonly nameSuffixAlts: Alternatives = [
    alt(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP(sep(T.Comma, () => this.SUBRULE(this.expression, { LABEL: "args" })));
      this.CONSUME(T.RParen);
    }),
    alt(() => this.AT_LEAST_ONE(() => this.SUBRULE(this.dimension))),
    alt(EMPTY_ALT()),
  ];
  /** `x`, `x[i][j]`, or a call `max(a, b)`. */
  private nameExpr = this.RULE("nameExpr", () => {
    this.CONSUME(T.Identifier);
    this.OR(this.nameSuffixAlts);
  });

  private sumExpr = this.RULE("sumExpr", () => {
    this.CONSUME(T.Sum);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.binderList);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.term, { LABEL: "body" });
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

  private readonly circuitFormAlts: Alternatives = [
    alt(() => {
      this.CONSUME(T.Assign);
      this.CONSUME2(T.Identifier, { LABEL: "ansatz" });
      this.CONSUME(T.LParen);
      this.CONSUME3(T.Identifier, { LABEL: "problem" });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE(this.namedArg);
      });
      this.CONSUME(T.RParen);
    }),
    alt(() => {
      this.OPTION(() => this.SUBRULE(this.circuitParams));
      this.SUBRULE(this.circuitBody);
    }),
  ];
  /** `circuit NAME(PARAMS) { … }` or `circuit NAME = ANSATZ(PROBLEM, KEY: VALUE, …)`. */
  private circuitDecl = this.RULE("circuitDecl", () => {
    this.CONSUME(T.Circuit);
    this.CONSUME(T.Identifier);
    this.OR(this.circuitFormAlts);
  });

  private namedArg = this.RULE("namedArg", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  private circuitParams = this.RULE("circuitParams", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP(sep(T.Comma, () => this.SUBRULE(this.circuitParam)));
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
    this.AT_LEAST_ONE_SEP(sep(T.Comma, () => this.CONSUME2(T.Identifier, { LABEL: "qubits" })));
    this.SUBRULE(this.circuitBody);
  });

  private readonly statementAlts: Alternatives = [
    alt(() => this.SUBRULE(this.separator)),
    alt(() => this.SUBRULE(this.qubitDecl)),
    alt(() => this.SUBRULE(this.forStmt)),
    alt(() => this.SUBRULE(this.measureStmt)),
    alt(() => this.SUBRULE(this.resetStmt)),
    alt(() => this.SUBRULE(this.barrierStmt)),
    alt(() => this.SUBRULE(this.gateApply)),
  ];
  private circuitBody = this.RULE("circuitBody", () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.OR(this.statementAlts));
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
    this.SUBRULE(this.expression, { LABEL: "lo" });
    this.CONSUME(T.Range);
    this.SUBRULE2(this.expression, { LABEL: "hi" });
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
      this.MANY_SEP(sep(T.Comma, () => this.SUBRULE(this.expression, { LABEL: "angles" })));
      this.CONSUME(T.RParen);
    });
    this.SUBRULE(this.qubitRefs);
  });

  private qubitRefs = this.RULE("qubitRefs", () => {
    this.AT_LEAST_ONE_SEP(sep(T.Comma, () => this.SUBRULE(this.qubitRef)));
  });

  private qubitRef = this.RULE("qubitRef", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.dimension));
  });
}

/** The one parser instance (Chevrotain parsers are built once and reused: set `input`, call a rule). */
export const qpParser = new QpParser();
