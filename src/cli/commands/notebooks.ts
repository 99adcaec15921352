// `qpipe notebooks verify [NOTEBOOK...]` and `qpipe notebooks execute NOTEBOOK...`.
import { existsSync, readdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CliIo, type Command, EXIT_USER_ERROR, UsageError } from "../command.js";
import { executeNotebook, JupyterSetupError, NotebookFormatError, verifyNotebook, type ReplayResult, type RunOptions } from "../../notebooks/index.js";

const usage = `usage: qpipe notebooks verify [NOTEBOOK.ipynb...] [--cell-timeout SEC] [--startup-timeout SEC]
       qpipe notebooks execute NOTEBOOK.ipynb... [--cell-timeout SEC] [--startup-timeout SEC]

verify   executes each notebook (default: every notebooks/*.ipynb) in a fresh kernel (tslab or
         qpipe, as its kernelspec says) through a real Jupyter client (nbclient) and compares every
         output with the committed one; exits 1 naming every differing cell with a diff
execute  executes each notebook and writes its new outputs into the file (only if every cell ran)

Compared: stream text, text/plain/html/svg, the Vega-Lite JSON, error names; PNGs by pixel size only.
Ignored: execution counts, timings, and cells or outputs with metadata {"qpipe": {"volatile": true}}.

options:
  --cell-timeout SEC      per-cell timeout (default 120)
  --startup-timeout SEC   kernel start-up timeout (default 60)`;

export const command: Command = {
  summary: "verify that notebooks replay with their committed outputs, or (re)execute them",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { "cell-timeout": { type: "string" }, "startup-timeout": { type: "string" } },
    });
    const [action, ...files] = positionals;
    if (action !== "verify" && action !== "execute") throw new UsageError(`expected 'verify' or 'execute', got ${action === undefined ? "nothing" : `'${action}'`}`);
    const options: RunOptions = {
      cellTimeoutSec: seconds(values["cell-timeout"], "--cell-timeout", 120),
      startupTimeoutSec: seconds(values["startup-timeout"], "--startup-timeout", 60),
    };
    let notebooks = files.map((file) => resolve(io.cwd, file));
    if (notebooks.length === 0) {
      if (action === "execute") throw new UsageError("execute needs at least one notebook");
      notebooks = defaultNotebooks(io.cwd);
      if (notebooks.length === 0) {
        io.stderr("qpipe notebooks verify: no notebooks/*.ipynb here\n");
        return EXIT_USER_ERROR;
      }
    }
    for (const file of notebooks) {
      if (!file.endsWith(".ipynb")) throw new UsageError(`${file}: expected a .ipynb notebook`);
      if (!existsSync(file)) {
        io.stderr(`qpipe notebooks: ${relative(io.cwd, file)}: no such file\n`);
        return EXIT_USER_ERROR;
      }
    }
    let failed = 0;
    for (const file of notebooks) {
      const shown = relative(io.cwd, file) || file;
      let result: ReplayResult;
      try {
        result = action === "verify" ? await verifyNotebook(file, options) : await executeNotebook(file, options);
      } catch (error) {
        if (error instanceof JupyterSetupError || error instanceof NotebookFormatError) {
          io.stderr(`qpipe notebooks: ${shown}: ${error.message}\n`);
          return EXIT_USER_ERROR;
        }
        throw error;
      }
      const seconds = (result.elapsedMs / 1000).toFixed(1);
      if (result.ok) {
        io.stdout(`${action === "verify" ? "replays" : "executed"}  ${shown}  (${seconds} s)\n`);
        continue;
      }
      failed++;
      if (result.failure) io.stderr(`FAILED  ${shown}: ${result.failure}\n`);
      for (const difference of result.differences) io.stderr(`DIFFERS ${shown}: ${difference.message}\n`);
    }
    if (notebooks.length > 1) io.stdout(`${notebooks.length - failed} of ${notebooks.length} notebooks ${action === "verify" ? "replay" : "executed"}\n`);
    return failed === 0 ? 0 : EXIT_USER_ERROR;
  },
};

function defaultNotebooks(cwd: string): string[] {
  const directory = resolve(cwd, "notebooks");
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith(".ipynb") && !name.startsWith("."))
    .sort()
    .map((name) => resolve(directory, name));
}

function seconds(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} must be a positive number of seconds, got '${text}'`);
  return value;
}
