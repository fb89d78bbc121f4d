// Post-rules over the tagger's output, for patterns the character model gets wrong on news text.
//
// All work in UTF-16 offsets of the width-folded passage text, in this order:
//   1. known names (dicts/ner/known-names.txt) and gazetteer places the model missed or cut short
//      are added (工业和|信息化部 -> 工业和信息化部); a known name keeps its listed type (东盟 ORG);
//   1b. party and national congresses are ORG (二十大, 九三学社|第十六次全国代表大会);
//   1c. a bare region word standing for its region is LOC (奔赴|西部; dicts/ner/bare-regions.txt);
//   1d. the author inside a doctrine's name, one jieba name word, is a PER (邓小平理论 -> 邓小平);
//   2. adjacent administrative names join into one LOC: 山东省|青岛市 -> 山东省青岛市 (the news
//      guidelines' convention; MSRA/PD-1998 split such chains, so this costs F1 on those sets);
//   3. an organisation head (公司, 大学, 工委 ... strong heads of dicts/ner/org-suffixes.txt) after a
//      named head takes the longest ORG: 中国石化|青岛|炼化公司 -> 中国石化青岛炼化公司 (the words in
//      between are nouns or the verbs of dicts/ner/org-name-words.txt: 区|社会|治理|中心; a generic
//      modifier of dicts/ner/generic-org-modifiers.txt ends the name: 深交所|上市|公司 stays 深交所;
//      two bodies around 和/与 stay apart; a dash between two parties joins: 中国—中亚合作中心);
//   3a. an ORG cut inside a place grows to the place's start, one that starts inside a noun or an
//       untagged word grows to the word's start (业|开发委员会 -> 农业开发委员会), one cut inside a word
//       (or on a lone character that is no head) falls back to its last head, and a bare 公司 is dropped;
//   3a'. two bodies the model ran together over a verb of joint action or a conjunction are split:
//       区教育局|联合|市公安局, 山东大学青岛校区|与|海尔集团;
//   3b'. a local government department after its place or bare level is one ORG (dicts/ner/
//       departments.txt): 胶州市|人力资源和社会保障局, 市|住房和城乡建设局;
//   3b. an ORG written after a full-form province or a country and its own city or county starts at
//       the latter: 江苏省|徐州市中级人民法院 (the MSRA / People's Daily convention; short forms stay);
//   3c. a place + 开发区/高新区 is the zone's body: 青岛|开发区 -> ORG 青岛开发区 (seed-page convention);
//   3c'. a body's term ordinal joins it: 第十三届|全国人大;
//   3d. a place + a place suffix word is one place: 黄岛|口岸 -> LOC 黄岛口岸 (dicts/ner/place-suffixes.txt);
//   3e. a PER cut inside a jieba name word grows to its end: 赵|明星 -> 赵明星;
//   3f. two PERs joined by a dash or a middle dot are one name: 让—皮埃尔;
//   3g. an ORG that opens an untagged word (x) and stops inside it runs to its end: 亚洲足球联合会|理事会;
//   3h. a PER that is a gazetteer place plus its level word (台北市) is a LOC, and a LOC ending in a
//       body's head is that body (薛家岛街道办事处 ORG);
//   4. edge punctuation is trimmed (”工委组织部 -> 工委组织部; a quoted part of an ORG stays:
//      “春蕾计划”办公室) and stop-listed spans are dropped (dicts/ner/not-entities.txt: 我国, 全国, 中央 ...);
//      a place loses a count of its places written after it (长三角|三省);
//   5. each PER gets the titles written right before it: 区政协党组书记、主席逯鹰 ->
//      titles ['区政协党组书记', '主席'].
//
// The entity list stays sorted and disjoint throughout. Rules that add or replace entities as they scan
// go through an EntityCursor (entity-cursor.ts), rules that only read it through binary searches: no
// rule looks over the whole list per candidate, so a passage of millions of characters costs time in
// proportion to its length (docs/performance.md).

import { readDict } from '../../dicts.js';
import type { EntityType } from '../../types.js';
import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import { loadGazetteers, PLACE_KINDS, type Gazetteers } from './features.js';
import { CharTrie } from './char-trie.js';
import { wordBounds, WORD_END, WORD_START } from '../../segment/bounds.js';
import { EntityCursor, endingAtIn, overlapsIn } from './entity-cursor.js';

