// The syntax of the qpipe language as Chevrotain rules: the single source of truth for the grammar
// (the railroad diagrams in grammar/diagrams.html are generated from it). One grammar, two parsers:
//
//   QpAstParser  (EmbeddedActionsParser, no recovery): the rules' actions build the typed AST
//                directly (src/lang/ast-factory.ts). This is the fast path, for text that parses
//                without a diagnostic; an action that meets anything to report gives up.
//   QpCstParser  (CstParser with error recovery): builds a concrete syntax tree, which
//                src/lang/build-ast.ts and build-expr.ts turn into the AST while reporting the rules a
//                context-free grammar cannot state (missing separators, constraint shape, encodings).
//                Used for text with a diagnostic, so that one run reports every error it can find.
//
// Every value computed from parse results comes from `this.ast?.…`: the AST factory is set on the AST
// parser only, from its first parse on, so these calls (arguments included) are skipped while
// Chevrotain records the grammar and in the CST parser, whose rules return tree nodes instead. (This
// is what Chevrotain's ACTION is for; a closure per action made the parse about a fifth slower.)
//
// Precedence, loosest first: `or` < `and` < `not` < comparisons < `+ -` < `* /` < unary `-` < `^`
//   (right-associative) < atoms; binary operators group to the left (`a < b < c` is `(a < b) < c`,
//   which the type checker rejects). Operator chains are parsed flat and grouped by precedence
//   climbing afterwards. `sum(…) BODY` and `if … then … else …` are atoms: a sum's body is one term
//   (`sum(i in 0..n-1) a[i] * x[i] + c` adds c once), an `else` branch extends as far right as it can.
import { type CstNode, CstParser, EmbeddedActionsParser, EMPTY_ALT, type IOrAlt, type IParserConfig, type IToken, type TokenType } from "chevrotain";
import type * as A from "../src/lang/ast.js";
import { AstFactory, type BinderList, type CircuitForm, type NameSuffix, type Operand, SEPARATOR } from "../src/lang/ast-factory.js";
import { LineIndex } from "../src/lang/span.js";
import { errorMessages } from "./error-messages.js";
import { extendLocation, type FlatCstNode, newNode } from "./flat-cst.js";
import * as T from "./tokens.js";

// Alternatives and separated repetitions are built by these helpers rather than written as object
// literals: an arrow function stored under a property name (`{ ALT: () => … }`) is given a name at
// run time by some transpilers, a cost paid on every rule invocation.
const alt = <R>(ALT: () => R) => ({ ALT });
const sep = (SEP: TokenType, DEF: () => unknown) => ({ SEP, DEF });

type ParserBase = abstract new (...args: any[]) => EmbeddedActionsParser;

/** Holds the AST parser's field between parses (so that no source text is kept alive). */
const IDLE_FACTORY = new AstFactory("", undefined, new LineIndex(""), []);

const CONFIG: IParserConfig = { maxLookahead: 3, errorMessageProvider: errorMessages };

