// A foreign name that jieba cut into pieces, after its country and a title, is a person.
//   美国|总统|拜|登|表示 -> PER 拜登
//   美国|国务卿|布|林肯|邀请 (model: ORG 林肯, the car brand) -> PER 布林肯
//   主席|登|上 (no place before the title: a verb jieba split) -> nothing
// Why: jieba's HMM splits an unknown transliteration into one-character verbs or into shorter names it
// knows, and the model then misses it or reads a known piece as something else.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { wordIndexAt } from './helpers.js';
import { endsInTitle } from './name-tests.js';

/** Characters that never belong to a name cut into single characters after a title (function words). */
/** jieba's tags of person names. */
const NAME_POS = new Set(['nr', 'nrt', 'nrfg']);

const NOT_IN_NAME = new Set([...'的地得了着过在和与及或对向从为被把将也都就说是又于等们兼一并还所会要能可已曾再才均各该其之以而且但则即便由给让叫请']);

/**
 * A foreign name after its country and title that jieba cut into pieces, each a word of its own: single
 * characters (美国|总统|拜|登|表示: the HMM splits an unknown transliteration into verbs) or name words of
 * up to three characters (美国|国务卿|布|林肯: a known name inside an unknown one). Two to five such
 * pieces right after a title head (titles.txt) that directly follows a place, none of them a function
 * word, form a PER — when no entity reaches out of them and none is a person already (the model's
 * entities inside, such as ORG 林肯, give way). The place is what makes it a foreign dignitary's name:
 * after a bare title the single characters are mostly a verb jieba split (主席|登|上, 总理|发|来).
 */
export function addTitledForeignNames(words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  let list: EntityCursor | null = null;
  // From each place: the word right after it, when it ends in a title (a handful of places per passage,
  // so the words are not all visited).
  for (const place of ents) {
    if (place.type !== 'LOC') continue;
    const i = wordIndexAt(words, place.e);
    const w = words[i];
    if (!w || w.s !== place.e || !endsInTitle(w.word, gaz.titles, gaz.titleMax)) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 5) {
      const x = words[j]!;
      const piece = x.e - x.s === 1 ? !NOT_IN_NAME.has(x.word) : x.e - x.s <= 3 && NAME_POS.has(x.pos);
      if (!piece || !/^\p{Script=Han}+$/u.test(x.word)) break;
      j++;
    }
    const count = j - i - 1;
    if (count < 2 || count > 5) continue;
    const s = words[i + 1]!.s;
    const e = words[j - 1]!.e;
    list ??= new EntityCursor(ents);
    if (list.touching(s, e).some((x) => x.s < e && s < x.e && (x.type === 'PER' || x.s < s || x.e > e))) continue;
    list.replace({ type: 'PER', s, e });
  }
  return list ? list.toArray() : ents;
}

export const FOREIGN_NAMES: PostRule = { name: 'foreign-names', apply: (ents, c) => addTitledForeignNames(c.words, ents, c.gaz) };
