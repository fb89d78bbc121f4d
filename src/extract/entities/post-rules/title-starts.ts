// An entity never starts inside a title: where jieba reads a word that begins before the entity and
// ends inside it, and a title (dicts/ner/titles.txt, titles-attach.txt) ends inside the entity at a word
// boundary, the entity starts after that title; what is left shorter than two characters is dropped.
//   首席|执行官|马斯克 (model: PER 席执行官马斯克) -> PER 马斯克
//   财政司|司长|江文华 (model: LOC 长江, PER 文华) -> the LOC is dropped
// Why: the character model, reading a window of a few characters, takes the last characters of a long
// title for the start of a name (执行官 is a title, 马 a surname); a title is never part of a name
// (the person's title is recorded apart, by the `titles` rule). A jieba word that crosses the start is
// required, so a place after a title-like pair of characters that jieba splits (湖南省|长沙市: 省长) is
// left alone.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { wordIndexAt } from './helpers.js';

/** Entities moved past a title that ends inside them, when a jieba word crosses their start. */
export function startAfterTitles(text: string, words: readonly WordToken[], ents: EntityMatch[], lex: Lexicon): EntityMatch[] {
  let changed = false;
  const out = ents.flatMap((x) => {
    const first = wordIndexAt(words, x.s);
    const w = words[first];
    if (!w || !(w.s < x.s && x.s < w.e)) return [x];
    // The last word boundary inside the entity where a title ends.
    let cut = -1;
    for (let j = first; j < words.length && words[j]!.e < x.e; j++) if (endsTitle(text, words[j]!.e, lex)) cut = words[j]!.e;
    if (cut < 0) return [x];
    changed = true;
    return x.e - cut >= 2 ? [{ ...x, s: cut }] : [];
  });
  return changed ? out : ents;
}

/** Does a title of two characters or more from the lists end at `end`? */
function endsTitle(text: string, end: number, lex: Lexicon): boolean {
  const heads = lex.titlesBack;
  for (let node = 0, k = 1, kMax = Math.min(lex.titleMax, end); k <= kMax; k++) {
    node = heads.child(node, text.charCodeAt(end - k));
    if (node < 0) return false;
    if (k >= 2 && heads.isTerminal(node)) return true;
  }
  return false;
}

export const TITLE_STARTS: PostRule = { name: 'title-starts', apply: (ents, c) => startAfterTitles(c.text, c.words, ents, c.lex) };
