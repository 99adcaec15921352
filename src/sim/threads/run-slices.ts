// The loop every thread runs for a job: its slice of each pass, then the barrier.
import { createScratch, executePass, passSpan, type Pass } from "../pass.js";
import { arriveAndWait, sliceOf } from "./barrier.js";

const scratch = createScratch();

export function runSlices(
  re: Float64Array,
  im: Float64Array,
  nQubits: number,
  passes: readonly Pass[],
  control: Int32Array,
  threadIndex: number,
  nThreads: number,
): void {
  for (const pass of passes) {
    const [begin, end] = sliceOf(passSpan(pass, nQubits), threadIndex, nThreads);
    if (begin < end) executePass(re, im, pass, scratch, begin, end);
    arriveAndWait(control, nThreads);
  }
}
