// An organisation head (公司, 大学, 工委 … the strong heads of dicts/ner/org-suffixes.txt) after a named head
// takes the longest name: the walk goes left over nouns, the verbs of dicts/ner/org-name-words.txt and
// place or body entities, and the name starts at the leftmost entity or proper noun.
//   中国石化|青岛|炼化公司      -> ORG 中国石化青岛炼化公司
//   区|社会|治理|中心          -> ORG 区社会治理中心 (a bare level opens a body's name)
//   中国—中亚|合作|中心         -> ORG 中国—中亚合作中心 (a dash between two parties)
//   深交所|上市|公司           -> ORG 深交所 stays (上市 is a generic modifier: a description)
//   青年文摘杂志社|和|浙江省围棋协会 -> two ORGs (two bodies around 和 stay apart)
// Why: the model, trained on short windows, often keeps only the head end of a long body name.

import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import { EntityCursor } from './entity-cursor.js';
import type { Lexicon, PostRule, RuleContext } from './lexicon.js';
import { CONJUNCTIONS, DASHES, NAME_POS, WordEnds } from './helpers.js';
import { endsInHead, endsInStrongHead, endsInTitle, startsWithPlace } from './name-tests.js';

/** One-character administrative levels that open a body's name: 区社会治理中心, 市文旅局. */
const ADMIN_LEVEL = new Set(['区', '市', '县', '省', '镇', '乡', '州']);
/** Proper-noun tags: a word so tagged may start an organisation name. */
const PROPER_POS = new Set(['nz', 'nt', 'ns', 'nrt', 'j', 'eng']);

/**
 * Longest organisation name ending in a strong head: walk left from the head over name words and
 * LOC/ORG entities; the name starts at the leftmost entity or proper-noun word of that chain.
 */
export function extendOrganisations(ents: EntityMatch[], { text, words, gaz, lex }: RuleContext): EntityMatch[] {
  const list = new EntityCursor(ents);
  const wordEnding = new WordEnds(words, text.length);
  const heads = gaz.orgUnitsBack;
  for (let e = 1; e <= text.length; e++) {
    // The longest strong head ending at e: one leftward walk of the reversed trie.
    let headLen = 0;
    if (!heads.mayStart(text.charCodeAt(e - 1))) continue;
    if (e < 2 || !heads.mayStartPair(text.charCodeAt(e - 1), text.charCodeAt(e - 2))) continue; // heads are 2+ long
    for (let node = 0, k = 1, kMax = Math.min(gaz.orgMax, e); k <= kMax; k++) {
      node = heads.child(node, text.charCodeAt(e - k));
      if (node < 0) break;
      if (k >= 2 && heads.isTerminal(node) && heads.valueAt(node) === 2) headLen = k;
    }
    if (headLen) extendOrganisationAt(text, e, e - headLen, list, wordEnding, gaz, lex);
  }
  return list.toArray();
}

/** The entity of `list` ending at pos when it is an ORG or a LOC. */
function bodyOrPlaceEndingAt(list: EntityCursor, pos: number): EntityMatch | undefined {
  const x = list.endingAt(pos);
  return x && (x.type === 'ORG' || x.type === 'LOC') ? x : undefined;
}

/**
 * extendOrganisations at one strong head [head, e): the longest ORG ending there put in `list`, or
 * `list` left unchanged.
 */
function extendOrganisationAt(
  text: string,
  e: number,
  head: number,
  list: EntityCursor,
  wordEnding: WordEnds,
  gaz: Gazetteers,
  lex: Lexicon,
): void {
  // The model's ORG may already end at the head (社会组织工委): walk on from its start. Any other
  // entity running across the head: the model decided, leave it.
  const atEnd = list.endingAt(e);
  const org = atEnd && atEnd.type === 'ORG' && atEnd.s <= head ? atEnd : undefined;
  if (!org && list.overlaps(head, e)) return;
  // A head inside a longer word is no head: 中心|城市 (jieba's 中心城市).
  if (!wordEnding.at(e)) return;
  // The model's ORG that opens with a place has its name already; only entities right before it join
  // (中国石化|青岛炼化公司), not the words of the sentence (城关镇|民营企业|青山机械有限公司).
  const anchored = !!org && startsWithPlace(text, org.s, e, lex.names, gaz);
  let start = org ? org.s : head;
  let nameStart = org ? org.s : -1;
  let units = org ? 1 : 0;
  let conj = false;
  let conjAt = -1; // where the leftmost conjunction crossed starts
  let afterConj = false;
  let unitsAtName = units; // words past the name's start (代表|加拿大政府) are not part of it
  while (start > 0 && e - start < 30) {
    const ent = bodyOrPlaceEndingAt(list, start);
    // A complete organisation further left, past other words, is a second body: 青岛海关|所属|黄岛海关.
    if (ent && ent.type === 'ORG' && units > 1 && endsInStrongHead(text.slice(ent.s, ent.e), gaz)) break;
    // An entity right before 和/与 is the first of two bodies: 青年文摘杂志社|和|浙江省围棋协会.
    if (ent && afterConj) return;
    if (ent) {
      start = ent.s;
      nameStart = start;
      unitsAtName = ++units;
      continue;
    }
    const w = wordEnding.at(start);
    if (!w) break;
    // A dash between two named parties belongs to the name: 中国—中亚|合作|中心 (the party on its right
    // already taken, an entity ending right before it), unless the model's own name ends at the head.
    if (!org && DASHES.has(w.word) && nameStart === start && bodyOrPlaceEndingAt(list, w.s)) {
      start = w.s;
      continue;
    }
    if (CONJUNCTIONS.has(w.word) && units > 0) {
      start = w.s;
      conjAt = w.s;
      conj = afterConj = true;
      units++;
      continue;
    }
    afterConj = false;
    if (anchored) break;
    if (!NAME_POS.has(w.pos) && !gaz.orgHeads.has(w.word) && !lex.orgWords.has(w.word)) break;
    if (lex.genericModifiers.has(w.word)) break; // 上市|公司: a description, not a name
    if (list.overlaps(w.s, w.e)) break; // a PER or a partly covered word
    start = w.s;
    units++;
    // A proper noun, or a bare administrative level standing for its body (区|社会治理中心).
    if (PROPER_POS.has(w.pos) || ADMIN_LEVEL.has(w.word)) {
      nameStart = start;
      unitsAtName = units;
    }
  }
  if (nameStart < 0 || unitsAtName < 2 || (org && nameStart === org.s)) return;
  // Across 和/与 the name is one body only where the model took it for one, or where a place opens it,
  // the words before the conjunction are no body and no person (胶州市|人力资源|和|社会保障局: two
  // fields of one bureau; 区教育局|和|卫生局 are two bodies, 在京|委员|和|全国政协 people and a body),
  // and what follows it is no known body of its own.
  const first = list.startingAt(nameStart);
  if (conj && first?.type !== 'ORG') {
    const place = first?.type === 'LOC' ? first : undefined;
    if (!place || place.e >= conjAt) return;
    const before = text.slice(place.e, conjAt);
    if (endsInHead(before, gaz) || endsInTitle(before, lex.titles, lex.titleMax)) return;
    const last = list.endingAt(e);
    const after = last?.type === 'ORG' ? last : undefined;
    if (after && lex.known.has(text.slice(after.s, after.e))) return;
  }
  // Every entity overlapping the name gives way to it.
  list.replace({ type: 'ORG', s: nameStart, e });
}

export const ORG_EXTENSION: PostRule = { name: 'org-extension', apply: extendOrganisations };
