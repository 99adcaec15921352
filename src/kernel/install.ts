// Writes the Jupyter kernel spec for the qpipe kernel (no IPython or `jupyter` command needed):
//
//   <data dir>/kernels/qpipe/kernel.json
//   {"argv": [node, ".../bin/qpipe.js", "kernel", "start", "{connection_file}"], "language": "qpipe", …}
//
// Where: --user → $JUPYTER_DATA_DIR, else ~/Library/Jupyter on macOS, else $XDG_DATA_HOME/jupyter
// (~/.local/share/jupyter); --prefix DIR → DIR/share/jupyter, as `jupyter kernelspec install` does.
import { mkdir } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { packageInfo } from "../util/package-root.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { LANGUAGE_NAME } from "./kernel-info.js";

export const KERNEL_SPEC_NAME = "qpipe";

export type InstallTarget = { readonly kind: "user" } | { readonly kind: "prefix"; readonly prefix: string };

export interface KernelSpec {
  readonly argv: readonly string[];
  readonly display_name: string;
  readonly language: string;
  readonly interrupt_mode: "message";
  readonly metadata: Record<string, unknown>;
}

/** The spec that starts this installation's kernel with the Node binary running now. */
export function kernelSpec(launcher: readonly string[] = [process.execPath, join(packageInfo().root, "bin", "qpipe.js"), "kernel", "start"]): KernelSpec {
  return {
    argv: [...launcher, "{connection_file}"],
    display_name: "qpipe",
    language: LANGUAGE_NAME,
    // Interrupts arrive as interrupt_request on the control channel, not as SIGINT.
    interrupt_mode: "message",
    metadata: {},
  };
}

export function kernelsDirectory(target: InstallTarget, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  switch (target.kind) {
    case "prefix":
      return join(target.prefix, "share", "jupyter", "kernels");
    case "user": {
      const dataDir = env["JUPYTER_DATA_DIR"];
      if (dataDir) return join(dataDir, "kernels");
      if (platform === "darwin") return join(homedir(), "Library", "Jupyter", "kernels");
      const xdg = env["XDG_DATA_HOME"];
      return join(xdg && xdg !== "" ? xdg : join(homedir(), ".local", "share"), "jupyter", "kernels");
    }
    default:
      return assertNever(target);
  }
}

/** Writes kernel.json and returns the directory that holds it. */
export async function installKernelSpec(target: InstallTarget, spec: KernelSpec = kernelSpec()): Promise<string> {
  const dir = join(kernelsDirectory(target), KERNEL_SPEC_NAME);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, "kernel.json"), `${JSON.stringify(spec, null, 2)}\n`);
  return dir;
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown install target ${JSON.stringify(value)}`);
}
