// Features of the entity tagger: what the model sees at each character.
//
// A feature is a number key = template * 2^48 + payload, where the payload packs character ids,
// a word hash or gazetteer flags. Training (src/tools/train-ner.ts) and tagging call the same
// `computeKeys`, so the two can never drift apart. Per character (window -3..+3):
//   - character uni-, bi- and trigrams, one skip bigram, a 5-character type pattern (CJK / digit /
//     Latin / Chinese numeral / punctuation);
//   - the jieba word the character sits in: position B/M/E/S, POS, word identity (hashed), the POS
//     and identity of the neighbouring words (jieba's nr/ns/nt tags carry a lot of name knowledge);
//   - gazetteers from dicts/ner/: place-name matches (B/M/E/S + kind), an organisation head ending
//     here or starting next (…公司, …大学), a title ending just before or starting just after (主任|郑栅洁).
// Digits are folded to 0 and Latin letters to lower case before the character lookup, so 1998年 and
// 2026年 share features.
//
// Speed: tagging runs this for every character of every passage, so it works on integers only.
// Characters are code points in an Int32Array with their ids and types looked up once per distinct
// character (cached), gazetteers are char-code tries (char-trie.ts), words come as parallel arrays,
// and a key is written as two int32 halves (hi = template * 2^16 + payload bits 32-47, lo = payload
// bits 0-31) into buffers that are reused from passage to passage. FeatureTable.find takes those
// halves directly; training joins them into the numeric key.

import { readDict } from '../../dicts.js';
import type { WordToken } from '../../segment/segmenter.js';
import { CharTrie } from './char-trie.js';

const P16 = 65536;
const P32 = 4294967296;

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

// charType per code point, computed once: BMP in an array (0 = not computed yet), the rest in a map.
const bmpTypes = new Uint8Array(65536);
const astralTypes = new Map<number, number>();

/** charType of a code point (a lone surrogate is its own code point, as Array.from splits it). */
export function charTypeOfCode(cp: number): number {
  if (cp < 65536) {
    let t = bmpTypes[cp]!;
    if (t === 0) t = bmpTypes[cp] = charType(String.fromCharCode(cp));
    return t;
  }
  let t = astralTypes.get(cp);
  if (t === undefined) astralTypes.set(cp, (t = charType(String.fromCodePoint(cp))));
  return t;
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
  // idOfCode's cache: BMP code points in an array (0 = not computed yet: real ids are >= 2).
  private readonly bmpIds = new Uint16Array(65536);
  private readonly astralIds = new Map<number, number>();
  constructor(readonly chars: readonly string[]) {
    chars.forEach((c, i) => this.ids.set(c, FIRST_VOCAB_ID + i));
    if (chars.length + FIRST_VOCAB_ID > 65536) throw new RangeError('character vocabulary too large');
  }
  id(c: string): number {
    return this.ids.get(charForm(c)) ?? ID_UNK_BASE + charType(c);
  }
  /** id of a code point (cached). */
  idOfCode(cp: number): number {
    if (cp < 65536) {
      let v = this.bmpIds[cp]!;
      if (v === 0) v = this.bmpIds[cp] = this.id(String.fromCharCode(cp));
      return v;
    }
    let v = this.astralIds.get(cp);
    if (v === undefined) this.astralIds.set(cp, (v = this.id(String.fromCodePoint(cp))));
    return v;
  }
}

/**
 * A word table with prefix and suffix sets, so longest-match scans stop as soon as no entry can
 * continue: 中华人民共和国 is found from 中 without trying every length up to the longest entry.
 * (Training's lexicon counting uses it; tagging scans CharTries.)
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

/** A name lexicon (names seen in the training data -> type number + 1), as tries both ways. */
export interface NameLexicon {
  forward: CharTrie;
  backward: CharTrie;
}

export function nameLexicon(entries: readonly (readonly [string, number])[]): NameLexicon | null {
  if (!entries.length) return null;
  return { forward: CharTrie.of(entries, 'points'), backward: CharTrie.of(entries, 'points', true) };
}

