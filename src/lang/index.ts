export { hasErrors, type Diagnostic, type Position, type Severity, type Span } from "./diagnostic.js";
