// The Jupyter kernel spec replay checking runs a notebook with, chosen by the notebook's own
// metadata.kernelspec.name: "tslab" for TypeScript notebooks, "qpipe" for notebooks in the qpipe
// language. It is written into a fresh temporary directory that is put first on JUPYTER_PATH for the
// Python client only, so the user's own Jupyter set-up is neither needed nor touched, and the kernel
// is always this project's, started by the same Node binary that runs qpipe. (`tslab install` needs
// IPython, hence the hand-written spec.)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { KERNEL_SPEC_NAME as QPIPE_KERNEL_NAME, kernelSpec as qpipeKernelSpec } from "../kernel/install.js";

/** The name TypeScript notebooks declare in metadata.kernelspec.name; `tslab install` registers the same one. */
export const KERNEL_NAME = "tslab";

/** The kernels a notebook may declare, each with the language it is written in. */
export const NOTEBOOK_KERNELS: Readonly<Record<string, string>> = { [KERNEL_NAME]: "TypeScript", [QPIPE_KERNEL_NAME]: "the qpipe language" };

export interface KernelSpecDirectory {
  /** Directory to prepend to JUPYTER_PATH. */
  readonly jupyterPath: string;
  readonly kernelName: string;
  /** Removes the directory. */
  dispose(): void;
}

/** The tslab launcher script of the tslab package qpipe depends on. */
export function tslabLauncher(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve("tslab/package.json");
  } catch {
    throw new Error("the tslab package is not installed next to qpipe (run `npm install`)");
  }
  return join(dirname(manifest), "bin", "tslab");
}

/** Writes the spec of kernel `name` (a key of NOTEBOOK_KERNELS) into a new temporary directory. */
export function writeKernelSpec(name: string = KERNEL_NAME): KernelSpecDirectory {
  if (!(name in NOTEBOOK_KERNELS)) throw new RangeError(`no kernel named ${JSON.stringify(name)}; known: ${Object.keys(NOTEBOOK_KERNELS).join(", ")}`);
  // The qpipe kernel runs the build (bin/qpipe.js → dist), like the TypeScript notebooks do.
  const spec =
    name === QPIPE_KERNEL_NAME
      ? qpipeKernelSpec()
      : { argv: [process.execPath, tslabLauncher(), "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" };
  const root = mkdtempSync(join(tmpdir(), "qpipe-jupyter-"));
  const kernelDir = join(root, "kernels", name);
  mkdirSync(kernelDir, { recursive: true });
  writeFileSync(join(kernelDir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  return {
    jupyterPath: root,
    kernelName: name,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
