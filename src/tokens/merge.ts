// Segmentation that respects what the other stages found: the spans to keep whole — every number,
// entity and slogan of the passage — for segment/retokenize.ts to make one token each over jieba's
// words, so that "国家发展改革委", "13.5%" and "五位一体" survive as words (the pipeline's tokens stage,
// and `zhnews segment`, which is that pipeline with fewer stages).
//
//   '国家发展改革委提出“五位一体”，投资增长13.5%'
//     -> 国家发展改革委/nt 提出/v “/x 五位一体/nz ”/x ，/x 投资/vn 增长/v 13.5%/m
//
// What is merged is a choice (`MergeKind`), measured on the PKU and MSR dev sets:
//   numbers   both standards keep 13.5%, 1824万, 2000年 together: on by default
//   entities  MSR keeps names and organisations whole, PKU splits them (江|泽民, 中国|国际|广播|电台);
//             together with the dictionary's PKU lean it balances the two, and users want 郑栅洁 and
//             国家发展改革委 as one word: on by default
//   slogans   one word for a coined term (五位一体, 放管服) is what keyword counting wants, at a small
//             cost on the 1998-2001 test texts (quotations taken for coined terms): on by default, but
//             a span holding punctuation or spaces (a quoted clause) is never made one token
//   figures   whole quantities (28500余辆, 20万元) are MSR's convention and cost PKU three points: off
// It sits above segment/ and extract/ (docs/design-layers.md): it reads what the extractors found.

import type { EntityType } from '../types.js';
import type { TokenSpan } from '../segment/retokenize.js';
import { numberSpans } from '../segment/numbers.js';
import type { EntityMatch, FigureMatch, SloganMatch } from '../extract/types.js';

export const MERGE_KINDS = ['numbers', 'entities', 'slogans', 'figures'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];
export const DEFAULT_MERGE: readonly MergeKind[] = ['numbers', 'entities', 'slogans'];

/** PKU tags of merged tokens. */
const ENTITY_TAG: Record<EntityType, string> = { PER: 'nr', LOC: 'ns', ORG: 'nt' };
const SLOGAN_TAG = 'nz';
const FIGURE_TAG = 'm';
/** A date or clock part (2000年, 12月, 31日, 8时, 30分) is a time word in PKU, other numbers are m. */
const numberTag = (word: string) => (/[年月日时分份]$/.test(word) ? 't' : 'm');
/** Spans holding punctuation or white space are clauses, never one word. */
const CLAUSE = /[\s\p{P}\p{S}]/u;

export interface Found {
  slogans: readonly SloganMatch[];
  entities: readonly EntityMatch[];
  figures: readonly FigureMatch[];
}

/**
 * The spans to keep whole, from what the stages found in `text` (UTF-16 offsets) and the number rules.
 * For the pipeline's tokens stage (pipeline/stages.ts), which `zhnews segment` runs too.
 */
export function mergeSpans(text: string, found: Found, merge: ReadonlySet<MergeKind>): TokenSpan[] {
  const out: TokenSpan[] = [];
  if (merge.has('slogans')) {
    for (const s of found.slogans) if (!CLAUSE.test(text.slice(s.s, s.e))) out.push({ s: s.s, e: s.e, pos: SLOGAN_TAG });
  }
  if (merge.has('entities')) {
    for (const e of found.entities) {
      if (!CLAUSE.test(text.slice(e.s, e.e).replace(/·/g, ''))) out.push({ s: e.s, e: e.e, pos: ENTITY_TAG[e.type] });
    }
  }
  if (merge.has('figures')) for (const f of found.figures) out.push({ s: f.s, e: f.e, pos: FIGURE_TAG });
  if (merge.has('numbers')) {
    for (const n of numberSpans(text)) out.push({ s: n.s, e: n.e, pos: numberTag(text.slice(n.s, n.e)) });
  }
  return out;
}
