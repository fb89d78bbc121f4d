// A name of the sourced lists (dicts/ner/gaz-orgs.txt, gaz-persons.txt: banks, international bodies,
// clubs, universities, companies, leaders, foreign names) that stands on jieba's word boundaries where the
// tagger found nothing is that organisation or person.
//   他在|招商银行|开户 (model: nothing) -> ORG 招商银行
//   会见|了|安东尼奥·古特雷斯 (model: nothing) -> PER 安东尼奥·古特雷斯
// Why: the lists hold names no training sentence has (filtered on the training text so that what stays
// is mostly an entity where it occurs, docs/entities.md "Gazetteers"); a match that crosses a word
// boundary or an entity of the tagger is left alone, as is a brand (the least exact kind).

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityType } from '../../../types.js';
import type { EntityMatch } from '../../types.js';
import type { CharTrie } from '../char-trie.js';
import { ORG_NAME_KINDS, type Gazetteers } from '../gazetteers.js';
import { wordBounds, WORD_END, WORD_START } from '../../../segment/bounds.js';
import type { PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';

const BRAND = ORG_NAME_KINDS['brand'];

/** Listed names on word boundaries, where no entity stands, added as ORG / PER. */
export function addListedNames(text: string, words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  const n = text.length;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  const bounds = wordBounds(words, n);
  let list: EntityCursor | null = null;
  const add = (trie: CharTrie, type: EntityType, i: number): number => {
    const len = trie.longestAt(codes, n, i, 2);
    if (len < 2 || !(bounds[i + len]! & WORD_END) || (type === 'ORG' && trie.matchValue === BRAND)) return 0;
    list ??= new EntityCursor(ents);
    if (list.overlaps(i, i + len)) return 0;
    list.replace({ type, s: i, e: i + len });
    return len;
  };
  const orgs = gaz.orgNames;
  const persons = gaz.personNames;
  for (let i = 0; i < n; ) {
    if (!(bounds[i]! & WORD_START)) {
      i++;
      continue;
    }
    i += add(orgs, 'ORG', i) || add(persons, 'PER', i) || 1;
  }
  return list ? (list as EntityCursor).toArray() : ents;
}

export const LISTED_NAMES: PostRule = { name: 'listed-names', apply: (ents, c) => addListedNames(c.text, c.words, ents, c.gaz) };
