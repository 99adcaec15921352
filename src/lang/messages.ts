// Every diagnostic the language front end reports, one small function per code, so that wording and
// codes live in one place (docs/language.md lists the same codes, and each has a golden test).
import type { Diagnostic, Severity, Span } from "./diagnostic.js";

function make(severity: Severity, code: string, message: string, span: Span, notes?: readonly string[]): Diagnostic {
  return notes === undefined || notes.length === 0 ? { severity, code, message, span } : { severity, code, message, span, notes };
}

const error = (code: string, message: string, span: Span, notes?: readonly string[]) => make("error", code, message, span, notes);
const warning = (code: string, message: string, span: Span, notes?: readonly string[]) => make("warning", code, message, span, notes);

const didYouMean = (suggestion: string | undefined) => (suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`);

// ── lexical and syntax ──────────────────────────────────────────────────────────────────────────

export const unexpectedCharacter = (text: string, span: Span) =>
  error("unexpected-character", `unexpected character ${JSON.stringify(text)}`, span);

export const unterminatedComment = (span: Span) => error("unterminated-comment", "block comment is not closed with '*/'", span);

export const invalidNumber = (text: string, span: Span) =>
  error("invalid-number", `number '${text}' is too large to represent`, span);

export const nestingTooDeep = (limit: number, span: Span) =>
  error("nesting-too-deep", `expression is nested too deeply (the limit is ${limit} levels)`, span, [
    "help: name parts of the expression with `let`",
  ]);

export const expressionTooLong = (limit: number, span: Span) =>
  error("expression-too-long", `expression has more than ${limit} operators in a chain`, span, [
    "help: write long sums with `sum(...)` or split them with `let`",
  ]);

export const expectedToken = (expected: string, found: string, span: Span, notes?: readonly string[]) =>
  error("expected-token", `expected ${expected} but found ${found}`, span, notes);

export const unexpectedToken = (found: string, context: string, span: Span, notes?: readonly string[]) =>
  error("unexpected-token", `unexpected ${found} ${context}`, span, notes);

export const missingSeparator = (span: Span) =>
  error("missing-separator", "expected a newline or ';' before the next statement", span);

export const misplacedInterpolation = (span: Span) =>
  error("misplaced-interpolation", "an interpolated value can only be the whole default of a 'param'", span, [
    "note: values are bound as parameter values, never spliced into the source; write `param NAME: TYPE = ${value}`",
  ]);

export const invalidInterpolation = (found: string, span: Span) =>
  error("invalid-interpolation", `an interpolated parameter value must be a finite number, a boolean or an array of them, not ${found}`, span);

// ── structure ───────────────────────────────────────────────────────────────────────────────────

export const constraintNotComparison = (span: Span) =>
  error("constraint-not-comparison", "a constraint must compare two expressions with '==', '<=' or '>='", span, [
    "help: equality is written '=='",
  ]);

export const unknownEncoding = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-encoding", `unknown integer encoding '${name}'${didYouMean(suggestion)}`, span, [
    "note: the encodings are binary, unary, onehot and domainwall",
  ]);

export const encodingNotInt = (domain: string, span: Span) =>
  error("encoding-not-int", `only 'int[lo..hi]' variables take an encoding, not '${domain}'`, span);

export const multipleObjectives = (span: Span, first: Span) =>
  error("multiple-objectives", "a problem has at most one 'minimize' or 'maximize'", span, [
    `note: the first objective is at line ${first.start.line}`,
  ]);

// ── names ───────────────────────────────────────────────────────────────────────────────────────

export const duplicateDeclaration = (name: string, first: Span | undefined, span: Span) =>
  error(
    "duplicate-declaration",
    `'${name}' is already declared`,
    span,
    first === undefined ? ["note: it names a built-in gate"] : [`note: first declared at line ${first.start.line}`],
  );

export const unknownSymbol = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-symbol", `unknown symbol '${name}'${didYouMean(suggestion)}`, span);

export const usedBeforeDeclaration = (name: string, span: Span) =>
  error("used-before-declaration", `'${name}' is used before its declaration`, span, ["help: move the declaration above this line"]);

export const unknownFunction = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-function", `unknown function '${name}'${didYouMean(suggestion)}`, span, [
    "note: the functions are abs, sqrt, exp, log, sin, cos, min, max, floor and ceil",
  ]);

export const unknownGate = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-gate", `unknown gate '${name}'${didYouMean(suggestion)}`, span);

export const unknownProblem = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-problem", `unknown problem '${name}'${didYouMean(suggestion)}`, span);

export const unknownAnsatz = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-ansatz", `unknown ansatz '${name}'${didYouMean(suggestion)}`, span, ["note: the ansatz families are qaoa"]);

export const unknownAnsatzOption = (name: string, suggestion: string | undefined, span: Span) =>
  error("unknown-ansatz-option", `unknown option '${name}'${didYouMean(suggestion)}`, span, ["note: qaoa takes p and mixer"]);

export const invalidAnsatzOption = (name: string, requirement: string, span: Span) =>
  error("invalid-ansatz-option", `option '${name}' must be ${requirement}`, span);

export const shadowedName = (name: string, span: Span) =>
  warning("shadowed-name", `'${name}' hides a declaration with the same name`, span);

export const unusedParam = (name: string, span: Span) => warning("unused-param", `parameter '${name}' is never used`, span);

export const unusedVar = (name: string, span: Span) => warning("unused-var", `variable '${name}' is never used`, span);

// ── types ───────────────────────────────────────────────────────────────────────────────────────

export const notNumeric = (found: string, context: string, span: Span) =>
  error("not-numeric", `${context} must be a number, but this is ${found}`, span);

export const notBoolean = (found: string, context: string, span: Span) =>
  error("not-boolean", `${context} must be a condition (bool), but this is ${found}`, span);

export const notInteger = (found: string, context: string, span: Span) =>
  error("not-integer", `${context} must be an int, but this is ${found}`, span);

export const defaultTypeMismatch = (name: string, expected: string, found: string, span: Span) =>
  error("default-type-mismatch", `default of '${name}' must be ${expected}, but this is ${found}`, span);

export const angleOutsideCircuit = (span: Span) =>
  error("angle-outside-circuit", "'angle' is a circuit parameter type; a problem parameter is 'real'", span);

export const notIndexable = (name: string, span: Span) => error("not-indexable", `'${name}' is not an array and cannot be indexed`, span);

export const wrongIndexCount = (name: string, expected: number, found: number, span: Span) =>
  error("wrong-index-count", `'${name}' takes ${expected} ${expected === 1 ? "index" : "indices"}, not ${found}`, span);

export const tupleListAsValue = (name: string, span: Span) =>
  error("tuple-list-as-value", `'${name}' is a list of tuples, not a value`, span, [
    `help: bind its entries, as in sum((u, v) in ${name}) ...`,
  ]);

export const invalidCircuitParamType = (type: string, span: Span) =>
  error("invalid-circuit-param-type", `a circuit parameter is an 'int' size or an 'angle'/'real' value, not '${type}'`, span);

export const notATupleList = (name: string, span: Span) =>
  error("not-a-tuple-list", `'${name}' is not a list of tuples like '(int, int)[]'`, span);

export const tupleArityMismatch = (name: string, expected: number, found: number, span: Span) =>
  error("tuple-arity-mismatch", `'${name}' holds tuples of ${expected}, but ${found} ${found === 1 ? "name is" : "names are"} bound`, span);

export const wrongArgumentCount = (what: string, expected: string, found: number, span: Span) =>
  error("wrong-argument-count", `${what} takes ${expected}, not ${found}`, span);

export const emptyDomain = (lo: number, hi: number, span: Span) =>
  error("empty-domain", `integer domain ${lo}..${hi} is empty (lo must be ≤ hi)`, span);

// ── decision variables where only parameters may appear ────────────────────────────────────────

export const variableInParameterContext = (code: string, context: string, span: Span) =>
  error(code, `${context} must not involve decision variables`, span, [
    "note: only parameters are known before solving; decision variables appear in objectives, lets and constraints",
  ]);

export const invalidExponent = (span: Span) =>
  error("invalid-exponent", "the exponent of a decision-variable expression must be a non-negative integer constant", span);

// ── degree ──────────────────────────────────────────────────────────────────────────────────────

export const degreeAboveTwo = (what: string, degree: number, span: Span) =>
  warning("degree-above-two", `${what} has degree ${degree}; a QUBO needs degree ≤ 2`, span, [
    "note: compile it as a higher-order model (--to hubo) or ask the compiler to quadratise it",
  ]);

export const nonlinearInequality = (degree: number, span: Span) =>
  error("nonlinear-inequality", `an inequality constraint must be linear, but this one has degree ${degree}`, span, [
    "help: linearise it, or state it as an equality or a penalty term in the objective",
  ]);

export const constantConstraint = (span: Span) =>
  warning("constant-constraint", "this constraint involves no decision variable", span);

// ── circuits ────────────────────────────────────────────────────────────────────────────────────

export const duplicateQubit = (span: Span) => error("duplicate-qubit", "a gate's qubit operands must be distinct", span);

export const notAQubit = (name: string, span: Span) => error("not-a-qubit", `'${name}' is not a qubit or qubit register`, span);

export const qubitAsNumber = (name: string, span: Span) => error("qubit-as-number", `qubit '${name}' is not a number`, span);

export const angleAsSize = (name: string, span: Span) =>
  error("angle-as-size", `angle '${name}' stays symbolic, so it cannot size, index or bound anything`, span, [
    "help: sizes and loop bounds are 'int' parameters",
  ]);

export const nonUnitaryInGate = (statement: string, span: Span) =>
  error("non-unitary-in-gate", `'${statement}' cannot appear in a gate definition; gates are unitary`, span);

export const qubitDeclInGate = (span: Span) =>
  error("qubit-in-gate", "a gate acts on its qubit arguments and cannot declare qubits", span);

export const qubitDeclInLoop = (span: Span) =>
  error("qubit-in-loop", "qubits are declared once, at the top of a circuit, not inside a loop", span);

export const recursiveGate = (name: string, span: Span) => error("recursive-gate", `gate '${name}' applies itself`, span);
