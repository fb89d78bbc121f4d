// A body written after its province (or country) and its own city or county starts at the latter.
//   江苏省徐州市中级人民法院 -> LOC 江苏省, ORG 徐州市中级人民法院
//   河南省南阳市委           -> LOC 河南省, ORG 南阳市委
//   广西柳州市鱼峰区残联     -> unchanged (a short-form province: one name, as the news guidelines write)
// Why: MSRA and People's Daily open a body's name with its nearest place.

import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { CharTrie } from '../char-trie.js';
import type { Lexicon, PostRule } from './lexicon.js';

/** The longest gazetteer place starting at s and ending at or before hi: its end and kind, or null. */
function longestPlaceAt(text: string, s: number, hi: number, names: CharTrie, gaz: Gazetteers): { end: number; kind: number } | null {
  let found: { end: number; kind: number } | null = null;
  for (let node = 0, k = s; k < hi; k++) {
    node = names.child(node, text.charCodeAt(k));
    if (node < 0) break;
    if (!names.isTerminal(node)) continue;
    const kind = gaz.places.get(text.slice(s, k + 1));
    if (kind !== undefined) found = { end: k + 1, kind };
  }
  return found;
}

/** Full forms of a province-level name: the level word written out. */
const PROVINCE_FULL = /(?:省|市|自治区|特别行政区)$/;

/**
 * An organisation written after its province (or country) and its own city or county starts at
 * the latter: 江苏省|徐州市中级人民法院, 河南省|南阳市委 (the MSRA and People's Daily convention: a body
 * name opens with its nearest place). Only a full-form province (江苏省, 北京市) or a country, and a
 * city or county: 广西柳州市鱼峰区残联 stays one name, as the news guidelines write such names.
 */
export function splitOuterPlaces(text: string, ents: EntityMatch[], gaz: Gazetteers, lex: Lexicon): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const names = lex.names;
  const out: EntityMatch[] = [];
  for (const x of ents) {
    if (x.type !== 'ORG') {
      out.push(x);
      continue;
    }
    const outer = longestPlaceAt(text, x.s, x.e, names, gaz);
    const p1 = outer && (outer.kind === 1 || (outer.kind === 2 && PROVINCE_FULL.test(text.slice(x.s, outer.end)))) ? outer.end : -1;
    const inner = p1 > 0 ? longestPlaceAt(text, p1, x.e, names, gaz) : null;
    // The body must hold more than the two places.
    if (inner && inner.end < x.e && (inner.kind === 3 || inner.kind === 5)) {
      out.push({ type: 'LOC', s: x.s, e: p1 }, { ...x, s: p1 });
    } else out.push(x);
  }
  return out;
}

export const OUTER_PLACES: PostRule = { name: 'outer-places', apply: (ents, c) => splitOuterPlaces(c.text, ents, c.gaz, c.lex) };
