// A place directly followed by 开发区/高新区/经开区/保税区 is the zone, read as its management body.
//   青岛|开发区 -> ORG 青岛开发区;  黄岛|高新区 -> ORG 黄岛高新区
// Why: the pages this tool reads write the zone for its administration (the seed pages' convention).

import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { overlapsIn } from './entity-cursor.js';

/** Development zones named after their city act as bodies: 青岛|开发区 -> ORG 青岛开发区. */
const ZONE_HEAD = /^(?:开发区|经开区|高新区|保税区)/;

/** A place directly followed by 开发区/高新区...: the zone's name, used for its management body (ORG). */
export function joinZones(text: string, ents: EntityMatch[]): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'LOC') return x;
    const m = ZONE_HEAD.exec(text.slice(x.e, x.e + 3));
    if (!m || overlapsIn(ents, x.e, x.e + m[0].length)) return x;
    return { type: 'ORG', s: x.s, e: x.e + m[0].length };
  });
}

export const ZONES: PostRule = { name: 'zones', apply: (ents, c) => joinZones(c.text, ents) };
