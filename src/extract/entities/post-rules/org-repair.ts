// Organisation spans the model opened inside a place name grow to the place's start; a bare company head
// is no name.
//   西海岸|新区新市民学院 (starts inside the place 西海岸新区) -> ORG 西海岸新区新市民学院
//   公司 alone                                              -> dropped
// Why: a line break or an unknown word inside a name shifts the model's start by a few characters, and
// a gazetteer place is a boundary the model cannot cut into.
// Not done (measured on held-out training text, docs/entities.md "Post-rules audited"): moving a start or
// an end to jieba's word boundaries. On modern text jieba glues a transliterated name to the character
// before it (盘|卡塔尼亚 read as 盘卡|塔尼亚), and the snap then made 盘卡塔尼亚 out of the model's right 卡塔尼亚.

import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { WordToken } from '../../../segment/segmenter.js';
import { wordBounds, WORD_START } from '../../../segment/bounds.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { placeEndsIn } from './name-tests.js';

/**
 * An ORG that starts inside a gazetteer place name (the place starting on a word start, before the ORG,
 * clear of the entity before it, and ending inside the ORG) grows to the place's start; a bare company
 * head (公司, 有限公司, 集团) is dropped.
 */
export function repairOrganisations(text: string, words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers, lex: Lexicon): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const bounds = wordBounds(words, text.length);
  const names = lex.names;
  const out: EntityMatch[] = [];
  ents.forEach((x) => {
    if (x.type !== 'ORG') return out.push(x);
    const name = text.slice(x.s, x.e);
    if (/公司$|^集团$/.test(name) && gaz.orgHeads.get(name) === 2) return;
    const prevEnd = out.length ? out[out.length - 1]!.e : 0;
    for (let ps = Math.max(prevEnd, x.s - gaz.placeMax + 1); ps < x.s; ps++) {
      if (bounds[ps]! & WORD_START && placeEndsIn(text, ps, x.s, x.e, names, gaz)) return out.push({ ...x, s: ps });
    }
    out.push(x);
  });
  return out;
}

export const ORG_REPAIR: PostRule = { name: 'org-repair', apply: (ents, c) => repairOrganisations(c.text, c.words, ents, c.gaz, c.lex) };