export interface Lexicon {
  /** Known organisation names -> type. */
  known: Map<string, EntityType>;
  /** Verbs that stand inside body names (社会|治理|中心): org-name-words.txt. */
  orgWords: Set<string>;
  /** Words that make a head generic (上市|公司): generic-org-modifiers.txt. */
  genericModifiers: Set<string>;
  /** Region words that are LOC when they stand alone (来到|西部): bare-regions.txt. */
  bareRegions: Set<string>;
  /** Words that make a place + word one place (黄岛|口岸): place-suffixes.txt. */
  placeSuffixes: Set<string>;
  knownMax: number;
  notEntities: Set<string>;
  /** Cities and counties jieba lists as other words (冠县): divisions-words.txt, name -> place kind. */
  wordPlaces: Map<string, number>;
  /** Known names and gazetteer places, over UTF-16 code units: where addKnownNames may match. */
  names: CharTrie;
  /** Local government departments (departments.txt), over UTF-16 code units. */
  departments: CharTrie;
  /** Title heads attachTitles reads: titles.txt and titles-attach.txt. */
  titles: Set<string>;
  titleMax: number;
  /** The same, over UTF-16 code units, reversed: walked leftwards from a person. */
  titlesBack: CharTrie;
}

let lexicon: Lexicon | null = null;
/** The post-rules' word lists in dicts/ner/ (loaded once). */
export function loadLexicon(gaz: Gazetteers = loadGazetteers()): Lexicon {
  if (lexicon) return lexicon;
  const known = new Map<string, EntityType>();
  for (const r of readDict('ner/known-names.txt', 2)) known.set(r.fields[0]!, r.fields[1] as EntityType);
  const notEntities = new Set(readDict('ner/not-entities.txt').map((r) => r.fields[0]!));
  const wordPlaces = new Map(readDict('ner/divisions-words.txt', 2).map((r) => [r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 5]));
  const titles = new Set([...gaz.titles, ...readDict('ner/titles-attach.txt').map((r) => r.fields[0]!)]);
  const names = CharTrie.of(
    [
      ...[...known.keys()].map((k) => [k, 1] as const),
      ...[...gaz.places.keys()].map((k) => [k, 1] as const),
      ...[...wordPlaces.keys()].map((k) => [k, 1] as const),
    ],
    'units',
  );
  lexicon = {
    known,
    orgWords: new Set(readDict('ner/org-name-words.txt').map((r) => r.fields[0]!)),
    placeSuffixes: new Set(readDict('ner/place-suffixes.txt').map((r) => r.fields[0]!)),
    genericModifiers: new Set(readDict('ner/generic-org-modifiers.txt').map((r) => r.fields[0]!)),
    bareRegions: new Set(readDict('ner/bare-regions.txt').map((r) => r.fields[0]!)),
    knownMax: Math.max(1, ...[...known.keys()].map((k) => k.length)),
    notEntities,
    wordPlaces,
    names,
    departments: CharTrie.of(
      readDict('ner/departments.txt').map((r) => [r.fields[0]!, 1] as const),
      'units',
    ),
    titles,
    titleMax: Math.max(1, ...[...titles].map((t) => t.length)),
    titlesBack: CharTrie.of([...titles].map((t) => [t, 1] as const), 'units', true),
  };
  return lexicon;
}

/**
 * Index of the last word starting at or before `pos` (jieba tokens come in text order), or -1: the
 * word covering pos, if any word does.
 */
function wordIndexAt(words: readonly WordToken[], pos: number): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.s <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The word ending at each UTF-16 offset (the last such word): a typed array in place of a Map from
 * end offsets, built only when a rule first asks (most passages need none) and in a buffer reused
 * from call to call.
 */
class WordEnds {
  private static buf = new Int32Array(1024);
  private idx: Int32Array | null = null;
  constructor(
    private readonly words: readonly WordToken[],
    private readonly len: number,
  ) {}
  at(pos: number): WordToken | undefined {
    if (!this.idx) {
      if (WordEnds.buf.length < this.len + 1) WordEnds.buf = new Int32Array(Math.max(this.len + 1, WordEnds.buf.length * 2));
      const idx = (this.idx = WordEnds.buf);
      idx.fill(-1, 0, this.len + 1);
      for (let k = 0; k < this.words.length; k++) {
        const e = this.words[k]!.e;
        if (e >= 0 && e <= this.len) idx[e] = k;
      }
    }
    const k = pos >= 0 && pos <= this.len ? this.idx[pos]! : -1;
    return k >= 0 ? this.words[k] : undefined;
  }
}

/** Two-character counties and banners of the gazetteer are names however short (杞县, 沛县): no such word is anything else. */
const COUNTY_END = /[县旗]$/;
/** Administrative unit endings: a LOC ending so is the head of a chain that may continue. */
const ADMIN_END = /(?:省|市|县|区|州|盟|旗|镇|乡|村|街道|自治区|自治州|自治县|特别行政区)$/;

