// `qpipe kernel install [--user | --prefix DIR]` writes the Jupyter kernel spec;
// `qpipe kernel start CONNECTION_FILE` is what Jupyter runs (the spec's argv).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { installKernelSpec, type InstallTarget } from "../../kernel/install.js";
import { runKernel } from "../../kernel/run-kernel.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe kernel install [--user | --prefix DIR]
       qpipe kernel start CONNECTION_FILE

A Jupyter kernel for notebooks written in the qpipe language.

  install            write the kernel spec "qpipe" (kernel.json); no IPython needed
    --user           into the user's Jupyter data directory (the default)
    --prefix DIR     into DIR/share/jupyter/kernels, e.g. a virtual environment
  start FILE         run the kernel for a connection file (Jupyter does this)`;

export const command: Command = {
  summary: "Jupyter kernel for the qpipe language (install, start)",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    switch (action) {
      case "install":
        return install(rest, io);
      case "start":
        return start(rest, io);
      case undefined:
        throw new UsageError("expected `install` or `start`");
      default:
        throw new UsageError(`unknown action '${action}' (expected install or start)`);
    }
  },
};

async function install(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { user: { type: "boolean", default: false }, prefix: { type: "string" } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.user && values.prefix !== undefined) throw new UsageError("give --user or --prefix, not both");
  const target: InstallTarget = values.prefix !== undefined ? { kind: "prefix", prefix: resolve(io.cwd, values.prefix) } : { kind: "user" };
  try {
    const dir = await installKernelSpec(target);
    io.stdout(`installed the qpipe kernel spec in ${dir}\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`qpipe kernel install: ${(error as Error).message}\n`);
    return EXIT_USER_ERROR;
  }
}

async function start(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError("expected exactly one CONNECTION_FILE");
  try {
    await runKernel(resolve(io.cwd, positionals[0] as string), { cwd: io.cwd, log: (line) => io.stderr(`${line}\n`) });
    return EXIT_OK;
  } catch (error) {
    io.stderr(`qpipe kernel: ${(error as Error).message}\n`);
    return EXIT_USER_ERROR;
  }
}
