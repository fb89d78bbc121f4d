// Segmentation that respects what the other stages found: jieba's words, then every number, entity and
// slogan of the passage made one token (segment/retokenize.ts), so that "国家发展改革委", "13.5%" and "五位一体"
// survive as words.
//
//   new MergingSegmenter(jieba, DEFAULT_MERGE, resources).tag('国家发展改革委提出“五位一体”，投资增长13.5%')
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
// It sits above segment/ and extract/ (docs/design-layers.md): it runs the extractors over jieba's words.
// Entities need the tagger model of the given resources (ner/model.bin of their dicts folder); if it
// cannot be loaded, the segmenter goes on without them and says why in `problems`.

import type { Segmenter, WordToken } from '../segment/segmenter.js';
import type { EntityType } from '../types.js';
import { retokenize, type TokenSpan } from '../segment/retokenize.js';
import { numberSpans } from '../segment/numbers.js';
import { extractEntities, type EntityResources } from '../extract/entities/index.js';
import { extractFigures, type FigureLexicon } from '../extract/figures/index.js';
import { extractSlogans, type SloganModel } from '../extract/slogans/index.js';
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
 * Shared by `zhnews segment` and the pipeline's tokens, so both segment the same way.
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

/** What the merging segmenter reads: the entity knowledge, figure and slogan tables (resources.ts Resources). */
export interface MergeResources extends EntityResources {
  figures(): FigureLexicon;
  slogans(): SloganModel;
}

export class MergingSegmenter implements Segmenter {
  readonly merge: ReadonlySet<MergeKind>;
  /** Why a kind could not be merged (the entity model did not load), for the caller to report once. */
  readonly problems: string[] = [];

  constructor(
    readonly base: Segmenter,
    merge: Iterable<MergeKind>,
    /** The entity model, word lists, figure and slogan tables of one dicts folder (a Pipeline's Resources). */
    private readonly resources: MergeResources,
  ) {
    this.merge = new Set(merge);
  }

  /** Words of `text` (the width-folded analysis string), each found span one token. */
  tag(text: string): WordToken[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const words = this.base.tag(text);
    if (this.merge.size === 0 || !/[^\s\p{P}]/u.test(text)) return words;
    return retokenize(words, this.spans(text, words));
  }

  addWords(words: Iterable<{ word: string; pos: string }>): void {
    this.base.addWords(words);
  }

  /** The spans to keep whole in `text`, found by running the extractors the merge asks for. */
  spans(text: string, words: WordToken[]): TokenSpan[] {
    const m = this.merge;
    const slogans = m.has('slogans') || m.has('figures') ? extractSlogans(text, this.resources.slogans()) : [];
    return mergeSpans(
      text,
      {
        slogans,
        entities: m.has('entities') ? this.entities(text, words) : [],
        figures: m.has('figures') ? extractFigures(text, { referenceYear: null, blocked: slogans }, this.resources.figures()) : [],
      },
      m,
    );
  }

  private entitiesFailed = false;

  private entities(text: string, words: WordToken[]) {
    if (this.entitiesFailed) return [];
    try {
      return extractEntities(text, words, this.resources);
    } catch (e) {
      this.entitiesFailed = true;
      this.problems.push(`entities are not merged: ${(e as Error).message}`);
      return [];
    }
  }
}
