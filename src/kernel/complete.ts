// complete_request (position-aware: the grammar's content assist and the command shapes) and
// inspect_request over the vocabulary (keywords, gates, commands, and the session's declarations).
// Positions on the wire are code points; see cursor.ts.
import { assistCommand } from "./command-assist.js";
import { assistDeclarations, type Suggestion } from "./content-assist.js";
import { COMMAND_WORDS, splitCell } from "./cell-split.js";
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

/**
 * Completion at the cursor: inside a command line, the command's own slots (command-assist.ts);
 * elsewhere, what the grammar accepts at that position (content-assist.ts). When the parser cannot
 * follow the text before the cursor (an earlier syntax error), declared names are offered by prefix.
 */
export function completeReply(sessionSource: string, code: string, cursorPos: number): Record<string, unknown> {
  const index = codePointToIndex(code, cursorPos);
  const { start } = wordAt(code, index);
  const prefix = code.slice(start, index);
  const declared = vocabulary(sessionSource, safeSource(code)).filter((e) => !["keyword", "command", "solver"].includes(e.type));
  const matches = dedupe(suggestionsAt(code, start, declared))
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

function suggestionsAt(code: string, wordStart: number, declared: readonly VocabularyEntry[]): Suggestion[] {
  const lineStart = code.lastIndexOf("\n", wordStart - 1) + 1;
  const lineIndex = code.slice(0, lineStart).split("\n").length - 1;
  const { declarations, commands } = splitCell(code);
  const command = commands.find((c) => lineIndex + 1 >= c.line && lineIndex + 1 < c.line + c.text.split("\n").length);
  if (command) {
    const commandStart = lineStartOf(code, command.line - 1);
    return assistCommand(code.slice(commandStart, wordStart).trimStart(), declared);
  }
  // The declarations (command lines blanked: same lines, other offsets) up to the word.
  const before = declarations.split("\n").slice(0, lineIndex).concat(code.slice(lineStart, wordStart)).join("\n");
  const assist = assistDeclarations(before, declared);
  if (assist.lost) return [...declared];
  const commandWords = assist.topLevelStart ? COMMAND_WORDS.map((name) => ({ name, type: "command" })) : [];
  return [...assist.suggestions, ...commandWords];
}

function lineStartOf(code: string, lineIndex: number): number {
  let offset = 0;
  for (let i = 0; i < lineIndex; i++) offset = code.indexOf("\n", offset) + 1;
  return offset;
}

function dedupe(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((s) => !seen.has(s.name) && seen.add(s.name));
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