const DASHES = new Set(['—', '－', '-', '–']);
/** Conjunctions an organisation name may hold (区委非公有制经济组织和社会组织工委). */
const CONJUNCTIONS = new Set(['和', '与', '及', '暨']);
/** Words that may stand inside an organisation name between a named head and its suffix. */
const NAME_POS = new Set(['n', 'nz', 'nt', 'ns', 'nrt', 'j', 'b', 'vn', 'eng', 'l', 'an', 'ng']);
/** One-character administrative levels that open a body's name: 区社会治理中心, 市文旅局. */
const ADMIN_LEVEL = new Set(['区', '市', '县', '省', '镇', '乡', '州']);
/** Development zones named after their city act as bodies: 青岛|开发区 -> ORG 青岛开发区. */
const ZONE_HEAD = /^(?:开发区|经开区|高新区|保税区)/;
/** Proper-noun tags: a word so tagged may start an organisation name. */
const PROPER_POS = new Set(['nz', 'nt', 'ns', 'nrt', 'j', 'eng']);
/** Words that may qualify a title (区政协 | 党组书记, 常务 | 副主任). */
const TITLE_POS = new Set(['n', 'nz', 'nt', 'ns', 'j', 'b', 'vn', 'eng', 'ng', 'an', 'a', 'f', 'm', 'mq']);

function sortEnts(ents: EntityMatch[]): EntityMatch[] {
  return ents.sort((a, b) => a.s - b.s || b.e - a.e);
}

/**
 * A ministry's name running into 部门 (department), 部分 (part) or 部件 (component): 财政|部门, 公安部门,
 * 教育部分, 电子部件 are no 财政部, 公安部, 教育部, 电子部, so such a name must end on a word boundary
 * like any other.
 */
const MINISTRY_WORD_TAIL = /^部[门分件]$/;

/** addKnownNames' boundary flags, reused. */
let boundsBuf = new Uint8Array(1024);

/**
 * 1. Dictionary names the model missed or cut short. A known name (known-names.txt) or a gazetteer
 * place of country/province/city kind (or a region name of three or more characters: 长江经济带) is
 * added when it starts on a word boundary, does not cross a model entity, and either ends on a word
 * boundary or is a known name of three or more characters (全国人大|代表; not 财政部|门). Model
 * entities inside it give way: 工业和|信息化部 -> 工业和信息化部.
 */
export function addKnownNames(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  gaz: Gazetteers,
  lex: Lexicon,
): EntityMatch[] {
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

/** What addUnlessCrossing and extendOverHead did: added (or changed) an entity, or found it there. */
const ADDED = 1;
const THERE = 2;

/**
 * Makes the one ORG that starts inside [s, e) and ends after it start at s instead, when no other
 * entity touches [s, e): ADDED; else null.
 */
function extendOverHead(list: EntityCursor, s: number, e: number): typeof ADDED | null {
  const touching = list.touching(s, e);
  const x = touching[0];
  if (touching.length !== 1 || x!.type !== 'ORG' || !(x!.s > s && x!.e > e)) return null;
  list.swap(x!, { ...x!, s });
  return ADDED;
}

/**
 * Puts {type, s, e} in place of the entities inside it (ADDED); THERE when exactly that span is there;
 * null when it crosses an entity or lies inside one. (A function of its own: closures in
 * addKnownNames' loop would capture its loop variable, a context allocated per character.)
 */
function addUnlessCrossing(list: EntityCursor, type: EntityType, s: number, e: number, retype = false): typeof ADDED | typeof THERE | null {
  const touching = list.touching(s, e);
  if (touching.some((x) => x.s < s || x.e > e)) return null;
  if (touching.length === 1 && touching[0]!.s === s && touching[0]!.e === e && (!retype || touching[0]!.type === type)) return THERE;
  list.replace({ type, s, e });
  return ADDED;
}

/**
 * 1b. Party and national congresses are organisations (MSRA, People's Daily): 第二十次全国代表大会,
 * 九三学社|第十六次全国代表大会 (the party's ORG joins), and the short forms 十五大, 二十大, 民建|七大.
 * A short form stands alone only from 十一 up (十大创新 is a slogan, 三大战役 a count) and must end on a
 * word boundary (十五|大学 is no congress); below 十一 it needs its party's ORG right before it.
 */
const CONGRESS = /第[一二三四五六七八九十]{1,3}次(?:全国)?代表大会|(?:二十|十)[一二三四五六七八九]?大|[一二三四五六七八九]大/g;
const CONGRESS_END = /(?:代表大会|[一二三四五六七八九十]大)$/;
export function addCongresses(text: string, words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!text.includes('大')) return ents;
  const list = new EntityCursor(ents);
  let bounds: Uint8Array | null = null;
  for (const m of text.matchAll(CONGRESS)) {
    const s = m.index!;
    const e = s + m[0].length;
    const before = list.endingAt(s);
    const party = before?.type === 'ORG' ? before : undefined;
    const full = m[0].startsWith('第');
    if (!full) {
      bounds ??= wordBounds(words, text.length);
      if (!(bounds[e]! & WORD_END) || (s > 0 && !(bounds[s]! & WORD_START))) continue;
      if (!party && m[0].length < 3) continue; // 七大, 十大: only as 民建|七大
    }
    addUnlessCrossing(list, 'ORG', party ? party.s : s, e);
  }
  return list.toArray();
}

