// Comm messages through a real Jupyter client: the kernel has no comm targets, so comm_info lists
// none, a comm_open is answered with a comm_close for the same comm, and comm_msg / comm_close for
// it change nothing; the kernel goes on answering.
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, runPythonCheck, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["jupyter_client"]);
if (!available) console.warn(`skipping the comm test: ${PYTHON} lacks jupyter_client (install jupyter-client; scripts/setup.sh does)`);

const LIMIT_MS = 90_000;

describe.skipIf(!available)("comm messages", () => {
  const spec = writeTestKernelSpec();
  afterAll(() => spec.dispose());

  it("closes a comm opened for an unknown target and keeps answering", { timeout: LIMIT_MS + 10_000 }, async () => {
    const result = (await runPythonCheck("comm_check.py", spec, LIMIT_MS)) as unknown as {
      commId: string;
      info: Record<string, unknown>;
      openIopub: [string, Record<string, unknown>][];
      msgIopub: string[];
      closeIopub: string[];
      afterStatus: string;
      alive: boolean;
    };
    expect(result.info).toEqual({ status: "ok", comms: {} });
    const close = result.openIopub.find(([type]) => type === "comm_close");
    expect(close?.[1]).toEqual({ comm_id: result.commId, data: {} });
    expect(result.openIopub.map(([type]) => type)).toEqual(["status", "comm_close", "status"]);
    expect(result.msgIopub).toEqual(["status", "status"]);
    expect(result.closeIopub).toEqual(["status", "status"]);
    expect(result.afterStatus).toBe("ok");
    expect(result.alive).toBe(true);
  });
});