export interface Gazetteers {
  /** Place name -> kind (1 country, 2 province, 3 city, 4 region, 5 county, 6 town). */
  places: Map<string, number>;
  placeMax: number;
  /** Organisation head -> 1 weak, 2 strong. */
  orgHeads: Map<string, number>;
  orgMax: number;
  titles: Set<string>;
  titleMax: number;
  /** Tries over code points, for the features. */
  placeTrie: CharTrie;
  orgTrie: CharTrie;
  orgTrieBack: CharTrie;
  titleTrie: CharTrie;
  titleTrieBack: CharTrie;
  /** Reversed trie over UTF-16 code units, for the post-rules' scans over string offsets (the titles'
   * own is the post-rules lexicon's, with the heads the tagger does not read). */
  orgUnitsBack: CharTrie;
}

/** A place's kind, as the gazetteer files name it, to its number. */
export const PLACE_KINDS: Record<string, number> = { country: 1, province: 2, city: 3, region: 4, county: 5, town: 6 };

let gazetteers: Gazetteers | null = null;

/** The gazetteers in dicts/ner/ (loaded once). */
export function loadGazetteers(): Gazetteers {
  if (gazetteers) return gazetteers;
  const places = new Map<string, number>();
  for (const r of readDict('ner/places.txt', 2)) places.set(r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 4);
  // The generated division list (npm run build:divisions) fills in counties and towns; the hand-written
  // list's kinds win where both have a name.
  for (const r of readDict('ner/divisions.txt', 2)) if (!places.has(r.fields[0]!)) places.set(r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 4);
  const orgHeads = new Map<string, number>();
  for (const r of readDict('ner/org-suffixes.txt', 2)) orgHeads.set(r.fields[0]!, r.fields[1] === 'strong' ? 2 : 1);
  const titles = new Set(readDict('ner/titles.txt').map((r) => r.fields[0]!));
  const titleEntries = [...titles].map((t) => [t, 1] as const);
  const maxLen = (keys: Iterable<string>) => Math.max(1, ...[...keys].map((k) => [...k].length));
  gazetteers = {
    places,
    placeMax: maxLen(places.keys()),
    orgHeads,
    orgMax: maxLen(orgHeads.keys()),
    titles,
    titleMax: maxLen(titles),
    placeTrie: CharTrie.of(places, 'points'),
    orgTrie: CharTrie.of(orgHeads, 'points'),
    orgTrieBack: CharTrie.of(orgHeads, 'points', true),
    titleTrie: CharTrie.of(titleEntries, 'points'),
    titleTrieBack: CharTrie.of(titleEntries, 'points', true),
    orgUnitsBack: CharTrie.of(orgHeads, 'units', true),
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
const posHashes = new Map<string, number>();
/** 16-bit hash of a POS tag (cached: jieba has a few dozen). */
function hash16(s: string): number {
  let v = posHashes.get(s);
  if (v === undefined) {
    const h = hash32(s);
    posHashes.set(s, (v = (h ^ (h >>> 16)) & 0xffff));
  }
  return v;
}

export const NUM_TEMPLATES = 36;
const NT = NUM_TEMPLATES;

/** Grows a typed array to at least `n` elements (contents are not kept). */
function atLeast<T extends Int32Array | Uint8Array>(a: T, n: number, make: (n: number) => T): T {
  return a.length >= n ? a : make(Math.max(n, a.length * 2));
}
const int32 = (n: number) => new Int32Array(n);

/**
 * A passage prepared for feature extraction, in buffers reused from one passage to the next:
 * code points, the UTF-16 offset of each, and the jieba words that line up with code points as
 * parallel arrays (start, end, hash of the word, hash of its POS). One per tagger (or trainer);
 * not shared between concurrent calls.
 */
export class Passage {
  n = 0;
  codes = new Int32Array(256);
  /** utf16[i]: UTF-16 index of code point i; utf16[n] = text length. */
  utf16 = new Int32Array(257);
  /** Did the text have surrogate pairs (code-point and UTF-16 offsets differ)? */
  astral = false;
  wordCount = 0;
  wordS = new Int32Array(64);
  wordE = new Int32Array(64);
  wordHash = new Int32Array(64);
  wordPos = new Int32Array(64);
  private cpOf = new Int32Array(257);

  /** Loads `text` and its jieba tokens (UTF-16 offsets); tokens that do not line up are skipped. */
  load(text: string, words: readonly WordToken[]): this {
    this.loadText(text);
    const n = this.n;
    const len = text.length;
    let cpOf: Int32Array | null = null;
    if (this.astral) {
      cpOf = this.cpOf = atLeast(this.cpOf, len + 1, int32);
      cpOf.fill(-1, 0, len + 1);
      for (let i = 0; i <= n; i++) cpOf[this.utf16[i]!] = i;
    }
    this.startWords(words.length);
    for (const w of words) {
      const ws = w.s;
      const we = w.e;
      // Same test as toCpWords: both ends on code-point boundaries inside the text, e > s.
      const s = ws >= 0 && ws <= len ? (cpOf ? cpOf[ws]! : ws) : -1;
      const e = we >= 0 && we <= len ? (cpOf ? cpOf[we]! : we) : -1;
      if (s < 0 || e < 0 || e <= s) continue;
      this.pushWord(s, e, w.word, w.pos);
    }
    return this;
  }

  /** Loads characters (as Array.from gives them) and words already in code-point offsets. */
  loadChars(chars: readonly string[], words: readonly CpWord[]): this {
    const n = chars.length;
    this.ensureChars(n);
    let u = 0;
    for (let i = 0; i < n; i++) {
      const c = chars[i]!;
      this.codes[i] = c.codePointAt(0) ?? 0;
      this.utf16[i] = u;
      u += c.length;
    }
    this.utf16[n] = u;
    this.n = n;
    this.astral = u !== n;
    this.startWords(words.length);
    for (const w of words) this.pushWord(w.s, w.e, w.word, w.pos);
    return this;
  }

  private loadText(text: string): void {
    const len = text.length;
    this.ensureChars(len);
    const codes = this.codes;
    const utf16 = this.utf16;
    let n = 0;
    for (let u = 0; u < len; ) {
      const c = text.charCodeAt(u);
      utf16[n] = u;
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < len) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          codes[n++] = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          u += 2;
          continue;
        }
      }
      codes[n++] = c;
      u++;
    }
    utf16[n] = len;
    this.n = n;
    this.astral = n !== len;
  }

  private ensureChars(n: number): void {
    this.codes = atLeast(this.codes, n, int32);
    this.utf16 = atLeast(this.utf16, n + 1, int32);
  }

  private startWords(m: number): void {
    this.wordCount = 0;
    if (this.wordS.length < m) {
      const cap = Math.max(m, this.wordS.length * 2);
      this.wordS = new Int32Array(cap);
      this.wordE = new Int32Array(cap);
      this.wordHash = new Int32Array(cap);
      this.wordPos = new Int32Array(cap);
    }
  }

  private pushWord(s: number, e: number, word: string, pos: string): void {
    const k = this.wordCount++;
    this.wordS[k] = s;
    this.wordE[k] = e;
    this.wordHash[k] = hash32(word) | 0;
    this.wordPos[k] = hash16(pos);
  }
}

