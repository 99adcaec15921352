// A real Jupyter client (nbclient, through jupyter_client) runs a notebook written in the qpipe
// language against the kernel process: declarations persist, commands show results (a bench under a
// budget of objective evaluations among them), an error cell gives an error output with the
// diagnostic, and the heartbeat is answered.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, pythonHas, TEST_DIR, writeTestKernelSpec } from "./kernel-test-spec.js";

const available = pythonHas(["nbclient", "nbformat", "jupyter_client"]);
if (!available) console.warn(`skipping the notebook client test: ${PYTHON} lacks nbclient (install python3-nbclient; scripts/setup.sh does)`);

const LIMIT_MS = 90_000;

const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "qpipe", display_name: "qpipe", language: "qpipe" }, language_info: { name: "qpipe", file_extension: ".qp" } },
  cells: [
    code("problem max_cut {\n  param n: int\n  param edges: (int, int, real)[]\n  var x: binary[n]\n  maximize sum((u, v, w) in edges) w * (x[u] + x[v] - 2 * x[u] * x[v])\n}"),
    code('bind max_cut {"n": 3, "edges": [[0, 1, 1.0], [1, 2, 2.0]]}\ncompile max_cut to qubo'),
    code("problem broken {\n  var x: binary[2]\n  minimize x[0] + y\n}"),
    code("compile max_cut"),
    code("bench max_cut with sa, sa(sweeps: 3) seeds 2 budget 200 evals"),
  ].map((cell, i) => ({ ...cell, id: `cell-${i}` })),
};

interface Output {
  readonly output_type: string;
  readonly data?: Record<string, unknown>;
  readonly ename?: string;
  readonly traceback?: string[];
}

describe.skipIf(!available)("a qpipe notebook run by nbclient", () => {
  const spec = writeTestKernelSpec();
  const dir = mkdtempSync(join(tmpdir(), "qpipe-notebook-"));
  afterAll(() => {
    spec.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("executes every cell with the expected outputs", { timeout: LIMIT_MS + 10_000 }, async () => {
    const path = join(dir, "max-cut.ipynb");
    writeFileSync(path, JSON.stringify(NOTEBOOK));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        PYTHON,
        [join(TEST_DIR, "run_notebook.py"), path, spec.kernelName],
        { env: { ...process.env, JUPYTER_PATH: spec.jupyterPath, PYTHONDONTWRITEBYTECODE: "1" }, timeout: LIMIT_MS, killSignal: "SIGKILL" },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout) as { heartbeat: boolean; cells: Output[][] };
    expect(result.heartbeat).toBe(true);
    const [declare, compile, broken, again, bench] = result.cells;
    expect(declare).toEqual([]);
    expect(compile?.map((o) => o.output_type)).toEqual(["display_data", "execute_result"]);
    expect(compile?.[1]?.data?.["text/plain"]).toMatch(/^problem max_cut → QUBO: 3 variables/);
    expect(compile?.[1]?.data?.["application/json"]).toMatchObject({ problem: "max_cut", variables: 3, quadraticTerms: 2 });
    expect(broken?.map((o) => o.output_type)).toEqual(["error"]);
    expect(broken?.[0]?.ename).toBe("unknown-symbol");
    expect(broken?.[0]?.traceback?.join("\n")).toContain("--> cell[3]:3:19");
    // The failed cell left the session intact.
    expect(again?.[0]?.output_type).toBe("execute_result");
    // A bench under a budget of objective evaluations: chart, volatile timings with the verdict, summary.
    expect(bench?.map((o) => o.output_type)).toEqual(["display_data", "display_data", "execute_result"]);
    expect(bench?.[1]?.data?.["text/plain"]).toContain("at equal budget of 200 evaluations");
    expect(bench?.[2]?.data?.["text/plain"]).toMatch(/^bench max_cut: 2 solvers × 2 seeds, budget 200 evaluations each/);
    const rows = (bench?.[2]?.data?.["application/json"] as { rows: { evaluations: number }[] }).rows;
    expect(rows.every((row) => row.evaluations > 0 && row.evaluations <= 200)).toBe(true);
  });
});
