import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { command } from "../../src/cli/commands/kernel.js";
import { UsageError } from "../../src/cli/command.js";
import { kernelsDirectory, kernelSpec } from "../../src/kernel/install.js";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out, err };
}

describe("qpipe kernel install", () => {
  it("writes kernel.json under PREFIX/share/jupyter/kernels/qpipe", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qpipe-install-"));
    const { io: cli, out } = io(dir);
    expect(await command.run(["install", "--prefix", "env"], cli)).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, "env", "share", "jupyter", "kernels", "qpipe", "kernel.json"), "utf8"));
    expect(spec.language).toBe("qpipe");
    expect(spec.argv.slice(-3)).toEqual(["kernel", "start", "{connection_file}"]);
    expect(spec.argv[1]).toMatch(/bin[/\\]qpipe\.js$/);
    expect(spec.interrupt_mode).toBe("message");
    expect(out.join("")).toContain("installed the qpipe kernel spec");
  });

  it("puts the user's spec in JUPYTER_DATA_DIR, macOS's Library or XDG_DATA_HOME", () => {
    expect(kernelsDirectory({ kind: "user" }, { JUPYTER_DATA_DIR: "/d" }, "linux")).toBe("/d/kernels");
    expect(kernelsDirectory({ kind: "user" }, { XDG_DATA_HOME: "/x" }, "linux")).toBe("/x/jupyter/kernels");
    expect(kernelsDirectory({ kind: "user" }, {}, "darwin")).toMatch(/Library\/Jupyter\/kernels$/);
  });

  it("rejects conflicting or unknown arguments as usage errors", async () => {
    const { io: cli } = io(tmpdir());
    await expect(command.run(["install", "--user", "--prefix", "x"], cli)).rejects.toThrow(UsageError);
    await expect(command.run(["install", "extra"], cli)).rejects.toThrow(UsageError);
    await expect(command.run([], cli)).rejects.toThrow(UsageError);
    await expect(command.run(["launch"], cli)).rejects.toThrow(UsageError);
  });

  it("ends the connection-file argument of the spec with Jupyter's placeholder", () => {
    expect(kernelSpec(["node", "k.js"]).argv).toEqual(["node", "k.js", "{connection_file}"]);
  });

  it("reports an unreadable connection file as a user error", async () => {
    const { io: cli, err } = io(tmpdir());
    expect(await command.run(["start", "no-such-connection.json"], cli)).toBe(1);
    expect(err.join("")).toContain("qpipe kernel:");
  });
});
