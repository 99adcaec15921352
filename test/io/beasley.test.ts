import { describe, expect, it } from "vitest";
import { type Qubo, quboAdjacency, quboEnergy } from "../../src/compile/qubo.js";
import { parseBeasley, parseBeasleyAll } from "../../src/io/beasley.js";
import { FormatError } from "../../src/io/format-error.js";
import { objectiveFromEnergy } from "../../src/io/qubo-problem.js";
import { createRng } from "../../src/util/rng.js";
import { SHARED_DATA_PRESENT, SKIP_NOTE, rawRows, readSharedJson, readSharedText } from "./shared-data.js";

// Two instances; the second lists a pair with i > j, which means the same symmetric entry.
const TWO = ` 2
 3 4
 1 1 5
 1 2 -2
 2 3 4
 3 3 -1
 2 2
 1 1 7
 2 1 3
`;

/** f(x) = xᵀQx with Q symmetric and each off-diagonal pair listed once: written straight from the
 *  OR-Library description, independently of the reader. */
function beasleyObjective(entries: readonly string[][], x: (i: number) => number): number {
  let f = 0;
  for (const [a, b, q] of entries) {
    const i = Number(a);
    const j = Number(b);
    f += (i === j ? 1 : 2) * Number(q) * x(i) * x(j);
  }
  return f;
}

describe("parseBeasley", () => {
  it("reads the chosen instance as minimise −xᵀQx with off-diagonal pairs counted twice", () => {
    const first = parseBeasley(TWO, { instance: 1 });
    expect(first.sense).toBe("max");
    expect(first.nInstances).toBe(2);
    expect(first.nEntries).toBe(4);
    expect([...first.qubo.linear]).toEqual([-5, 0, 1]);
    expect([...first.qubo.values]).toEqual([4, -8]);
    // f(1,1,1) = 5 − 1 + 2·(−2) + 2·4 = 8 by hand.
    expect(objectiveFromEnergy(first, quboEnergy(first.qubo, [1, 1, 1]))).toBe(8);
    const second = parseBeasley(TWO, { instance: 2 });
    expect(second.qubo.variables).toEqual(["x[0]", "x[1]"]);
    // f(1,1) = 7 + 2·3.
    expect(-quboEnergy(second.qubo, [1, 1])).toBe(13);
  });

  it("reads every instance in file order", () => {
    expect(parseBeasleyAll(TWO).map((p) => p.qubo.linear.length)).toEqual([3, 2]);
  });

  it.each([
    ["a missing instance number for a multi-instance file", TWO, {}, "instance-required", 1, "choose one with instance K (1..2)"],
    ["an instance past the declared count", TWO, { instance: 3 }, "no-such-instance", 1, "instance 3 requested but the file declares 2"],
    ["a file that ends early", " 1\n 3 4\n 1 1 5\n", {}, "count-mismatch", 4, "nnz = 4 but the file ends after 1 entries"],
    ["an index outside 1..n", " 1\n 2 1\n 0 1 5\n", {}, "out-of-range", 3, "i must be in 1..2, got 0"],
    ["a pair given twice", " 1\n 2 2\n 1 2 5\n 2 1 5\n", {}, "duplicate-entry", 4, "entry (1, 2) of instance 1 was already given on line 3"],
    ["a non-numeric coefficient", " 1\n 2 1\n 1 2 five\n", {}, "bad-number", 3, "q must be a number, got 'five'"],
    ["an empty file", "", {}, "missing-header", 1, "expected the number of instances K"],
  ])("reports %s", (_, text, options, code, line, message) => {
    let error: unknown;
    try {
      parseBeasley(text, { file: "bqp.txt", ...options });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FormatError);
    const { diagnostic } = error as FormatError;
    expect(diagnostic.code).toBe(code);
    expect(diagnostic.span.file).toBe("bqp.txt");
    expect(diagnostic.span.start.line).toBe(line);
    expect(diagnostic.message).toContain(message);
  });

  it("reports trailing data after the last instance when reading all", () => {
    expect(() => parseBeasleyAll(" 1\n 1 1\n 1 1 2\n 9 9\n")).toThrow(/data after the last of 1 declared instances/);
  });

  it("rejects an instance number that is not a positive integer", () => {
    expect(() => parseBeasley(TWO, { instance: 0 })).toThrow(RangeError);
    expect(() => parseBeasley(TWO, { instance: 1.5 })).toThrow(RangeError);
  });
});

