// Names the dictionaries know and the model missed or cut short: a known name (dicts/ner/known-names.txt)
// or a gazetteer place standing as whole words is added, and model entities inside it give way.
//   工业和|信息化部 (two model pieces)   -> ORG 工业和信息化部
//   东盟 (model: LOC)                    -> ORG 东盟 (a known name keeps its listed type)
//   比|亚迪股份有限公司 (model: ORG 亚迪…) -> ORG 比亚迪股份有限公司
// Why: the model learnt from 1990s text; names coined since (or rare in it) are better listed than learnt.
// The list follows the news guidelines where MSRA and People's Daily do not: short forms of government
// bodies (省政府, 市委) are ORG, compounds of one-character abbreviations (青藏高原, 江淮) one LOC; on their
// held-out text this rule therefore lowers F1 (docs/entities.md, "Post-rules audited").

import type { EntityType } from '../../../types.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule, RuleContext } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { addUnlessCrossing, ADDED, THERE } from './helpers.js';

/** Two-character counties and banners of the gazetteer are names however short (杞县, 沛县): no such word is anything else. */
const COUNTY_END = /[县旗]$/;

/**
 * A ministry's name running into 部门 (department), 部分 (part) or 部件 (component): 财政|部门, 公安部门,
 * 教育部分, 电子部件 are no 财政部, 公安部, 教育部, 电子部, so such a name must end on a word boundary
 * like any other.
 */
const MINISTRY_WORD_TAIL = /^部[门分件]$/;

/** addKnownNames' boundary flags, reused. */
let boundsBuf = new Uint8Array(1024);

/**
 * Dictionary names the model missed or cut short. A known name (known-names.txt) or a gazetteer
 * place of country/province/city kind (or a region name of three or more characters: 长江经济带) is
 * added when it starts on a word boundary, does not cross a model entity, and either ends on a word
 * boundary or is a known name of three or more characters (全国人大|代表; not 财政部|门). Model
 * entities inside it give way: 工业和|信息化部 -> 工业和信息化部.
 */
export function addKnownNames(ents: EntityMatch[], { text, words, gaz, lex }: RuleContext): EntityMatch[] {
  // Word and entity boundaries: bit 1 a start, bit 2 an end.
  const len = text.length;
  if (boundsBuf.length < len + 1) boundsBuf = new Uint8Array(Math.max(len + 1, boundsBuf.length * 2));
  const bounds = boundsBuf;
  bounds.fill(0, 0, len + 1);
  const mark = (s: number, e: number) => {
    if (s >= 0 && s <= len) bounds[s]! |= 1;
    if (e >= 0 && e <= len) bounds[e]! |= 2;
  };
  for (const w of words) mark(w.s, w.e);
  for (const x of ents) mark(x.s, x.e);
  const list = new EntityCursor(ents);
  const max = Math.max(lex.knownMax, gaz.placeMax);
  const trie = lex.names;
  // Ends of dictionary entries starting at s, found by one walk of the trie (longest tried first).
  const ends: number[] = [];
  for (let s = 0; s < len; s++) {
    if (!(bounds[s]! & 1) || !trie.mayStart(text.charCodeAt(s))) continue;
    if (s + 1 >= len || !trie.mayStartPair(text.charCodeAt(s), text.charCodeAt(s + 1))) continue; // names are 2+ long
    ends.length = 0;
    for (let node = 0, k = 0; s + k < len && k < max; k++) {
      node = trie.child(node, text.charCodeAt(s + k));
      if (node < 0) break;
      if (k >= 1 && trie.isTerminal(node)) ends.push(s + k + 1);
    }
    for (let c = ends.length - 1; c >= 0; c--) {
      const e = ends[c]!;
      const w = text.slice(s, e);
      const known = lex.known.get(w);
      const place = gaz.places.get(w) ?? lex.wordPlaces.get(w);
      const type: EntityType | undefined =
        known ?? (place !== undefined && (place <= 3 || w.length >= 3 || COUNTY_END.test(w)) ? 'LOC' : undefined);
      if (!type) continue;
      if (!(bounds[e]! & 2) && !(known && w.length >= 3 && !MINISTRY_WORD_TAIL.test(text.slice(e - 1, e + 1)))) continue;
      // A known name keeps its listed type where the model found the same span (东盟 is ORG, not LOC).
      let added = addUnlessCrossing(list, type, s, e, !!known);
      // The model cut a known organisation's head off its full name (比|亚迪股份有限公司, jieba
      // knowing no 比亚迪): the name starts at the known one.
      if (added === null && known === 'ORG') added = extendOverHead(list, s, e);
      if (added === null) continue; // crosses or lies inside a model entity
      if (added === THERE) break; // already there
      s = e - 1;
      break;
    }
  }
  return list.toArray();
}

/**
 * Makes the one ORG that starts inside [s, e) and ends after it start at s instead, when no other
 * entity touches [s, e): ADDED; else null.
 */
export function extendOverHead(list: EntityCursor, s: number, e: number): typeof ADDED | null {
  const touching = list.touching(s, e);
  const x = touching[0];
  if (touching.length !== 1 || x!.type !== 'ORG' || !(x!.s > s && x!.e > e)) return null;
  list.swap(x!, { ...x!, s });
  return ADDED;
}

export const KNOWN_NAMES: PostRule = { name: 'known-names', apply: addKnownNames };
