// Named entities (PER / LOC / ORG) of a passage: the character tagger plus post-rules.
//
//   extractEntities('国家发展改革委主任郑栅洁在北京出席会议', words, resources)
//     -> ORG 国家发展改革委 [0,7), PER 郑栅洁 [9,12) titles ['国家发展改革委主任'], LOC 北京 [13,15)
//
// The model and the word lists come from the caller's EntityResources (a Pipeline's Resources, built
// from one dicts folder): nothing is loaded or kept here.

import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import type { EntityTagger } from './tagger.js';
import type { Gazetteers } from './gazetteers.js';
import { applyPostRules, type Lexicon, type PostRuleOptions } from './post-rules/index.js';

export { EntityTagger, type TaggedChars } from './tagger.js';
export { applyPostRules, POST_RULES, POST_RULE_NAMES, type PostRuleOptions } from './post-rules/index.js';
export { LABEL_NAMES } from './labels.js';

/** What the entity extractor reads, loaded on first use by whoever implements it (resources.ts). */
export interface EntityResources {
  /** The tagger of the folder's ner/model.bin, with its gazetteers. */
  tagger(): EntityTagger;
  /** The gazetteers in the folder's ner/. */
  gazetteers(): Gazetteers;
  /** The post-rules' word lists in the folder's ner/. */
  lexicon(): Lexicon;
}

/**
 * Entities of `text` (a passage's width-folded analysis string) given its jieba tokens `words`
 * (UTF-16 offsets into the same text): UTF-16 [s, e), sorted, non-overlapping.
 */
export function extractEntities(text: string, words: WordToken[], res: EntityResources, options: PostRuleOptions = {}): EntityMatch[] {
  return finishEntities(text, words, tagEntities(text, words, res), res, options);
}

/**
 * The first half of extractEntities: the tagger's own entities (null for a text without a letter or
 * digit). The pipeline tags a batch of passages before it applies the post-rules to any of them: the
 * tagger's tables and the post-rules' lexicons then take turns in the caches once, not per passage.
 */
export function tagEntities(text: string, words: WordToken[], res: EntityResources): EntityMatch[] | null {
  if (!text || !/[^\s\p{P}\p{S}]/u.test(text)) return null;
  return res.tagger().tag(text, words);
}

/** The second half of extractEntities: the post-rules over what tagEntities found. */
export function finishEntities(
  text: string,
  words: WordToken[],
  tagged: EntityMatch[] | null,
  res: EntityResources,
  options: PostRuleOptions = {},
): EntityMatch[] {
  return tagged ? applyPostRules(text, words, tagged, { gaz: res.gazetteers(), lex: res.lexicon() }, options) : [];
}

/** BIOES labels per code point, for benchmarks and inspection. */
export function tagChars(text: string, words: WordToken[], res: EntityResources) {
  return res.tagger().tagChars(text, words);
}
