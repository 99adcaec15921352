export { hasErrors, type Diagnostic, type Position, type Severity, type Span } from "./diagnostic.js";
// The AST is exported as a namespace (`Ast.Program`, `Ast.Expr`, …) so its short names never clash
// with other areas' exports.
export type * as Ast from "./ast.js";
export { intEncodingOf } from "./ast.js";
export type {
  AnsatzSymbols,
  CircuitParamSymbol,
  CircuitSymbols,
  ConstraintInfo,
  GateSymbols,
  LetSymbol,
  ObjectiveInfo,
  ParamShape,
  ParamSymbol,
  ProblemSymbol,
  ProblemSymbols,
  ProgramSymbols,
  QubitRegisterSymbol,
  ValueType,
  VarSymbol,
} from "./symbols.js";
export { parse, type ParseOptions, type ParseResult } from "./parse.js";
export { check, checkProgram, sortDiagnostics, type CheckResult } from "./check.js";
export { renderDiagnostic, renderDiagnostics, summarize as summarizeDiagnostics, diagnosticToJson, type DiagnosticRecord, type RenderOptions } from "./render.js";
export { format } from "./format.js";
export { qp, QpTemplateError, type QpProgram, type TemplateValue } from "./template.js";
