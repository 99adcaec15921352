// Progress of a running suite as one updating display in a notebook: a `display_data` message with a
// `display_id`, then `update_display_data` messages that replace it in place (Jupyter's protocol for
// a display that changes; JupyterLab, VS Code and nbclient all honour it). Each message is marked
// volatile, so replaying a notebook ignores the progress text, whose last state depends on timing.
import type { ProgressSink } from "./progress.js";
import type { RunRecord } from "./run-record.js";

export interface DisplayMessage {
  readonly data: Record<string, string>;
  readonly metadata: Record<string, unknown>;
  readonly transient: { readonly display_id: string };
}

/** Sends a display (update = false) or replaces the display with the same id (update = true). */
export type SendDisplay = (content: DisplayMessage, update: boolean) => void;

export interface DisplayProgressOptions {
  /** Minimum time between two updates; the first and the last are always sent. Default 250 ms. */
  readonly minIntervalMs?: number;
  readonly now?: () => number;
  /** Default: a fresh id per sink. */
  readonly displayId?: string;
}

/** The marker `qpipe notebooks verify` skips outputs by. */
export const VOLATILE_METADATA = { qpipe: { volatile: true } } as const;

let nDisplays = 0;

export function displayProgressSink(send: SendDisplay, options: DisplayProgressOptions = {}): ProgressSink {
  const minIntervalMs = options.minIntervalMs ?? 250;
  const now = options.now ?? (() => performance.now());
  if (!(minIntervalMs >= 0)) throw new RangeError(`minIntervalMs must be ≥ 0, got ${minIntervalMs}`);
  const displayId = options.displayId ?? `qpipe-bench-progress-${process.pid}-${++nDisplays}`;
  let total = 0;
  let done = 0;
  let resumed = 0;
  let nFailed = 0;
  let last = "";
  let lastSentMs = -Infinity;
  let started = false;
  return {
    start(nTotal, alreadyDone) {
      total = nTotal;
      done = alreadyDone;
      resumed = alreadyDone;
      emit(false);
      started = true;
    },
    record(record) {
      done++;
      if (record.status !== "ok") nFailed++;
      last = describeRun(record);
      if (now() - lastSentMs >= minIntervalMs) emit(true);
    },
    end() {
      last = `done${nFailed > 0 ? `, ${nFailed} failed or timed out` : ""}`;
      emit(true);
    },
  };

  function emit(update: boolean): void {
    lastSentMs = now();
    const fraction = total === 0 ? 1 : done / total;
    const text = `${bar(fraction)} ${done}/${total} runs${resumed > 0 ? ` (${resumed} resumed)` : ""}${last === "" ? "" : ` · ${last}`}`;
    const html =
      `<div style="font-family: monospace"><progress value="${done}" max="${Math.max(total, 1)}" style="width: 18em; vertical-align: middle"></progress> ` +
      `${done}/${total} runs${resumed > 0 ? ` (${resumed} resumed)` : ""}${last === "" ? "" : ` · ${escapeHtml(last)}`}</div>`;
    send({ data: { "text/plain": text, "text/html": html }, metadata: VOLATILE_METADATA, transient: { display_id: displayId } }, update && started);
  }
}

function describeRun(record: RunRecord): string {
  const outcome = record.status === "ok" ? String(record.bestObjective ?? "no feasible") : record.status;
  return `${record.solver} on ${record.instance}, seed ${record.seed}: ${outcome}`;
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(width * fraction);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
