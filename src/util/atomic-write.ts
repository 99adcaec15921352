// Whole-file writes that a reader (or a crash) can never observe half done: write a temporary file
// beside the target — same directory, so the same file system — then rename it into place. The
// directory must exist: creating folders is the caller's decision.
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (typeof path !== "string" || path === "") throw new TypeError("writeFileAtomic: path must be a non-empty string");
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
