// Each person gets the titles written right before the name, split at 、 (heads: dicts/ner/titles.txt
// and titles-attach.txt).
//   区政协党组书记、主席逯鹰 -> PER 逯鹰, titles ['区政协党组书记', '主席']
//   国家发展改革委主任郑栅洁 -> PER 郑栅洁, titles ['国家发展改革委主任']
// Why: who a person is matters as much as the name to a reader of the record; the title stands before it.

import type { EntityMatch } from '../../types.js';
import { endingAtIn, overlapsIn } from './entity-cursor.js';
import type { PostRule, RuleContext } from './lexicon.js';
import { WordEnds } from './helpers.js';

/** Words that may qualify a title (区政协 | 党组书记, 常务 | 副主任). */
const TITLE_POS = new Set(['n', 'nz', 'nt', 'ns', 'j', 'b', 'vn', 'eng', 'ng', 'an', 'a', 'f', 'm', 'mq']);

/**
 * Titles written before each PER, split at 、: 区政协党组书记、主席逯鹰 -> [区政协党组书记, 主席]. The
 * heads are titles.txt's and titles-attach.txt's (Lexicon.titles).
 */
export function attachTitles(ents: EntityMatch[], { text, words, gaz, lex }: RuleContext): EntityMatch[] {
  const wordEnding = new WordEnds(words, text.length);
  const heads = lex.titlesBack;
  return ents.map((p) => {
    if (p.type !== 'PER') return p;
    const titles: string[] = [];
    let cur = p.s;
    for (;;) {
      // The longest title ending at cur.
      let headLen = 0;
      for (let node = 0, k = 1, kMax = Math.min(lex.titleMax, cur); k <= kMax; k++) {
        node = heads.child(node, text.charCodeAt(cur - k));
        if (node < 0) break;
        if (heads.isTerminal(node)) headLen = k;
      }
      if (!headLen) break;
      let start = cur - headLen;
      while (start > 0 && cur - start < 24) {
        const before = endingAtIn(ents, start);
        const ent = before && before.type !== 'PER' ? before : undefined;
        if (ent) {
          start = ent.s;
          continue;
        }
        const w = wordEnding.at(start);
        if (!w || overlapsIn(ents, w.s, w.e, isPerson)) break;
        if (!TITLE_POS.has(w.pos) && !lex.titles.has(w.word) && !gaz.orgHeads.has(w.word)) break;
        if (/^[\d.]+$/.test(w.word)) break;
        start = w.s;
      }
      titles.unshift(text.slice(start, cur));
      if (start > 1 && text[start - 1] === '、') cur = start - 1;
      else break;
    }
    return titles.length ? { ...p, titles } : p;
  });
}

const isPerson = (x: EntityMatch) => x.type === 'PER';

export const TITLES: PostRule = { name: 'titles', apply: attachTitles };
