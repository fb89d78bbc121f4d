// Quoted phrases of a passage: “…”, 「…」, 『…』, ‘…’ (also nested inside “…”), and ASCII "…" around
// Chinese text. A quote that never closes within MAX_INNER characters is left alone, so one stray mark
// cannot swallow a paragraph.
//   findQuoted('以“微改革”探索')  -> [{ open: 1, s: 2, e: 5, close: 6 }]   ('微改革' = text.slice(2, 5))

export interface Quoted {
  /** Index of the opening mark. */
  open: number;
  /** Inner range [s, e) with surrounding whitespace trimmed. */
  s: number;
  e: number;
  /** Index just after the closing mark. */
  close: number;
}

/** Opening mark -> closing mark, as character codes: “” 「」 『』 ‘’. */
const PAIRS = new Map<number, number>([
  [0x201c, 0x201d],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
  [0x2018, 0x2019],
]);
const ASCII_QUOTE = 0x22;
const MAX_INNER = 80;

export function findQuoted(text: string): Quoted[] {
  const out: Quoted[] = [];
  for (let i = 0; i < text.length; i++) {
    // Character codes, not one-character strings: this loop visits every character of every passage.
    const c = text.charCodeAt(i);
    const closer = c === ASCII_QUOTE ? undefined : PAIRS.get(c);
    if (closer === undefined && c !== ASCII_QUOTE) continue;
    const want = closer ?? ASCII_QUOTE;
    const limit = Math.min(text.length, i + 1 + MAX_INNER);
    let j = i + 1;
    while (j < limit && text.charCodeAt(j) !== want && text.charCodeAt(j) !== c) j++;
    if (j >= limit || text.charCodeAt(j) !== want) continue;
    // ASCII quotes are symmetric: only pair them around Chinese text on one line.
    if (closer === undefined && !/[\u4e00-\u9fff]/.test(text.slice(i + 1, j))) continue;
    if (closer === undefined && /\n/.test(text.slice(i + 1, j))) continue;
    let s = i + 1;
    let e = j;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ open: i, s, e, close: j + 1 });
    // Nested quotes (‘…’ inside “…”) are found by scanning on from i + 1, not from j.
    if (closer === undefined) i = j;
  }
  return out;
}