/** Tags of words a region word would modify (西部|省份): then it is no name. */
const NOUN_POS = new Set(['n', 'nz', 'ns', 'nt', 'nr', 'vn', 'an', 'j', 'l', 'ng', 'x']);

/**
 * 1c. A bare region word (bare-regions.txt) standing for its region is a LOC: 来到|西部|从事,
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

/** A doctrine named after its author, as jieba writes it: one word tagged nr (邓小平理论, 毛泽东思想). */
const DOCTRINE = /^(.{2,4}?)(?:理论|思想|主义|精神)$/u;

/**
 * 1d. The person inside a doctrine's name is a PER (MSRA, People's Daily; the news guidelines tag a
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

/** 2. LOC + LOC with no gap, both administrative units or gazetteer provinces/cities: one LOC. */
export function mergeAdminChains(text: string, ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x of ents) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'LOC' && x.type === 'LOC' && prev.e === x.s) {
      const left = text.slice(prev.s, prev.e);
      const kind = gaz.places.get(left);
      const right = text.slice(x.s, x.e);
      const rightKind = gaz.places.get(right);
      const isAdmin = (w: string, k: number | undefined) => ADMIN_END.test(w) || (k !== undefined && k >= 2 && k <= 3);
      if (isAdmin(left, kind) && isAdmin(right, rightKind)) {
        out[out.length - 1] = { type: 'LOC', s: prev.s, e: x.e };
        continue;
      }
    }
    out.push({ ...x });
  }
  return out;
}

/**
 * 3. Longest organisation name ending in a strong head: walk left from the head over name words and
 * LOC/ORG entities; the name starts at the leftmost entity or proper-noun word of that chain.
 */
