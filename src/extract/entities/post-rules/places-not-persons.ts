// A "person" that is a gazetteer place with its administrative level is that place.
//   台北市 (model: PER) -> LOC 台北市;  会宁县 (model: PER) -> LOC 会宁县
// Why: no personal name ends in a level word after a place name; the model confuses rare three-character
// places with names.

import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { PostRule } from './lexicon.js';
import { ADMIN_END } from './helpers.js';

/**
 * A "person" written as a place with its administrative level (台北市, 会宁县) is that place: no
 * personal name ends in a level word after a gazetteer place name.
 */
export function placesNotPersons(text: string, ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'PER') return x;
    const name = text.slice(x.s, x.e);
    const level = ADMIN_END.exec(name);
    if (!level || level.index === 0) return x;
    return gaz.places.has(name) || gaz.places.has(name.slice(0, level.index)) ? { ...x, type: 'LOC' } : x;
  });
}

export const PLACES_NOT_PERSONS: PostRule = { name: 'places-not-persons', apply: (ents, c) => placesNotPersons(c.text, ents, c.gaz) };
