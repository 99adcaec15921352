import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { pages, readPage, root } from "./pages.js";

/** Each subcommand lives in src/cli/commands/NAME.ts (as src/cli/main.ts loads them). */
const commandsDir = join(root, "src/cli/commands");
const commandNames = new Set(readdirSync(commandsDir).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)));

async function usageOf(name: string): Promise<string> {
  const module = (await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href)) as { command: Command };
  return module.command.usage;
}

interface Mention {
  readonly page: string;
  readonly line: number;
  readonly command: string;
  readonly flags: readonly string[];
}

/** `qpipe COMMAND … --flag …` in a page, with indented continuation lines of a synopsis. */
function mentions(page: string, commands: ReadonlySet<string>): Mention[] {
  const found: Mention[] = [];
  let open: { page: string; command: string; flags: string[]; line: number } | undefined;
  readPage(page)
    .split("\n")
    .forEach((text, index) => {
      const flagsIn = (s: string) => [...s.replace(/#.*$/, "").matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);
      const start = /\bqpipe ([a-z][a-z-]*)\b([^`]*)/.exec(text);
      if (start && commands.has(start[1]!)) {
        open = { page, command: start[1]!, flags: flagsIn(start[2]!), line: index + 1 };
        found.push(open);
      } else if (open && /^\s+\[?--/.test(text)) {
        open.flags.push(...flagsIn(text));
      } else {
        open = undefined;
      }
    });
  return found;
}

describe("qpipe flags named in the documentation", () => {
  it("are flags the command's --help lists", async () => {
    expect(commandNames).toContain("solve");
    const all = pages.flatMap((page) => mentions(page, commandNames));
    expect(all.length).toBeGreaterThan(30);
    const usages = new Map<string, string>();
    const wrong: string[] = [];
    for (const { page, line, command, flags } of all) {
      if (!usages.has(command)) usages.set(command, await usageOf(command));
      for (const flag of flags) if (!usages.get(command)!.includes(flag)) wrong.push(`${page}:${line}: qpipe ${command} has no ${flag}`);
    }
    expect(wrong).toEqual([]);
  });
});