export function extendOrganisations(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  gaz: Gazetteers,
): EntityMatch[] {
  const list = new EntityCursor(ents);
  const lex = loadLexicon(gaz);
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

/** Is the word ending at e a single character? */
function endsOnLoneChar(words: readonly WordToken[], e: number): boolean {
  const w = words[wordIndexAt(words, e - 1)];
  return !!w && w.e === e && w.e - w.s === 1;
}

/** The strongest organisation head the name ends in: 2 strong (…大学), 1 weak (…会), 0 none. */
function headAtEnd(name: string, gaz: Gazetteers): number {
  let best = 0;
  for (let k = Math.min(gaz.orgMax, name.length); k >= 1 && best < 2; k--) best = Math.max(best, gaz.orgHeads.get(name.slice(-k)) ?? 0);
  return best;
}

/** Does the name end in an organisation head, weak or strong, or a congress (十五大)? */
function endsInHead(name: string, gaz: Gazetteers): boolean {
  return headAtEnd(name, gaz) > 0 || CONGRESS_END.test(name);
}

function endsInStrongHead(name: string, gaz: Gazetteers): boolean {
  return headAtEnd(name, gaz) === 2;
}

/**
 * 3a. Organisation spans the model cut in the wrong place:
 *   - an ORG that starts inside a gazetteer place name grows to the place's start (the line break fell
 *     inside 西海岸: 西海岸|新区新市民学院 -> 西海岸新区新市民学院);
 *   - an ORG that ends inside a jieba word is cut back to the last strong head ending on a word
 *     boundary (浙江大学研究生支|教团 -> 浙江大学), when it holds one;
 *   - a bare company head is no name (公司, 有限公司, 集团): dropped.
 */
export function repairOrganisations(text: string, words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const bounds = wordBounds(words, text.length);
  const names = loadLexicon(gaz).names;
  const out: EntityMatch[] = [];
  ents.forEach((x) => {
    if (x.type !== 'ORG') return out.push(x);
    const name = text.slice(x.s, x.e);
    if (/公司$|^集团$/.test(name) && gaz.orgHeads.get(name) === 2) return;
    let { s, e } = x;
    // Start inside a place: the earliest place that starts before it, on a word start, and ends inside.
    const prevEnd = out.length ? out[out.length - 1]!.e : 0;
    for (let ps = Math.max(prevEnd, s - gaz.placeMax + 1); ps < s; ps++) {
      if (bounds[ps]! & WORD_START && placeEndsIn(text, ps, s, e, names, gaz)) {
        s = ps;
        break;
      }
    }
    // Still inside a word (业|开发委员会 of 农业|开发|委员会): back to the start of that word, when it is
    // a noun-like word clear of the entity before.
    if (s === x.s && !(bounds[s]! & WORD_START)) {
      const w = words[wordIndexAt(words, s)];
      if (w && w.s < s && w.e > s && w.s >= prevEnd && (NAME_POS.has(w.pos) || w.pos === 'x')) s = w.s;
    }
    // End inside a word, or on a lone character that is no head (浙江大学研究生|支, jieba having split
    // 支教团): back to the last strong head that ends on a word boundary. (北京大学中文系 ends on a word.)
    if ((!(bounds[e]! & WORD_END) || (endsOnLoneChar(words, e) && !endsInHead(name, gaz))) && words.length) {
      for (let h = e - 1; h > s + 1; h--) {
        if (!(bounds[h]! & WORD_END)) continue;
        if (endsInStrongHead(text.slice(s, h), gaz)) {
          e = h;
          break;
        }
      }
    }
    out.push(s === x.s && e === x.e ? x : { ...x, s, e });
  });
  return out;
}

/** Verbs of joint action that stand between two bodies, never inside one's name: 区教育局|联合|市公安局. */
const JOINT_VERBS = new Set(['联合', '会同', '携手', '联手', '协同']);
/**
 * Conjunctions between two bodies: 山东大学青岛校区|与|海尔集团. Inside one body's name they join two
 * fields, never two bodies (劳动和社会保障部, 住房和城乡建设部), so the part before them ends in no
 * organisation head there.
 */
const JOINT_CONJUNCTIONS = new Set(['与', '和', '及', '同']);
/** A branch written after its body's name, which ends the name as a head would: 山东大学青岛校区. */
const BRANCH_END = /(?:校区|分校|分院|分部|分行|支行|分局|分会)$/;

/**
 * 3a'. Two bodies acting together are two organisations: an ORG of the model that runs over a verb of
 * joint action (jieba's own word, tagged as a verb) or a conjunction (jieba's word, tagged c or p)
 * between two names that each end in an organisation head is split there. 区教育局联合市公安局 ->
 * 区教育局 | 市公安局; 山东大学青岛校区与海尔集团 -> 山东大学青岛校区 | 海尔集团. (联合国, 联合会 are
 * words of their own.)
 */
export function splitJointBodies(text: string, words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const out: EntityMatch[] = [];
  for (const x of ents) {
    let s = x.s;
    if (x.type === 'ORG') {
      for (let k = wordIndexAt(words, x.s); k >= 0 && k < words.length && words[k]!.e < x.e; k++) {
        const w = words[k]!;
        if (w.s <= s) continue;
        const verb = JOINT_VERBS.has(w.word) && w.pos.startsWith('v');
        if (!verb && !(JOINT_CONJUNCTIONS.has(w.word) && (w.pos === 'c' || w.pos === 'p'))) continue;
        const left = text.slice(s, w.s);
        if (!(endsInHead(left, gaz) || (!verb && BRANCH_END.test(left))) || !endsInHead(text.slice(w.e, x.e), gaz)) continue;
        out.push({ ...x, s, e: w.s });
        s = w.e;
      }
    }
    out.push(s === x.s ? x : { ...x, s });
  }
  return out;
}

/** Bare levels that open a department's name: 市|教育局, 区|市场监督管理局. */
const DEPARTMENT_LEVELS = new Set([...'省市区县州镇乡']);

/**
 * 3b'. A local government department (departments.txt) written right after its place or its bare level
 * is one organisation: 胶州市|人力资源和社会保障局 -> ORG 胶州市人力资源和社会保障局, 市|住房和城乡建设局
 * -> ORG 市住房和城乡建设局 (the tagger, meeting 和 inside a name, often keeps only its tail). The name
 * ends on a word boundary; a level must open a word (全市|教育局 and 各市 are no level). Model entities
 * inside give way; a model ORG that starts inside the name and runs on past it starts at the place;
 * any other entity across it: the model decided.
 */
export function addDepartments(text: string, words: readonly WordToken[], ents: EntityMatch[], lex: Lexicon): EntityMatch[] {
  const trie = lex.departments;
  let list: EntityCursor | null = null;
  let bounds: Uint8Array | null = null;
  for (let s = 1; s < text.length; s++) {
    if (!trie.mayStart(text.charCodeAt(s))) continue;
    bounds ??= wordBounds(words, text.length);
    if (!(bounds[s]! & WORD_START)) continue;
    let e = 0;
    for (let node = 0, k = 0; s + k < text.length; k++) {
      node = trie.child(node, text.charCodeAt(s + k));
      if (node < 0) break;
      if (trie.isTerminal(node) && bounds[s + k + 1]! & WORD_END) e = s + k + 1;
    }
    if (!e) continue;
    list ??= new EntityCursor(ents);
    let start = placeEndingAt(list, s)?.s ?? -1;
    if (start < 0 && DEPARTMENT_LEVELS.has(text[s - 1]!) && bounds[s - 1]! & WORD_START) {
      start = placeEndingAt(list, s - 1)?.s ?? s - 1;
    }
    if (start < 0) continue;
    const touching = list.touching(start, e);
    if (touching.every((x) => x.s >= start && x.e <= e)) {
      list.replace({ type: 'ORG', s: start, e });
    } else {
      const runOn = touching.find((x) => x.e > e);
      if (!runOn || runOn.type !== 'ORG' || runOn.s < start || touching.some((x) => x !== runOn && (x.s < start || x.e > e))) continue;
      list.replace({ ...runOn, s: start }); // over the entities it touched, itself included
    }
    s = e - 1;
  }
  return list ? list.toArray() : ents;
}

/** The LOC of `list` ending at pos, if any. */
function placeEndingAt(list: EntityCursor, pos: number): EntityMatch | undefined {
  const x = list.endingAt(pos);
  return x?.type === 'LOC' ? x : undefined;
}

/** Does a gazetteer place start at s and end before e? */
function startsWithPlace(text: string, s: number, e: number, names: CharTrie, gaz: Gazetteers): boolean {
  return placeEndsIn(text, s, s + 1, e - 1, names, gaz);
}

/** Does a gazetteer place start at ps and end in (lo, hi]? One walk of the names trie (places and known names). */
function placeEndsIn(text: string, ps: number, lo: number, hi: number, names: CharTrie, gaz: Gazetteers): boolean {
  for (let node = 0, k = ps; k < hi; k++) {
    node = names.child(node, text.charCodeAt(k));
    if (node < 0) return false;
    if (k + 1 > lo && names.isTerminal(node) && gaz.places.has(text.slice(ps, k + 1))) return true;
  }
  return false;
}

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
 * 3b. An organisation written after its province (or country) and its own city or county starts at
 * the latter: 江苏省|徐州市中级人民法院, 河南省|南阳市委 (the MSRA and People's Daily convention: a body
 * name opens with its nearest place). Only a full-form province (江苏省, 北京市) or a country, and a
 * city or county: 广西柳州市鱼峰区残联 stays one name, as the news guidelines write such names.
 */
export function splitOuterPlaces(text: string, ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const names = loadLexicon(gaz).names;
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

/** 3c. A place directly followed by 开发区/高新区...: the zone's name, used for its management body (ORG). */
export function joinZones(text: string, ents: EntityMatch[]): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'LOC') return x;
    const m = ZONE_HEAD.exec(text.slice(x.e, x.e + 3));
    if (!m || overlapsIn(ents, x.e, x.e + m[0].length)) return x;
    return { type: 'ORG', s: x.s, e: x.e + m[0].length };
  });
}

