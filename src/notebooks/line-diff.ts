// A unified-style line diff for replay failures: "-" lines are the committed output, "+" lines the
// new one, with a little context. Longest common subsequence by dynamic programming: outputs are
// small, and when they are not the diff is cut to its first hunks.

export interface LineDiffOptions {
  /** Unchanged lines shown around each change (default 2). */
  readonly context?: number;
  /** At most this many diff lines (default 40). */
  readonly maxLines?: number;
}

const MAX_CELLS = 4_000_000;

export function lineDiff(expected: string, actual: string, options: LineDiffOptions = {}): string {
  const context = options.context ?? 2;
  const maxLines = options.maxLines ?? 40;
  // A final newline ends the last line; it does not start an empty one.
  const a = expected === "" ? [] : expected.replace(/\n$/, "").split("\n");
  const b = actual === "" ? [] : actual.replace(/\n$/, "").split("\n");
  // Trim the common prefix and suffix first: most replay diffs are one changed line.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = middleOps(a.slice(start, endA), b.slice(start, endB));
  const all: { tag: " " | "-" | "+"; line: string }[] = [
    ...a.slice(0, start).map((line) => ({ tag: " " as const, line })),
    ...ops,
    ...a.slice(endA).map((line) => ({ tag: " " as const, line })),
  ];
  if (ops.length === 0 && expected !== actual) return "  (the texts differ only in a final newline)";
  const keep = all.map(() => false);
  all.forEach((op, i) => {
    if (op.tag === " ") return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j++) keep[j] = true;
  });
  const lines: string[] = [];
  let skipped = false;
  all.forEach((op, i) => {
    if (!keep[i]) {
      if (!skipped) lines.push("  …");
      skipped = true;
      return;
    }
    skipped = false;
    lines.push(`${op.tag} ${visible(op.line)}`);
  });
  if (lines.length > maxLines) return [...lines.slice(0, maxLines), `  … ${lines.length - maxLines} more diff lines`].join("\n");
  return lines.join("\n");
}

function middleOps(a: readonly string[], b: readonly string[]): { tag: " " | "-" | "+"; line: string }[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [...a.map((line) => ({ tag: "-" as const, line })), ...b.map((line) => ({ tag: "+" as const, line }))];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], stored flat.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const ops: { tag: " " | "-" | "+"; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ tag: " ", line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      ops.push({ tag: "-", line: a[i++]! }); // deletions first, as unified diffs show them
    } else {
      ops.push({ tag: "+", line: b[j++]! });
    }
  }
  return ops;
}

/** Long lines (SVG, base64) are shortened; invisible whitespace differences are made visible. */
function visible(line: string): string {
  const shown = line.length > 160 ? `${line.slice(0, 157)}…` : line;
  return shown.replace(/\t/g, "→").replace(/ +$/, (spaces) => "·".repeat(spaces.length));
}
