// A place followed by a place suffix word (dicts/ner/place-suffixes.txt) is one place.
//   黄岛|口岸 -> LOC 黄岛口岸
// Why: the port, the station and the like are places of their own; the model stops at the town's name.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { wordIndexAt } from './helpers.js';

/**
 * A LOC directly followed by a place suffix (place-suffixes.txt) written as a whole jieba word,
 * with no entity over that word: one LOC (黄岛|口岸 -> 黄岛口岸, the port as a place).
 */
export function joinPlaceSuffixes(words: readonly WordToken[], ents: EntityMatch[], lex: Lexicon): EntityMatch[] {
  if (!ents.some((x) => x.type === 'LOC')) return ents;
  return ents.map((x, k) => {
    if (x.type !== 'LOC') return x;
    const w = words[wordIndexAt(words, x.e)];
    if (!w || w.s !== x.e || !lex.placeSuffixes.has(w.word)) return x;
    const next = ents[k + 1];
    if (next && next.s < w.e) return x;
    return { type: 'LOC', s: x.s, e: w.e };
  });
}

export const PLACE_SUFFIXES: PostRule = { name: 'place-suffixes', apply: (ents, c) => joinPlaceSuffixes(c.words, ents, c.lex) };
