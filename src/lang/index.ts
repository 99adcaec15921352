export { hasErrors, type Diagnostic, type Position, type Severity, type Span } from "./diagnostic.js";
export type * from "./ast.js";
export { assertNever, intEncodingOf } from "./ast.js";
export type * from "./symbols.js";
