// One entry point for `qpipe solve INPUT`: read a qbsolv, OR-Library or rudy file from disk as a
// QuboProblem. The format comes from the option or, failing that, from the file extension.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseBeasley } from "./beasley.js";
import { FormatError } from "./format-error.js";
import { maxCutQubo } from "./graph.js";
import { parseQbsolv } from "./qbsolv.js";
import type { ProblemFormat, QuboProblem, Sense } from "./qubo-problem.js";
import { parseRudy } from "./rudy.js";

export interface ProblemFileOptions {
  /** Default: from the extension (`.qubo` → qubo, `.rud`/`.gset` → rudy); Beasley files need it. */
  readonly format?: ProblemFormat;
  /** Beasley only: 1-based instance (required when the file holds several). */
  readonly instance?: number;
  /** qbsolv only: read the file as a maximisation problem (qbsolv's `-m`). */
  readonly sense?: Sense;
}

const FORMATS: readonly ProblemFormat[] = ["qubo", "beasley", "rudy"];
const BY_EXTENSION: Readonly<Record<string, ProblemFormat>> = { ".qubo": "qubo", ".rud": "rudy", ".gset": "rudy" };

/** The format `options` or the extension of `path` names, or undefined when neither does. */
export function problemFormatOf(path: string, format?: ProblemFormat): ProblemFormat | undefined {
  if (format !== undefined) {
    if (!FORMATS.includes(format)) throw new RangeError(`format must be one of ${FORMATS.join(", ")}, got ${String(format)}`);
    return format;
  }
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** Parses `text` (the contents of `file`) in the given format. */
export function parseProblem(text: string, file: string, format: ProblemFormat, options: ProblemFileOptions = {}): QuboProblem {
  if (options.instance !== undefined && format !== "beasley") {
    throw new RangeError(`instance applies only to Beasley files, not to format ${format}`);
  }
  if (options.sense !== undefined && format !== "qubo") {
    throw new RangeError(`sense applies only to qbsolv .qubo files; ${format} files are maximisation problems`);
  }
  switch (format) {
    case "qubo":
      return parseQbsolv(text, { file, sense: options.sense });
    case "beasley":
      return parseBeasley(text, { file, instance: options.instance });
    case "rudy":
      return maxCutQubo(parseRudy(text, { file }), "rudy", file);
    default:
      return assertNever(format);
  }
}

/** Reads and parses a problem file; unreadable or malformed files raise a FormatError. */
export async function readProblemFile(path: string, options: ProblemFileOptions = {}): Promise<QuboProblem> {
  const format = problemFormatOf(path, options.format);
  const start = { line: 1, column: 1, offset: 0 };
  const span = { start, end: start, file: path };
  if (format === undefined) {
    throw new FormatError({
      severity: "error",
      code: "unknown-format",
      message: `cannot tell the format of '${path}' from its extension; name it: qubo, beasley or rudy`,
      span,
    });
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FormatError({ severity: "error", code: "unreadable-file", message: `cannot read '${path}' (${reason})`, span });
  }
  return parseProblem(text, path, format, options);
}

function assertNever(value: never): never {
  throw new Error(`internal: unhandled problem format ${String(value)}`);
}