/** A term's ordinal written right before its body: 第九届, 九届, 第十二届 (Arabic digits too). */
const TERM_ORDINAL = /(?:第)?(?:[一二三四五六七八九十百零〇两]{1,4}|[0-9０-９]{1,3})届$/;
/** Bodies elected for a term, whose official name carries it (第十三届全国人民代表大会, 第五届全国政协). */
const TERM_BODY = /(?:代表大会|人大|政协|委员会|常委会|立法会)$/;

/**
 * 3c'. A body's term ordinal belongs to its name (MSRA: 第十三届全国人大, 九届全国人大, 第十届全国政协;
 * the news guidelines' longest full name as written): such a body right after one starts at it.
 * Only bodies elected for a term (TERM_BODY): in 第五届亚足联大会 the ordinal counts the congress, not
 * 亚足联. People's Daily leaves the ordinal out (全国政协 in 第五届全国政协), but writes it far less
 * often than MSRA writes it in (3 against 25 times in the training text).
 */
export function joinTermOrdinals(text: string, ents: EntityMatch[]): EntityMatch[] {
  if (!text.includes('届')) return ents;
  return ents.map((x, k) => {
    if (x.type !== 'ORG' || text[x.s - 1] !== '届' || !TERM_BODY.test(text.slice(x.s, x.e))) return x;
    const m = TERM_ORDINAL.exec(text.slice(Math.max(0, x.s - 6), x.s));
    if (!m) return x;
    const s = x.s - m[0].length;
    const prev = ents[k - 1];
    return prev && prev.e > s ? x : { ...x, s };
  });
}

/**
 * 3d. A LOC directly followed by a place suffix (place-suffixes.txt) written as a whole jieba word,
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

/**
 * 3e. A PER never ends inside a word jieba tags as a name (nr): 赵|明星 with the tagger's PER 赵明
 * grows to 赵明星; nor inside an untagged word (x, mostly names) that it opens. Only when the name stays
 * short (at most 4 characters) and touches no other entity.
 */
export function snapPersons(words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!ents.some((x) => x.type === 'PER')) return ents;
  return ents.map((x, k) => {
    if (x.type !== 'PER') return x;
    const w = words[wordIndexAt(words, x.e - 1)];
    if (!w || !(w.s < x.e && x.e < w.e) || (w.pos !== 'nr' && !(w.pos === 'x' && w.s === x.s)) || w.e - x.s > 4) return x;
    const next = ents[k + 1];
    if (next && next.s < w.e) return x;
    return { ...x, e: w.e };
  });
}

/**
 * 3g. An ORG that opens an untagged word (x: the segmentation vocabularies' names) and stops inside
 * it runs to the word's end, over what the tagger found inside: 亚洲足球联合会|理事会 -> 亚洲足球联合会理事会.
 */
