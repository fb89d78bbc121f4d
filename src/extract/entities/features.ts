// Features of the entity tagger: what the model sees at each character.
//
// A feature is a number key = template * 2^48 + payload, where the payload packs character ids,
// a word hash or gazetteer flags. Training (src/tools/train-ner.ts) and tagging call the same
// `extractKeys`, so the two can never drift apart. Per character (window -3..+3):
//   - character uni-, bi- and trigrams, one skip bigram, a 5-character type pattern (CJK / digit /
//     Latin / Chinese numeral / punctuation);
//   - the jieba word the character sits in: position B/M/E/S, POS, word identity (hashed), the POS
//     and identity of the neighbouring words (jieba's nr/ns/nt tags carry a lot of name knowledge);
//   - gazetteers from dicts/ner/: place-name matches (B/M/E/S + kind), an organisation head ending
//     here or starting next (…公司, …大学), a title ending just before or starting just after (主任|郑栅洁).
// Digits are folded to 0 and Latin letters to lower case before the character lookup, so 1998年 and
// 2026年 share features.

import { readDict } from '../../dicts.js';
import type { WordToken } from '../../segment/segmenter.js';

const P16 = 65536;
const P32 = 4294967296;
const P48 = 281474976710656;

// Reserved character ids: padding and unknown characters by type.
const ID_PAD = 0;
const ID_UNK_BASE = 1; // + char type (1..7)
export const FIRST_VOCAB_ID = 16;

// Character types.
const T_CJK = 1;
const T_DIGIT = 2;
const T_LATIN = 3;
const T_NUMERAL = 4;
const T_PUNCT = 5;
const T_SPACE = 6;
const T_OTHER = 7;

const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两廿卅'.split(''));

export function charType(c: string): number {
  if (c >= '0' && c <= '9') return T_DIGIT;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return T_LATIN;
  if (NUMERALS.has(c)) return T_NUMERAL;
  const x = c.codePointAt(0) ?? 0;
  if ((x >= 0x3400 && x <= 0x9fff) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0x20000 && x <= 0x3134f)) return T_CJK;
  if (/\s/.test(c)) return T_SPACE;
  if (/[\p{P}\p{S}]/u.test(c)) return T_PUNCT;
  return T_OTHER;
}

/** The form a character is looked up under: digits -> 0, Latin -> lower case. */
export function charForm(c: string): string {
  if (c >= '0' && c <= '9') return '0';
  if (c >= 'A' && c <= 'Z') return c.toLowerCase();
  return c;
}

/** Character -> id table of a model (ids from FIRST_VOCAB_ID; unknown characters get an id per type). */
export class CharVocab {
  private readonly ids = new Map<string, number>();
  constructor(readonly chars: readonly string[]) {
    chars.forEach((c, i) => this.ids.set(c, FIRST_VOCAB_ID + i));
  }
  id(c: string): number {
    return this.ids.get(charForm(c)) ?? ID_UNK_BASE + charType(c);
  }
}

/**
 * A word table with prefix and suffix sets, so longest-match scans stop as soon as no entry can
 * continue: 中华人民共和国 is found from 中 without trying every length up to the longest entry.
 */
