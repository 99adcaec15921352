// `history_request` over the cells of this kernel's session. Entries are
// [session, line, input] or, with output, [session, line, [input, output]]; this kernel keeps one
// session, numbered 1, and lines are execution counts.
import type { HistoryEntry } from "./session.js";

export const SESSION_NUMBER = 1;

type HistoryRow = [number, number, string] | [number, number, [string, string | null]];

export function historyReply(entries: readonly HistoryEntry[], request: Record<string, unknown>): Record<string, unknown> {
  const output = request["output"] === true;
  const row = (e: HistoryEntry): HistoryRow => (output ? [SESSION_NUMBER, e.executionCount, [e.code, e.output ?? null]] : [SESSION_NUMBER, e.executionCount, e.code]);
  const n = typeof request["n"] === "number" && request["n"] >= 0 ? request["n"] : entries.length;
  let selected: readonly HistoryEntry[];
  switch (request["hist_access_type"]) {
    case "range": {
      const session = typeof request["session"] === "number" ? request["session"] : SESSION_NUMBER;
      const start = typeof request["start"] === "number" ? request["start"] : 1;
      const stop = typeof request["stop"] === "number" ? request["stop"] : Number.POSITIVE_INFINITY;
      // Session 0 means "the current one"; negative numbers count back, and there is only one.
      selected = session === SESSION_NUMBER || session === 0 ? entries.filter((e) => e.executionCount >= start && e.executionCount < stop) : [];
      break;
    }
    case "search": {
      const pattern = globToRegExp(typeof request["pattern"] === "string" ? request["pattern"] : "*");
      let matches = entries.filter((e) => pattern.test(e.code));
      if (request["unique"] === true) {
        // Keep the latest run of each distinct input.
        const all = matches;
        matches = all.filter((e, i) => all.findLastIndex((f) => f.code === e.code) === i);
      }
      selected = matches.slice(Math.max(0, matches.length - n));
      break;
    }
    default:
      // "tail" and anything unknown: the last n cells.
      selected = entries.slice(Math.max(0, entries.length - n));
  }
  return { status: "ok", history: selected.map(row) };
}

/** IPython's history patterns are globs: `*` any run, `?` one character; the whole input must match. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${body}$`);
}
