// The Jupyter kernel spec replay checking runs notebooks with. It is written into a fresh temporary
// directory that is put first on JUPYTER_PATH for the Python client only, so the user's own Jupyter
// set-up is neither needed nor touched, and the kernel is always this project's tslab, started by
// the same Node binary that runs qpipe. (`tslab install` needs IPython, hence the hand-written spec.)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The name notebooks declare in metadata.kernelspec.name; `tslab install` registers the same one. */
export const KERNEL_NAME = "tslab";

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

export function writeKernelSpec(): KernelSpecDirectory {
  const launcher = tslabLauncher();
  const root = mkdtempSync(join(tmpdir(), "qpipe-jupyter-"));
  const kernelDir = join(root, "kernels", KERNEL_NAME);
  mkdirSync(kernelDir, { recursive: true });
  const spec = {
    argv: [process.execPath, launcher, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
  };
  writeFileSync(join(kernelDir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  return {
    jupyterPath: root,
    kernelName: KERNEL_NAME,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
