// Through a real Jupyter client: while a long cell computes, the heartbeat is answered, and an
// interrupt_request on the control channel stops the cell within a second; the session survives.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, TEST_DIR, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["jupyter_client", "zmq"]);
if (!available) console.warn(`skipping the interrupt test: ${PYTHON} lacks jupyter_client (install jupyter-client; scripts/setup.sh does)`);

const LIMIT_MS = 90_000;

describe.skipIf(!available)("interrupting the qpipe kernel", () => {
  const spec = writeTestKernelSpec();
  afterAll(() => spec.dispose());

  it("answers the heartbeat during a long cell and stops it within a second", { timeout: LIMIT_MS + 10_000 }, async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        PYTHON,
        [join(TEST_DIR, "interrupt_check.py"), spec.kernelName],
        { env: { ...process.env, JUPYTER_PATH: spec.jupyterPath, PYTHONDONTWRITEBYTECODE: "1" }, timeout: LIMIT_MS, killSignal: "SIGKILL" },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(result["failure"]).toBeUndefined();
    expect(result["heartbeat"]).toBe(true);
    expect(result["heartbeatMs"]).toBeLessThan(1000);
    expect(result["status"]).toBe("error");
    expect(result["ename"]).toBe("Interrupted");
    expect(result["interruptMs"]).toBeLessThan(1000);
    expect(result["afterStatus"]).toBe("ok");
  });
});
