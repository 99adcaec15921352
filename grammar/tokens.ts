// Tokens of the qpipe language: the lexical half of the grammar (the syntax half is parser.ts).
//
// Newlines are tokens, because a newline (or `;`) ends a statement. The lexer keeps every newline;
// `keepStatementNewlines` (src/lang/lexer.ts) then drops the ones that cannot end a statement: inside `(…)` and
// `[…]`, after a binary operator or another token that needs a right-hand side, and before `{`,
// `then` and `else`. The parser therefore sees a `Newline` only where a statement may end.
import { createToken, Lexer, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: "Newline", pattern: /\n/, line_breaks: true, label: "newline" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: "comments" });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  line_breaks: true,
  group: "comments",
});
/** An opening `/*` with no closing `*\/`: lexed so that it can be reported as a diagnostic. */
export const UnterminatedComment = createToken({
  name: "UnterminatedComment",
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
  group: "comments",
});

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "identifier" });

/** Every binary operator, so that an operator chain is one repetition in the parser. */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA, label: "an operator" });
/** `*` and `/`: the operators inside a sum's body. */
export const MultiplicativeOperator = createToken({ name: "MultiplicativeOperator", pattern: Lexer.NA, label: "'*' or '/'" });
const binary = [BinaryOperator];

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({ name: word[0]!.toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'`, categories });
}

export const Problem = keyword("problem");
export const Param = keyword("param");
export const Var = keyword("var");
export const Let = keyword("let");
export const Minimize = keyword("minimize");
export const Maximize = keyword("maximize");
export const Constraint = keyword("constraint");
export const Penalty = keyword("penalty");
export const Auto = keyword("auto");
export const Soft = keyword("soft");
export const Sum = keyword("sum");
export const In = keyword("in");
export const Where = keyword("where");
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");
export const And = keyword("and", binary);
export const Or = keyword("or", binary);
export const Not = keyword("not");
export const Int = keyword("int");
export const Real = keyword("real");
export const Bool = keyword("bool");
export const Angle = keyword("angle");
export const Binary = keyword("binary");
export const Spin = keyword("spin");
export const Encoding = keyword("encoding");
export const Circuit = keyword("circuit");
export const Gate = keyword("gate");
export const Qubit = keyword("qubit");
export const For = keyword("for");
export const Measure = keyword("measure");
export const Reset = keyword("reset");
export const Barrier = keyword("barrier");
export const True = keyword("true");
export const False = keyword("false");
export const Pi = keyword("pi");
export const E = keyword("e");

/** `3`, `2.5`, `1e-3`, `.5` — never `2.` (so that `0..n` lexes as `0` `..` `n`). */
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/, label: "number" });

export const LCurly = createToken({ name: "LCurly", pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/, label: "'}'" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "']'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/, label: "';'" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "':'" });
export const Range = createToken({ name: "Range", pattern: /\.\./, label: "'..'" });
export const EqEq = createToken({ name: "EqEq", categories: binary, pattern: /==/, label: "'=='" });
export const NotEq = createToken({ name: "NotEq", categories: binary, pattern: /!=/, label: "'!='" });
export const LessEq = createToken({ name: "LessEq", categories: binary, pattern: /<=/, label: "'<='" });
export const GreaterEq = createToken({ name: "GreaterEq", categories: binary, pattern: />=/, label: "'>='" });
export const Less = createToken({ name: "Less", categories: binary, pattern: /</, label: "'<'" });
export const Greater = createToken({ name: "Greater", categories: binary, pattern: />/, label: "'>'" });
export const Assign = createToken({ name: "Assign", pattern: /=/, label: "'='" });
export const Plus = createToken({ name: "Plus", categories: binary, pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: "Minus", categories: binary, pattern: /-/, label: "'-'" });
export const Star = createToken({ name: "Star", categories: [BinaryOperator, MultiplicativeOperator], pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: "Slash", categories: [BinaryOperator, MultiplicativeOperator], pattern: /\//, label: "'/'" });
export const Caret = createToken({ name: "Caret", pattern: /\^/, label: "'^'" });

export const KEYWORDS: readonly TokenType[] = [
  Problem, Param, Var, Let, Minimize, Maximize, Constraint, Penalty, Auto, Soft, Sum, In, Where, If, Then, Else,
  And, Or, Not, Int, Real, Bool, Angle, Binary, Spin, Encoding, Circuit, Gate, Qubit, For, Measure, Reset, Barrier,
  True, False, Pi, E,
];

/** The reserved words, as written. */
export const KEYWORD_NAMES: readonly string[] = KEYWORDS.map((t) => (t.PATTERN as RegExp).source);

/** Order matters: comments before `/`, `..` before numbers (`.5`), two-character operators first. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Newline,
  LineComment,
  BlockComment,
  UnterminatedComment,
  Range,
  NumberLiteral,
  // Longest keywords first, so that `in` never claims the start of `int` (nor `e` that of `else`).
  ...[...KEYWORDS].sort((a, b) => (b.PATTERN as RegExp).source.length - (a.PATTERN as RegExp).source.length),
  Identifier,
  LCurly, RCurly, LParen, RParen, LBracket, RBracket, Comma, Semicolon, Colon,
  EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Assign,
  Plus, Minus, Star, Slash, Caret,
  BinaryOperator, MultiplicativeOperator,
];

/**
 * One lexer instance, reused: construction validates the token set and is not free. It records
 * offsets only: lines and columns are derived from them (src/lang/span.ts, LineIndex) for the few
 * tokens that end up in a span, which is much cheaper than tracking them for every token.
 */
export const qpLexer = new Lexer(ALL_TOKENS as TokenType[], { ensureOptimizations: true, positionTracking: "onlyOffset" });
