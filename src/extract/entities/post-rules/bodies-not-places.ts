// A "place" written with a body's head is that body.
//   薛家岛街道办事处 (model: LOC) -> ORG;  X村村委会 (model: LOC) -> ORG
//   博物馆, 图书馆, 中心 -> unchanged (facilities: the training text tags them LOC as often as ORG)
// Why: the tagger learnt 街道 and 村 as the ends of places and runs the place on over the head.

import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';

/** Heads of administrative bodies: a name ending so is the body, never the place. */
const BODY_END = /(?:办事处|委员会|管委会|居委会|村委会|政府|党委|党工委|工委|人民法院|人民检察院|公安局)$/;

/**
 * A "place" written with a body's head is that body: 薛家岛街道办事处, X村村委会 are organisations
 * (the tagger, having learned 街道 and 村 as the ends of places, runs the place on). Facilities stay
 * places (博物馆, 图书馆, 中心: the training text tags those LOC as often as ORG).
 */
export function bodiesNotPlaces(text: string, ents: EntityMatch[]): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'LOC') return x;
    const m = BODY_END.exec(text.slice(x.s, x.e));
    return m && m.index > 0 ? { ...x, type: 'ORG' } : x;
  });
}

export const BODIES_NOT_PLACES: PostRule = { name: 'bodies-not-places', apply: (ents, c) => bodiesNotPlaces(c.text, ents) };
