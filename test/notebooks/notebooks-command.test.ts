import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { command } from "../../src/cli/commands/notebooks.js";
import { UsageError } from "../../src/cli/command.js";

const cwd = mkdtempSync(join(tmpdir(), "qpipe-nb-cli-"));
function io() {
  const err: string[] = [];
  return { io: { stdout: () => {}, stderr: (t: string) => void err.push(t), cwd }, err };
}

describe("qpipe notebooks: command line", () => {
  it("rejects unknown actions and bad options as usage errors", async () => {
    await expect(command.run(["run"], io().io)).rejects.toThrow(UsageError);
    await expect(command.run(["execute"], io().io)).rejects.toThrow(/at least one notebook/);
    await expect(command.run(["verify", "x.ipynb", "--cell-timeout=0"], io().io)).rejects.toThrow(/--cell-timeout must be a positive number/);
    await expect(command.run(["verify", "notes.txt"], io().io)).rejects.toThrow(/expected a .ipynb notebook/);
  });

  it("reports a missing notebook, an empty notebooks folder and a broken file as user errors", async () => {
    const missing = io();
    expect(await command.run(["verify", "nope.ipynb"], missing.io)).toBe(1);
    expect(missing.err.join("")).toContain("nope.ipynb: no such file");
    const none = io();
    expect(await command.run(["verify"], none.io)).toBe(1);
    expect(none.err.join("")).toContain("no notebooks/*.ipynb");
    writeFileSync(join(cwd, "broken.ipynb"), "{ not json");
    const broken = io();
    expect(await command.run(["verify", "broken.ipynb"], broken.io)).toBe(1);
    expect(broken.err.join("")).toMatch(/broken.ipynb: .*not valid JSON/);
    writeFileSync(join(cwd, "python.ipynb"), JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: { kernelspec: { name: "python3" } }, cells: [] }));
    const python = io();
    expect(await command.run(["verify", "python.ipynb"], python.io)).toBe(1);
    expect(python.err.join("")).toContain('its kernel is "python3"; qpipe runs notebooks with the "tslab" (TypeScript) or "qpipe" (the qpipe language) kernel');
  });

  it("explains what to install when the Python Jupyter client is missing", async () => {
    writeFileSync(join(cwd, "tiny.ipynb"), JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [] }));
    const previous = process.env["QPIPE_PYTHON"];
    process.env["QPIPE_PYTHON"] = "/nonexistent/python3";
    try {
      const missing = io();
      expect(await command.run(["verify", "tiny.ipynb"], missing.io)).toBe(1);
      expect(missing.err.join("")).toMatch(/cannot import nbclient.*python3-nbclient/s);
    } finally {
      if (previous === undefined) delete process.env["QPIPE_PYTHON"];
      else process.env["QPIPE_PYTHON"] = previous;
    }
  });
});
