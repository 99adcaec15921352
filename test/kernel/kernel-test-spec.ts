// A throw-away Jupyter data directory whose kernel spec runs the kernel from source through tsx,
// so the Python clients in these tests need neither a build nor an installed spec.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { kernelSpec } from "../../src/kernel/install.js";

export const PYTHON = "/usr/bin/python3";
export const TEST_DIR = dirname(fileURLToPath(import.meta.url));

export interface TestKernelSpec {
  readonly jupyterPath: string;
  readonly kernelName: string;
  dispose(): void;
}

export function writeTestKernelSpec(): TestKernelSpec {
  const root = mkdtempSync(join(tmpdir(), "qpipe-kernel-test-"));
  const kernelName = "qpipe-test";
  mkdirSync(join(root, "kernels", kernelName), { recursive: true });
  const spec = kernelSpec([process.execPath, "--import", "tsx", join(TEST_DIR, "launch-kernel.ts")]);
  writeFileSync(join(root, "kernels", kernelName, "kernel.json"), JSON.stringify(spec));
  return { jupyterPath: root, kernelName, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs a Python check script of this folder against the spec's kernel; resolves with the last line of its stdout as JSON. */
export function runPythonCheck(script: string, spec: TestKernelSpec, limitMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [join(TEST_DIR, script), spec.kernelName],
      { env: { ...process.env, JUPYTER_PATH: spec.jupyterPath, PYTHONDONTWRITEBYTECODE: "1" }, timeout: limitMs, killSignal: "SIGKILL" },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>)),
    );
  });
}

/** True when the system Python has the named modules (Debian packages; scripts/setup.sh installs them). */
export function pythonHas(modules: readonly string[]): boolean {
  try {
    execFileSync(PYTHON, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}