// The rules are public: a class built by a function cannot declare private members in its exported type.
function withQpGrammar<B extends ParserBase>(Base: B) {
  abstract class QpGrammar extends Base {
    /** The AST builder for the current parse (AST parser only; see the `?.` note above). */
    ast!: AstFactory;

    // Each OR's alternatives live in a field, built once: an array literal in the rule body would
    // allocate the array, its objects and their closures on every invocation.
    readonly separatorAlts = [alt(() => this.CONSUME(T.Newline)), alt(() => this.CONSUME(T.Semicolon))];
    separator = this.RULE("separator", (): typeof SEPARATOR => {
      this.OR(this.separatorAlts);
      return SEPARATOR;
    });

    readonly programAlts = [
      alt((): typeof SEPARATOR => this.SUBRULE(this.separator)),
      alt(() => this.SUBRULE(this.problemDecl)),
      alt(() => this.SUBRULE(this.circuitDecl)),
      alt(() => this.SUBRULE(this.gateDecl)),
    ];
    program = this.RULE("program", (): A.Program => {
      const items = this.statements<A.TopLevelItem>(this.programAlts);
      return this.ast?.program(items);
    });

    /** Statements (declarations, members) separated by newlines or `;`, each one of `alts`. */
    statements<M>(alts: IOrAlt<M | typeof SEPARATOR>[]): M[] {
      const block = this.ast?.block<M>();
      this.MANY(() => {
        const item = this.OR(alts);
        this.ast?.blockItem(block, item, this.LA(0));
      });
      return this.ast && block.members;
    }

    // ── problems ────────────────────────────────────────────────────────────────────────────────

    readonly problemMemberAlts = [
      alt((): typeof SEPARATOR => this.SUBRULE(this.separator)),
      alt(() => this.SUBRULE(this.paramDecl)),
      alt(() => this.SUBRULE(this.varDecl)),
      alt(() => this.SUBRULE(this.letDecl)),
      alt(() => this.SUBRULE(this.objectiveDecl)),
      alt(() => this.SUBRULE(this.constraintDecl)),
    ];
    problemDecl = this.RULE("problemDecl", (): A.ProblemDecl => {
      const keyword = this.CONSUME(T.Problem);
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.LCurly);
      const members = this.statements<A.ProblemMember>(this.problemMemberAlts);
      const close = this.CONSUME(T.RCurly);
      return this.ast?.problem(keyword, name, members, close);
    });

    paramDecl = this.RULE("paramDecl", (): A.ParamDecl => {
      const keyword = this.CONSUME(T.Param);
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.Colon);
      const type = this.SUBRULE(this.typeExpr);
      const value = this.OPTION(() => {
        this.CONSUME(T.Assign);
        return this.SUBRULE(this.expression);
      });
      return this.ast?.param(keyword, name, type, value);
    });

    readonly typeExprAlts = [
      alt((): A.TypeExpr => {
        const element = this.SUBRULE(this.scalarType);
        const dims: A.Expr[] = [];
        this.MANY(() => dims.push(this.SUBRULE(this.dimension)));
        return this.ast?.withDims(element, dims, this.LA(0));
      }),
      alt((): A.TypeExpr => {
        const open = this.CONSUME(T.LParen);
        const fields: A.ScalarTypeExpr[] = [];
        this.AT_LEAST_ONE_SEP(sep(T.Comma, () => fields.push(this.SUBRULE2(this.scalarType))));
        this.CONSUME(T.RParen);
        this.CONSUME(T.LBracket);
        const close = this.CONSUME(T.RBracket);
        return this.ast?.tupleListType(open, fields, close);
      }),
    ];
    /** `int`, `real[n][m]`, `(int, int, real)[]`. */
    typeExpr = this.RULE("typeExpr", () => this.OR(this.typeExprAlts));

    readonly scalarTypeAlts = [
      alt(() => this.CONSUME(T.Int)),
      alt(() => this.CONSUME(T.Real)),
      alt(() => this.CONSUME(T.Bool)),
      alt(() => this.CONSUME(T.Angle)),
    ];
    scalarType = this.RULE("scalarType", (): A.ScalarTypeExpr => {
      const token = this.OR(this.scalarTypeAlts);
      return this.ast?.scalarType(token);
    });

    dimension = this.RULE("dimension", (): A.Expr => {
      this.CONSUME(T.LBracket);
      const size = this.SUBRULE(this.expression);
      this.CONSUME(T.RBracket);
      return size;
    });

    readonly domainAlts = [
      alt((): A.Domain => {
        const token = this.CONSUME(T.Binary);
        return this.ast?.keywordDomain(token);
      }),
      alt((): A.Domain => {
        const token = this.CONSUME(T.Spin);
        return this.ast?.keywordDomain(token);
      }),
      alt((): A.Domain => {
        const int = this.CONSUME(T.Int);
        this.CONSUME(T.LBracket);
        const lo = this.SUBRULE(this.expression, { LABEL: "lo" });
        this.CONSUME(T.Range);
        const hi = this.SUBRULE2(this.expression, { LABEL: "hi" });
        const close = this.CONSUME(T.RBracket);
        return this.ast?.intDomain(int, lo, hi, close);
      }),
    ];
    readonly encodingAlts = [
      alt(() => this.CONSUME2(T.Identifier, { LABEL: "encodingName" })),
      alt(() => this.CONSUME2(T.Binary, { LABEL: "encodingName" })),
    ];
    /** `var x: binary[n]`, `var s: spin`, `var c: int[0..k-1][n] encoding onehot`. */
    varDecl = this.RULE("varDecl", (): A.VarDecl => {
      const keyword = this.CONSUME(T.Var);
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.Colon);
      const domain = this.OR(this.domainAlts);
      const dims: A.Expr[] = [];
      this.MANY(() => dims.push(this.SUBRULE(this.dimension)));
      const last = this.LA(0);
      const encoding = this.OPTION(() => {
        this.CONSUME(T.Encoding);
        return this.OR2(this.encodingAlts);
      });
      return this.ast?.varDecl(keyword, name, domain, dims, last, encoding);
    });

    letDecl = this.RULE("letDecl", (): A.LetDecl => {
      const keyword = this.CONSUME(T.Let);
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.Assign);
      const value = this.SUBRULE(this.expression);
      return this.ast?.letDecl(keyword, name, value);
    });

    readonly senseAlts = [alt(() => this.CONSUME(T.Minimize)), alt(() => this.CONSUME(T.Maximize))];
    objectiveDecl = this.RULE("objectiveDecl", (): A.ObjectiveDecl => {
      const keyword = this.OR(this.senseAlts);
      const expr = this.SUBRULE(this.expression);
      return this.ast?.objective(keyword, expr);
    });

    readonly penaltyWeightAlts = [
      alt((): IToken | A.Expr => this.CONSUME(T.Auto)),
      alt((): IToken | A.Expr => this.SUBRULE2(this.expression, { LABEL: "weight" })),
    ];
    readonly weightAlts = [
      alt((): A.ConstraintWeight => {
        const penalty = this.CONSUME(T.Penalty);
        const weight = this.OR2(this.penaltyWeightAlts);
        return this.ast?.penalty(penalty, weight);
      }),
      alt((): A.ConstraintWeight => {
        const soft = this.CONSUME(T.Soft);
        const weight = this.SUBRULE3(this.expression, { LABEL: "weight" });
        return this.ast?.soft(soft, weight);
      }),
    ];
    /** `constraint NAME[BINDERS]: EXPR [penalty W | penalty auto | soft W]`; EXPR must be a comparison. */
    constraintDecl = this.RULE("constraintDecl", (): A.ConstraintDecl => {
      const keyword = this.CONSUME(T.Constraint);
      const name = this.CONSUME(T.Identifier);
      const binders = this.OPTION(() => {
        this.CONSUME(T.LBracket);
        const list = this.SUBRULE(this.binderList);
        this.CONSUME(T.RBracket);
        return list;
      });
      this.CONSUME(T.Colon);
      const expr = this.SUBRULE(this.expression);
      const weight = this.OPTION2(() => this.OR(this.weightAlts));
      return this.ast?.constraint(keyword, name, binders, expr, weight);
    });

    /** `i in 0..n-1, (u, v) in edges where u != v`. */
    binderList = this.RULE("binderList", (): BinderList => {
      const binders: A.Binder[] = [];
      this.AT_LEAST_ONE_SEP(sep(T.Comma, () => binders.push(this.SUBRULE(this.binder))));
      const where = this.OPTION(() => {
        this.CONSUME(T.Where);
        return this.SUBRULE(this.expression, { LABEL: "where" });
      });
      return this.ast?.binderList(binders, where);
    });

    readonly binderAlts = [
      alt((): A.Binder => {
        const name = this.CONSUME(T.Identifier);
        this.CONSUME(T.In);
        const lo = this.SUBRULE(this.expression, { LABEL: "lo" });
        this.CONSUME(T.Range);
        const hi = this.SUBRULE2(this.expression, { LABEL: "hi" });
        return this.ast?.rangeBinder(name, lo, hi);
      }),
      alt((): A.Binder => {
        const open = this.CONSUME(T.LParen);
        const names: IToken[] = [];
        this.AT_LEAST_ONE_SEP(sep(T.Comma, () => names.push(this.CONSUME2(T.Identifier))));
        this.CONSUME(T.RParen);
        this.CONSUME2(T.In);
        const source = this.SUBRULE3(this.expression, { LABEL: "source" });
        return this.ast?.tupleBinder(open, names, source);
      }),
    ];
    binder = this.RULE("binder", () => this.OR(this.binderAlts));

    // ── expressions ─────────────────────────────────────────────────────────────────────────────

    /**
     * An operator chain `unary (op unary)*`, kept flat and grouped by precedence afterwards (one rule
     * per precedence level would cost ten rule invocations per operand). Comparisons and `not` are
     * ordinary entries here.
     */
    expression = this.RULE("expression", (): A.Expr => this.operatorChain(T.BinaryOperator));

    /** A sum's body: one term, `unary ((* | /) unary)*`. */
    term = this.RULE("term", (): A.Expr => this.operatorChain(T.MultiplicativeOperator));

    /** `unary (OPERATOR unary)*`, the body of `expression` and of `term`. */
    operatorChain(operator: TokenType): A.Expr {
      const operands = [this.SUBRULE(this.unary)];
      const operators: IToken[] = [];
      this.MANY(() => {
        operators.push(this.CONSUME(operator));
        operands.push(this.SUBRULE2(this.unary));
      });
      return this.ast?.chain(operands, operators);
    }

    readonly prefixAlts = [alt(() => this.CONSUME(T.Minus)), alt(() => this.CONSUME(T.Not))];
    readonly unaryAlts = [
      alt((): Operand => {
        const prefix = this.OR2(this.prefixAlts);
        const operand = this.SUBRULE(this.unary);
        return this.ast?.prefixed(prefix, operand);
      }),
      alt((): Operand => this.SUBRULE(this.power)),
    ];
    unary = this.RULE("unary", (): Operand => this.OR(this.unaryAlts));

    /** `a ^ b ^ c` is `a ^ (b ^ c)`; `-x ^ 2` is `-(x ^ 2)`; `2 ^ -1` parses (and is then rejected). */
    power = this.RULE("power", (): A.Expr => {
      const base = this.SUBRULE(this.atom);
      const exponent = this.OPTION(() => {
        this.CONSUME(T.Caret);
        return this.SUBRULE(this.unary);
      });
      return this.ast?.power(base, exponent);
    });

    readonly atomAlts = [
      alt((): A.Expr => {
        const token = this.CONSUME(T.NumberLiteral);
        return this.ast?.number(token);
      }),
      alt((): A.Expr => this.literal(this.CONSUME(T.True))),
      alt((): A.Expr => this.literal(this.CONSUME(T.False))),
      alt((): A.Expr => this.literal(this.CONSUME(T.Pi))),
      alt((): A.Expr => this.literal(this.CONSUME(T.E))),
      alt((): A.Expr => this.SUBRULE(this.nameExpr)),
      alt((): A.Expr => {
        const open = this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.expression);
        const close = this.CONSUME(T.RParen);
        return this.ast?.parenthesised(open, inner, close);
      }),
      alt((): A.Expr => this.SUBRULE(this.sumExpr)),
      alt((): A.Expr => this.SUBRULE(this.ifExpr)),
    ];
    atom = this.RULE("atom", (): A.Expr => this.OR(this.atomAlts));

    literal(token: IToken): A.Expr {
      return this.ast?.literal(token);
    }

    readonly nameSuffixAlts = [
      alt((): NameSuffix => {
        const args: A.Expr[] = [];
        this.CONSUME(T.LParen);
        this.MANY_SEP(sep(T.Comma, () => args.push(this.SUBRULE(this.expression, { LABEL: "args" }))));
        const close = this.CONSUME(T.RParen);
        return { args, close };
      }),
      alt((): NameSuffix => {
        const indices: A.Expr[] = [];
        this.AT_LEAST_ONE(() => indices.push(this.SUBRULE(this.dimension)));
        return indices;
      }),
      alt(EMPTY_ALT<NameSuffix>(undefined)),
    ];
    /** `x`, `x[i][j]`, or a call `max(a, b)`. */
    nameExpr = this.RULE("nameExpr", (): A.Expr => {
      const id = this.CONSUME(T.Identifier);
      const suffix = this.OR(this.nameSuffixAlts);
      return this.ast?.nameExpr(id, suffix, this.LA(0));
    });

    sumExpr = this.RULE("sumExpr", (): A.Expr => {
      const keyword = this.CONSUME(T.Sum);
      this.CONSUME(T.LParen);
      const binders = this.SUBRULE(this.binderList);
      this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.term, { LABEL: "body" });
      return this.ast?.sum(keyword, binders, body);
    });

    ifExpr = this.RULE("ifExpr", (): A.Expr => {
      const keyword = this.CONSUME(T.If);
      const condition = this.SUBRULE(this.expression, { LABEL: "condition" });
      this.CONSUME(T.Then);
      const then = this.SUBRULE2(this.expression, { LABEL: "then" });
      this.CONSUME(T.Else);
      const otherwise = this.SUBRULE3(this.expression, { LABEL: "else" });
      return this.ast?.ifExpr(keyword, condition, then, otherwise);
    });

    // ── circuits ────────────────────────────────────────────────────────────────────────────────

    readonly circuitFormAlts = [
      alt((): CircuitForm => {
        this.CONSUME(T.Assign);
        const ansatz = this.CONSUME2(T.Identifier, { LABEL: "ansatz" });
        this.CONSUME(T.LParen);
        const problem = this.CONSUME3(T.Identifier, { LABEL: "problem" });
        const options: A.NamedArg[] = [];
        this.MANY(() => {
          this.CONSUME(T.Comma);
          options.push(this.SUBRULE(this.namedArg));
        });
        const close = this.CONSUME(T.RParen);
        return { form: "ansatz", ansatz, problem, options, close };
      }),
      alt((): CircuitForm => {
        const params = this.OPTION(() => this.SUBRULE(this.circuitParams));
        const body = this.SUBRULE(this.circuitBody);
        return { form: "body", params: params ?? [], body, close: this.LA(0) };
      }),
    ];
    /** `circuit NAME(PARAMS) { … }` or `circuit NAME = ANSATZ(PROBLEM, KEY: VALUE, …)`. */
    circuitDecl = this.RULE("circuitDecl", (): A.CircuitDecl | A.AnsatzDecl => {
      const keyword = this.CONSUME(T.Circuit);
      const name = this.CONSUME(T.Identifier);
      const form = this.OR(this.circuitFormAlts);
      return this.ast?.circuit(keyword, name, form);
    });

    namedArg = this.RULE("namedArg", (): A.NamedArg => {
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.Colon);
      const value = this.SUBRULE(this.expression);
      return this.ast?.namedArg(name, value);
    });

    circuitParams = this.RULE("circuitParams", (): A.CircuitParam[] => {
      const params: A.CircuitParam[] = [];
      this.CONSUME(T.LParen);
      this.MANY_SEP(sep(T.Comma, () => params.push(this.SUBRULE(this.circuitParam))));
      this.CONSUME(T.RParen);
      return params;
    });

    circuitParam = this.RULE("circuitParam", (): A.CircuitParam => {
      const name = this.CONSUME(T.Identifier);
      this.CONSUME(T.Colon);
      const element = this.SUBRULE(this.scalarType);
      const dims: A.Expr[] = [];
      this.MANY(() => dims.push(this.SUBRULE(this.dimension)));
      return this.ast?.circuitParam(name, this.ast.withDims(element, dims, this.LA(0)));
    });

    /** `gate NAME(PARAMS) a, b { … }`. */
    gateDecl = this.RULE("gateDecl", (): A.GateDecl => {
      const keyword = this.CONSUME(T.Gate);
      const name = this.CONSUME(T.Identifier);
      const params = this.OPTION(() => this.SUBRULE(this.circuitParams));
      const qubits: IToken[] = [];
      this.AT_LEAST_ONE_SEP(sep(T.Comma, () => qubits.push(this.CONSUME2(T.Identifier, { LABEL: "qubits" }))));
      const body = this.SUBRULE(this.circuitBody);
      return this.ast?.gate(keyword, name, params ?? [], qubits, body, this.LA(0));
    });

    readonly statementAlts = [
      alt((): typeof SEPARATOR => this.SUBRULE(this.separator)),
      alt(() => this.SUBRULE(this.qubitDecl)),
      alt(() => this.SUBRULE(this.forStmt)),
      alt(() => this.SUBRULE(this.measureStmt)),
      alt(() => this.SUBRULE(this.resetStmt)),
      alt(() => this.SUBRULE(this.barrierStmt)),
      alt(() => this.SUBRULE(this.gateApply)),
    ];
    /** The statements between `{` and `}`; the `}` is the parser's previous token afterwards. */
    circuitBody = this.RULE("circuitBody", (): A.CircuitStmt[] => {
      this.CONSUME(T.LCurly);
      const statements = this.statements<A.CircuitStmt>(this.statementAlts);
      this.CONSUME(T.RCurly);
      return statements;
    });

    qubitDecl = this.RULE("qubitDecl", (): A.QubitDecl => {
      const keyword = this.CONSUME(T.Qubit);
      const name = this.CONSUME(T.Identifier);
      const size = this.OPTION(() => this.SUBRULE(this.dimension));
      return this.ast?.qubitDecl(keyword, name, size, this.LA(0));
    });

    forStmt = this.RULE("forStmt", (): A.ForStmt => {
      const keyword = this.CONSUME(T.For);
      const variable = this.CONSUME(T.Identifier);
      this.CONSUME(T.In);
      const lo = this.SUBRULE(this.expression, { LABEL: "lo" });
      this.CONSUME(T.Range);
      const hi = this.SUBRULE2(this.expression, { LABEL: "hi" });
      const body = this.SUBRULE(this.circuitBody);
      return this.ast?.forStmt(keyword, variable, lo, hi, body, this.LA(0));
    });

    measureStmt = this.RULE("measureStmt", (): A.CircuitStmt => {
      const keyword = this.CONSUME(T.Measure);
      const targets = this.SUBRULE(this.qubitRefs);
      return this.ast?.targetsStmt(keyword, targets);
    });

    resetStmt = this.RULE("resetStmt", (): A.CircuitStmt => {
      const keyword = this.CONSUME(T.Reset);
      const targets = this.SUBRULE(this.qubitRefs);
      return this.ast?.targetsStmt(keyword, targets);
    });

    barrierStmt = this.RULE("barrierStmt", (): A.CircuitStmt => {
      const keyword = this.CONSUME(T.Barrier);
      const targets = this.OPTION(() => this.SUBRULE(this.qubitRefs));
      return this.ast?.targetsStmt(keyword, targets ?? []);
    });

    /** `rz(theta[i]) q[i]`, `cx a, b`, `h q`. */
    gateApply = this.RULE("gateApply", (): A.GateApply => {
      const gate = this.CONSUME(T.Identifier);
      const angles: A.Expr[] = [];
      this.OPTION(() => {
        this.CONSUME(T.LParen);
        this.MANY_SEP(sep(T.Comma, () => angles.push(this.SUBRULE(this.expression, { LABEL: "angles" }))));
        this.CONSUME(T.RParen);
      });
      const qubits = this.SUBRULE(this.qubitRefs);
      return this.ast?.gateApply(gate, angles, qubits);
    });

    qubitRefs = this.RULE("qubitRefs", (): A.QubitRef[] => {
      const refs: A.QubitRef[] = [];
      this.AT_LEAST_ONE_SEP(sep(T.Comma, () => refs.push(this.SUBRULE(this.qubitRef))));
      return refs;
    });

    qubitRef = this.RULE("qubitRef", (): A.QubitRef => {
      const register = this.CONSUME(T.Identifier);
      const index = this.OPTION(() => this.SUBRULE(this.dimension));
      return this.ast?.qubitRef(register, index, this.LA(0));
    });
  }
  return QpGrammar;
}

