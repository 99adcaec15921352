// What every `qpipe` subcommand module provides. Each lives in src/cli/commands/NAME.ts.

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
}

export interface Command {
  /** One line for `qpipe --help`. */
  readonly summary: string;
  /** Full usage text for `qpipe NAME --help`. */
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 user error (diagnostics printed), 2 usage error. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Thrown for malformed command lines; the CLI prints the message with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;
