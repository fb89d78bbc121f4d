// A passage as the entity features read it: code points with their UTF-16 offsets, and the jieba words
// that line up with them as parallel integer arrays (start, end, hash of the word, hash of its POS).
// Tagging loads one per passage into buffers reused from passage to passage; training converts
// whole sentences with toCharText / toCpWords.

import type { WordToken } from '../../segment/segmenter.js';

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
