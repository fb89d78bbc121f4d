// Keywords: TF-IDF over the document's tokens against jieba's background IDF table, less the stop words
// the caller gives (keywords-stopwords.txt of its dicts folder: a Pipeline's Resources).
//
// The tokens are zhnews's own (entities and slogans already count as one word), so a name such as
// 青岛开发区 can be a keyword where jieba's built-in extractor would only see 青岛 + 开发区.
//   weight = (count / content words) * idf, as jieba's TF-IDF extractor does.

import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Keyword } from '../types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { fingerprintOf, readBundle, type Bundle, type OpenBundle } from '../prepared.js';

/**
 * jieba's IDF table (`word idf` per line, 260,000 lines): word -> IDF.
 *
 * Kept as the file's UTF-8 bytes with an open-addressing index over them, not as a Map of strings:
 * a Map of a quarter of a million sliced strings took ~0.37 s of every process's and worker's start-up
 * (and then its garbage collections), this ~0.17 s, off the JS heap. A query is encoded to
 * UTF-8 and compared byte for byte; the answers are those of a Map built from the lines in order (the
 * later line wins for a word listed twice).
 */
export class IdfTable {
  /** Word -> IDF pairs: word bytes at wordAt[e] .. wordAt[e] + wordLen[e] of `bytes`, value[e]. */
  private readonly wordAt: Int32Array;
  private readonly wordLen: Int32Array;
  private readonly value: Float64Array;
  /** slots[h] = entry + 1 (0: empty), linear probing. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private scratch = new Uint8Array(64);
  private readonly encoder = new TextEncoder();
  /** Number of distinct words. */
  readonly size: number;
  /** IDF of a word not in the table: the table's median, as jieba does. */
  readonly unknown: number;

  /** The table of an IDF file's bytes, or of those bytes and the arrays built from them before (parts()). */
  constructor(
    private readonly bytes: Uint8Array,
    built?: OpenBundle,
  ) {
    if (built) {
      this.wordAt = built.array('wordAt');
      this.wordLen = built.array('wordLen');
      this.value = built.array('value');
      this.slots = built.array('slots');
      this.mask = this.slots.length - 1;
      this.size = built.numbers.size!;
      this.unknown = built.numbers.unknown!;
      if (this.wordAt.length !== this.size || this.wordLen.length !== this.size || this.value.length !== this.size || this.slots.length & this.mask) {
        throw new RangeError('IDF table: prepared arrays of another layout');
      }
      return;
    }
    // Upper bound of the entries: the lines.
    let lines = 1;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
    let cap = 16;
    while (cap < lines * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.wordAt = new Int32Array(lines);
    this.wordLen = new Int32Array(lines);
    this.value = new Float64Array(lines);
    let size = 0;
    let start = 0;
    let sp = -1;
    let h = FNV_OFFSET;
    for (let i = 0; i <= bytes.length; i++) {
      const c = i < bytes.length ? bytes[i]! : 10;
      if (sp < 0) {
        if (c === 32) sp = i;
        else if (c !== 10) h = Math.imul(h ^ c, FNV_PRIME);
      }
      if (c !== 10) continue;
      if (sp > start) {
        const v = decimal(bytes, sp + 1, i);
        if (Number.isFinite(v)) {
          const s = this.slotOf(h, bytes, start, sp - start);
          const e = this.slots[s]! - 1;
          if (e >= 0) this.value[e] = v;
          else {
            this.wordAt[size] = start;
            this.wordLen[size] = sp - start;
            this.value[size] = v;
            this.slots[s] = ++size;
          }
        }
      }
      start = i + 1;
      sp = -1;
      h = FNV_OFFSET;
    }
    this.size = size;
    // A typed array sorts numerically and natively: a quarter of a million values in a few milliseconds.
    const values = this.value.slice(0, size).sort();
    this.unknown = values[size >> 1] ?? 10;
  }

  /** The table's arrays (views, not copies) and numbers, to store it built (prepared.ts). */
  parts(): Bundle {
    return {
      meta: null,
      numbers: { size: this.size, unknown: this.unknown },
      arrays: [
        ['wordAt', this.wordAt.subarray(0, this.size)],
        ['wordLen', this.wordLen.subarray(0, this.size)],
        ['value', this.value.subarray(0, this.size)],
        ['slots', this.slots],
      ],
    };
  }

  /** The IDF of `word`, or undefined when the table does not list it. */
  get(word: string): number | undefined {
    if (this.scratch.length < word.length * 3) this.scratch = new Uint8Array(word.length * 3);
    const n = this.encoder.encodeInto(word, this.scratch).written;
    let h = FNV_OFFSET;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.scratch[i]!, FNV_PRIME);
    const e = this.find(h, this.scratch, 0, n);
    return e < 0 ? undefined : this.value[e];
  }

