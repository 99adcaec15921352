// qpipe's own installation folder, found by walking up from this module, which sits in src/util/
// when run from source and in dist/src/util/ when built: both lead to the folder of package.json.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface PackageInfo {
  /** Absolute path of the folder holding qpipe's package.json. */
  readonly root: string;
  readonly version: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (let dir = new URL(".", import.meta.url); ; dir = new URL("..", dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "qpipe" && typeof manifest.version === "string") {
        cached = { root: fileURLToPath(dir), version: manifest.version };
        return cached;
      }
    } catch {
      // no readable package.json here: keep walking up
    }
    if (dir.pathname === "/") throw new Error("internal: qpipe's package.json not found");
  }
}
