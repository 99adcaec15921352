import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fencedBlocks } from "./markdown.js";
import { pages, readPage, root } from "./pages.js";
import { snippetModules } from "./snippets.js";
import { typeErrors } from "./type-check.js";

const index = join(root, "src/index.ts");

/** Every page with ```ts blocks: each runnable one is self-contained (blocks that are not carry `no-run`). */
const PAGES = pages.filter((page) => fencedBlocks(readPage(page)).some((block) => block.lang === "ts"));

const scratch = mkdtempSync(join(tmpdir(), "qpipe-docs-"));
// Examples that write to os.tmpdir() (benchmarking.md's suite output) write into the scratch folder.
const savedTmpdir = process.env.TMPDIR;
process.env.TMPDIR = scratch;
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});

it("covers the pages with TypeScript examples", () => {
  expect(PAGES).toEqual(expect.arrayContaining(["docs/getting-started.md", "docs/solvers.md", "docs/notebooks.md"]));
});

describe.each(PAGES)("the TypeScript examples of %s", (page) => {
  const modules = snippetModules(readPage(page), index);

  it("has examples to run", () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  // Some examples run a whole pipeline stage: generous time for a loaded machine.
  it.each(modules.map((m) => [m.line, m] as const))(`run: the example at line %i`, { timeout: 180_000 }, async (line, module) => {
    const file = join(scratch, `${page.replace(/\W/g, "-")}-${line}.ts`);
    writeFileSync(file, module.source);
    const { __printed } = (await import(pathToFileURL(file).href)) as { __printed: string[] };
    for (const [k, claim] of module.claims.entries()) {
      expect(__printed[k], `what the console.log at ${page}:${claim.line} prints`).toBe(claim.expected);
    }
  });
});

describe("the TypeScript examples of every page above", () => {
  // One program for all pages: checking src once is most of the cost.
  it("type-check with the project's compiler options", { timeout: 180_000 }, () => {
    const folder = join(scratch, "types");
    mkdirSync(folder);
    writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n'); // ES modules: top-level await
    const files = PAGES.flatMap((page) =>
      snippetModules(readPage(page), index).map((module) => {
        const file = join(folder, `${page.replace(/\W/g, "-")}-${module.line}.ts`);
        writeFileSync(file, module.source);
        return file;
      }),
    );
    expect(typeErrors(files, root)).toBe("");
  });
});

describe("snippet modules", () => {
  const page = [
    "```ts",
    'import { x } from "qpipe";',
    "console.log(x);",
    "// 1",
    "```",
    "```ts no-run",
    "interface Skipped {}",
    "```",
    "```ts continue",
    "console.log(x + 1, 'b');",
    "// 2 b",
    "// more",
    "console.log(x); // a trailing comment is not a claim",
    "```",
  ].join("\n");

  it("joins continued blocks, skips no-run ones and turns commented console.log lines into claims", () => {
    const [module, ...rest] = snippetModules(page, "/abs/index.ts");
    expect(rest).toEqual([]);
    expect(module!.line).toBe(2);
    expect(module!.source).toContain('import { x } from "/abs/index.ts";');
    expect(module!.source).not.toContain("Skipped");
    expect(module!.source).toContain("__print(0, x);");
    expect(module!.source).toContain("__print(1, x + 1, 'b');");
    expect(module!.source).toContain("console.log(x); // a trailing");
    expect(module!.claims).toEqual([
      { line: 3, expected: "1" },
      { line: 10, expected: "2 b\nmore" },
    ]);
  });

  it("points a notebook cell's import of the built library at the sources too", () => {
    const [module] = snippetModules('```ts\nimport { y } from "../dist/src/index.js";\n```', "/abs/index.ts");
    expect(module!.source).toContain('import { y } from "/abs/index.ts";');
  });

  it("refuses a continuation with nothing to continue", () => {
    expect(() => snippetModules("```ts continue\nlet a = 1;\n```", "/i.ts")).toThrow(/no runnable block before it/);
  });
});
