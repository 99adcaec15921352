// One rendering worker shared by a test file, replaced when a render times out.
import { Worker } from "node:worker_threads";
import type { VegaLiteSpec } from "../../src/viz/index.js";

export interface WorkerRender {
  readonly warnings: readonly string[];
  readonly svg: string;
}

let current: Promise<Worker> | undefined;

function worker(): Promise<Worker> {
  current ??= new Promise((resolve, reject) => {
    const started = new Worker(new URL("./render-worker.mjs", import.meta.url));
    started.once("message", () => resolve(started));
    started.once("error", reject);
  });
  return current;
}

/** Compiles and renders `spec` in the worker; rejects if that takes longer than `timeoutMs` (renders take
 * well under a second on a quiet machine; the margin is for a loaded one). */
export async function renderInWorker(spec: VegaLiteSpec, timeoutMs = 15_000): Promise<WorkerRender> {
  const renderer = await worker();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      renderer.removeAllListeners("message");
      current = undefined;
      void renderer.terminate();
      reject(new Error(`rendering did not finish within ${timeoutMs} ms: ${JSON.stringify(spec).slice(0, 400)}`));
    }, timeoutMs);
    renderer.once("message", (reply: { warnings: string[]; svg: string } | { error: string }) => {
      clearTimeout(timer);
      if ("error" in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
    renderer.postMessage(spec);
  });
}

export async function stopRenderWorker(): Promise<void> {
  const running = current;
  current = undefined;
  if (running) await (await running).terminate();
}
