// The progress display for a benchmark suite wherever it runs: an updating display inside a tslab
// notebook, a redrawn bar on a terminal, one line per run elsewhere (CI logs, pipes).
import { displayProgressSink } from "../bench/display-progress.js";
import { type ProgressSink, progressSink } from "../bench/progress.js";
import { tslabDisplayWriter } from "./tslab-channel.js";

export function suiteProgress(): ProgressSink {
  if (tslabDisplayWriter() !== undefined) {
    // Looked up per message: tslab points the writer at the running cell before each execution.
    return displayProgressSink((content, update) => tslabDisplayWriter()?.(content, update));
  }
  return progressSink((text) => process.stderr.write(text), process.stderr.isTTY === true);
}
