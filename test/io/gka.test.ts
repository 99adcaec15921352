// The bqpgka problems ship in qbsolv `.qubo` form but, like all of OR-Library's BQP sets, are
// maximisation problems: maximise Σ v·x_i·x_j over the listed entries (each coupler counted once).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quboEnergy } from "../../src/compile/qubo.js";
import { parseQbsolv } from "../../src/io/qbsolv.js";
import { objectiveFromEnergy } from "../../src/io/qubo-problem.js";
import { SHARED_DATA_PRESENT, SKIP_NOTE, rawRows, readSharedJson, readSharedText, sharedDataPath } from "./shared-data.js";

interface GkaEntry {
  readonly file: string;
  readonly n: number;
  readonly best_known: number;
}

describe.skipIf(!SHARED_DATA_PRESENT)(`bqpgka .qubo files in ../shared/data${SKIP_NOTE}`, () => {
  const files = SHARED_DATA_PRESENT ? readdirSync(sharedDataPath("qubo/gka")).filter((f) => f.endsWith(".qubo")) : [];

  it("holds the 35 problems", () => {
    expect(files).toHaveLength(35);
  });

  it("reads every file: sizes and counts match the header, energies match the raw entries", () => {
    for (const file of files) {
      const text = readSharedText(`qubo/gka/${file}`);
      const problem = parseQbsolv(text, { file, sense: "max" });
      const [header, ...entries] = rawRows(text);
      expect(header.slice(0, 2), file).toEqual(["p", "qubo"]);
      const [maxNodes, nNodes, nCouplers] = header.slice(3).map(Number);
      expect(problem.header, file).toEqual({ topology: header[2], maxNodes, nNodes, nCouplers });
      expect(problem.qubo.linear.length, file).toBe(maxNodes);
      expect(entries.length, file).toBe(nNodes + nCouplers);
      const nonZeroCouplers = entries.filter(([i, j, v]) => i !== j && Number(v) !== 0).length;
      expect(problem.qubo.values.length, file).toBe(nonZeroCouplers);
      // All ones: the objective is the plain sum of every listed value.
      const total = entries.reduce((sum, [, , v]) => sum + Number(v), 0);
      expect(objectiveFromEnergy(problem, quboEnergy(problem.qubo, new Array(maxNodes).fill(1))), file).toBe(total);
      // Even-indexed variables only (0-based, as the file numbers them).
      const even = entries.reduce((sum, [i, j, v]) => sum + (Number(i) % 2 === 0 && Number(j) % 2 === 0 ? Number(v) : 0), 0);
      const pattern = Array.from({ length: maxNodes }, (_, i) => (i % 2 === 0 ? 1 : 0));
      expect(-quboEnergy(problem.qubo, pattern), file).toBe(even);
    }
  });

  it("agrees with best_known.json on each problem's size", () => {
    const known = readSharedJson<Record<string, GkaEntry | string>>("qubo/gka/best_known.json");
    const entries = Object.values(known).filter((e): e is GkaEntry => typeof e !== "string");
    expect(entries).toHaveLength(35);
    for (const { file, n } of entries) {
      expect(parseQbsolv(readSharedText(`qubo/gka/${file}`), { file }).qubo.linear.length, file).toBe(n);
    }
  });
});
