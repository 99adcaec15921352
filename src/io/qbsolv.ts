// qbsolv `.qubo` files (D-Wave qbsolv's input format), read and written.
//
//   c comment lines (starting with c or C) may appear anywhere
//   p qubo <topology> <maxNodes> <nNodes> <nCouplers>      the first non-comment line
//   i i v        nNodes node lines: linear weight of x_i, 0 ≤ i < maxNodes, no duplicates
//   i j v        nCouplers coupler lines, i < j (upper triangular), no duplicate pairs
//
// The file means: minimise Σ v·x_i·x_j over the listed entries (qbsolv maximises only with `-m`).
// qbsolv has no constant term; qpipe writes a non-zero QUBO offset as the comment `c offset V`,
// which qbsolv ignores and this reader adds back.
import type { Qubo } from "../compile/qubo.js";
import { QuboBuilder } from "./qubo-builder.js";
import { MAX_FILE_VARIABLES, type QuboProblem, type Sense, indexedNames } from "./qubo-problem.js";
import { TextFields, type TextLine } from "./text-fields.js";

export interface QbsolvHeader {
  readonly topology: string;
  readonly maxNodes: number;
  readonly nNodes: number;
  readonly nCouplers: number;
}

export interface QbsolvProblem extends QuboProblem {
  readonly format: "qubo";
  readonly header: QbsolvHeader;
}

export interface QbsolvReadOptions {
  /** Name used in error messages; default `<input>`. */
  readonly file?: string;
  /** `max` reads the file as a maximisation problem (qbsolv's `-m`): the QUBO is negated. */
  readonly sense?: Sense;
}

const HEADER_FIELDS = ["p", "qubo", "topology", "maxNodes", "nNodes", "nCouplers"];
const ENTRY_FIELDS = ["i", "j", "value"];

export function parseQbsolv(text: string, options: QbsolvReadOptions = {}): QbsolvProblem {
  const sense = options.sense ?? "min";
  if (sense !== "min" && sense !== "max") throw new RangeError(`sense must be "min" or "max", got ${String(sense)}`);
  const sign = sense === "max" ? -1 : 1;
  const fields = new TextFields(text, options.file);
  let offset = 0;
  let headerLine: TextLine | undefined;
  let header: QbsolvHeader | undefined;
  let builder: QuboBuilder | undefined;
  let nodeLines = new Int32Array(0); // line of each node's entry, 0 while unseen
  let nNodeLines = 0;

  for (let line = fields.nextLine(); line; line = fields.nextLine()) {
    const first = line.tokens[0];
    // As qbsolv does: a line starting with c or C is a comment, p or P the header.
    if (first.text.startsWith("c") || first.text.startsWith("C")) {
      if (line.tokens.length === 3 && first.text === "c" && line.tokens[1].text === "offset") {
        offset += fields.real(line.tokens[2], "offset");
      }
      continue;
    }
    if (!header || !builder) {
      if (first.text !== "p" && first.text !== "P") {
        throw fields.error(first, "missing-header", "expected the header line 'p qubo topology maxNodes nNodes nCouplers' before any data");
      }
      fields.expectFieldCount(line, HEADER_FIELDS, "header");
      if (line.tokens[1].text !== "qubo") {
        throw fields.error(line.tokens[1], "bad-header", `file type must be 'qubo', got '${line.tokens[1].text}'`);
      }
      const maxNodes = fields.integer(line.tokens[3], "maxNodes", 0, MAX_FILE_VARIABLES);
      const nNodes = fields.integer(line.tokens[4], "nNodes", 0, maxNodes);
      const nCouplers = fields.integer(line.tokens[5], "nCouplers", 0, (maxNodes * (maxNodes - 1)) / 2);
      header = { topology: line.tokens[2].text, maxNodes, nNodes, nCouplers };
      headerLine = line;
      builder = new QuboBuilder(maxNodes);
      nodeLines = new Int32Array(maxNodes);
      continue;
    }
    if (first.text === "p" || first.text === "P") throw fields.error(first, "duplicate-header", `second header line (the first is on line ${headerLine!.line})`);
    fields.expectFieldCount(line, ENTRY_FIELDS, "entry");
    const last = header.maxNodes - 1;
    const i = fields.integer(line.tokens[0], "i", 0, last);
    const j = fields.integer(line.tokens[1], "j", 0, last);
    const value = fields.real(line.tokens[2], "value");
    if (i === j) {
      if (nodeLines[i] !== 0) throw fields.error(first, "duplicate-entry", `duplicate node ${i} (first given on line ${nodeLines[i]})`);
      if (nNodeLines === header.nNodes) {
        throw fields.error(first, "count-mismatch", `more node lines than the header's nNodes = ${header.nNodes}`);
      }
      nodeLines[i] = line.line;
      nNodeLines++;
      builder.linear[i] += sign * value;
    } else {
      if (i > j) {
        throw fields.error(first, "not-upper-triangular", `coupler must have i < j (upper triangular), got i = ${i}, j = ${j}`);
      }
      if (builder.nPairs === header.nCouplers) {
        throw fields.error(first, "count-mismatch", `more coupler lines than the header's nCouplers = ${header.nCouplers}`);
      }
      builder.addPair(i, j, sign * value, line.line, line.offset);
    }
  }

  if (!header || !headerLine || !builder) throw fields.error("end", "missing-header", "no header line 'p qubo topology maxNodes nNodes nCouplers' in the file");
  if (nNodeLines < header.nNodes) {
    throw fields.error(headerLine.tokens[4], "count-mismatch", `header declares nNodes = ${header.nNodes} but the file has ${nNodeLines} node lines`);
  }
  const built = builder.build(indexedNames(header.maxNodes), offset === 0 ? 0 : sign * offset, "reject");
  if ("repeated" in built) {
    const { i, j, firstLine, line, lineOffset } = built.repeated;
    throw fields.error(fields.lineAt(line, lineOffset), "duplicate-entry", `duplicate coupler (${i}, ${j}) (first given on line ${firstLine})`);
  }
  if (builder.nPairs < header.nCouplers) {
    throw fields.error(headerLine.tokens[5], "count-mismatch", `header declares nCouplers = ${header.nCouplers} but the file has ${builder.nPairs} coupler lines`);
  }
  return { qubo: built.qubo, sense, format: "qubo", file: fields.file, header };
}

