// Type-checks generated example modules with the project's own compiler options, so that a docs
// example is one a user can paste into a strict TypeScript project, not only one that runs once
// its types are stripped.
import { dirname, join } from "node:path";
import ts from "typescript";

/** The compiler's diagnostics for `files` (and nothing else), named relative to their folder; "" when there are none. */
export function typeErrors(files: readonly string[], root: string): string {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("internal: tsconfig.json could not be read");
  // The examples import src/index.ts by path (see snippets.ts): allowed when nothing is emitted.
  const options = { ...config.options, noEmit: true, allowImportingTsExtensions: true, declaration: false, sourceMap: false, rootDir: undefined };
  const program = ts.createProgram(files, options);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file !== undefined && files.includes(d.file.fileName));
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dirname(files[0] ?? root), getNewLine: () => "\n" });
}
