// OR-Library binary quadratic programming files (Beasley, "OR-Library: distributing test problems
// by electronic mail", 1990; the bqp50 … bqp2500 and bqpgka sets).
//
//   K                       number of instances in the file
//   n nnz                   per instance: variables and listed entries
//   i j q                   nnz lines, 1-based, i ≤ j (a line with i > j is read as the pair (j, i))
//
// Each instance means: maximise f(x) = xᵀQx with Q symmetric, of which the file lists each
// off-diagonal pair once, so f(x) = Σ_i q_ii·x_i + Σ_{i<j} 2·q_ij·x_i·x_j. The QUBO returned
// minimises −f (linear −q_ii, coupling −2·q_ij); variable k of the file is `x[k−1]`.
import { QuboBuilder } from "./qubo-builder.js";
import { MAX_FILE_VARIABLES, type QuboProblem, indexedNames } from "./qubo-problem.js";
import { TextFields, type TextLine } from "./text-fields.js";

export interface BeasleyProblem extends QuboProblem {
  readonly format: "beasley";
  readonly sense: "max";
  /** 1-based position of this instance in its file. */
  readonly instance: number;
  /** How many instances the file declares. */
  readonly nInstances: number;
  /** The instance header's entry count (= lines read for it). */
  readonly nEntries: number;
}

export interface BeasleyReadOptions {
  readonly file?: string;
  /** 1-based instance to read; may be omitted only when the file holds one instance. */
  readonly instance?: number;
}

/** Reads instance `options.instance` of an OR-Library bqp file (earlier instances are checked too). */
export function parseBeasley(text: string, options: BeasleyReadOptions = {}): BeasleyProblem {
  const wanted = options.instance;
  if (wanted !== undefined && (!Number.isSafeInteger(wanted) || wanted < 1)) {
    throw new RangeError(`instance must be a positive integer (1-based), got ${wanted}`);
  }
  const reader = new BeasleyReader(text, options.file);
  if (wanted === undefined && reader.nInstances !== 1) {
    throw reader.fields.error(reader.countToken, "instance-required", `file holds ${reader.nInstances} instances; choose one with instance K (1..${reader.nInstances})`);
  }
  const target = wanted ?? 1;
  if (target > reader.nInstances) {
    throw reader.fields.error(reader.countToken, "no-such-instance", `instance ${target} requested but the file declares ${reader.nInstances}`);
  }
  for (let k = 1; k < target; k++) reader.readInstance(k);
  return reader.readInstance(target);
}

/** Reads every instance of an OR-Library bqp file, in file order. */
export function parseBeasleyAll(text: string, options: Pick<BeasleyReadOptions, "file"> = {}): BeasleyProblem[] {
  const reader = new BeasleyReader(text, options.file);
  const problems: BeasleyProblem[] = [];
  for (let k = 1; k <= reader.nInstances; k++) problems.push(reader.readInstance(k));
  const extra = reader.fields.nextLine();
  if (extra) throw reader.fields.error(extra, "trailing-data", `data after the last of ${reader.nInstances} declared instances`);
  return problems;
}

class BeasleyReader {
  readonly fields: TextFields;
  readonly nInstances: number;
  readonly countToken: TextLine;

  constructor(text: string, file?: string) {
    this.fields = new TextFields(text, file);
    const first = this.fields.nextLine();
    if (!first) throw this.fields.error("end", "missing-header", "empty file: expected the number of instances K");
    this.fields.expectFieldCount(first, ["K"], "instance count");
    this.nInstances = this.fields.integer(first.tokens[0], "instance count K", 1);
    this.countToken = first;
  }

  readInstance(instance: number): BeasleyProblem {
    const { fields } = this;
    const header = fields.nextLine();
    if (!header) throw fields.error("end", "count-mismatch", `file declares ${this.nInstances} instances but ends before instance ${instance}`);
    fields.expectFieldCount(header, ["n", "nnz"], `instance ${instance} header`);
    const n = fields.integer(header.tokens[0], "n", 1, MAX_FILE_VARIABLES);
    const nEntries = fields.integer(header.tokens[1], "nnz", 0, (n * (n + 1)) / 2);
    const builder = new QuboBuilder(n);
    const diagonalLines = new Int32Array(n); // line of each q_ii, 0 while unseen
    for (let k = 0; k < nEntries; k++) {
      const line = fields.nextLine();
      if (!line) {
        throw fields.error("end", "count-mismatch", `instance ${instance} declares nnz = ${nEntries} but the file ends after ${k} entries`);
      }
      fields.expectFieldCount(line, ["i", "j", "q"], `instance ${instance} entry`);
      const a = fields.integer(line.tokens[0], "i", 1, n) - 1;
      const b = fields.integer(line.tokens[1], "j", 1, n) - 1;
      const q = fields.real(line.tokens[2], "q");
      if (a === b) {
        if (diagonalLines[a] !== 0) throw repeatedEntry(fields, line, a, a, instance, diagonalLines[a]);
        diagonalLines[a] = line.line;
        builder.linear[a] -= q;
      } else {
        builder.addPair(a, b, -2 * q, line.line, line.offset);
      }
    }
    const built = builder.build(indexedNames(n), 0, "reject");
    if ("repeated" in built) {
      const { i, j, firstLine, line, lineOffset } = built.repeated;
      throw repeatedEntry(fields, fields.lineAt(line, lineOffset), i, j, instance, firstLine);
    }
    const qubo = built.qubo;
    return { qubo, sense: "max", format: "beasley", file: fields.file, instance, nInstances: this.nInstances, nEntries };
  }
}

function repeatedEntry(fields: TextFields, line: TextLine, i: number, j: number, instance: number, firstLine: number) {
  return fields.error(
    line,
    "duplicate-entry",
    `entry (${i + 1}, ${j + 1}) of instance ${instance} was already given on line ${firstLine}; each pair is listed once`,
  );
}
