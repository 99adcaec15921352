// `qpipe check FILE.qp... [--json]`: parse and check each file and print its diagnostics (text, or
// one JSON object with --json). Exit 1 when any file has an error or cannot be read.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { check } from "../../lang/check.js";
import type { Diagnostic } from "../../lang/diagnostic.js";
import { diagnosticToJson, renderDiagnostic, summarize } from "../../lang/render.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe check FILE.qp... [--json]

Parses and checks each file: syntax, names, types, and the degree rules a QUBO needs.
Prints every error and warning with its location; exits 1 when there is any error.

options:
  --json    print one JSON object: {"files": [{"file", "diagnostics": [...]}], "errors", "warnings"}`;

interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: string;
}

export const command: Command = {
  summary: "check .qp files and print their diagnostics",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: "boolean", default: false } } });
    if (positionals.length === 0) throw new UsageError("expected at least one FILE.qp");
    const reports: FileReport[] = [];
    let unreadable = false;
    for (const file of positionals) {
      let source: string;
      try {
        source = await readFile(resolve(io.cwd, file), "utf8");
      } catch (error) {
        io.stderr(`qpipe check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        unreadable = true;
        continue;
      }
      reports.push({ file, source, diagnostics: check(source, { file }).diagnostics });
    }
    const all = reports.flatMap((r) => r.diagnostics);
    if (values.json) {
      const files = reports.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map((d) => diagnosticToJson(d, r.file)) }));
      const count = (severity: Diagnostic["severity"]) => all.filter((d) => d.severity === severity).length;
      io.stdout(`${JSON.stringify({ files, errors: count("error"), warnings: count("warning") }, null, 2)}\n`);
    } else {
      for (const r of reports) for (const d of r.diagnostics) io.stdout(`${renderDiagnostic(d, r.source)}\n\n`);
      io.stdout(`checked ${reports.length} file${reports.length === 1 ? "" : "s"}: ${summarize(all)}\n`);
    }
    return unreadable || all.some((d) => d.severity === "error") ? EXIT_USER_ERROR : EXIT_OK;
  },
};
