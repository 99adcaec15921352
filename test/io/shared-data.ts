// Locates the public benchmark sets that sit beside the repository (../shared/data). They are never
// copied into the repository, so tests that read them skip, saying why, when the folder is absent.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

export const SHARED_DATA_PRESENT = existsSync(ROOT);

/** Suffix for describe() titles so a skipped run says what it missed. */
export const SKIP_NOTE = SHARED_DATA_PRESENT ? "" : " (skipped: ../shared/data is absent)";

export function sharedDataPath(relative: string): string {
  return ROOT + relative;
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedDataPath(relative), "utf8");
}

export function readSharedJson<T>(relative: string): T {
  return JSON.parse(readSharedText(relative)) as T;
}

/** Whitespace-split numeric rows of a text file, blank lines and `c` comments dropped: a reader
 *  written independently of src/io, so tests can check the library against the raw file. */
export function rawRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/).filter((t) => t !== ""))
    .filter((tokens) => tokens.length > 0 && !tokens[0].startsWith("c"));
}