export function snapToNameWords(words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const out: EntityMatch[] = [];
  let until = -1;
  for (const x of ents) {
    if (x.s < until) continue;
    if (x.type === 'ORG') {
      const w = words[wordIndexAt(words, x.e - 1)];
      if (w && w.pos === 'x' && w.s >= x.s && w.s < x.e && x.e < w.e) {
        out.push({ ...x, e: w.e });
        until = w.e;
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

/** Marks that join the parts of one transliterated name: 让—皮埃尔, 让·雅克. */
const NAME_JOINERS = new Set([...DASHES, '·', '•', '・']);

/** 3f. Two persons with only a dash or a middle dot between them are one double-barrelled name: 让—皮埃尔. */
export function joinDashedNames(text: string, ents: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x of ents) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'PER' && x.type === 'PER' && x.s === prev.e + 1 && NAME_JOINERS.has(text[prev.e]!)) {
      out[out.length - 1] = { ...prev, e: x.e };
    } else out.push(x);
  }
  return out;
}

/** Heads of administrative bodies: a name ending so is the body, never the place. */
const BODY_END = /(?:办事处|委员会|管委会|居委会|村委会|政府|党委|党工委|工委|人民法院|人民检察院|公安局)$/;

/**
 * 3h'. A "place" written with a body's head is that body: 薛家岛街道办事处, X村村委会 are organisations
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

/**
 * 3h. A "person" written as a place with its administrative level (台北市, 会宁县) is that place: no
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

/** 4a. Entities never start or end on punctuation or space: ”工委组织部 -> 工委组织部. */
export function trimEdges(text: string, ents: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x0 of ents) {
    const x = x0.type === 'ORG' ? balanceQuotes(text, x0, ents) : x0;
    const t = text.slice(x.s, x.e);
    let lead = /^[\p{P}\p{S}\s]+/u.exec(t)?.[0].length ?? 0;
    const trail = /[\p{P}\p{S}\s]+$/u.exec(t)?.[0].length ?? 0;
    // An opening mark closed inside the name is part of it: “春蕾计划”办公室, 《读者》杂志社.
    if (lead === 1 && trail < t.length - 1) {
      const close = CLOSER[t[0]!];
      const at = close ? t.indexOf(close, 1) : -1;
      if (at > 0 && at < t.length - trail - 1) lead = 0;
    }
    if (lead + trail >= t.length) continue;
    out.push(lead || trail ? { ...x, s: x.s + lead, e: x.e - trail } : x);
  }
  return out;
}

/**
 * A count of places written after their region: 三省, 九市, 五国, 两区. Not 州: 九州 is a name
 * (日本九州), and counts of prefectures belong to old texts.
 */
const PLACE_COUNT = /[一二三四五六七八九十两]{1,3}[省市县区国]$/;

/**
 * 4a'. A place never ends in a count of the places inside it: 长三角|三省, 珠三角|九市, 中亚|五国 are
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

/** Characters that never belong to a name cut into single characters after a title (function words). */
const NOT_IN_NAME = new Set([...'的地得了着过在和与及或对向从为被把将也都就说是又于等们兼一并还所会要能可已曾再才均各该其之以而且但则即便由给让叫请']);

/**
 * 4b. A foreign name after its country and title that jieba cut into single characters, each a word of
 * its own (美国|总统|拜|登|表示: the HMM splits an unknown transliteration into verbs), and the model
 * missed: two to five such characters right after a title head (titles.txt) that directly follows a
 * place, none of them a function word, form a PER — when no entity touches them. The place is what
 * makes it a foreign dignitary's name: after a bare title the single characters are mostly a verb
 * jieba split (主席|登|上, 总理|发|来).
 */
export function addTitledForeignNames(words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  let list: EntityCursor | null = null;
  // From each place: the word right after it, when it ends in a title (a handful of places per passage,
  // so the words are not all visited).
  for (const place of ents) {
    if (place.type !== 'LOC') continue;
    const i = wordIndexAt(words, place.e);
    const w = words[i];
    if (!w || w.s !== place.e || !endsInTitle(w.word, gaz.titles, gaz.titleMax)) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 5) {
      const x = words[j]!;
      if (x.e - x.s !== 1 || !/\p{Script=Han}/u.test(x.word) || NOT_IN_NAME.has(x.word)) break;
      j++;
    }
    const count = j - i - 1;
    if (count < 2 || count > 5) continue;
    const s = words[i + 1]!.s;
    const e = words[j - 1]!.e;
    list ??= new EntityCursor(ents);
    if (list.overlaps(s, e)) continue;
    list.replace({ type: 'PER', s, e });
  }
  return list ? list.toArray() : ents;
}

