// Runs one notebook through a real Jupyter client: nbclient (Debian's python3-nbclient), driven by
// scripts/execute-notebook.py. nbclient is the client JupyterLab's "run all", nbconvert --execute and
// papermill share, so a notebook that replays here replays for users; a home-made ZeroMQ client
// would only prove that it agrees with itself.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { KERNEL_NAME, NOTEBOOK_KERNELS, writeKernelSpec } from "./kernel-spec.js";
import { NotebookFormatError, parseNotebook, type Notebook } from "./notebook-format.js";

export type RunStatus = "ok" | "cell-error" | "timeout" | "dead-kernel" | "startup-failed";

export interface NotebookRun {
  readonly status: RunStatus;
  /** 0-based index of the failing cell, when one failed. */
  readonly cell?: number | null;
  readonly message?: string;
  /** The notebook as executed (partially, when a cell failed). */
  readonly executed: Notebook;
  readonly elapsedMs: number;
}

export interface RunOptions {
  /** Per-cell timeout in seconds (default 120). */
  readonly cellTimeoutSec?: number;
  /** Kernel start-up timeout in seconds (default 60). */
  readonly startupTimeoutSec?: number;
}

/** The Python with the Jupyter packages: $QPIPE_PYTHON, else Debian's /usr/bin/python3, else python3. */
export function pythonExecutable(): string {
  return process.env["QPIPE_PYTHON"] ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
}

/** scripts/execute-notebook.py in the qpipe package (found from this module in src/ or dist/src/). */
export function driverScript(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "scripts", "execute-notebook.py");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new JupyterSetupError("scripts/execute-notebook.py is missing from this qpipe installation; run qpipe from a clone of the repository");
    }
  }
}

/** Thrown when the Jupyter client itself is unavailable: a set-up problem, reported as such. */
export class JupyterSetupError extends Error {
  override readonly name = "JupyterSetupError";
}

export async function runNotebook(file: string, options: RunOptions = {}): Promise<NotebookRun> {
  const cellTimeoutSec = options.cellTimeoutSec ?? 120;
  const startupTimeoutSec = options.startupTimeoutSec ?? 60;
  for (const [name, value] of [["cellTimeoutSec", cellTimeoutSec], ["startupTimeoutSec", startupTimeoutSec]] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of seconds, got ${value}`);
  }
  const committed = parseNotebook(readFileSync(file, "utf8"), file);
  const kernelspec = committed.metadata["kernelspec"] as { name?: unknown } | undefined;
  const kernelName = kernelspec?.name ?? KERNEL_NAME;
  if (typeof kernelName !== "string" || !(kernelName in NOTEBOOK_KERNELS)) {
    const known = Object.entries(NOTEBOOK_KERNELS).map(([name, language]) => `"${name}" (${language})`).join(" or ");
    throw new NotebookFormatError(`${file}: its kernel is ${JSON.stringify(kernelName)}; qpipe runs notebooks with the ${known} kernel`);
  }
  const nCodeCells = committed.cells.filter((cell) => cell.cell_type === "code").length;
  const python = pythonExecutable();
  await checkPythonPackages(python);
  const kernel = writeKernelSpec(kernelName);
  const scratch = mkdtempSync(join(tmpdir(), "qpipe-nb-"));
  const output = join(scratch, "executed.ipynb");
  const started = performance.now();
  try {
    const env = { ...process.env, JUPYTER_PATH: [kernel.jupyterPath, process.env["JUPYTER_PATH"]].filter(Boolean).join(":") };
    const args = [
      driverScript(),
      "--kernel", kernel.kernelName,
      "--timeout", String(Math.ceil(cellTimeoutSec)),
      "--startup-timeout", String(Math.ceil(startupTimeoutSec)),
      "--cwd", dirname(file),
      file,
      output,
    ];
    // nbclient enforces the per-cell timeout; this outer limit only guards against a wedged client.
    const limitMs = (startupTimeoutSec + (nCodeCells + 1) * cellTimeoutSec + 30) * 1000;
    const { stdout, stderr } = await run(python, args, env, limitMs);
    const line = stdout.trim().split("\n").pop() ?? "";
    let result: { status: RunStatus; cell?: number | null; message?: string };
    try {
      result = JSON.parse(line) as typeof result;
    } catch {
      throw new JupyterSetupError(`the notebook driver gave no result.\n${stderr.trim() || stdout.trim()}`);
    }
    const executed = parseNotebook(readFileSync(output, "utf8"), `${file} (executed)`);
    return { ...result, executed, elapsedMs: performance.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    kernel.dispose();
  }
}

async function checkPythonPackages(python: string): Promise<void> {
  try {
    await run(python, ["-c", "import nbclient, nbformat, jupyter_client"], process.env, 30_000);
  } catch (error) {
    throw new JupyterSetupError(
      `${python} cannot import nbclient/nbformat/jupyter_client (${firstLine(error)}); ` +
        "install the Debian packages python3-nbclient python3-nbformat jupyter-client (scripts/setup.sh does), or set QPIPE_PYTHON",
    );
  }
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error) {
        const reason = error.killed ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with status ${String(error.code)}`;
        reject(new JupyterSetupError(`${command} ${reason}\n${String(stderr).trim()}`));
      } else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split("\n")[0]!;
}
