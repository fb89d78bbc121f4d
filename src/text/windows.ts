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
