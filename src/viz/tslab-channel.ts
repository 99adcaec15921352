// Sending a display_data message with several MIME types at once from inside a tslab kernel.
//
// tslab's public `display.*` functions each send ONE MIME type. Internally they all go through
// `lastWriteDisplayData(content, update)` in tslab/dist/jupyter.js, which tslab points at the running
// cell's iopub writer before each execution and which accepts a full display_data content
// ({data, metadata, transient}). The kernel loaded that module through require(), so it sits in the
// shared CommonJS module cache; we look it up there rather than require()-ing tslab ourselves, which
// could load a second copy (e.g. a global tslab) whose writer is never set.
import { createRequire } from "node:module";

export type DisplayContent = {
  readonly data: Record<string, string | object>;
  readonly metadata: Record<string, unknown>;
  readonly transient?: { readonly display_id?: string };
};

type WriteDisplayData = (content: DisplayContent, update: boolean) => void;

const require = createRequire(import.meta.url);
const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** The running tslab cell's display writer, or undefined outside a tslab kernel. */
export function tslabDisplayWriter(): WriteDisplayData | undefined {
  for (const [filename, module] of Object.entries(require.cache)) {
    if (!JUPYTER_MODULE.test(filename) || module === undefined) continue;
    const writer = (module.exports as { lastWriteDisplayData?: unknown }).lastWriteDisplayData;
    if (typeof writer === "function") return writer as WriteDisplayData;
  }
  return undefined;
}

/** Whether this process is a tslab kernel that has started executing cells. */
export function inTslabKernel(): boolean {
  return tslabDisplayWriter() !== undefined;
}

/** Sends one display_data message; returns false when not running inside a tslab kernel. */
export function sendDisplayData(data: Record<string, string | object>, metadata: Record<string, unknown> = {}): boolean {
  const writer = tslabDisplayWriter();
  if (!writer) return false;
  writer({ data, metadata }, false);
  return true;
}