/**
 * Templates 32-35 are above 2^53, where a double steps by 2: the first models built their keys as
 * doubles (template * 2^48 + payload), which rounded an odd payload to the multiple of 4 next to it
 * (round half to even). Integer keys round the same way so those models keep their meaning.
 */
function above53(payload: number): number {
  return payload & 1 ? ((payload & 3) === 1 ? payload - 1 : payload + 1) : payload;
}

/** Feature keys of a passage: hi/lo halves per character and template (hi = -1: does not fire). */
export class FeatureKeys {
  hi = new Int32Array(256 * NT);
  lo = new Int32Array(256 * NT);
  // Per-character scratch, indexed as in computeKeys.
  id = new Int32Array(262);
  ty = new Int32Array(262);
  bnd = new Int32Array(256);
  wordOf = new Int32Array(256);
  placeTag = new Int32Array(258);
  placeKind = new Int32Array(256);
  lexTag = new Int32Array(258);
  lexType = new Int32Array(256);
  lexStart = new Int32Array(256);
  lexStartV = new Int32Array(256);
  orgStart = new Int32Array(256);
  orgStartV = new Int32Array(256);
  titleStart = new Int32Array(256);

  ensure(n: number): void {
    if (this.bnd.length >= n) return;
    const cap = Math.max(n, this.bnd.length * 2);
    this.hi = new Int32Array(cap * NT);
    this.lo = new Int32Array(cap * NT);
    this.id = new Int32Array(cap + 6);
    this.ty = new Int32Array(cap + 6);
    this.bnd = new Int32Array(cap);
    this.wordOf = new Int32Array(cap);
    this.placeTag = new Int32Array(cap + 2);
    this.placeKind = new Int32Array(cap);
    this.lexTag = new Int32Array(cap + 2);
    this.lexType = new Int32Array(cap);
    this.lexStart = new Int32Array(cap);
    this.lexStartV = new Int32Array(cap);
    this.orgStart = new Int32Array(cap);
    this.orgStartV = new Int32Array(cap);
    this.titleStart = new Int32Array(cap);
  }
}

