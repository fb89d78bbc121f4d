// Features of the entity tagger: what the model sees at each character.
//
// A feature is a number key = template * 2^48 + payload, where the payload packs character ids,
// a word hash or gazetteer flags; the templates are named in feature-templates.ts. Training
// (src/tools/train-ner.ts) and tagging call the same `computeKeys`, so the two can never drift
// apart. Per character (window -3..+3):
//   - character uni-, bi- and trigrams, one skip bigram, a 5-character type pattern (char-classes.ts);
//   - the jieba word the character sits in: position B/M/E/S, POS, word identity (hashed), the POS
//     and identity of the neighbouring words (jieba's nr/ns/nt tags carry a lot of name knowledge);
//   - gazetteers from dicts/ner/ (gazetteers.ts): place-name matches (B/M/E/S + kind), an
//     organisation head ending here or starting next (…公司, …大学), a title ending just before or
//     starting just after (主任|郑栅洁);
//   - the model's lexicon of names seen in training: inside one, the longest starting or ending here.
//
// Speed: tagging runs this for every character of every passage, so it works on integers only.
// Characters are code points in an Int32Array with their ids and types looked up once per distinct
// character (cached), gazetteers are char-code tries (char-trie.ts), words come as parallel arrays
// (passage.ts), and a key is written as two int32 halves (hi = template * 2^16 + payload bits 32-47,
// lo = payload bits 0-31) into buffers that are reused from passage to passage. FeatureTable.find
// takes those halves directly; training joins them into the numeric key.

import { CharVocab, ID_PAD, charTypeOfCode } from './char-classes.js';
import { NUM_TEMPLATES, templateId } from './feature-templates.js';
import type { Gazetteers, NameLexicon } from './gazetteers.js';
import { Passage, type CpWord } from './passage.js';

// The feature side's pieces, importable from here as one.
export { CharVocab, FIRST_VOCAB_ID, charForm, charType, charTypeOfCode } from './char-classes.js';
export { NUM_TEMPLATES } from './feature-templates.js';
export { PLACE_KINDS, loadGazetteers, nameLexicon, type Gazetteers, type NameLexicon } from './gazetteers.js';
export { Passage, hash32, toCharText, toCpWords, type CharText, type CpWord } from './passage.js';
export { WordDict } from './word-dict.js';

const P16 = 65536;
const P32 = 4294967296;
const NT = NUM_TEMPLATES;

const CHAR_M3 = templateId('char-3');
const CHAR_M2 = templateId('char-2');
const CHAR_M1 = templateId('char-1');
const CHAR_0 = templateId('char+0');
const CHAR_P1 = templateId('char+1');
const CHAR_P2 = templateId('char+2');
const CHAR_P3 = templateId('char+3');
const BI_M2M1 = templateId('bigram-2-1');
const BI_M1C0 = templateId('bigram-1+0');
const BI_C0P1 = templateId('bigram+0+1');
const BI_P1P2 = templateId('bigram+1+2');
const TRI_M2C0 = templateId('trigram-2-1+0');
const TRI_M1P1 = templateId('trigram-1+0+1');
const TRI_C0P2 = templateId('trigram+0+1+2');
const SKIP = templateId('skip-1+1');
const CHAR_TYPES = templateId('char-types');
const BIAS = templateId('bias');
const WORD_POS = templateId('word-pos');
const WORD = templateId('word');
const WORD_POS_PREV = templateId('word-pos-prev');
const WORD_POS_NEXT = templateId('word-pos-next');
const WORD_POS_LENGTH = templateId('word-pos-length');
const WORD_BEFORE = templateId('word-before');
const WORD_AFTER = templateId('word-after');
const CHAR_WORD_POS = templateId('char-word-pos');
const PLACE = templateId('gazetteer-place');
const PLACE_WINDOW = templateId('gazetteer-place-window');
const ORG_ENDING = templateId('org-head-ending');
const ORG_NEXT = templateId('org-head-next');
const TITLE_BEFORE = templateId('title-before');
const TITLE_AFTER = templateId('title-after');
const TYPE_WORD_POS = templateId('char-type-word-pos');
const LEXICON = templateId('lexicon');
const LEXICON_STARTING = templateId('lexicon-starting');
const LEXICON_ENDING = templateId('lexicon-ending');
const LEXICON_WINDOW = templateId('lexicon-window');

/**
 * The lexicon templates are above 2^53, where a double steps by 2: the first models built their keys
 * as doubles (template * 2^48 + payload), which rounded an odd payload to the multiple of 4 next to it
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
 * Writes the key of template t at o: hi = t * 2^16 + the payload's bits 32-47 (`high`), lo = its
 * bits 0-31 (`low`, as int32).
 */
function put(hi: Int32Array, lo: Int32Array, o: number, t: number, high: number, low: number): void {
  hi[o + t] = t * P16 + high;
  lo[o + t] = low;
}

