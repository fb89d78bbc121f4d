// Re-aligns a segmenter's word list to the string it was given.
//
// nodejieba returns words without offsets. Walking the text word by word recovers them:
//   "出口28500余辆" + ["出口", "28500", "余辆"] -> [0,2) [2,7) [7,9)
// Each word's tag comes from `tagOf` as it is placed (no intermediate word/tag objects).
// If a word does not stand where expected (a segmenter that normalised or dropped characters), the
// gap becomes its own token tagged 'x', so the tokens always tile the text: no character is lost.

import type { WordToken } from './segmenter.js';

export function alignWords(text: string, words: readonly string[], tagOf: (word: string) => string): WordToken[] {
  const out: WordToken[] = [];
  let pos = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    const at = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (at < 0) continue; // a word that is not in the text at all: skip it, the gap is covered below
    if (at > pos) out.push({ word: text.slice(pos, at), pos: 'x', s: pos, e: at });
    out.push({ word, pos: tagOf(word), s: at, e: at + word.length });
    pos = at + word.length;
  }
  if (pos < text.length) out.push({ word: text.slice(pos), pos: 'x', s: pos, e: text.length });
  return out;
}
