import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { quboEnergy } from "../../src/compile/qubo.js";
import { FormatError } from "../../src/io/format-error.js";
import { problemFormatOf, readProblemFile } from "../../src/io/read-problem-file.js";

const dir = mkdtempSync(join(tmpdir(), "qpipe-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readProblemFile", () => {
  it("tells the format from the extension unless told", () => {
    expect(problemFormatOf("a/b.QUBO")).toBe("qubo");
    expect(problemFormatOf("G1.rud")).toBe("rudy");
    expect(problemFormatOf("bqp50.txt")).toBeUndefined();
    expect(problemFormatOf("bqp50.txt", "beasley")).toBe("beasley");
    expect(() => problemFormatOf("x", "lp" as "qubo")).toThrow(RangeError);
  });

  it("reads each format from disk in its own sense", async () => {
    const qubo = await readProblemFile(write("p.qubo", "p qubo 0 2 1 1\n0 0 -1\n0 1 3\n"));
    expect(qubo.sense).toBe("min");
    expect(quboEnergy(qubo.qubo, [1, 1])).toBe(2);
    const max = await readProblemFile(write("q.qubo", "p qubo 0 1 1 0\n0 0 4\n"), { sense: "max" });
    expect(quboEnergy(max.qubo, [1])).toBe(-4);
    const cut = await readProblemFile(write("g.rud", "2 1\n1 2 7\n"));
    expect(cut.sense).toBe("max");
    expect(quboEnergy(cut.qubo, [0, 1])).toBe(-7);
    const bqp = await readProblemFile(write("b.txt", "2\n1 1\n1 1 3\n1 1\n1 1 5\n"), { format: "beasley", instance: 2 });
    expect(quboEnergy(bqp.qubo, [1])).toBe(-5);
    expect(bqp.file).toBe(join(dir, "b.txt"));
  });

  it("reports an unknown extension and a missing file as FormatErrors naming the path", async () => {
    const path = write("mystery.dat", "1 0\n");
    await expect(readProblemFile(path)).rejects.toThrow(FormatError);
    await expect(readProblemFile(path)).rejects.toThrow(/cannot tell the format of '.*mystery\.dat'/);
    await expect(readProblemFile(join(dir, "absent.qubo"))).rejects.toThrow(/cannot read '.*absent\.qubo' \(ENOENT\)/);
  });

  it("rejects options that do not apply to the format", async () => {
    const path = write("r.rud", "2 1\n1 2\n");
    await expect(readProblemFile(path, { instance: 1 })).rejects.toThrow(RangeError);
    await expect(readProblemFile(path, { sense: "max" })).rejects.toThrow(RangeError);
  });
});