  /** Entry of the word `key[at .. at + len)` whose hash is h, or -1. */
  private find(h: number, key: Uint8Array, at: number, len: number): number {
    return this.slots[this.slotOf(h, key, at, len)]! - 1;
  }

  /** The slot of the word `key[at .. at + len)` whose hash is h, or the empty slot where it would go. */
  private slotOf(h: number, key: Uint8Array, at: number, len: number): number {
    const { slots, mask, bytes, wordAt, wordLen } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0) return s;
      if (wordLen[e] !== len) continue;
      const w = wordAt[e]!;
      let k = 0;
      while (k < len && bytes[w + k] === key[at + k]) k++;
      if (k === len) return s;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const utf8 = new TextDecoder();

/**
 * Number(text) of the ASCII bytes [from, to): `digits.digits` directly (Clinger's fast path: an integer
 * below 2^53 divided by an exact power of ten is one correctly rounded operation, so the result is the
 * same double Number() gives), anything else through Number() itself.
 */
function decimal(bytes: Uint8Array, from: number, to: number): number {
  let end = to;
  if (end > from && bytes[end - 1] === 13) end--; // \r\n line ends
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (let i = from; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return Number(utf8.decode(bytes.subarray(from, to)));
  }
  if (digits === 0 || digits > 15) return Number(utf8.decode(bytes.subarray(from, to)));
  return frac > 0 ? mant / POW10[frac]! : mant;
}
/** Exact powers of ten (each product is exact up to 1e22). */
const POW10 = new Float64Array(16);
for (let k = 0, p = 1; k < 16; k++, p *= 10) POW10[k] = p;

/** The IDF table of a file's text (tests); loadIdf reads the bytes directly. */
export function parseIdf(content: string): IdfTable {
  return new IdfTable(Buffer.from(content, 'utf8'));
}

/**
 * Where `npm run build` writes the IDF table's index (prepared.ts): building it from the file's 260,000
 * lines took 0.10–0.15 s of every process's and worker's start-up; reading it back (8 MB) and
 * fingerprinting the file takes ~0.02 s.
 */
export const PREPARED_IDF_PATH = join(PACKAGE_ROOT, 'dist', 'idf.tables');

/** Fingerprint of an IDF file's bytes together with the code that lays its index out. */
export function idfFingerprint(bytes: Uint8Array): string {
  const here = fileURLToPath(import.meta.url);
  return fingerprintOf([bytes], [here, join(dirname(here), '..', 'prepared' + extname(here))]);
}

let cached: IdfTable | null = null;
/** The IDF table of the file at `path` (read once per process), from its prepared index when that fits. */
export function loadIdf(path: string): IdfTable {
  if (cached) return cached;
  const bytes = readFileSync(path);
  cached = readBundle(PREPARED_IDF_PATH, idfFingerprint(bytes), (b) => new IdfTable(bytes, b)) ?? new IdfTable(bytes);
  return cached;
}

// Parts of speech that carry topic: nouns, names, verbal nouns, slogans; jieba's tag set.
const CONTENT_POS = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'nrt', 'vn', 'an', 'eng', 'l', 'j', 'i']);
const NUMERIC = /^[\d.%]+$/;

/** Can a token of this tag and length be a keyword? (A cheap test before its text is cut out.) */
export function mayBeKeyword(pos: string, length: number): boolean {
  return length >= 2 && CONTENT_POS.has(pos);
}

export interface KeywordToken {
  word: string;
  pos: string;
  /** The word as analysed (Simplified, width-folded), when it differs: the stoplist is Simplified. */
  norm?: string;
}

/** The top `k` keywords of a token stream, less the words of `stop` (ties broken by word, so output is deterministic). */
export function topKeywords(tokens: Iterable<KeywordToken>, table: IdfTable, stop: ReadonlySet<string>, k = 10): Keyword[] {
  const counts = new KeywordCounts(stop);
  counts.add(tokens);
  return counts.top(table, k);
}

/**
 * Term counts built up part by part (a huge passage is analysed window by window, and its tokens are
 * let go after each): the same keywords as topKeywords over all the parts' tokens at once.
 */
export class KeywordCounts {
  private readonly counts = new Map<string, number>();
  private total = 0;

  /** `stop`: words never counted (Simplified: a token is looked up by its analysed form). */
  constructor(private readonly stop: ReadonlySet<string>) {}

  add(tokens: Iterable<KeywordToken>): void {
    for (const { word, pos, norm } of tokens) {
      if (word.length < 2 || !CONTENT_POS.has(pos) || this.stop.has(norm ?? word) || NUMERIC.test(word)) continue;
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      this.total++;
    }
  }

  top(table: IdfTable, k = 10): Keyword[] {
    const scored: Keyword[] = [];
    for (const [word, n] of this.counts) {
      const w = (n / this.total) * (table.get(word) ?? table.unknown);
      scored.push({ word, weight: Math.round(w * 10000) / 10000 });
    }
    return scored.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)).slice(0, k);
  }
}
