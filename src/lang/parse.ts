// Source text → AST + syntax diagnostics.
//
//   lex (tokens, comments, nesting guard)
//     → fast path: parser actions build the AST directly (no recovery)
//     → only if that path meets something to report: Chevrotain CstParser with recovery → CST → AST
//
// Both paths give the same AST for text the fast path accepts. Never throws on user input: lexical
// and syntax errors, over-deep nesting and over-long operator chains all come back as diagnostics,
// with a best-effort AST of every declaration that parsed whole.
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import { qpAstParser, qpParser } from "../../grammar/parser.js";
import { KEYWORD_NAMES } from "../../grammar/tokens.js";
import type { Program } from "./ast.js";
import { AstFactory, NeedsDiagnostics } from "./ast-factory.js";
import { AstBuilder } from "./build-ast.js";
import type { CstNode } from "./cst-reader.js";
import type { Diagnostic, Span } from "./diagnostic.js";
import { type LexResult, lex, setEndOffsets } from "./lexer.js";
import * as M from "./messages.js";
import { type LineIndex, makeSpan, positionAt } from "./span.js";

export interface ParseOptions {
  /** Shown in rendered diagnostics and stored in every span. */
  readonly file?: string;
}

export interface ParseResult {
  readonly ast: Program;
  readonly diagnostics: readonly Diagnostic[];
}

const KEYWORDS = new Set(KEYWORD_NAMES);

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  if (typeof source !== "string") throw new TypeError(`source must be a string, not ${typeof source}`);
  const file = options.file;
  const lexed = lex(source, file);
  if (lexed.parseable) {
    const ast = parseClean(source, file, lexed);
    if (ast !== undefined) return { ast, diagnostics: [...lexed.diagnostics] };
  }
  return parseWithRecovery(source, file, lexed);
}

/** The AST of text that parses with nothing to report, built by the parser's actions; else undefined. */
export function parseClean(source: string, file: string | undefined, lexed: LexResult): Program | undefined {
  try {
    return qpAstParser.parseProgram(new AstFactory(source, file, lexed.lines, lexed.comments), lexed.tokens);
  } catch (error) {
    // The recovering path reports what this one gave up on (a stack overflow included).
    if (error instanceof NeedsDiagnostics || isStackOverflow(error)) return undefined;
    throw error;
  }
}

/** Parses with Chevrotain's error recovery into a CST, then builds the AST, reporting every problem found. */
export function parseWithRecovery(source: string, file: string | undefined, lexed: LexResult): ParseResult {
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const builder = new AstBuilder(source, file, diagnostics, lexed.lines);
  if (!lexed.parseable) return { ast: builder.program(undefined, lexed.comments), diagnostics };
  try {
    setEndOffsets(lexed.tokens);
    qpParser.input = lexed.tokens;
    // The parser builds flat nodes (grammar/flat-cst.ts) behind Chevrotain's CstNode type.
    const cst = qpParser.program() as unknown as CstNode;
    for (const error of qpParser.errors) diagnostics.push(syntaxDiagnostic(error, source, file, lexed.lines));
    const ast = builder.program(cst, lexed.comments);
    return { ast, diagnostics };
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    diagnostics.push(M.nestingTooDeep(64, wholeSource(source, file)));
    return { ast: builder.program(undefined, lexed.comments), diagnostics };
  } finally {
    qpParser.input = [];
  }
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function wholeSource(source: string, file: string | undefined): Span {
  return makeSpan(positionAt(source, 0), positionAt(source, Math.min(1, source.length)), file);
}

function syntaxDiagnostic(error: IRecognitionException, source: string, file: string | undefined, lines: LineIndex): Diagnostic {
  const token = error.token;
  const span = spanOfErrorToken(token, error, source, file, lines);
  const notes: string[] = [];
  if (token.tokenType !== EOF && KEYWORDS.has(token.image) && /identifier/.test(error.message)) {
    notes.push(`note: '${token.image}' is a reserved word and cannot name anything`);
  }
  if (error.name === "MismatchedTokenException") {
    const match = /^expected (.*) but found (.*)$/.exec(error.message);
    if (match) return M.expectedToken(match[1]!, match[2]!, span, notes);
  }
  const match = /^unexpected (.*?) ((?:at|in) .*|\(.*\))$/.exec(error.message);
  return match ? M.unexpectedToken(match[1]!, match[2]!, span, notes) : M.unexpectedToken("input", error.message, span, notes);
}

/** EOF and tokens inserted by recovery have no position: point just after the previous real token. */
function spanOfErrorToken(token: IToken, error: IRecognitionException, source: string, file: string | undefined, lines: LineIndex): Span {
  if (token.tokenType !== EOF && !Number.isNaN(token.startOffset)) return lines.tokenSpan(token, file);
  const previous = (error as { previousToken?: IToken }).previousToken;
  const offset = previous?.endOffset !== undefined && !Number.isNaN(previous.endOffset) ? previous.endOffset + 1 : source.length;
  const start = positionAt(source, offset);
  return makeSpan(start, { ...start, column: start.column + 1, offset: offset + 1 }, file);
}
