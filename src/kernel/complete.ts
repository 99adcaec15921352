// complete_request and inspect_request over the vocabulary (keywords, gates, commands, and the
// session's declarations). Positions on the wire are code points; see cursor.ts.
import { splitCell } from "./cell-split.js";
import { codePointToIndex, indexToCodePoint, wordAt } from "./cursor.js";
import { builtinVocabulary, declaredVocabulary, type VocabularyEntry } from "./vocabulary.js";

const BUILTINS = builtinVocabulary();

/** Declarations first (they are what the user is most likely typing), then built-ins; one entry per name. */
function vocabulary(sessionSource: string, cellCode: string): VocabularyEntry[] {
  const seen = new Set<string>();
  const out: VocabularyEntry[] = [];
  // The cell being edited may declare names not yet run; offer them too when it checks.
  for (const entry of [...declaredVocabulary(sessionSource), ...declaredVocabulary(cellCode), ...BUILTINS]) {
    if (seen.has(entry.name)) continue;
    seen.add(entry.name);
    out.push(entry);
  }
  return out;
}

export function completeReply(sessionSource: string, code: string, cursorPos: number): Record<string, unknown> {
  const index = codePointToIndex(code, cursorPos);
  const { start } = wordAt(code, index);
  const prefix = code.slice(start, index);
  const matches = vocabulary(sessionSource, safeSource(code))
    .filter((e) => e.name.startsWith(prefix) && e.name !== prefix)
    .sort((a, b) => a.name.localeCompare(b.name));
  const cursorStart = indexToCodePoint(code, start);
  const cursorEnd = indexToCodePoint(code, index);
  return {
    status: "ok",
    matches: matches.map((e) => e.name),
    cursor_start: cursorStart,
    cursor_end: cursorEnd,
    metadata: { _jupyter_types_experimental: matches.map((e) => ({ start: cursorStart, end: cursorEnd, text: e.name, type: e.type })) },
  };
}

export function inspectReply(sessionSource: string, code: string, cursorPos: number): Record<string, unknown> {
  const index = codePointToIndex(code, cursorPos);
  const { start, end } = wordAt(code, index);
  const word = code.slice(start, end);
  const entry = word === "" ? undefined : vocabulary(sessionSource, safeSource(code)).find((e) => e.name === word);
  if (!entry) return { status: "ok", found: false, data: {}, metadata: {} };
  return { status: "ok", found: true, data: { "text/plain": `${entry.name}: ${entry.type}\n${entry.doc}` }, metadata: {} };
}

/** The cell without its command lines (the front end recovers from half-typed declarations). */
function safeSource(code: string): string {
  return splitCell(code).declarations;
}
