// The pages the docs tests read: README.md and the top-level pages of docs/.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fencedBlocks } from "./markdown.js";

export const root = resolve(import.meta.dirname, "../..");

/** README.md and docs/*.md, as paths relative to the repository. */
export const pages: readonly string[] = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

export function readPage(page: string): string {
  return readFileSync(join(root, page), "utf8");
}

/** Every fenced block of every page in `lang` whose flags `keep` accepts, as [`page:line`, code]. */
export function blocksOf(lang: string, keep: (flags: readonly string[]) => boolean): (readonly [string, string])[] {
  return pages.flatMap((page) =>
    fencedBlocks(readPage(page))
      .filter((block) => block.lang === lang && keep(block.flags))
      .map((block) => [`${page}:${block.line}`, block.code] as const),
  );
}
