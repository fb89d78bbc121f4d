// A whitespace-free view of a passage, so that patterns match across the spaces and line breaks that
// --no-layout text (or letter-spaced headlines) leaves inside a slogan:
//   text "5+5\n+7 重点"  ->  compact "5+5+7重点", pos [0,1,2,4,5,7,8]
// `toText` maps a compact range back to the UTF-16 range of the original text.

export interface Compact {
  /** The text with every whitespace character removed. */
  text: string;
  /** UTF-16 index in the original text of each UTF-16 unit of `text`; null: the text had no whitespace. */
  pos: Int32Array | null;
}

const WS = /\s/;
const WS_RUN = /\s+/g;

export function compact(text: string): Compact {
  // Most passages (layout has joined their lines) hold no whitespace: no copy, no offset table.
  if (!WS.test(text)) return { text, pos: null };
  // The runs between whitespace, copied whole, and one typed offset per kept unit: a passage of
  // millions of characters costs a few bytes a character here, not an array of one-character strings.
  const parts: string[] = [];
  const pos = new Int32Array(text.length);
  let n = 0;
  let from = 0;
  const copy = (to: number) => {
    parts.push(text.slice(from, to));
    for (let i = from; i < to; i++) pos[n++] = i;
  };
  for (const m of text.matchAll(WS_RUN)) {
    copy(m.index);
    from = m.index + m[0].length;
  }
  copy(text.length);
  return { text: parts.join(''), pos: pos.subarray(0, n) };
}

/** Original-text range [s, e) of the compact range [cs, ce) (ce > cs). */
export function toText(c: Compact, cs: number, ce: number): { s: number; e: number } {
  return c.pos ? { s: c.pos[cs]!, e: c.pos[ce - 1]! + 1 } : { s: cs, e: ce };
}

/** The canonical form of a slogan: no whitespace at all (the text is already width-folded). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}
