// Runs notebooks through the real tslab kernel with the real Jupyter client (nbclient): slow (a
// kernel start takes seconds), so each test runs one notebook.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { command } from "../../src/cli/commands/notebooks.js";
import { parseNotebook, verifyNotebook } from "../../src/notebooks/index.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qpipe-replay-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function jupyterAvailable(): boolean {
  try {
    execFileSync("/usr/bin/python3", ["-c", "import nbclient, nbformat, jupyter_client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const hasJupyter = jupyterAvailable();
if (!hasJupyter) console.warn("skipping notebook replay tests: /usr/bin/python3 lacks nbclient (install python3-nbclient; scripts/setup.sh does)");

/** Copies a fixture and edits its source, keeping the committed outputs. */
function editedCopy(name: string, edit: (source: string) => string): string {
  const nb = JSON.parse(readFileSync(join(fixtures, name), "utf8")) as { cells: { source: string | string[] }[] };
  for (const cell of nb.cells) {
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    cell.source = edit(source);
  }
  const file = join(scratch, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, JSON.stringify(nb, null, 1));
  return file;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: scratch }, out, err };
}

// A kernel start takes seconds, and far longer on a busy machine: allow each test four minutes.
describe.skipIf(!hasJupyter)("qpipe notebooks verify (real tslab kernel, real Jupyter client)", { timeout: 240_000 }, () => {
  it("replays the committed fixture", async () => {
    const copy = join(scratch, "arithmetic.ipynb");
    copyFileSync(join(fixtures, "arithmetic.ipynb"), copy);
    const { io, out, err } = capture();
    expect(await command.run(["verify", copy], io)).toBe(0);
    expect(out.join("")).toMatch(/^replays {2}arithmetic\.ipynb {2}\(\d+\.\d s\)\n$/);
    expect(err.join("")).toBe("");
  });

  it("fails with the cell and a readable diff when the notebook prints a different number", async () => {
    const changed = editedCopy("arithmetic.ipynb", (source) => source.replace("[1, 2, 3, 4]", "[1, 2, 3, 5]"));
    const { io, err } = capture();
    expect(await command.run(["verify", changed], io)).toBe(1);
    const report = err.join("");
    expect(report).toContain("cell 2 (code): const squares = [1, 2, 3, 5].map((n) => n * n);");
    expect(report).toMatch(/- 1 4 9 16\n\s+\+ 1 4 9 25/);
    expect(report).toContain("cell 3 (code): let total = 0;");
    expect(report).toMatch(/- total = 30\n\s+\+ total = 39/);
    // The volatile cell (it prints the time) is never reported.
    expect(report).not.toContain("Date.now");
  });

  it("names the failing cell and shows tslab's error when a cell does not compile", async () => {
    const broken = editedCopy("arithmetic.ipynb", (source) => source.replace("let total = 0;", "let total: string = 0;"));
    const result = await verifyNotebook(broken);
    expect(result.ok).toBe(false);
    expect(result.failure).toMatch(/^cell 3 \(code\): let total: string = 0; failed:\n/);
    expect(result.failure).toContain("Type 'number' is not assignable to type 'string'");
  });

  it("fails clearly when the kernel dies", async () => {
    const dying = editedCopy("arithmetic.ipynb", (source) => source.replace('console.log("second line");', "process.exit(3);"));
    const result = await verifyNotebook(dying, { cellTimeoutSec: 30 });
    expect(result.ok).toBe(false);
    expect(result.failure).toMatch(/cell 3 .* killed the kernel \(the kernel died\)/);
  });

  it("stops a cell that runs past the per-cell timeout", async () => {
    const slow = editedCopy("arithmetic.ipynb", (source) => source.replace('console.log("second line");', "await new Promise((resolve) => setTimeout(resolve, 300_000));"));
    const started = Date.now();
    const result = await verifyNotebook(slow, { cellTimeoutSec: 2 });
    expect(result.ok).toBe(false);
    expect(result.failure).toMatch(/^cell 3 \(code\): let total = 0; timed out/);
    expect(Date.now() - started).toBeLessThan(120_000); // far less than the 300 s the cell would take
  });

  const built = existsSync(new URL("../../dist/src/index.js", import.meta.url));
  it.skipIf(!built)("replays rich displays of the built library: chart bundles, tables, the display protocol", async () => {
    const file = join(fixtures, "rich-display.ipynb");
    const result = await verifyNotebook(file);
    expect(result.failure).toBeUndefined();
    expect(result.differences).toEqual([]);
    const nb = parseNotebook(readFileSync(file, "utf8"), file);
    // The chart, left as the last expression, displayed itself as one multi-MIME bundle and nothing else.
    const chartOutputs = nb.cells[2]!.outputs!;
    expect(chartOutputs).toHaveLength(1);
    const data = chartOutputs[0]!.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"]);
    const svg = Array.isArray(data["image/svg+xml"]) ? (data["image/svg+xml"] as string[]).join("") : String(data["image/svg+xml"]);
    expect(svg).toContain(">Bell pair</text>");
    expect(svg).toContain(">Probability</text>");
    // console.log(chart) stays plain text.
    expect(nb.cells[5]!.outputs![0]).toMatchObject({ output_type: "stream", name: "stdout" });
    // A circuit figure as the last expression displays itself as SVG + PNG.
    expect(nb.cells[6]!.outputs).toHaveLength(1);
    expect(Object.keys(nb.cells[6]!.outputs![0]!.data!).sort()).toEqual(["image/png", "image/svg+xml", "text/plain"]);
  });
});
