// A person's name never ends inside a word jieba reads as a name.
//   赵|明星 (model: PER 赵明) -> PER 赵明星
// Why: jieba's name words are whole names; the model, reading characters, may stop one short.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { wordIndexAt } from './helpers.js';

/**
 * A PER never ends inside a word jieba tags as a name (nr): 赵|明星 with the tagger's PER 赵明
 * grows to 赵明星; nor inside an untagged word (x, mostly names) that it opens. Only when the name stays
 * short (at most 4 characters) and touches no other entity.
 */
export function snapPersons(words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!ents.some((x) => x.type === 'PER')) return ents;
  return ents.map((x, k) => {
    if (x.type !== 'PER') return x;
    const w = words[wordIndexAt(words, x.e - 1)];
    if (!w || !(w.s < x.e && x.e < w.e) || (w.pos !== 'nr' && !(w.pos === 'x' && w.s === x.s)) || w.e - x.s > 4) return x;
    const next = ents[k + 1];
    if (next && next.s < w.e) return x;
    return { ...x, e: w.e };
  });
}

export const PERSON_WORDS: PostRule = { name: 'person-words', apply: (ents, c) => snapPersons(c.words, ents) };
