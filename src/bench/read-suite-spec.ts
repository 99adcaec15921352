// Reads a suite spec file: JSON text, or a TypeScript/JavaScript module whose default export is
// the spec object. Problems come back as SuiteSpecError naming the field (or the JSON position).
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type SuiteSpec, SuiteSpecError, parseSuiteSpec } from "./spec.js";

export async function readSuiteSpec(path: string): Promise<SuiteSpec> {
  const file = resolve(path);
  const extension = extname(file).toLowerCase();
  if ([".ts", ".js", ".mjs", ".mts"].includes(extension)) {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (module.default === undefined) throw new SuiteSpecError([{ field: "(module)", message: `${path} must export the spec as its default export` }]);
    return parseSuiteSpec(module.default);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SuiteSpecError([{ field: "(file)", message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SuiteSpecError([{ field: "(json)", message: `${path} is not valid JSON: ${(error as Error).message}` }]);
  }
  return parseSuiteSpec(value);
}
