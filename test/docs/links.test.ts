import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchors, relativeLinks } from "./markdown.js";

const root = resolve(import.meta.dirname, "../..");

function markdownFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const pages = ["README.md", "BENCHMARKS.md", ...markdownFiles("docs")];

/** Every relative link of `page` whose file or heading anchor does not exist, as `line: target (why)`. */
function brokenLinks(page: string): string[] {
  const text = readFileSync(join(root, page), "utf8");
  const broken: string[] = [];
  for (const { target, line } of relativeLinks(text)) {
    const [path = "", anchor] = target.split("#");
    const file = path === "" ? join(root, page) : resolve(root, dirname(page), decodeURI(path));
    if (!existsSync(file)) {
      broken.push(`${line}: ${target} (no file ${relative(root, file)})`);
    } else if (anchor !== undefined && file.endsWith(".md") && !headingAnchors(readFileSync(file, "utf8")).has(anchor)) {
      broken.push(`${line}: ${target} (no heading #${anchor} in ${relative(root, file)})`);
    }
  }
  return broken;
}

describe("links in the documentation", () => {
  it("finds the pages", () => {
    expect(pages).toContain("docs/README.md");
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)("every relative link in %s resolves to a file and heading", (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it("notices a missing file and a missing heading", () => {
    expect(relativeLinks("see [a](nowhere.md) and [b](#top), not `[c](x.md)` or [d](https://example.org)")).toEqual([
      { target: "nowhere.md", line: 1 },
      { target: "#top", line: 1 },
    ]);
    expect(headingAnchors("# Top\n## `penalty auto` and why\n## Top\n```\n# not a heading\n```")).toEqual(
      new Set(["top", "penalty-auto-and-why", "top-1"]),
    );
  });
});
