import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSuiteSpec } from "../../src/bench/spec.js";
import { fencedBlocks } from "./markdown.js";

// A ```json suite block is a whole `qpipe bench` suite spec: it must pass the spec checks (field
// names, kinds, equal budgets), so that a documented field is one the harness accepts.

const root = resolve(import.meta.dirname, "../..");
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

const specs = pages.flatMap((page) =>
  fencedBlocks(readFileSync(join(root, page), "utf8"))
    .filter((block) => block.lang === "json" && block.flags.includes("suite"))
    .map((block) => [`${page}:${block.line}`, block.code] as const),
);

describe("benchmark suite specs in the documentation", () => {
  it("finds them", () => {
    expect(specs.map(([where]) => where)).toEqual(expect.arrayContaining([expect.stringMatching(/^docs\/benchmarking\.md:/)]));
  });

  it.each(specs)("%s is a valid suite spec", (_where, code) => {
    expect(() => parseSuiteSpec(JSON.parse(code))).not.toThrow();
  });
});
