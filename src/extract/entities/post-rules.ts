// Post-rules over the tagger's output, for patterns the character model gets wrong on news text.
//
// All work in UTF-16 offsets of the width-folded passage text, in this order:
//   1. known names (dicts/ner/known-names.txt) and gazetteer places the model missed or cut short
//      are added (工业和|信息化部 -> 工业和信息化部);
//   2. adjacent administrative names join into one LOC: 山东省|青岛市 -> 山东省青岛市 (the news
//      guidelines' convention; MSRA/PD-1998 split such chains, so this costs F1 on those sets);
//   3. an organisation head (公司, 大学, 工委 ... strong heads of dicts/ner/org-suffixes.txt) after a
//      named head takes the longest ORG: 中国石化|青岛|炼化公司 -> 中国石化青岛炼化公司;
//   3b. a place + 开发区/高新区 is the zone's body: 青岛|开发区 -> ORG 青岛开发区 (seed-page convention);
//   4. edge punctuation is trimmed (”工委组织部 -> 工委组织部) and stop-listed spans are dropped (dicts/ner/not-entities.txt: 我国, 全国, 中央 ...);
//   5. each PER gets the titles written right before it: 区政协党组书记、主席逯鹰 ->
//      titles ['区政协党组书记', '主席'].

import { readDict } from '../../dicts.js';
import type { EntityType } from '../../types.js';
import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import { loadGazetteers, type Gazetteers } from './features.js';

interface Lexicon {
  /** Known organisation names -> type. */
  known: Map<string, EntityType>;
  knownMax: number;
  notEntities: Set<string>;
}

let lexicon: Lexicon | null = null;
function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const known = new Map<string, EntityType>();
  for (const r of readDict('ner/known-names.txt', 2)) known.set(r.fields[0]!, r.fields[1] as EntityType);
  const notEntities = new Set(readDict('ner/not-entities.txt').map((r) => r.fields[0]!));
  lexicon = { known, knownMax: Math.max(1, ...[...known.keys()].map((k) => k.length)), notEntities };
  return lexicon;
}

/** Administrative unit endings: a LOC ending so is the head of a chain that may continue. */
const ADMIN_END = /(?:省|市|县|区|州|盟|旗|镇|乡|村|自治区|自治州|自治县|特别行政区)$/;

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

function overlapsAnyEnt(s: number, e: number, ents: readonly EntityMatch[]): boolean {
  return ents.some((x) => x.s < e && s < x.e);
}

function sortEnts(ents: EntityMatch[]): EntityMatch[] {
  return ents.sort((a, b) => a.s - b.s || b.e - a.e);
}

/**
 * 1. Dictionary names the model missed or cut short. A known name (known-names.txt) or a gazetteer
 * place of country/province/city kind (or a region name of three or more characters: 长江经济带) is
 * added when it starts on a word boundary, does not cross a model entity, and either ends on a word
 * boundary or is a known name of three or more characters (全国人大|代表). Model entities inside it
 * give way: 工业和|信息化部 -> 工业和信息化部.
 */
export function addKnownNames(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  gaz: Gazetteers,
  lex: Lexicon,
): EntityMatch[] {
  const starts = new Set(words.map((w) => w.s));
  const ends = new Set(words.map((w) => w.e));
  for (const x of ents) {
    starts.add(x.s);
    ends.add(x.e);
  }
  let out = ents;
  const max = Math.max(lex.knownMax, gaz.placeMax);
  for (let s = 0; s < text.length; s++) {
    if (!starts.has(s)) continue;
    for (let e = Math.min(text.length, s + max); e > s + 1; e--) {
      const w = text.slice(s, e);
      const known = lex.known.get(w);
      const place = gaz.places.get(w);
      const type: EntityType | undefined =
        known ?? (place !== undefined && (place <= 3 || w.length >= 3) ? 'LOC' : undefined);
      if (!type) continue;
      if (!ends.has(e) && !(known && w.length >= 3)) continue;
      const touching = out.filter((x) => x.s < e && s < x.e);
      if (touching.some((x) => x.s < s || x.e > e)) continue; // crosses or lies inside a model entity
      if (touching.length === 1 && touching[0]!.s === s && touching[0]!.e === e) break; // already there
      out = sortEnts([...out.filter((x) => !touching.includes(x)), { type, s, e }]);
      s = e - 1;
      break;
    }
  }
  return out;
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
  let out = ents;
  const wordEnding = new Map(words.map((w) => [w.e, w]));
  for (let e = 1; e <= text.length; e++) {
    let headLen = 0;
    for (let k = Math.min(gaz.orgMax, e); k >= 2; k--) {
      if (gaz.orgHeads.get(text.slice(e - k, e)) === 2) {
        headLen = k;
        break;
      }
    }
    if (!headLen) continue;
    const head = e - headLen;
    // The model's ORG may already end at the head (社会组织工委): walk on from its start. Any other
    // entity running across the head: the model decided, leave it.
    const org = out.find((x) => x.type === 'ORG' && x.s <= head && x.e === e);
    if (!org && out.some((x) => x.s < e && x.e > head)) continue;
    let start = org ? org.s : head;
    let nameStart = org ? org.s : -1;
    let units = org ? 1 : 0;
    let conj = false;
    while (start > 0 && e - start < 30) {
      const ent = out.find((x) => x.e === start && (x.type === 'ORG' || x.type === 'LOC'));
      // A complete organisation further left, past other words, is a second body: 青岛海关|所属|黄岛海关.
      if (ent && ent.type === 'ORG' && units > 1 && endsInStrongHead(text.slice(ent.s, ent.e), gaz)) break;
      if (ent) {
        start = ent.s;
        nameStart = start;
        units++;
        continue;
      }
      const w = wordEnding.get(start);
      if (!w) break;
      if ((w.word === '和' || w.word === '与') && units > 0) {
        start = w.s;
        conj = true;
        units++;
        continue;
      }
      if (!NAME_POS.has(w.pos) && !gaz.orgHeads.has(w.word)) break;
      if (out.some((x) => x.s < w.e && w.s < x.e)) break; // a PER or a partly covered word
      start = w.s;
      units++;
      // A proper noun, or a bare administrative level standing for its body (区|社会治理中心).
      if (PROPER_POS.has(w.pos) || ADMIN_LEVEL.has(w.word)) nameStart = start;
    }
    if (nameStart < 0 || units < 2 || (org && nameStart === org.s)) continue;
    if (conj && !out.some((x) => x.s === nameStart && x.type === 'ORG')) continue;
    const keep = out.filter((x) => x.e <= nameStart || x.s >= e);
    out = sortEnts([...keep, { type: 'ORG', s: nameStart, e }]);
  }
  return out;
}

