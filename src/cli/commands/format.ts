// `qpipe format FILE.qp... [--write | --check]`: print a file in the canonical layout, rewrite files
// in place (atomically, only when they change), or check that they are formatted. A file with
// syntax errors is never formatted: its diagnostics are printed and the exit code is 1.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { format } from "../../lang/format.js";
import { parse } from "../../lang/parse.js";
import { renderDiagnostics } from "../../lang/render.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe format FILE.qp [--write | --check]
       qpipe format FILE.qp... --write | --check

Prints FILE.qp in the canonical layout (two-space indentation, one statement per line, minimal
parentheses; comments kept).

options:
  --write   rewrite the files in place (only those that change)
  --check   change nothing; exit 1 and name the files that are not formatted`;

export const command: Command = {
  summary: "format .qp files in the canonical layout",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { write: { type: "boolean", default: false }, check: { type: "boolean", default: false } },
    });
    if (values.write && values.check) throw new UsageError("--write and --check exclude each other");
    if (positionals.length === 0) throw new UsageError("expected a FILE.qp");
    if (!values.write && !values.check && positionals.length > 1) throw new UsageError("printing formats one file; use --write or --check for several");
    let status = EXIT_OK;
    for (const file of positionals) {
      const path = resolve(io.cwd, file);
      let source: string;
      try {
        source = await readFile(path, "utf8");
      } catch (error) {
        io.stderr(`qpipe format: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        status = EXIT_USER_ERROR;
        continue;
      }
      const parsed = parse(source, { file });
      const errors = parsed.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        io.stderr(renderDiagnostics(errors, source));
        status = EXIT_USER_ERROR;
        continue;
      }
      const formatted = format(parsed.ast);
      if (values.check) {
        if (formatted !== source) {
          io.stdout(`${file}: not formatted\n`);
          status = EXIT_USER_ERROR;
        }
      } else if (values.write) {
        if (formatted !== source) await writeFileAtomic(path, formatted);
      } else {
        io.stdout(formatted);
      }
    }
    return status;
  },
};

