// A bare region word standing for its region is a place (dicts/ner/bare-regions.txt).
//   来到|西部|从事 -> LOC 西部;  西部|大开发 -> LOC 西部
//   西部|省份 (modifies a noun), 东部|、|中部 (a list), 美国|西部 (after a place) -> nothing
// Why: the news guidelines tag 西部 as the region it names; the model sees a direction word.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { CONJUNCTIONS } from './helpers.js';

/** Tags of words a region word would modify (西部|省份): then it is no name. */
const NOUN_POS = new Set(['n', 'nz', 'ns', 'nt', 'nr', 'vn', 'an', 'j', 'l', 'ng', 'x']);

/**
 * A bare region word (bare-regions.txt) standing for its region is a LOC: 来到|西部|从事,
 * 西部|大开发. Not when it modifies the next word (西部|省份), stands in a list or next to a conjunction
 * (东部|、|中部; 西部|和|边境省区; 北部|和|西部), or follows a place (美国|西部).
 */
export function addRegions(text: string, words: readonly WordToken[], ents: EntityMatch[], lex: Lexicon): EntityMatch[] {
  let list: EntityCursor | null = null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!lex.bareRegions.has(w.word)) continue;
    list ??= new EntityCursor(ents);
    if (list.overlaps(w.s, w.e)) continue;
    const prev = words[k - 1];
    if (prev && (prev.word === '、' || CONJUNCTIONS.has(prev.word) || prev.pos === 'ns' || list.endingAt(w.s))) continue;
    const next = words[k + 1];
    if (next && !text.startsWith('大开发', w.e)) {
      if (next.word === '、' || CONJUNCTIONS.has(next.word) || NOUN_POS.has(next.pos)) continue;
    }
    list.replace({ type: 'LOC', s: w.s, e: w.e });
  }
  return list ? list.toArray() : ents;
}

export const BARE_REGIONS: PostRule = { name: 'bare-regions', apply: (ents, c) => addRegions(c.text, c.words, ents, c.lex) };
