// Jupyter counts cursor positions in Unicode code points; JavaScript strings index UTF-16 units.

/** The string index of code point `cursor` (clamped to the text). */
export function codePointToIndex(text: string, cursor: number): number {
  let index = 0;
  for (let points = 0; points < cursor && index < text.length; points++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

/** The number of code points in `text.slice(0, index)`. */
export function indexToCodePoint(text: string, index: number): number {
  let points = 0;
  for (let i = 0; i < index && i < text.length; points++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return points;
}

/** The identifier around string index `index`: [start, end) in string indices (empty when none). */
export function wordAt(text: string, index: number): { readonly start: number; readonly end: number } {
  let start = index;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1] as string)) start--;
  let end = index;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end] as string)) end++;
  return { start, end };
}