/** Does a word end in a title head (总统, 外长, 发言人 …) of `titles`, none longer than `max`? */
function endsInTitle(word: string, titles: ReadonlySet<string>, max: number): boolean {
  for (let k = Math.min(max, word.length); k >= 1; k--) if (titles.has(word.slice(-k))) return true;
  return false;
}

/** Opening mark -> closing mark (book titles too, unlike the slogans' quotes), and the reverse. */
const CLOSER: Record<string, string> = { '《': '》', '“': '”', '『': '』', '「': '」', '‘': '’' };
const OPENER: Record<string, string> = Object.fromEntries(Object.entries(CLOSER).map(([o, c]) => [c, o]));

/**
 * An ORG holding a closing mark whose opening mark lies just before it grows to take it: the model's
 * 读者》杂志社 of 《读者》杂志社 (no further than 20 characters back, not past other punctuation or an entity).
 */
function balanceQuotes(text: string, x: EntityMatch, ents: readonly EntityMatch[]): EntityMatch {
  for (let i = x.s; i < x.e; i++) {
    const open = OPENER[text[i]!];
    if (!open) continue;
    if (occursIn(text, open, x.s, i)) continue; // opened inside
    for (let j = x.s - 1; j >= 0 && j >= x.s - 20; j--) {
      const c = text[j]!;
      if (c === open) return overlapsIn(ents, j, x.s) ? x : { ...x, s: j };
      if (/[\p{P}\s]/u.test(c)) break;
    }
    return x;
  }
  return x;
}

/** Does the one-unit string `ch` stand in text[from, to)? (Bounded: lastIndexOf would search to the text's start.) */
function occursIn(text: string, ch: string, from: number, to: number): boolean {
  const c = ch.charCodeAt(0);
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === c) return true;
  return false;
}

/**
 * 5. Titles written before each PER, split at 、: 区政协党组书记、主席逯鹰 -> [区政协党组书记, 主席]. The
 * heads are titles.txt's and titles-attach.txt's (Lexicon.titles).
 */
export function attachTitles(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  gaz: Gazetteers,
  lex: Lexicon = loadLexicon(gaz),
): EntityMatch[] {
  const wordEnding = new WordEnds(words, text.length);
  const heads = lex.titlesBack;
  return ents.map((p) => {
    if (p.type !== 'PER') return p;
    const titles: string[] = [];
    let cur = p.s;
    for (;;) {
      // The longest title ending at cur.
      let headLen = 0;
      for (let node = 0, k = 1, kMax = Math.min(lex.titleMax, cur); k <= kMax; k++) {
        node = heads.child(node, text.charCodeAt(cur - k));
        if (node < 0) break;
        if (heads.isTerminal(node)) headLen = k;
      }
      if (!headLen) break;
      let start = cur - headLen;
      while (start > 0 && cur - start < 24) {
        const before = endingAtIn(ents, start);
        const ent = before && before.type !== 'PER' ? before : undefined;
        if (ent) {
          start = ent.s;
          continue;
        }
        const w = wordEnding.at(start);
        if (!w || overlapsIn(ents, w.s, w.e, isPerson)) break;
        if (!TITLE_POS.has(w.pos) && !lex.titles.has(w.word) && !gaz.orgHeads.has(w.word)) break;
        if (/^[\d.]+$/.test(w.word)) break;
        start = w.s;
      }
      titles.unshift(text.slice(start, cur));
      if (start > 1 && text[start - 1] === '、') cur = start - 1;
      else break;
    }
    return titles.length ? { ...p, titles } : p;
  });
}

const isPerson = (x: EntityMatch) => x.type === 'PER';

/** Runs every post-rule; input and output are UTF-16 matches of the model over `text`. */
export function applyPostRules(text: string, words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  const gaz = loadGazetteers();
  const lex = loadLexicon(gaz);
  let out = sortEnts(ents.map((x) => ({ ...x })));
  out = addKnownNames(text, words, out, gaz, lex);
  out = addCongresses(text, words, out);
  out = addRegions(text, words, out, lex);
  out = addDoctrineAuthors(words, out);
  out = mergeAdminChains(text, out, gaz);
  out = extendOrganisations(text, words, out, gaz);
  out = repairOrganisations(text, words, out, gaz);
  out = splitJointBodies(text, words, out, gaz);
  out = addDepartments(text, words, out, lex);
  out = splitOuterPlaces(text, out, gaz);
  out = joinZones(text, out);
  out = joinTermOrdinals(text, out);
  out = joinPlaceSuffixes(words, out, lex);
  out = snapPersons(words, out);
  out = joinDashedNames(text, out);
  out = snapToNameWords(words, out);
  out = placesNotPersons(text, out, gaz);
  out = bodiesNotPlaces(text, out);
  out = trimEdges(text, out).filter((x) => !lex.notEntities.has(text.slice(x.s, x.e)));
  out = trimPlaceCounts(text, out, gaz);
  out = addTitledForeignNames(words, out, gaz);
  return attachTitles(text, words, out, gaz, lex);
}
