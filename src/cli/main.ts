// Entry point of the `qpipe` command: dispatches to one module per subcommand, loaded lazily so
// that `qpipe check` never pays for the simulator or the chart renderer.
import { readFileSync } from "node:fs";
import { type CliIo, type Command, EXIT_USAGE, UsageError } from "./command.js";

/** Subcommands in the order `qpipe --help` lists them; each maps to src/cli/commands/<file>.ts. */
const COMMANDS: Readonly<Record<string, string>> = {
  check: "check",
  format: "format",
  compile: "compile",
  solve: "solve",
  simulate: "simulate",
  bench: "bench",
  notebooks: "notebooks",
  "select-features": "select-features",
  tune: "tune",
  sample: "sample",
  decide: "decide",
  kernel: "kernel",
  demo: "demo",
};

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

async function loadCommand(name: string): Promise<Command | undefined> {
  const file = COMMANDS[name];
  if (file === undefined) return undefined;
  try {
    const module = (await import(`./commands/${file}.js`)) as { command: Command };
    return module.command;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String(error).includes(`commands/${file}.`)) {
      return undefined;
    }
    throw error;
  }
}

/** The version in qpipe's package.json, found by walking up from this module (src/ or dist/src/). */
export function packageVersion(): string {
  for (let dir = new URL(".", import.meta.url); ; dir = new URL("..", dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version: string };
      if (manifest.name === "qpipe") return manifest.version;
    } catch {
      // no package.json here: keep walking up
    }
    if (dir.pathname === "/") throw new Error("internal: qpipe's package.json not found");
  }
}

async function helpText(): Promise<string> {
  const lines = ["usage: qpipe <command> [options]", "", "commands:"];
  for (const name of Object.keys(COMMANDS)) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(16)} ${command.summary}`);
  }
  lines.push("", "Run `qpipe <command> --help` for a command's options.");
  return lines.join("\n") + "\n";
}

export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(await helpText());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`qpipe ${packageVersion()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`qpipe: unknown command '${name}'\n\n${await helpText()}`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage.endsWith("\n") ? command.usage : command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`qpipe ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
