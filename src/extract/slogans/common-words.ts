// How ordinary a word is, from jieba's IDF table: a quoted phrase that is itself a common dictionary word
// (“瓶颈”, “流量”, “开门红”) is far more often a scare quote or a metaphor than a coined policy term,
// which is new by definition and so absent from the dictionary (“标准地”, “放管服”).
//   wordRarity('开门红') -> 'common';  wordRarity('微改革') -> 'unknown'
// The table comes through src/segment/jieba.ts (the only importer of nodejieba). If it cannot be loaded,
// every phrase is 'unknown' and the classifier simply loses one feature.

import { jiebaIdfPath } from '../../segment/jieba.js';
import { loadIdf } from '../../keywords/tfidf.js';

export type Rarity = 'common' | 'known' | 'rare' | 'unknown';

// IDF bounds: below COMMON a word is everyday vocabulary; up to KNOWN it is a settled dictionary word;
// past RARE it says nothing.
const COMMON = 10.0;
const KNOWN = 11.5;
const RARE = KNOWN + 1.5;

/** What wordRarity reads: an IdfTable, or a fixed table in tests. */
type WordTable = Pick<ReadonlyMap<string, number>, 'get'>;

let idf: WordTable | null = null;

/** jieba's IDF table, shared with the keywords stage (parsed once per process). */
function table(): WordTable {
  if (idf) return idf;
  try {
    idf = loadIdf(jiebaIdfPath());
  } catch {
    // No jieba table (a stripped install): every phrase is 'unknown'.
    idf = new Map();
  }
  return idf;
}

export function wordRarity(word: string): Rarity {
  // One-character words tell nothing here.
  const v = word.length < 2 ? undefined : table().get(word);
  if (v === undefined || v > RARE) return 'unknown';
  return v <= COMMON ? 'common' : v <= KNOWN ? 'known' : 'rare';
}

/** For tests: replace the table with a fixed one (null restores loading from jieba). */
export function setWordTable(t: WordTable | null): void {
  idf = t;
}