function endsInStrongHead(name: string, gaz: Gazetteers): boolean {
  for (let k = Math.min(gaz.orgMax, name.length); k >= 2; k--) if (gaz.orgHeads.get(name.slice(-k)) === 2) return true;
  return false;
}

/** 3b. A place directly followed by 开发区/高新区...: the zone's name, used for its management body (ORG). */
export function joinZones(text: string, ents: EntityMatch[]): EntityMatch[] {
  return ents.map((x) => {
    if (x.type !== 'LOC') return x;
    const m = ZONE_HEAD.exec(text.slice(x.e, x.e + 3));
    if (!m || ents.some((y) => y.s < x.e + m[0].length && y.e > x.e)) return x;
    return { type: 'ORG', s: x.s, e: x.e + m[0].length };
  });
}

/** 4a. Entities never start or end on punctuation or space: ”工委组织部 -> 工委组织部. */
export function trimEdges(text: string, ents: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x of ents) {
    const t = text.slice(x.s, x.e);
    const lead = /^[\p{P}\p{S}\s]+/u.exec(t)?.[0].length ?? 0;
    const trail = /[\p{P}\p{S}\s]+$/u.exec(t)?.[0].length ?? 0;
    if (lead + trail >= t.length) continue;
    out.push(lead || trail ? { ...x, s: x.s + lead, e: x.e - trail } : x);
  }
  return out;
}

/** 5. Titles written before each PER, split at 、: 区政协党组书记、主席逯鹰 -> [区政协党组书记, 主席]. */
export function attachTitles(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  gaz: Gazetteers,
): EntityMatch[] {
  const wordEnding = new Map(words.map((w) => [w.e, w]));
  return ents.map((p) => {
    if (p.type !== 'PER') return p;
    const titles: string[] = [];
    let cur = p.s;
    for (;;) {
      let headLen = 0;
      for (let k = Math.min(gaz.titleMax, cur); k >= 1; k--) {
        if (gaz.titles.has(text.slice(cur - k, cur))) {
          headLen = k;
          break;
        }
      }
      if (!headLen) break;
      let start = cur - headLen;
      while (start > 0 && cur - start < 24) {
        const ent = ents.find((x) => x.e === start && x.type !== 'PER');
        if (ent) {
          start = ent.s;
          continue;
        }
        const w = wordEnding.get(start);
        if (!w || ents.some((x) => x.type === 'PER' && x.s < w.e && w.s < x.e)) break;
        if (!TITLE_POS.has(w.pos) && !gaz.titles.has(w.word) && !gaz.orgHeads.has(w.word)) break;
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

/** Runs every post-rule; input and output are UTF-16 matches of the model over `text`. */
export function applyPostRules(text: string, words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  const gaz = loadGazetteers();
  const lex = loadLexicon();
  let out = sortEnts(ents.map((x) => ({ ...x })));
  out = addKnownNames(text, words, out, gaz, lex);
  out = mergeAdminChains(text, out, gaz);
  out = extendOrganisations(text, words, out, gaz);
  out = joinZones(text, out);
  out = trimEdges(text, out).filter((x) => !lex.notEntities.has(text.slice(x.s, x.e)));
  return attachTitles(text, words, out, gaz);
}
