// Through a real Jupyter client: while a long cell computes, the heartbeat is answered, and an
// interrupt_request on the control channel stops the cell within a second; the session survives.
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, runPythonCheck, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["jupyter_client", "zmq"]);
if (!available) console.warn(`skipping the interrupt test: ${PYTHON} lacks jupyter_client (install jupyter-client; scripts/setup.sh does)`);

const LIMIT_MS = 90_000;

describe.skipIf(!available)("interrupting the qpipe kernel", () => {
  const spec = writeTestKernelSpec();
  afterAll(() => spec.dispose());

  it("answers the heartbeat during a long cell and stops it within a second", { timeout: LIMIT_MS + 10_000 }, async () => {
    const result = await runPythonCheck("interrupt_check.py", spec, LIMIT_MS);
    expect(result["failure"]).toBeUndefined();
    expect(result["heartbeat"]).toBe(true);
    expect(result["heartbeatMs"]).toBeLessThan(1000);
    expect(result["status"]).toBe("error");
    expect(result["ename"]).toBe("Interrupted");
    expect(result["interruptMs"]).toBeLessThan(1000);
    expect(result["afterStatus"]).toBe("ok");
  });
});
