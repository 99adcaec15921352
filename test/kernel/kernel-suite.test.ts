// The official kernel test suite (jupyter_kernel_test, the Debian package
// python3-jupyter-kernel-test) against the real kernel process, driven by jupyter_client.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, TEST_DIR, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["jupyter_kernel_test", "jupyter_client"]);
if (!available) console.warn(`skipping the kernel suite: ${PYTHON} lacks jupyter_kernel_test (install python3-jupyter-kernel-test; scripts/setup.sh does)`);

/** Hard limit for the whole Python run: it is killed after this, so it can never hang the suite. */
const SUITE_LIMIT_MS = 150_000;

interface RunResult {
  readonly code: number | null;
  readonly output: string;
  readonly timedOut: boolean;
}

function runSuite(jupyterPath: string, kernelName: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, ["-m", "unittest", "-v", "test_qpipe_kernel"], {
      cwd: TEST_DIR,
      env: { ...process.env, JUPYTER_PATH: jupyterPath, QPIPE_KERNEL_NAME: kernelName, PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, SUITE_LIMIT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

describe.skipIf(!available)("jupyter_kernel_test against the qpipe kernel", () => {
  const spec = writeTestKernelSpec();
  afterAll(() => spec.dispose());

  it("passes every applicable test of the official suite", { timeout: SUITE_LIMIT_MS + 10_000 }, async () => {
    const result = await runSuite(spec.jupyterPath, spec.kernelName);
    expect(result.timedOut, result.output).toBe(false);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^OK\b/m);
    // The tests this kernel must pass (the rest are skipped: the language has no print, pager or
    // clear_output).
    const required = ["test_kernel_info", "test_execute_stderr", "test_is_complete", "test_error", "test_execute_result", "test_history", "test_completion", "test_inspect", "test_display_data"];
    for (const name of required) {
      expect(result.output, result.output).toMatch(new RegExp(`${name} \\(.*\\) \\.\\.\\. ok`));
    }
  });
});
