// Cutting a very long passage into windows, so that no stage holds per-character buffers for all of it.
//
// News paragraphs are a few hundred characters; a PDF page or a scraped file can come as one line of
// millions. Stages whose memory grows with the passage (jieba's native cut, the entity tagger's
// feature buffers: hundreds of bytes per character, 1-2 GB for a 3-million-character line) work window
// by window instead. Each caller chooses where a cut may fall so that its output does not change:
// jieba splits its input at its own separators first, the tagger's entities never cross a sentence end.

/**
 * [a, b) windows of at most `max` UTF-16 units covering `text`, in order. A window ends after the last
 * character of the first class in `marks` found in its second half (else the next class ...), else at
 * `max` units, never inside a surrogate pair.
 */
export function windows(text: string, max: number, marks: readonly RegExp[]): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < text.length; ) {
    let b = Math.min(a + max, text.length);
    if (b < text.length) b = cutPoint(text, a, b, max, marks);
    out.push([a, b]);
    a = b;
  }
  return out;
}

function cutPoint(text: string, a: number, b: number, max: number, marks: readonly RegExp[]): number {
  for (const mark of marks) {
    for (let i = b - 1; i >= a + max / 2; i--) if (mark.test(text[i]!)) return i + 1;
  }
  const c = text.charCodeAt(b - 1);
  return c >= 0xd800 && c <= 0xdbff ? b - 1 : b;
}

/** Marks that open a quotation or an aside, and those that close one. */
const OPENING = new Set([...'“‘「『（《【〔〈([{']);
const CLOSING = new Set([...'”’」』）》】〕〉)]}']);
/** What may begin a new sentence: a letter, a digit, or an opening mark. */
const SENTENCE_START = /[\p{L}\p{N}“‘「『（《【〔〈(]/u;

/**
 * The pipeline's windows of a very long passage: runs of consecutive `pieces` (the tagger's windows,
 * which tile the text) of at least `target` units, so that a window cut is also a cut of every
 * stage's own windowing. Among the piece ends, a window ends at a safe one:
 *   1. after 。 (jieba's own separator, and no entity, figure, slogan or word spans it), before a
 *      letter, digit or opening mark (never before 」 ” ） …: those belong to the sentence before), and
 *      with every quotation or bracket opened in the window closed again;
 *   2. from 2 x target on, the same without the bracket condition (a quotation left open);
 *   3. from 4 x target on, any piece end (text with no sentence ends at all).
 * The windows tile the text, in order.
 *   passageWindows("甲。乙。丙", [[0, 2], [2, 4], [4, 5]], 2) -> [[0, 2], [2, 4], [4, 5]]
 */
export function passageWindows(text: string, pieces: readonly [number, number][], target: number): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  let depth = 0;
  for (const [s, e] of pieces) {
    for (let i = s; i < e; i++) {
      const c = text[i]!;
      if (OPENING.has(c)) depth++;
      else if (CLOSING.has(c) && depth > 0) depth--;
    }
    if (e >= text.length || e - a < target) continue;
    const sentence = text[e - 1] === '。' && SENTENCE_START.test(text[e]!);
    if ((sentence && (depth === 0 || e - a >= 2 * target)) || e - a >= 4 * target) {
      out.push([a, e]);
      a = e;
      depth = 0;
    }
  }
  if (a < text.length) out.push([a, text.length]);
  return out;
}