export class WordDict<V> {
  private readonly prefixes = new Set<string>();
  private readonly suffixes = new Set<string>();
  readonly maxLen: number;
  constructor(readonly map: ReadonlyMap<string, V>) {
    let max = 1;
    for (const w of map.keys()) {
      const cs = Array.from(w);
      max = Math.max(max, cs.length);
      for (let k = 1; k <= cs.length; k++) {
        this.prefixes.add(cs.slice(0, k).join(''));
        this.suffixes.add(cs.slice(cs.length - k).join(''));
      }
    }
    this.maxLen = max;
  }
  /** Is `w` the beginning of some entry? */
  hasPrefix(w: string): boolean {
    return this.prefixes.has(w);
  }
  /** Length (code points) of the longest entry starting at chars[i], at least minLen; 0 if none. */
  longestAt(chars: readonly string[], i: number, minLen = 1): number {
    let w = '';
    let best = 0;
    for (let k = 0; i + k < chars.length; k++) {
      w += chars[i + k];
      if (!this.prefixes.has(w)) break;
      if (k + 1 >= minLen && this.map.has(w)) best = k + 1;
    }
    return best;
  }
  /** Length of the longest entry ending at chars[i] (inclusive), at least minLen; 0 if none. */
  longestEndingAt(chars: readonly string[], i: number, minLen = 1): number {
    let w = '';
    let best = 0;
    for (let k = 0; i - k >= 0; k++) {
      w = chars[i - k] + w;
      if (!this.suffixes.has(w)) break;
      if (k + 1 >= minLen && this.map.has(w)) best = k + 1;
    }
    return best;
  }
  get(chars: readonly string[], s: number, len: number): V | undefined {
    return this.map.get(chars.slice(s, s + len).join(''));
  }
}

export interface Gazetteers {
  /** Place name -> kind (1 country, 2 province, 3 city, 4 region). */
  places: Map<string, number>;
  placeMax: number;
  /** Organisation head -> 1 weak, 2 strong. */
  orgHeads: Map<string, number>;
  orgMax: number;
  titles: Set<string>;
  titleMax: number;
  placeDict: WordDict<number>;
  orgDict: WordDict<number>;
  titleDict: WordDict<boolean>;
}

const PLACE_KINDS: Record<string, number> = { country: 1, province: 2, city: 3, region: 4 };

let gazetteers: Gazetteers | null = null;

/** The gazetteers in dicts/ner/ (loaded once). */
export function loadGazetteers(): Gazetteers {
  if (gazetteers) return gazetteers;
  const places = new Map<string, number>();
  for (const r of readDict('ner/places.txt', 2)) places.set(r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 4);
  const orgHeads = new Map<string, number>();
  for (const r of readDict('ner/org-suffixes.txt', 2)) orgHeads.set(r.fields[0]!, r.fields[1] === 'strong' ? 2 : 1);
  const titles = new Set(readDict('ner/titles.txt').map((r) => r.fields[0]!));
  const maxLen = (keys: Iterable<string>) => Math.max(1, ...[...keys].map((k) => [...k].length));
  gazetteers = {
    places,
    placeMax: maxLen(places.keys()),
    orgHeads,
    orgMax: maxLen(orgHeads.keys()),
    titles,
    titleMax: maxLen(titles),
    placeDict: new WordDict(places),
    orgDict: new WordDict(orgHeads),
    titleDict: new WordDict(new Map([...titles].map((t) => [t, true]))),
  };
  return gazetteers;
}

/** A jieba word in code-point offsets of the character array. */
export interface CpWord {
  word: string;
  pos: string;
  s: number;
  e: number;
}

/** A text as code points, with the UTF-16 offset of each code point (and of the end). */
export interface CharText {
  chars: string[];
  /** utf16[i]: UTF-16 index of code point i; utf16[n] = text.length. */
  utf16: Int32Array;
}

export function toCharText(text: string): CharText {
  const chars = Array.from(text);
  const utf16 = new Int32Array(chars.length + 1);
  let u = 0;
  for (let i = 0; i < chars.length; i++) {
    utf16[i] = u;
    u += chars[i]!.length;
  }
  utf16[chars.length] = u;
  return { chars, utf16 };
}

/** jieba tokens (UTF-16 offsets) -> code-point offsets; tokens that do not line up are skipped. */
export function toCpWords(ct: CharText, words: readonly WordToken[]): CpWord[] {
  const n = ct.chars.length;
  const len = ct.utf16[n]!;
  const cpOf = new Int32Array(len + 1).fill(-1);
  for (let i = 0; i <= n; i++) cpOf[ct.utf16[i]!] = i;
  const out: CpWord[] = [];
  for (const w of words) {
    const s = w.s >= 0 && w.s <= len ? cpOf[w.s]! : -1;
    const e = w.e >= 0 && w.e <= len ? cpOf[w.e]! : -1;
    if (s < 0 || e < 0 || e <= s) continue;
    out.push({ word: w.word, pos: w.pos, s, e });
  }
  return out;
}

