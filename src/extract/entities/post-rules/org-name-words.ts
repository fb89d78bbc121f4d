// An organisation that opens an untagged word (x: a name from the segmentation vocabularies) and stops
// inside it runs to the word's end.
//   亚洲足球联合会|理事会 (one x word) -> ORG 亚洲足球联合会理事会
// Why: jieba's user dictionary holds full body names; the model, not knowing them, stops early.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { wordIndexAt } from './helpers.js';

/**
 * An ORG that opens an untagged word (x: the segmentation vocabularies' names) and stops inside
 * it runs to the word's end, over what the tagger found inside: 亚洲足球联合会|理事会 -> 亚洲足球联合会理事会.
 */
export function snapToNameWords(words: readonly WordToken[], ents: EntityMatch[]): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const out: EntityMatch[] = [];
  let until = -1;
  for (const x of ents) {
    if (x.s < until) continue;
    if (x.type === 'ORG') {
      const w = words[wordIndexAt(words, x.e - 1)];
      if (w && w.pos === 'x' && w.s >= x.s && w.s < x.e && x.e < w.e) {
        out.push({ ...x, e: w.e });
        until = w.e;
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

export const ORG_NAME_WORDS: PostRule = { name: 'org-name-words', apply: (ents, c) => snapToNameWords(c.words, ents) };