/** A small tabu search (1-flip, tenure 10, seeded restarts): the lowest energy it meets. */
function tabuMinimum(qubo: Qubo, seed: number, restarts = 20, iterations = 2000): number {
  const n = qubo.linear.length;
  const { start, neighbors, weights } = quboAdjacency(qubo);
  const rng = createRng(seed);
  let best = Infinity;
  for (let r = 0; r < restarts; r++) {
    const x = Array.from({ length: n }, () => rng.int(2));
    const field = Array.from({ length: n }, (_, i) => {
      let f = qubo.linear[i];
      for (let k = start[i]; k < start[i + 1]; k++) f += weights[k] * x[neighbors[k]];
      return f;
    });
    let energy = quboEnergy(qubo, x);
    best = Math.min(best, energy);
    const tabuUntil = new Array<number>(n).fill(0);
    for (let t = 0; t < iterations; t++) {
      let flip = -1;
      let delta = Infinity;
      for (let i = 0; i < n; i++) {
        const d = x[i] ? -field[i] : field[i];
        if ((tabuUntil[i] <= t || energy + d < best) && d < delta) [flip, delta] = [i, d];
      }
      if (flip < 0) continue;
      const sign = x[flip] ? -1 : 1;
      x[flip] ^= 1;
      energy += delta;
      tabuUntil[flip] = t + 10;
      for (let k = start[flip]; k < start[flip + 1]; k++) field[neighbors[k]] += sign * weights[k];
      best = Math.min(best, energy);
    }
  }
  return best;
}

interface BestKnown {
  readonly [name: string]: { best_known: number; file: string; index_in_file: number } | string;
}

describe.skipIf(!SHARED_DATA_PRESENT)(`OR-Library bqp files in ../shared/data${SKIP_NOTE}`, () => {
  /** The instances of a raw file as [header, entries] (split independently of the reader). */
  function rawInstances(rows: string[][]): { n: number; nnz: number; entries: string[][] }[] {
    const instances = [];
    let at = 1;
    for (let k = 0; k < Number(rows[0][0]); k++) {
      const [n, nnz] = rows[at].map(Number);
      instances.push({ n, nnz, entries: rows.slice(at + 1, at + 1 + nnz) });
      at += 1 + nnz;
    }
    expect(at).toBe(rows.length);
    return instances;
  }

  it.each(["bqp50.txt", "bqp100.txt"])("%s: sizes and term counts match the headers; energies match xᵀQx", (file) => {
    const text = readSharedText(`qubo/beasley/${file}`);
    const raw = rawInstances(rawRows(text));
    const problems = parseBeasleyAll(text, { file });
    expect(problems).toHaveLength(10);
    problems.forEach((problem, k) => {
      const { n, nnz, entries } = raw[k];
      expect(problem.instance).toBe(k + 1);
      expect(problem.qubo.linear.length).toBe(n);
      expect(problem.nEntries).toBe(nnz);
      const nDiagonal = entries.filter(([i, j]) => i === j).length;
      expect(problem.qubo.values.length).toBe(nnz - nDiagonal);
      const ones = new Array<number>(n).fill(1);
      expect(objectiveFromEnergy(problem, quboEnergy(problem.qubo, ones))).toBe(beasleyObjective(entries, () => 1));
      // Every third variable (1-based index divisible by 3) set.
      const pattern = Array.from({ length: n }, (_, i) => ((i + 1) % 3 === 0 ? 1 : 0));
      expect(-quboEnergy(problem.qubo, pattern)).toBe(beasleyObjective(entries, (i) => (i % 3 === 0 ? 1 : 0)));
    });
  });

  it("reaches exactly the published best-known values of bqp50.1–3 in this convention", () => {
    const known = readSharedJson<Record<string, { best_known: number }>>("qubo/beasley/best_known.json");
    const text = readSharedText("qubo/beasley/bqp50.txt");
    for (const k of [1, 2, 3]) {
      const problem = parseBeasley(text, { instance: k });
      // Counting off-diagonal entries once instead of twice gives optima near 1071, 1829 and 2389 instead.
      expect(objectiveFromEnergy(problem, tabuMinimum(problem.qubo, k)), `bqp50.${k}`).toBe(known[`bqp50.${k}`].best_known);
    }
  });

  it("reads each instance named in best_known.json by its 1-based index", () => {
    const known = readSharedJson<BestKnown>("qubo/beasley/best_known.json");
    for (const [name, entry] of Object.entries(known)) {
      if (typeof entry === "string") continue;
      const text = readSharedText(`qubo/beasley/${entry.file}`);
      const problem = parseBeasley(text, { file: entry.file, instance: entry.index_in_file });
      expect(problem.instance, name).toBe(entry.index_in_file);
      expect(problem.qubo.linear.length, name).toBe(Number(name.match(/^bqp(\d+)\./)![1]));
    }
  });
});
