// The author inside a doctrine's name is a person, where jieba reads the whole as one name word.
//   邓小平理论 (one word, nr) -> PER 邓小平;  毛泽东思想 -> PER 毛泽东
//   社会主义, 爱国主义精神 (not nr) -> nothing
// Why: the news guidelines tag a person named inside a campaign's or a doctrine's name (学雷锋 -> 雷锋), as
// MSRA does (People's Daily mostly not); the model sees one word and tags nothing.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { addUnlessCrossing } from './helpers.js';

/** A doctrine named after its author, as jieba writes it: one word tagged nr (邓小平理论, 毛泽东思想). */
const DOCTRINE = /^(.{2,4}?)(?:理论|思想|主义|精神)$/u;

/**
 * The person inside a doctrine's name is a PER (MSRA, People's Daily; the news guidelines tag a
 * person inside a campaign's name likewise): 邓小平理论 -> PER 邓小平. Only where jieba reads the whole
 * as one name word (nr), so 社会主义 and 爱国主义精神 are never touched.
 */
export function addDoctrineAuthors(words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  let list: EntityCursor | null = null;
  for (const w of words) {
    if (w.pos !== 'nr') continue;
    const m = DOCTRINE.exec(w.word);
    if (!m) continue;
    list ??= new EntityCursor(ents);
    addUnlessCrossing(list, 'PER', w.s, w.s + m[1]!.length);
  }
  return list ? list.toArray() : ents;
}

export const DOCTRINE_AUTHORS: PostRule = { name: 'doctrine-authors', apply: (ents, c) => addDoctrineAuthors(c.words, ents) };
