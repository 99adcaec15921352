// Progress of a running suite: a one-line bar redrawn in place on a terminal, one line per run
// elsewhere (logs, notebooks' captured output). The caller supplies where text goes.
import type { RunRecord } from "./run-record.js";

export interface ProgressSink {
  start(total: number, alreadyDone: number): void;
  record(record: RunRecord): void;
  end(): void;
}

export function progressSink(write: (text: string) => void, isTty: boolean, width = 30): ProgressSink {
  let total = 0;
  let done = 0;
  return {
    start(nTotal, alreadyDone) {
      total = nTotal;
      done = alreadyDone;
      if (alreadyDone > 0) write(`resuming: ${alreadyDone} of ${nTotal} runs already recorded\n`);
      if (isTty) write(bar());
    },
    record(record) {
      done++;
      const what = `${record.solver} on ${record.instance}, seed ${record.seed}: ${record.status}${record.status === "ok" ? ` (${record.bestObjective ?? "no feasible"})` : ""}`;
      write(isTty ? `\r\x1b[2K${bar()} ${what}` : `[${done}/${total}] ${what}\n`);
    },
    end() {
      if (isTty) write("\n");
    },
  };

  function bar(): string {
    const filled = total === 0 ? width : Math.round((width * done) / total);
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
  }
}

export const silentProgress: ProgressSink = { start() {}, record() {}, end() {} };