export interface QbsolvWriteOptions {
  /** Comment lines written first (each becomes `c <text>`). */
  readonly comments?: readonly string[];
  /** The header's topology field; default `0` (unconstrained). */
  readonly topology?: string;
}

/** The `.qubo` text for `qubo` (minimised as written); every variable gets a node line. */
export function formatQbsolv(qubo: Qubo, options: QbsolvWriteOptions = {}): string {
  const n = qubo.linear.length;
  const { rows, cols, values } = qubo;
  if (rows.length !== values.length || cols.length !== values.length) {
    throw new RangeError(`QUBO rows, cols and values must have equal lengths, got ${rows.length}, ${cols.length}, ${values.length}`);
  }
  const topology = options.topology ?? "0";
  if (!/^\S+$/.test(topology)) throw new RangeError(`topology must be one word, got '${topology}'`);
  const lines: string[] = [];
  for (const comment of options.comments ?? []) {
    if (/[\r\n]/.test(comment)) throw new RangeError("comments must be single lines");
    lines.push(comment === "" ? "c" : `c ${comment}`);
  }
  if (!Number.isFinite(qubo.offset)) throw new RangeError(`QUBO offset must be finite, got ${qubo.offset}`);
  if (qubo.offset !== 0) lines.push(`c offset ${qubo.offset}`);
  let nCouplers = 0;
  let previousKey = -1;
  for (let k = 0; k < values.length; k++) {
    const i = rows[k];
    const j = cols[k];
    if (!(i >= 0 && i < j && j < n)) throw new RangeError(`QUBO coupling ${k} must satisfy 0 ≤ row < col < ${n}, got (${i}, ${j})`);
    const key = i * n + j;
    if (key <= previousKey) throw new RangeError(`QUBO couplings must be sorted by (row, col) without duplicates; coupling ${k} is (${i}, ${j})`);
    previousKey = key;
    if (!Number.isFinite(values[k])) throw new RangeError(`QUBO coupling (${i}, ${j}) must be finite, got ${values[k]}`);
    if (values[k] !== 0) nCouplers++;
  }
  lines.push(`p qubo ${topology} ${n} ${n} ${nCouplers}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(qubo.linear[i])) throw new RangeError(`QUBO linear coefficient ${i} must be finite, got ${qubo.linear[i]}`);
    lines.push(`${i} ${i} ${qubo.linear[i]}`);
  }
  for (let k = 0; k < values.length; k++) if (values[k] !== 0) lines.push(`${rows[k]} ${cols[k]} ${values[k]}`);
  return lines.join("\n") + "\n";
}
