// How ordinary a word is, from jieba's IDF table: a quoted phrase that is itself a common dictionary word
// (“瓶颈”, “流量”, “开门红”) is far more often a scare quote or a metaphor than a coined policy term,
// which is new by definition and so absent from the dictionary (“标准地”, “放管服”).
//   wordRarity('开门红') -> 'common';  wordRarity('微改革') -> 'unknown'
// The table comes through src/segment/jieba.ts (the only importer of nodejieba). If it cannot be loaded,
// every phrase is 'unknown' and the classifier simply loses one feature.

import { readFileSync } from 'node:fs';
import { jiebaIdfPath } from '../../segment/jieba.js';

export type Rarity = 'common' | 'known' | 'rare' | 'unknown';

// IDF bounds: below COMMON a word is everyday vocabulary; up to KNOWN it is a settled dictionary word.
const COMMON = 10.0;
const KNOWN = 11.5;

let idf: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (idf) return idf;
  idf = new Map();
  try {
    for (const line of readFileSync(jiebaIdfPath(), 'utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp < 2) continue; // one-character words tell nothing here
      const value = Number(line.slice(sp + 1));
      if (value <= KNOWN + 1.5) idf.set(line.slice(0, sp), value);
    }
  } catch {
    // No jieba table (a stripped install): leave the map empty.
  }
  return idf;
}

export function wordRarity(word: string): Rarity {
  const v = table().get(word);
  if (v === undefined) return 'unknown';
  return v <= COMMON ? 'common' : v <= KNOWN ? 'known' : 'rare';
}

/** For tests: replace the table with a fixed one (null restores loading from jieba). */
export function setWordTable(t: Map<string, number> | null): void {
  idf = t;
}
