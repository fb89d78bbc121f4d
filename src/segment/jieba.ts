// The only importer of nodejieba.
//
// nodejieba keeps one global dictionary per process; loading it costs about a second and ~350 MB,
// so it is loaded once, lazily, on the first call. `tag` always runs jieba's MixSegment (dictionary +
// HMM for unknown words); with `hmm: false` words come from `cut(text, false)` (dictionary only) and
// their tags from jieba's own dictionary.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Segmenter, SegmenterOptions, WordToken } from './segmenter.js';
import { alignWords } from './align.js';

const require = createRequire(import.meta.url);
// The typings omit the dictionary paths the module exports.
type Nodejieba = typeof import('nodejieba') & {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
};

let jieba: Nodejieba | null = null;
const addedWords = new Set<string>();

function load(): Nodejieba {
  if (!jieba) {
    jieba = require('nodejieba') as Nodejieba;
    jieba.load();
  }
  return jieba;
}

let dictTags: Map<string, string> | null = null;
/** jieba's word -> tag table, for tagging the words of a no-HMM cut. */
function lookupTag(word: string): string {
  if (!dictTags) {
    const j = load();
    dictTags = new Map();
    for (const path of [j.DEFAULT_DICT, j.DEFAULT_USER_DICT]) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const parts = line.trim().split(/\s+/);
        const tag = parts[2] ?? parts[1];
        if (parts[0] && tag && !/^\d+$/.test(tag)) dictTags.set(parts[0], tag);
      }
    }
  }
  return dictTags.get(word) ?? (/^[\d.]+$/.test(word) ? 'm' : /^[A-Za-z]+$/.test(word) ? 'eng' : 'x');
}

/** Path of jieba's IDF table (word idf per line), used for keyword weights. */
export function jiebaIdfPath(): string {
  return load().DEFAULT_IDF_DICT;
}

export class JiebaSegmenter implements Segmenter {
  constructor(readonly options: SegmenterOptions = { hmm: true }) {}

  tag(text: string): WordToken[] {
    if (text.length === 0) return [];
    const j = load();
    if (this.options.hmm) return alignWords(text, j.tag(text));
    return alignWords(
      text,
      j.cut(text, false).map((word) => ({ word, tag: lookupTag(word) })),
    );
  }

  addWords(words: Iterable<{ word: string; pos: string }>): void {
    const j = load();
    for (const { word, pos } of words) {
      if (addedWords.has(word) || !word.trim()) continue;
      addedWords.add(word);
      j.insertWord(word, pos);
      dictTags?.set(word, pos);
    }
  }
}

/** Path of jieba's stop-word list (one word per line). */
export function jiebaStopWordsPath(): string {
  return load().DEFAULT_STOP_WORD_DICT;
}
