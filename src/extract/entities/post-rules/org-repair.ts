// Organisation spans the model cut in the wrong place are moved to word and place boundaries.
//   西海岸|新区新市民学院 (starts inside a place)  -> ORG 西海岸新区新市民学院
//   业|开发委员会 (starts inside 农业)            -> ORG 农业开发委员会
//   浙江大学研究生支|教团 (ends inside a word)     -> ORG 浙江大学 (its last strong head)
//   公司 alone                                   -> dropped (a bare head is no name)
// Why: a line break or an unknown word inside a name shifts the model's boundary by a few characters.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import { wordBounds, WORD_END, WORD_START } from '../../../segment/bounds.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { endsOnLoneChar, NAME_POS, wordIndexAt } from './helpers.js';
import { endsInHead, endsInStrongHead, placeEndsIn } from './name-tests.js';

/**
 * Organisation spans the model cut in the wrong place:
 *   - an ORG that starts inside a gazetteer place name grows to the place's start (the line break fell
 *     inside 西海岸: 西海岸|新区新市民学院 -> 西海岸新区新市民学院);
 *   - an ORG that ends inside a jieba word is cut back to the last strong head ending on a word
 *     boundary (浙江大学研究生支|教团 -> 浙江大学), when it holds one;
 *   - a bare company head is no name (公司, 有限公司, 集团): dropped.
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
    let { s, e } = x;
    // Start inside a place: the earliest place that starts before it, on a word start, and ends inside.
    const prevEnd = out.length ? out[out.length - 1]!.e : 0;
    for (let ps = Math.max(prevEnd, s - gaz.placeMax + 1); ps < s; ps++) {
      if (bounds[ps]! & WORD_START && placeEndsIn(text, ps, s, e, names, gaz)) {
        s = ps;
        break;
      }
    }
    // Still inside a word (业|开发委员会 of 农业|开发|委员会): back to the start of that word, when it is
    // a noun-like word clear of the entity before.
    if (s === x.s && !(bounds[s]! & WORD_START)) {
      const w = words[wordIndexAt(words, s)];
      if (w && w.s < s && w.e > s && w.s >= prevEnd && (NAME_POS.has(w.pos) || w.pos === 'x')) s = w.s;
    }
    // End inside a word, or on a lone character that is no head (浙江大学研究生|支, jieba having split
    // 支教团): back to the last strong head that ends on a word boundary. (北京大学中文系 ends on a word.)
    if ((!(bounds[e]! & WORD_END) || (endsOnLoneChar(words, e) && !endsInHead(name, gaz))) && words.length) {
      for (let h = e - 1; h > s + 1; h--) {
        if (!(bounds[h]! & WORD_END)) continue;
        if (endsInStrongHead(text.slice(s, h), gaz)) {
          e = h;
          break;
        }
      }
    }
    out.push(s === x.s && e === x.e ? x : { ...x, s, e });
  });
  return out;
}

export const ORG_REPAIR: PostRule = { name: 'org-repair', apply: (ents, c) => repairOrganisations(c.text, c.words, ents, c.gaz, c.lex) };
