// A place never ends in a count of the places inside it.
//   长三角三省 -> LOC 长三角;  中亚五国 -> LOC 中亚;  九州 -> unchanged (a name, not a count)
// Why: the tagger runs the region and the count together; no LOC of the training text ends so.

import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { PostRule } from './lexicon.js';

/**
 * A count of places written after their region: 三省, 九市, 五国, 两区. Not 州: 九州 is a name
 * (日本九州), and counts of prefectures belong to old texts.
 */
const PLACE_COUNT = /[一二三四五六七八九十两]{1,3}[省市县区国]$/;

/**
 * A place never ends in a count of the places inside it: 长三角|三省, 珠三角|九市, 中亚|五国 are
 * the region and a count (the tagger runs them together; the training text never does: no LOC of MSRA
 * or People's Daily ends so, but 九州 and 四国, islands of Japan). The LOC keeps the region when the
 * region is a gazetteer place.
 */
export function trimPlaceCounts(text: string, ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'LOC') return x;
    const name = text.slice(x.s, x.e);
    const m = PLACE_COUNT.exec(name);
    if (!m || m.index === 0 || !gaz.places.has(name.slice(0, m.index))) return x;
    return { ...x, e: x.s + m.index };
  });
}

export const PLACE_COUNTS: PostRule = { name: 'place-counts', apply: (ents, c) => trimPlaceCounts(c.text, ents, c.gaz) };