/** Builds the AST directly; no recovery (text with a diagnostic goes to the CST parser). */
class QpAstParser extends withQpGrammar(EmbeddedActionsParser) {
  constructor() {
    super(T.ALL_TOKENS as TokenType[], { ...CONFIG, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  /** Parses the tokens into an AST; undefined after a syntax error. */
  parseProgram(factory: AstFactory, tokens: IToken[]): A.Program | undefined {
    this.ast = factory;
    this.input = tokens;
    try {
      const program = this.program();
      return this.errors.length === 0 ? program : undefined;
    } finally {
      // Release the source, keeping a factory in the field: going back to undefined made the
      // actions' call sites polymorphic and the next parse a quarter slower.
      this.ast = IDLE_FACTORY;
      this.input = [];
    }
  }
}

/** Builds a concrete syntax tree, recovering from syntax errors so that all of them are reported. */
class QpCstParser extends withQpGrammar(CstParser as unknown as typeof EmbeddedActionsParser) {
  constructor() {
    super(T.ALL_TOKENS as TokenType[], { ...CONFIG, recoveryEnabled: true, nodeLocationTracking: "onlyOffset" });
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
}

// The parser instances (Chevrotain parsers are built once and reused: set `input`, call a rule), typed
// by what callers use: the classes come from a function, and their types cannot be exported whole.
export const qpAstParser: EmbeddedActionsParser & { parseProgram(factory: AstFactory, tokens: IToken[]): A.Program | undefined } = new QpAstParser();
export const qpParser: CstParser & { program(): CstNode } = new QpCstParser() as unknown as CstParser & { program(): CstNode };
