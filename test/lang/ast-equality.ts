// Compares ASTs modulo source positions: spans (and the comment list) are dropped.
export function withoutSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "span" || key === "comments" ? undefined : v)));
}
