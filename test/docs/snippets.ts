// Turns the ```ts blocks of a docs page into modules the docs test can import and check.
//
//   ```ts            a module of its own
//   ```ts continue   appended to the module of the runnable block before it (shares its names)
//   ```ts no-run     not run: declarations, outlines, or examples too slow for a test
//
// `import … from "qpipe"`, and a notebook cell's `import … from "../dist/src/index.js"`, are pointed
// at the sources. A `console.log(…);` line followed by comment
// lines is a claim about the output: the comment lines, without their `// `, must be exactly what
// the call prints.
import { fencedBlocks } from "./markdown.js";

export interface PrintClaim {
  /** 1-based page line of the `console.log`. */
  readonly line: number;
  readonly expected: string;
}

export interface SnippetModule {
  /** 1-based page line where the first block's code starts. */
  readonly line: number;
  /** TypeScript source, ready to write to a file and import. */
  readonly source: string;
  /** Claim k is checked against `__printed[k]` of the imported module. */
  readonly claims: readonly PrintClaim[];
}

const PRELUDE = [
  'import { format as __format } from "node:util";',
  "export const __printed: string[] = [];",
  "function __print(id: number, ...args: unknown[]): void { __printed[id] = __format(...args); }",
].join(" ");

export function snippetModules(markdown: string, indexPath: string): SnippetModule[] {
  const modules: { line: number; lines: string[]; claims: PrintClaim[] }[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang !== "ts" || block.flags.includes("no-run")) continue;
    const continues = block.flags.includes("continue");
    if (continues && modules.length === 0) throw new Error(`line ${block.line}: 'ts continue' with no runnable block before it`);
    const current = continues ? modules[modules.length - 1]! : { line: block.line, lines: [PRELUDE], claims: [] };
    if (!continues) modules.push(current);
    const lines = block.code.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!.replace(/from "(?:qpipe|\.\.\/dist\/src\/index\.js)"/g, `from ${JSON.stringify(indexPath)}`);
      const print = /^(\s*)console\.log\((.*)\);\s*$/.exec(text);
      const expected: string[] = [];
      while (print && i + 1 + expected.length < lines.length) {
        const comment = /^\s*\/\/ ?(.*)$/.exec(lines[i + 1 + expected.length]!);
        if (!comment) break;
        expected.push(comment[1]!.trimEnd());
      }
      if (print && expected.length > 0) {
        current.lines.push(`${print[1]}__print(${current.claims.length}, ${print[2]});`);
        current.claims.push({ line: block.line + i, expected: expected.join("\n") });
      } else {
        current.lines.push(text);
      }
    }
  }
  return modules.map(({ line, lines, claims }) => ({ line, source: lines.join("\n") + "\n", claims }));
}
