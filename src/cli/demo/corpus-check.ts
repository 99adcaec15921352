// The demo's language study: check every program of the example corpus that ships with qpipe and
// count what the checker reports, so the report shows the front end at work on real sources.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { check } from "../../lang/check.js";

export interface CorpusFileResult {
  readonly file: string;
  readonly lines: number;
  readonly errors: number;
  readonly warnings: number;
  readonly declarations: number;
}

/** An empty list when the corpus folder is absent (an install without the grammar folder). */
export async function checkCorpus(folder: string): Promise<CorpusFileResult[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(".qp")).sort();
  } catch {
    return [];
  }
  const results: CorpusFileResult[] = [];
  for (const name of names) {
    const source = await readFile(join(folder, name), "utf8");
    const { ast, diagnostics } = check(source, { file: name });
    results.push({
      file: name,
      lines: source.split("\n").length,
      errors: diagnostics.filter((d) => d.severity === "error").length,
      warnings: diagnostics.filter((d) => d.severity === "warning").length,
      declarations: ast.items.length,
    });
  }
  return results;
}