/**
 * Feature keys of every character of `p` into `out` (n * NUM_TEMPLATES hi/lo pairs). The words
 * should tile the characters (jieba tokens of the same text); where they overlap, the later wins.
 * With ngrams = false the character n-gram templates 0-13 are left out (hi = -1): the tagger's
 * scorer reads them from out.id, the padded character ids.
 */
export function computeKeys(
  p: Passage,
  vocab: CharVocab,
  gaz: Gazetteers,
  lexicon: NameLexicon | null,
  out: FeatureKeys,
  ngrams = true,
): void {
  const n = p.n;
  out.ensure(n);
  const codes = p.codes;
  const { hi, lo, id, ty, bnd, wordOf, placeTag, placeKind, lexTag, lexType } = out;
  const { lexStart, lexStartV, orgStart, orgStartV, titleStart } = out;
  hi.fill(-1, 0, n * NT);
  if (n === 0) return;

  // Padded id and type arrays: index i + 3 holds character i.
  const PAD = 3;
  id.fill(ID_PAD, 0, n + 2 * PAD);
  ty.fill(0, 0, n + 2 * PAD);
  for (let i = 0; i < n; i++) {
    const cp = codes[i]!;
    id[i + PAD] = vocab.idOfCode(cp);
    ty[i + PAD] = charTypeOfCode(cp);
  }

  // Word of each character: boundary (0 B, 1 M, 2 E, 3 S), word number.
  bnd.fill(3, 0, n);
  wordOf.fill(-1, 0, n);
  const m = p.wordCount;
  const wS = p.wordS;
  const wE = p.wordE;
  const wHash = p.wordHash;
  const wPos = p.wordPos;
  for (let k = 0; k < m; k++) {
    const s = wS[k]!;
    const e = wE[k]!;
    for (let i = s; i < e && i < n; i++) {
      wordOf[i] = k;
      bnd[i] = e - s === 1 ? 3 : i === s ? 0 : i === e - 1 ? 2 : 1;
    }
  }

  // Longest gazetteer / lexicon entries starting at each character.
  const placeTrie = gaz.placeTrie;
  const orgTrie = gaz.orgTrie;
  const titleTrie = gaz.titleTrie;
  for (let i = 0; i < n; i++) {
    const cp = codes[i]!;
    const o = orgTrie.mayStart(cp) ? orgTrie.longestAt(codes, n, i) : 0;
    orgStart[i] = o;
    orgStartV[i] = o ? orgTrie.matchValue : 0;
    titleStart[i] = titleTrie.mayStart(cp) ? titleTrie.longestAt(codes, n, i) : 0;
  }

  // Place gazetteer, greedy longest match left to right: tag (1 B, 2 M, 3 E, 4 S) and kind.
  placeTag.fill(0, 0, n + 2);
  placeKind.fill(0, 0, n);
  for (let i = 0; i < n; ) {
    const len = placeTrie.mayStart(codes[i]!) ? placeTrie.longestAt(codes, n, i, 2) : 0;
    if (len >= 2) {
      const kind = placeTrie.matchValue;
      for (let k = 0; k < len; k++) {
        placeTag[i + k + 1] = k === 0 ? 1 : k === len - 1 ? 3 : 2;
        placeKind[i + k] = kind;
      }
      i += len;
    } else i++;
  }

  // Names seen in the training data (see NameLexicon): greedy longest match, tag (1 B, 2 M, 3 E, 4 S)
  // and type, plus the longest entry starting and ending at each character.
  lexTag.fill(0, 0, n + 2);
  lexType.fill(0, 0, n);
  if (lexicon) {
    const fw = lexicon.forward;
    for (let i = 0; i < n; i++) {
      const len = fw.mayStart(codes[i]!) ? fw.longestAt(codes, n, i, 2) : 0;
      lexStart[i] = len;
      lexStartV[i] = len ? fw.matchValue : 0;
    }
    for (let i = 0; i < n; ) {
      const len = lexStart[i]!;
      if (len) {
        const t = lexStartV[i]!;
        for (let k = 0; k < len; k++) {
          lexTag[i + k + 1] = k === 0 ? 1 : k === len - 1 ? 3 : 2;
          lexType[i + k] = t;
        }
        i += len;
      } else i++;
    }
  }

  const orgBack = gaz.orgTrieBack;
  const titleBack = gaz.titleTrieBack;
  const lexBack = lexicon ? lexicon.backward : null;
  for (let i = 0; i < n; i++) {
    const o = i * NT;
    const c = i + PAD;
    const m3 = id[c - 3]!, m2 = id[c - 2]!, m1 = id[c - 1]!, c0 = id[c]!, p1 = id[c + 1]!, p2 = id[c + 2]!, p3 = id[c + 3]!;
    // Character n-grams: ids are below 2^16, so a bigram fits the low half, a trigram spills one id
    // into the high half.
    if (ngrams) {
      hi[o] = 0;
      lo[o] = m3;
      hi[o + 1] = 1 * P16;
      lo[o + 1] = m2;
      hi[o + 2] = 2 * P16;
      lo[o + 2] = m1;
      hi[o + 3] = 3 * P16;
      lo[o + 3] = c0;
      hi[o + 4] = 4 * P16;
      lo[o + 4] = p1;
      hi[o + 5] = 5 * P16;
      lo[o + 5] = p2;
      hi[o + 6] = 6 * P16;
      lo[o + 6] = p3;
      hi[o + 7] = 7 * P16;
      lo[o + 7] = (m2 << 16) | m1;
      hi[o + 8] = 8 * P16;
      lo[o + 8] = (m1 << 16) | c0;
      hi[o + 9] = 9 * P16;
      lo[o + 9] = (c0 << 16) | p1;
      hi[o + 10] = 10 * P16;
      lo[o + 10] = (p1 << 16) | p2;
      hi[o + 11] = 11 * P16 + m2;
      lo[o + 11] = (m1 << 16) | c0;
      hi[o + 12] = 12 * P16 + m1;
      lo[o + 12] = (c0 << 16) | p1;
      hi[o + 13] = 13 * P16 + c0;
      lo[o + 13] = (p1 << 16) | p2;
    }
    hi[o + 14] = 14 * P16;
    lo[o + 14] = (m1 << 16) | p1;
    hi[o + 15] = 15 * P16;
    lo[o + 15] = ty[c - 2]! * 4096 + ty[c - 1]! * 512 + ty[c]! * 64 + ty[c + 1]! * 8 + ty[c + 2]!;
    hi[o + 16] = 16 * P16; // bias
    lo[o + 16] = 0;

    const k = wordOf[i]!;
    if (k >= 0) {
      const b = bnd[i]!;
      const len = Math.min(wE[k]! - wS[k]!, 7);
      const pos = wPos[k]!;
      const prevPos = k > 0 ? wPos[k - 1]! : 0xffff;
      const nextPos = k + 1 < m ? wPos[k + 1]! : 0xffff;
      const wh = wHash[k]!;
      // A 32-bit x times 4 plus b: x's top two bits go to the high half.
      hi[o + 17] = 17 * P16;
      lo[o + 17] = pos * 4 + b;
      hi[o + 18] = 18 * P16 + (wh >>> 30);
      lo[o + 18] = (wh << 2) | b;
      const prevPair = (prevPos << 16) | pos;
      hi[o + 19] = 19 * P16 + (prevPair >>> 30);
      lo[o + 19] = (prevPair << 2) | b;
      const nextPair = (nextPos << 16) | pos;
      hi[o + 20] = 20 * P16 + (nextPair >>> 30);
      lo[o + 20] = (nextPair << 2) | b;
      hi[o + 21] = 21 * P16;
      lo[o + 21] = (pos * 8 + len) * 4 + b;
      if (b === 0 || b === 3) {
        hi[o + 22] = 22 * P16;
        lo[o + 22] = k > 0 ? wHash[k - 1]! : 0;
      }
      if (b === 2 || b === 3) {
        hi[o + 23] = 23 * P16;
        lo[o + 23] = k + 1 < m ? wHash[k + 1]! : 0;
      }
      // The character itself with its word position and POS: 张 as the first char of an nr word.
      const charPos = (c0 << 16) | pos;
      hi[o + 24] = 24 * P16 + (charPos >>> 30);
      lo[o + 24] = (charPos << 2) | b;
    }

    const pt = placeTag[i + 1]!;
    if (pt) {
      hi[o + 25] = 25 * P16;
      lo[o + 25] = pt * 8 + placeKind[i]!;
    }
    hi[o + 26] = 26 * P16;
    lo[o + 26] = placeTag[i]! * 64 + pt * 8 + placeTag[i + 2]!;

    const orgEnd = orgBack.mayStart(codes[i]!) ? orgBack.longestEndingAt(codes, i) : 0;
    if (orgEnd) {
      hi[o + 27] = 27 * P16;
      lo[o + 27] = orgEnd * 4 + orgBack.matchValue;
    }
    const orgNext = i + 1 < n ? orgStart[i + 1]! : 0;
    if (orgNext) {
      hi[o + 28] = 28 * P16;
      lo[o + 28] = orgNext * 4 + orgStartV[i + 1]!;
    }
    const titleBefore = i > 0 && titleBack.mayStart(codes[i - 1]!) ? titleBack.longestEndingAt(codes, i - 1) : 0;
    if (titleBefore) {
      hi[o + 29] = 29 * P16;
      lo[o + 29] = titleBefore;
    }
    const titleAfter = i + 1 < n ? titleStart[i + 1]! : 0;
    if (titleAfter) {
      hi[o + 30] = 30 * P16;
      lo[o + 30] = titleAfter;
    }
    // Type of the character with its word's POS: a CJK char inside an ns word.
    if (k >= 0) {
      hi[o + 31] = 31 * P16;
      lo[o + 31] = ty[c]! * P16 + wPos[k]!;
    }

    if (lexBack) {
      const lt = lexTag[i + 1]!;
      if (lt) {
        hi[o + 32] = 32 * P16;
        lo[o + 32] = above53(lt * 8 + lexType[i]!);
      }
      const st = lexStart[i]!;
      if (st) {
        hi[o + 33] = 33 * P16;
        lo[o + 33] = above53(Math.min(st, 15) * 8 + lexStartV[i]!);
      }
      const en = lexBack.mayStart(codes[i]!) ? lexBack.longestEndingAt(codes, i, 2) : 0;
      if (en) {
        hi[o + 34] = 34 * P16;
        lo[o + 34] = above53(Math.min(en, 15) * 8 + lexBack.matchValue);
      }
      hi[o + 35] = 35 * P16;
      lo[o + 35] = above53((lexTag[i]! * 64 + lt * 8 + lexTag[i + 2]!) * 8 + lexType[i]!);
    }
  }
}

/**
 * Feature keys of every character as numbers (template * 2^48 + payload): a flat array of
 * n * NUM_TEMPLATES, -1 where a template does not fire. For training; `words` must tile the characters.
 */
export function extractKeys(
  chars: string[],
  words: readonly CpWord[],
  vocab: CharVocab,
  gaz: Gazetteers,
  lexicon: NameLexicon | null,
): Float64Array {
  const p = new Passage().loadChars(chars, words);
  const fk = new FeatureKeys();
  computeKeys(p, vocab, gaz, lexicon, fk);
  const out = new Float64Array(p.n * NT);
  for (let j = 0; j < out.length; j++) {
    const h = fk.hi[j]!;
    out[j] = h < 0 ? -1 : h * P32 + (fk.lo[j]! >>> 0);
  }
  return out;
}
