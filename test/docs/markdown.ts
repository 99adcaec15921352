// Just enough Markdown for the docs tests: fenced code blocks with their info strings, relative
// links, and the anchors GitHub gives headings. Not a Markdown parser: pages keep to the plain
// forms these functions read (``` fences at the start of a line, [text](target) links).

export interface FencedBlock {
  /** The word after the fence (`ts`, `bash`, …), empty when none. */
  readonly lang: string;
  /** The rest of the info string, split on spaces (e.g. `no-run`, `continue`). */
  readonly flags: readonly string[];
  readonly code: string;
  /** 1-based line of the block's first code line in the page. */
  readonly line: number;
}

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split("\n");
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [lang = "", ...flags] = open[1]!.trim().split(/\s+/).filter((word) => word !== "");
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    if (end === lines.length) throw new Error(`unclosed code fence opened at line ${i + 1}`);
    blocks.push({ lang, flags, code: lines.slice(start, end).join("\n"), line: start + 1 });
    i = end;
  }
  return blocks;
}

/** The page with its fenced blocks blanked out (line count kept). */
function withoutFences(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ""));
}

/** The page with fenced blocks and inline code blanked out (line count kept), so links are read from prose only. */
function proseOnly(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, "");
}

export interface Link {
  readonly target: string;
  readonly line: number;
}

/** Link targets that are neither absolute URLs (`https:`, `mailto:`) nor empty. */
export function relativeLinks(markdown: string): Link[] {
  const links: Link[] = [];
  proseOnly(markdown)
    .split("\n")
    .forEach((text, index) => {
      for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = match[1]!;
        if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ target, line: index + 1 });
      }
    });
  return links;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutFences(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = match[1]!
      .toLowerCase()
      .replace(/<[^>]+>/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
