// Keywords: TF-IDF over the document's tokens against jieba's background IDF table.
//
// The tokens are zhnews's own (entities and slogans already count as one word), so a name such as
// 青岛开发区 can be a keyword where jieba's built-in extractor would only see 青岛 + 开发区.
//   weight = (count / content words) * idf, as jieba's TF-IDF extractor does.

import { readFileSync } from 'node:fs';
import type { Keyword } from '../types.js';
import { readWordSet } from '../dicts.js';

/** Word -> IDF lookups. */
export interface WordIdf {
  get(word: string): number | undefined;
  readonly size: number;
}

export interface IdfTable {
  idf: WordIdf;
  /** IDF of a word not in the table: the table's median, as jieba does. */
  unknown: number;
}

/** FNV-1a over UTF-16 code units of s[from, to). */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * jieba's IDF file (`word idf` per line) kept as one string with an open-addressing index of line
 * offsets, instead of a Map of a quarter of a million word strings: every worker parses the table at
 * start-up, and a big Map costs time to build and lengthens every major garbage collection after.
 * A lookup hashes the word, probes the index and compares the word in place; the value is parsed
 * then (a document asks for a few hundred words).
 */
class IndexedIdf implements WordIdf {
  /** Offset + 1 of an entry's line start (0: empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** Entry k is the word content[starts[k], sps[k]). */
  constructor(
    private readonly content: string,
    starts: readonly number[],
    sps: readonly number[],
  ) {
    let cap = 1024;
    while (cap < starts.length * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    let size = 0;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const sp = sps[k]!;
      let i = hashRange(content, start, sp) & this.mask;
      // A word listed twice: the later line wins, as in a Map built from the file.
      for (; this.slots[i] !== 0; i = (i + 1) & this.mask) {
        const other = this.slots[i]! - 1;
        if (this.wordAt(other, start, sp)) break;
      }
      if (this.slots[i] === 0) size++;
      this.slots[i] = start + 1;
    }
    this.size = size;
  }

  /** Does the line at `other` hold the word content[start, sp)? */
  private wordAt(other: number, start: number, sp: number): boolean {
    const n = sp - start;
    return this.content.charCodeAt(other + n) === 32 && this.content.startsWith(this.content.slice(start, sp), other);
  }

  get(word: string): number | undefined {
    const c = this.content;
    const n = word.length;
    if (n === 0) return undefined;
    for (let i = hashRange(word, 0, n) & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) {
      const at = this.slots[i]! - 1;
      if (c.charCodeAt(at + n) === 32 && c.startsWith(word, at)) {
        let nl = c.indexOf('\n', at + n);
        if (nl < 0) nl = c.length;
        return Number(c.slice(at + n + 1, nl));
      }
    }
    return undefined;
  }
}

/**
 * A decimal number from its characters, for ordering only: within an ulp or so of Number(), at a
 * fraction of its cost (Number() on a quarter of a million slices was most of the table's start-up).
 */
function roughNumber(s: string, from: number, to: number): number {
  let v = 0;
  let scale = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (scale) scale *= 10;
    } else if (c === 46 && !scale) scale = 1;
    else if (c !== 13) return NaN;
  }
  return scale ? v / scale : v;
}

export function parseIdf(content: string): IdfTable {
  // `word idf` per line (cppjieba splits lines on spaces, so a word holds none): a quarter of a million
  // lines are read in every worker's start-up.
  const starts: number[] = [];
  const sps: number[] = [];
  const rough: number[] = [];
  // One loop over the characters (String.indexOf per line cost more than the whole scan).
  let start = 0;
  let sp = -1;
  for (let i = 0; i <= content.length; i++) {
    const c = i < content.length ? content.charCodeAt(i) : 10;
    if (c === 32 && sp < 0) sp = i;
    else if (c === 10) {
      if (sp > start) {
        const v = roughNumber(content, sp + 1, i);
        if (Number.isFinite(v)) {
          starts.push(start);
          sps.push(sp);
          rough.push(v);
        }
      }
      start = i + 1;
      sp = -1;
    }
  }
  // The median, as jieba takes it for unknown words: found on the rough values (a typed array sorts
  // numerically and natively), then read exactly from its own line.
  const sorted = Float64Array.from(rough).sort();
  const mid = sorted[sorted.length >> 1];
  let unknown = 10;
  if (mid !== undefined) {
    const sp = sps[rough.indexOf(mid)]!;
    const nl = content.indexOf('\n', sp);
    unknown = Number(content.slice(sp + 1, nl < 0 ? content.length : nl));
  }
  return { idf: new IndexedIdf(content, starts, sps), unknown };
}

let cached: IdfTable | null = null;
export function loadIdf(path: string): IdfTable {
  return (cached ??= parseIdf(readFileSync(path, 'utf8')));
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
}

/** The top `k` keywords of a token stream (ties broken by word, so output is deterministic). */
export function topKeywords(tokens: Iterable<KeywordToken>, table: IdfTable, k = 10): Keyword[] {
  const stop = stopWords();
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, pos } of tokens) {
    if (word.length < 2 || !CONTENT_POS.has(pos) || stop.has(word) || NUMERIC.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    total++;
  }
  const scored: Keyword[] = [];
  for (const [word, n] of counts) {
    const w = (n / total) * (table.idf.get(word) ?? table.unknown);
    scored.push({ word, weight: Math.round(w * 10000) / 10000 });
  }
  return scored.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)).slice(0, k);
}

let stops: Set<string> | null = null;
function stopWords(): Set<string> {
  return (stops ??= readWordSet('keywords-stopwords.txt'));
}