/** 32-bit FNV-1a of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const hash16 = (s: string): number => {
  const h = hash32(s);
  return (h ^ (h >>> 16)) & 0xffff;
};

export const NUM_TEMPLATES = 36;

/**
 * Feature keys of every character: a flat array of n * NUM_TEMPLATES numbers, -1 where a template
 * does not fire. `words` must tile the characters (jieba tokens of the same text).
 */
export function extractKeys(
  chars: string[],
  words: readonly CpWord[],
  vocab: CharVocab,
  gaz: Gazetteers,
  lexicon: WordDict<number> | null,
): Float64Array {
  const n = chars.length;
  const NT = NUM_TEMPLATES;
  const out = new Float64Array(n * NT).fill(-1);
  if (n === 0) return out;

  // Padded id and type arrays: index i + 3 holds character i.
  const PAD = 3;
  const id = new Int32Array(n + 2 * PAD).fill(ID_PAD);
  const ty = new Int32Array(n + 2 * PAD);
  for (let i = 0; i < n; i++) {
    id[i + PAD] = vocab.id(chars[i]!);
    ty[i + PAD] = charType(chars[i]!);
  }

  // Word of each character: boundary (0 B, 1 M, 2 E, 3 S), word number.
  const bnd = new Int32Array(n).fill(3);
  const wordOf = new Int32Array(n).fill(-1);
  words.forEach((w, k) => {
    for (let i = w.s; i < w.e && i < n; i++) {
      wordOf[i] = k;
      bnd[i] = w.e - w.s === 1 ? 3 : i === w.s ? 0 : i === w.e - 1 ? 2 : 1;
    }
  });
  const wHash = words.map((w) => hash32(w.word));
  const wPos = words.map((w) => hash16(w.pos));

  // Place gazetteer, greedy longest match left to right: tag (1 B, 2 M, 3 E, 4 S) and kind.
  const placeTag = new Int32Array(n + 2);
  const placeKind = new Int32Array(n);
  for (let i = 0; i < n; ) {
    const len = gaz.placeDict.longestAt(chars, i, 2);
    if (len >= 2) {
      const kind = gaz.placeDict.get(chars, i, len)!;
      for (let k = 0; k < len; k++) {
        placeTag[i + k + 1] = k === 0 ? 1 : k === len - 1 ? 3 : 2;
        placeKind[i + k] = kind;
      }
      i += len;
    } else i++;
  }
  const orgStrength = (s: number, len: number) => gaz.orgDict.get(chars, s, len) ?? 0;

  // Names seen in the training data (see NameLexicon): greedy longest match, tag (1 B, 2 M, 3 E, 4 S)
  // and type, plus the longest entry starting and ending at each character.
  const lexTag = new Int32Array(n + 2);
  const lexType = new Int32Array(n);
  if (lexicon) {
    for (let i = 0; i < n; ) {
      const len = lexicon.longestAt(chars, i, 2);
      if (len) {
        const t = lexicon.get(chars, i, len)!;
        for (let k = 0; k < len; k++) {
          lexTag[i + k + 1] = k === 0 ? 1 : k === len - 1 ? 3 : 2;
          lexType[i + k] = t;
        }
        i += len;
      } else i++;
    }
  }

  const key = (t: number, payload: number) => t * P48 + payload;
  for (let i = 0; i < n; i++) {
    const o = i * NT;
    const c = i + PAD;
    const m3 = id[c - 3]!, m2 = id[c - 2]!, m1 = id[c - 1]!, c0 = id[c]!, p1 = id[c + 1]!, p2 = id[c + 2]!, p3 = id[c + 3]!;
    out[o + 0] = key(0, m3);
    out[o + 1] = key(1, m2);
    out[o + 2] = key(2, m1);
    out[o + 3] = key(3, c0);
    out[o + 4] = key(4, p1);
    out[o + 5] = key(5, p2);
    out[o + 6] = key(6, p3);
    out[o + 7] = key(7, m2 * P16 + m1);
    out[o + 8] = key(8, m1 * P16 + c0);
    out[o + 9] = key(9, c0 * P16 + p1);
    out[o + 10] = key(10, p1 * P16 + p2);
    out[o + 11] = key(11, m2 * P32 + m1 * P16 + c0);
    out[o + 12] = key(12, m1 * P32 + c0 * P16 + p1);
    out[o + 13] = key(13, c0 * P32 + p1 * P16 + p2);
    out[o + 14] = key(14, m1 * P16 + p1);
    out[o + 15] = key(15, ty[c - 2]! * 4096 + ty[c - 1]! * 512 + ty[c]! * 64 + ty[c + 1]! * 8 + ty[c + 2]!);
    out[o + 16] = key(16, 0); // bias

    const k = wordOf[i]!;
    if (k >= 0) {
      const b = bnd[i]!;
      const w = words[k]!;
      const len = Math.min(w.e - w.s, 7);
      const pos = wPos[k]!;
      const prevPos = k > 0 ? wPos[k - 1]! : 0xffff;
      const nextPos = k + 1 < words.length ? wPos[k + 1]! : 0xffff;
      out[o + 17] = key(17, pos * 4 + b);
      out[o + 18] = key(18, wHash[k]! * 4 + b);
      out[o + 19] = key(19, (prevPos * P16 + pos) * 4 + b);
      out[o + 20] = key(20, (nextPos * P16 + pos) * 4 + b);
      out[o + 21] = key(21, (pos * 8 + len) * 4 + b);
      if (b === 0 || b === 3) out[o + 22] = key(22, k > 0 ? wHash[k - 1]! : 0);
      if (b === 2 || b === 3) out[o + 23] = key(23, k + 1 < words.length ? wHash[k + 1]! : 0);
      // The character itself with its word position and POS: 张 as the first char of an nr word.
      out[o + 24] = key(24, (c0 * P16 + pos) * 4 + b);
    }

    const pt = placeTag[i + 1]!;
    if (pt) out[o + 25] = key(25, pt * 8 + placeKind[i]!);
    out[o + 26] = key(26, placeTag[i]! * 64 + pt * 8 + placeTag[i + 2]!);

    const orgEnd = gaz.orgDict.longestEndingAt(chars, i);
    if (orgEnd) out[o + 27] = key(27, orgEnd * 4 + orgStrength(i - orgEnd + 1, orgEnd));
    const orgNext = i + 1 < n ? gaz.orgDict.longestAt(chars, i + 1) : 0;
    if (orgNext) out[o + 28] = key(28, orgNext * 4 + orgStrength(i + 1, orgNext));
    const titleBefore = i > 0 ? gaz.titleDict.longestEndingAt(chars, i - 1) : 0;
    if (titleBefore) out[o + 29] = key(29, titleBefore);
    const titleAfter = i + 1 < n ? gaz.titleDict.longestAt(chars, i + 1) : 0;
    if (titleAfter) out[o + 30] = key(30, titleAfter);
    // Type of the character with its word's POS: a CJK char inside an ns word.
    if (k >= 0) out[o + 31] = key(31, ty[c]! * P16 + wPos[k]!);

    if (lexicon) {
      const lt = lexTag[i + 1]!;
      if (lt) out[o + 32] = key(32, lt * 8 + lexType[i]!);
      const st = lexicon.longestAt(chars, i, 2);
      if (st) out[o + 33] = key(33, Math.min(st, 15) * 8 + lexicon.get(chars, i, st)!);
      const en = lexicon.longestEndingAt(chars, i, 2);
      if (en) out[o + 34] = key(34, Math.min(en, 15) * 8 + lexicon.get(chars, i - en + 1, en)!);
      out[o + 35] = key(35, (lexTag[i]! * 64 + lt * 8 + lexTag[i + 2]!) * 8 + lexType[i]!);
    }
  }
  return out;
}
