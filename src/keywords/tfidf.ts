// Keywords: TF-IDF over the document's tokens against jieba's background IDF table.
//
// The tokens are zhnews's own (entities and slogans already count as one word), so a name such as
// 青岛开发区 can be a keyword where jieba's built-in extractor would only see 青岛 + 开发区.
//   weight = (count / content words) * idf, as jieba's TF-IDF extractor does.

import { readFileSync } from 'node:fs';
import type { Keyword } from '../types.js';
import { readWordSet } from '../dicts.js';

export interface IdfTable {
  idf: Map<string, number>;
  /** IDF of a word not in the table: the table's median, as jieba does. */
  unknown: number;
}

export function parseIdf(content: string): IdfTable {
  // `word idf` per line (cppjieba splits lines on spaces, so a word holds none). A Map, not an index
  // over the file's string: measured, the index saved 40 ms of start-up but moved V8's major
  // collections so that peak memory grew with corpus size (issue 7: it must not).
  const idf = new Map<string, number>();
  let start = 0;
  let sp = -1;
  for (let i = 0; i <= content.length; i++) {
    const c = i < content.length ? content.charCodeAt(i) : 10;
    if (c === 32 && sp < 0) sp = i;
    else if (c === 10) {
      if (sp > start) {
        const v = Number(content.slice(sp + 1, i));
        if (Number.isFinite(v)) idf.set(content.slice(start, sp), v);
      }
      start = i + 1;
      sp = -1;
    }
  }
  // A typed array sorts numerically and natively: a quarter of a million values in a few milliseconds.
  const values = Float64Array.from(idf.values()).sort();
  return { idf, unknown: values[values.length >> 1] ?? 10 };
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
