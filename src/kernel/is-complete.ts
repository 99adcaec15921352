// `is_complete_request`: may the front end run this text, or should it wait for more lines?
// Open brackets, strings or block comments → "incomplete" (with an indent for the next line); a
// stray closing bracket, or a syntax error in complete text → "invalid"; otherwise "complete".
import { parse } from "../lang/parse.js";
import { scanCell } from "./cell-scan.js";
import { splitCell } from "./cell-split.js";

export type IsCompleteReply = { readonly status: "complete" | "invalid" } | { readonly status: "incomplete"; readonly indent: string };

export function isComplete(code: string): IsCompleteReply {
  const scan = scanCell(code);
  if (scan.unbalanced) return { status: "invalid" };
  if (scan.openToken) return { status: "incomplete", indent: "" };
  if (scan.finalDepth > 0) return { status: "incomplete", indent: "  ".repeat(scan.finalDepth) };
  const { declarations } = splitCell(code);
  return parse(declarations).diagnostics.some((d) => d.severity === "error") ? { status: "invalid" } : { status: "complete" };
}
