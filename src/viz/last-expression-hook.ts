// Rich display for a value left as the last expression of a tslab cell.
//
// tslab prints a cell's last expression with the kernel's `console.log(value)`, so the only code of
// ours that runs is the value's `util.inspect.custom` method. When that method is called
//   (1) by tslab's executor itself — not by a `console.log` in the user's cell — and
//   (2) for the value at the top level, not nested inside another object,
// we send the rich bundle as display_data and drop the one line console.log is about to write, so
// the cell shows the chart alone. Anywhere else (scripts, the REPL, nested values, explicit logging)
// the method just returns the plain-text form.
import { type InspectOptions } from "node:util";
import { type MimeBundle, toWireBundle } from "./display-protocol.js";
import { sendDisplayData } from "./tslab-channel.js";

const TSLAB_EXECUTOR = /[\\/]tslab[\\/]dist[\\/]executor\.js:/;

/**
 * Call from `[util.inspect.custom](depth, options)`. Returns the text the caller should return from
 * its inspect method.
 */
export function inspectWithRichDisplay(
  depth: number,
  options: InspectOptions,
  bundle: () => MimeBundle,
  metadata: Record<string, unknown> = {},
): string {
  const text = plainText(bundle);
  if (depth !== options.depth || !calledByTslabExecutor()) return text;
  if (!sendDisplayData(toWireBundle(bundle()), metadata)) return text;
  swallowNextWrite(text + "\n");
  return text;
}

function plainText(bundle: () => MimeBundle): string {
  const text = bundle()["text/plain"];
  return typeof text === "string" ? text : "<display>";
}

/**
 * True when tslab's executor printed the value itself. Walking outwards from here, a cell's own code
 * (compiled by tslab into `evalmachine.<anonymous>`) means the user called console.log; reaching
 * tslab's executor first means it is printing the cell's last expression.
 */
function calledByTslabExecutor(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const frame of stack.split("\n").slice(1)) {
    if (frame.includes("evalmachine.<anonymous>")) return false;
    if (TSLAB_EXECUTOR.test(frame)) return true;
  }
  return false;
}

/** Drops the next stdout write if it is exactly `expected` (console.log's line), then steps aside. */
function swallowNextWrite(expected: string): void {
  const stdout = process.stdout;
  const original = stdout.write;
  stdout.write = function (this: typeof stdout, chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = original;
    if (chunk === expected) return true;
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stdout.write;
}
