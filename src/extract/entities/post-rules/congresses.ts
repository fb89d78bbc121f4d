// Party and national congresses are organisations, written in full or short.
//   第二十次全国代表大会 -> ORG;  九三学社|第十六次全国代表大会 -> one ORG;  二十大 -> ORG;  民建|七大 -> one ORG
//   十大创新 (a slogan), 十五|大学 (a university) -> nothing
// Why: MSRA and People's Daily tag them ORG; the model, seeing 大 as an adjective, misses the short forms.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { wordBounds, WORD_END, WORD_START } from '../../../segment/bounds.js';
import { addUnlessCrossing } from './helpers.js';

/**
 * Party and national congresses are organisations (MSRA, People's Daily): 第二十次全国代表大会,
 * 九三学社|第十六次全国代表大会 (the party's ORG joins), and the short forms 十五大, 二十大, 民建|七大.
 * A short form stands alone only from 十一 up (十大创新 is a slogan, 三大战役 a count) and must end on a
 * word boundary (十五|大学 is no congress); below 十一 it needs its party's ORG right before it.
 */
const CONGRESS = /第[一二三四五六七八九十]{1,3}次(?:全国)?代表大会|(?:二十|十)[一二三四五六七八九]?大|[一二三四五六七八九]大/g;

export function addCongresses(text: string, words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!text.includes('大')) return ents;
  const list = new EntityCursor(ents);
  let bounds: Uint8Array | null = null;
  for (const m of text.matchAll(CONGRESS)) {
    const s = m.index!;
    const e = s + m[0].length;
    const before = list.endingAt(s);
    const party = before?.type === 'ORG' ? before : undefined;
    const full = m[0].startsWith('第');
    if (!full) {
      bounds ??= wordBounds(words, text.length);
      if (!(bounds[e]! & WORD_END) || (s > 0 && !(bounds[s]! & WORD_START))) continue;
      if (!party && m[0].length < 3) continue; // 七大, 十大: only as 民建|七大
    }
    addUnlessCrossing(list, 'ORG', party ? party.s : s, e);
  }
  return list.toArray();
}

export const CONGRESSES: PostRule = { name: 'congresses', apply: (ents, c) => addCongresses(c.text, c.words, ents) };
