// Renders Vega-Lite specs off the test's thread: a spec that sends Vega into an endless loop
// blocks its thread for good, so only a worker that can be terminated turns a hang into a failure.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { compileVegaLite, renderSvg } = await import("../../src/viz/render-svg.ts");

parentPort.on("message", async (spec) => {
  try {
    const { warnings } = await compileVegaLite(spec);
    parentPort.postMessage({ warnings, svg: await renderSvg(spec) });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
});
parentPort.postMessage("ready");
