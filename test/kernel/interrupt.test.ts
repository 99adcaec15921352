// Through a real Jupyter client: while a long cell computes, the heartbeat is answered, and an
// interrupt_request on the control channel stops the cell promptly; the session survives.
//
// "Promptly" is measured against the machine's pace in the same run: the same long cell, left to
// finish, sets the scale. On a quiet machine the bound is one second; on a loaded one it is a tenth
// of the uninterrupted cell, which still fails if the interrupt waits for the cell to end.
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, runPythonCheck, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["jupyter_client", "zmq"]);
if (!available) console.warn(`skipping the interrupt test: ${PYTHON} lacks jupyter_client (install jupyter-client; scripts/setup.sh does)`);

const LIMIT_MS = 240_000;

describe.skipIf(!available)("interrupting the qpipe kernel", () => {
  const spec = writeTestKernelSpec();
  afterAll(() => spec.dispose());

  it("answers the heartbeat during a long cell and stops it well before the cell would end", { timeout: LIMIT_MS + 10_000 }, async () => {
    const result = await runPythonCheck("interrupt_check.py", spec, LIMIT_MS);
    expect(result["failure"]).toBeUndefined();
    expect(result["fullCellStatus"]).toBe("ok");
    const fullCellMs = result["fullCellMs"] as number;
    const remainingMs = fullCellMs - (result["interruptSentAfterMs"] as number);
    const boundMs = Math.max(1000, fullCellMs / 10);
    // The cell must leave room to tell an interrupt from the cell's own end.
    expect(remainingMs).toBeGreaterThan(2 * boundMs);
    expect(result["heartbeat"]).toBe(true);
    expect(result["heartbeatMs"]).toBeLessThan(boundMs);
    expect(result["status"]).toBe("error");
    expect(result["ename"]).toBe("Interrupted");
    expect(result["interruptMs"]).toBeLessThan(boundMs);
    expect(result["afterStatus"]).toBe("ok");
  });
});
