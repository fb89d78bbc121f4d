// Passages for the post-rule tests, written as jieba would tokenise them.
import type { EntityMatch } from '../../../../src/extract/types.js';
import type { WordToken } from '../../../../src/segment/segmenter.js';

/** Tokens from a '|'-separated string with 'word/pos' items: '山东/ns|大学/n'. */
export function tokens(spec: string): { text: string; words: WordToken[] } {
  const words: WordToken[] = [];
  let at = 0;
  for (const item of spec.split('|')) {
    const [word, pos] = item.split('/') as [string, string];
    words.push({ word, pos, s: at, e: at + word.length });
    at += word.length;
  }
  return { text: words.map((w) => w.word).join(''), words };
}

/** Entity matches by surface text: [['LOC', '青岛']] -> spans of their first occurrences. */
export function ents(text: string, list: [EntityMatch['type'], string][]): EntityMatch[] {
  return list.map(([type, t]) => {
    const s = text.indexOf(t);
    if (s < 0) throw new Error(`${t} not in ${text}`);
    return { type, s, e: s + t.length };
  });
}
