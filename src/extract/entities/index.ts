// Named entities (PER / LOC / ORG) of a passage: the character tagger plus post-rules.
//
//   extractEntities('国家发展改革委主任郑栅洁在北京出席会议', words)
//     -> ORG 国家发展改革委 [0,7), PER 郑栅洁 [9,12) titles ['国家发展改革委主任'], LOC 北京 [13,15)
//
// The model (dicts/ner/model.bin) is loaded once per process, on first use.

import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import { EntityTagger } from './tagger.js';
import { applyPostRules, type PostRuleOptions } from './post-rules/index.js';

export { EntityTagger, type TaggedChars } from './tagger.js';
export { applyPostRules, POST_RULES, POST_RULE_NAMES, type PostRuleOptions } from './post-rules/index.js';
export { LABEL_NAMES } from './labels.js';

let tagger: EntityTagger | null = null;

/** The process-wide tagger (loads dicts/ner/model.bin on first call). */
export function getEntityTagger(): EntityTagger {
  tagger ??= EntityTagger.load();
  return tagger;
}

/** Replaces the process-wide tagger (tools and tests that load another model file). */
export function setEntityTagger(t: EntityTagger | null): void {
  tagger = t;
}

/**
 * Entities of `text` (a passage's width-folded analysis string) given its jieba tokens `words`
 * (UTF-16 offsets into the same text): UTF-16 [s, e), sorted, non-overlapping.
 */
export function extractEntities(text: string, words: WordToken[], options: PostRuleOptions = {}): EntityMatch[] {
  return finishEntities(text, words, tagEntities(text, words), options);
}

/**
 * The first half of extractEntities: the tagger's own entities (null for a text without a letter or
 * digit). The pipeline tags a batch of passages before it applies the post-rules to any of them: the
 * tagger's tables and the post-rules' lexicons then take turns in the caches once, not per passage.
 */
export function tagEntities(text: string, words: WordToken[]): EntityMatch[] | null {
  if (!text || !/[^\s\p{P}\p{S}]/u.test(text)) return null;
  return getEntityTagger().tag(text, words);
}

/** The second half of extractEntities: the post-rules over what tagEntities found. */
export function finishEntities(text: string, words: WordToken[], tagged: EntityMatch[] | null, options: PostRuleOptions = {}): EntityMatch[] {
  return tagged ? applyPostRules(text, words, tagged, options) : [];
}

/** BIOES labels per code point, for benchmarks and inspection. */
export function tagChars(text: string, words: WordToken[]) {
  return getEntityTagger().tagChars(text, words);
}