/**
 * Feature keys of every character of `p` into `out` (n * NUM_TEMPLATES hi/lo pairs). The words
 * should tile the characters (jieba tokens of the same text); where they overlap, the later wins.
 * With ngrams = false the character n-gram templates (char-*, bigram-*, trigram-*) are left out
 * (hi = -1): the tagger's scorer reads them from out.id, the padded character ids.
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
      put(hi, lo, o, CHAR_M3, 0, m3);
      put(hi, lo, o, CHAR_M2, 0, m2);
      put(hi, lo, o, CHAR_M1, 0, m1);
      put(hi, lo, o, CHAR_0, 0, c0);
      put(hi, lo, o, CHAR_P1, 0, p1);
      put(hi, lo, o, CHAR_P2, 0, p2);
      put(hi, lo, o, CHAR_P3, 0, p3);
      put(hi, lo, o, BI_M2M1, 0, (m2 << 16) | m1);
      put(hi, lo, o, BI_M1C0, 0, (m1 << 16) | c0);
      put(hi, lo, o, BI_C0P1, 0, (c0 << 16) | p1);
      put(hi, lo, o, BI_P1P2, 0, (p1 << 16) | p2);
      put(hi, lo, o, TRI_M2C0, m2, (m1 << 16) | c0);
      put(hi, lo, o, TRI_M1P1, m1, (c0 << 16) | p1);
      put(hi, lo, o, TRI_C0P2, c0, (p1 << 16) | p2);
    }
    put(hi, lo, o, SKIP, 0, (m1 << 16) | p1);
    put(hi, lo, o, CHAR_TYPES, 0, ty[c - 2]! * 4096 + ty[c - 1]! * 512 + ty[c]! * 64 + ty[c + 1]! * 8 + ty[c + 2]!);
    put(hi, lo, o, BIAS, 0, 0);

    const k = wordOf[i]!;
    if (k >= 0) {
      const b = bnd[i]!;
      const len = Math.min(wE[k]! - wS[k]!, 7);
      const pos = wPos[k]!;
      const prevPos = k > 0 ? wPos[k - 1]! : 0xffff;
      const nextPos = k + 1 < m ? wPos[k + 1]! : 0xffff;
      const wh = wHash[k]!;
      // A 32-bit x times 4 plus b: x's top two bits go to the high half.
      put(hi, lo, o, WORD_POS, 0, pos * 4 + b);
      put(hi, lo, o, WORD, wh >>> 30, (wh << 2) | b);
      const prevPair = (prevPos << 16) | pos;
      put(hi, lo, o, WORD_POS_PREV, prevPair >>> 30, (prevPair << 2) | b);
      const nextPair = (nextPos << 16) | pos;
      put(hi, lo, o, WORD_POS_NEXT, nextPair >>> 30, (nextPair << 2) | b);
      put(hi, lo, o, WORD_POS_LENGTH, 0, (pos * 8 + len) * 4 + b);
      if (b === 0 || b === 3) put(hi, lo, o, WORD_BEFORE, 0, k > 0 ? wHash[k - 1]! : 0);
      if (b === 2 || b === 3) put(hi, lo, o, WORD_AFTER, 0, k + 1 < m ? wHash[k + 1]! : 0);
      // The character itself with its word position and POS: 张 as the first char of an nr word.
      const charPos = (c0 << 16) | pos;
      put(hi, lo, o, CHAR_WORD_POS, charPos >>> 30, (charPos << 2) | b);
      // Type of the character with its word's POS: a CJK char inside an ns word.
      put(hi, lo, o, TYPE_WORD_POS, 0, ty[c]! * P16 + pos);
    }

    const pt = placeTag[i + 1]!;
    if (pt) put(hi, lo, o, PLACE, 0, pt * 8 + placeKind[i]!);
    put(hi, lo, o, PLACE_WINDOW, 0, placeTag[i]! * 64 + pt * 8 + placeTag[i + 2]!);

    const orgEnd = orgBack.mayStart(codes[i]!) ? orgBack.longestEndingAt(codes, i) : 0;
    if (orgEnd) put(hi, lo, o, ORG_ENDING, 0, orgEnd * 4 + orgBack.matchValue);
    const orgNext = i + 1 < n ? orgStart[i + 1]! : 0;
    if (orgNext) put(hi, lo, o, ORG_NEXT, 0, orgNext * 4 + orgStartV[i + 1]!);
    const titleBefore = i > 0 && titleBack.mayStart(codes[i - 1]!) ? titleBack.longestEndingAt(codes, i - 1) : 0;
    if (titleBefore) put(hi, lo, o, TITLE_BEFORE, 0, titleBefore);
    const titleAfter = i + 1 < n ? titleStart[i + 1]! : 0;
    if (titleAfter) put(hi, lo, o, TITLE_AFTER, 0, titleAfter);

    if (lexBack) {
      const lt = lexTag[i + 1]!;
      if (lt) put(hi, lo, o, LEXICON, 0, above53(lt * 8 + lexType[i]!));
      const st = lexStart[i]!;
      if (st) put(hi, lo, o, LEXICON_STARTING, 0, above53(Math.min(st, 15) * 8 + lexStartV[i]!));
      const en = lexBack.mayStart(codes[i]!) ? lexBack.longestEndingAt(codes, i, 2) : 0;
      if (en) put(hi, lo, o, LEXICON_ENDING, 0, above53(Math.min(en, 15) * 8 + lexBack.matchValue));
      put(hi, lo, o, LEXICON_WINDOW, 0, above53((lexTag[i]! * 64 + lt * 8 + lexTag[i + 2]!) * 8 + lexType[i]!));
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
