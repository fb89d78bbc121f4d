// The only importer of nodejieba.
//
// nodejieba keeps one global dictionary per process; it is loaded once, lazily, on the first call.
// zhnews loads its own dictionaries from dicts/ (built by `npm run build:dicts`, see
// src/tools/build-seg-dict.ts and dicts/seg-news.README):
//   seg-news.dict.utf8  replaces jieba's main dictionary: jieba's words that the PKU / MSR training
//                       vocabularies or PD-1998 also know, plus theirs, with PD-1998 frequencies
//   seg-news.user.utf8  characters that stand alone as words (的, 是, 在 ...): cppjieba never lets its
//                       HMM glue a user-dictionary single character to its neighbours
// A replacement, not a user dictionary on top of jieba's, because a user dictionary can only add
// words: jieba's 350k words include many compounds both standards split (国有企业, 三峡工程, 新世纪
// 贺词 ...), and they cost more F1 than any addition wins. Loading takes about 1 s and ~250 MB.
// `tag` runs jieba's MixSegment (dictionary + HMM for unknown words; with `hmm: false` dictionary only)
// through `cut`, and tags the words from the loaded dictionaries as cppjieba's PosTagger does.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Segmenter, SegmenterOptions, WordToken } from './segmenter.js';
import { alignWords } from './align.js';
import { WordTags } from './word-tags.js';
import { windows } from '../text/windows.js';
import { dictPath } from '../paths.js';

const require = createRequire(import.meta.url);
// The typings omit the dictionary paths the module exports.
type Nodejieba = typeof import('nodejieba') & {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
};

/** zhnews's segmentation dictionaries in dicts/. */
export const NEWS_DICT = 'seg-news.dict.utf8';
export const NEWS_USER_DICT = 'seg-news.user.utf8';
/**
 * A one-line stand-in for the IDF table and stop-word list that nodejieba.load makes its keyword
 * extractors read: zhnews never calls them (keywords/tfidf.ts reads jieba's IDF itself), and parsing
 * jieba's 6 MB idf.utf8 into a C++ map took ~0.3 s and ~20 MB in every process and worker.
 */
export const EXTRACTOR_STUB = 'seg-jieba-extractor.utf8';

/** Which dictionaries jieba loads: zhnews's (the default) or jieba's own (for comparisons). */
export type DictionaryChoice = 'news' | 'jieba';

let choice: DictionaryChoice = 'news';
let jieba: Nodejieba | null = null;
let loaded: { dict: string; userDict: string } | null = null;
const addedWords = new Set<string>();

/**
 * Chooses the dictionaries before the first segmentation. Returns false (and changes nothing) once
 * jieba is loaded: the dictionary is process-wide and reloading would drop words added since.
 */
export function useDictionaries(which: DictionaryChoice): boolean {
  if (jieba) return which === choice;
  choice = which;
  return true;
}

let bundledDir: string | null = null;
/**
 * Path of a file of jieba's bundled dictionary folder, found without loading the native module (resolved
 * once: the keywords stage asks for the IDF table's path with every document).
 */
export function bundledJiebaDict(name = 'jieba.dict.utf8'): string {
  bundledDir ??= join(dirname(require.resolve('nodejieba')), 'submodules', 'cppjieba', 'dict');
  return join(bundledDir, name);
}

/** jieba's word -> tag table, from its bundled dictionary (`word freq tag` per line). */
export function bundledJiebaTags(): Map<string, string> {
  const tags = new Map<string, string>();
  for (const line of readFileSync(bundledJiebaDict(), 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && tag) tags.set(word, tag);
  }
  return tags;
}

/** The dictionary files jieba runs with (loads jieba if it has not been loaded yet). */
export function loadedDictionaries(): { dict: string; userDict: string } {
  load();
  return { ...loaded! };
}

function load(): Nodejieba {
  if (!jieba) {
    const j = require('nodejieba') as Nodejieba;
    const news = { dict: dictPath(NEWS_DICT), userDict: dictPath(NEWS_USER_DICT) };
    // Without the generated files (a checkout before `npm run build:dicts`) jieba's own still work.
    loaded =
      choice === 'news' && existsSync(news.dict) && existsSync(news.userDict)
        ? news
        : { dict: j.DEFAULT_DICT, userDict: j.DEFAULT_USER_DICT };
    const stub = dictPath(EXTRACTOR_STUB);
    j.load(existsSync(stub) ? { ...loaded, idfDict: stub, stopWordDict: stub } : loaded);
    jieba = j;
  }
  return jieba;
}

let dictTags: WordTags | null = null;
/** Words added with insertWord, and their tags: jieba's trie lets them override the files' tags. */
const addedTags = new Map<string, string>();
/** Tags of one-UTF-16-unit words by code (about half of all words), memoised from lookupTag. */
let singleTags: (string | undefined)[] = [];

/** What lookupTag reads tags from: the loaded dictionaries' WordTags, or a fixed table in tests. */
type TagTable = { get(word: string): string | undefined };

function tagOf(word: string, table: TagTable): string {
  if (word.length !== 1) return lookupTag(word, table);
  const c = word.charCodeAt(0);
  return (singleTags[c] ??= lookupTag(word, table));
}

/** The loaded dictionaries' word -> tag table (the user dictionary after the main one: its tags win). */
function tagTable(): WordTags {
  if (!dictTags) {
    load();
    // `word freq tag` (or `word tag` in a user dictionary), parsed in place with indexOf: 100,000 lines
    // in every worker's start-up.
    const texts = [loaded!.dict, loaded!.userDict].map((path) => readFileSync(path, 'utf8'));
    let lines = 0;
    for (const text of texts) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    dictTags = new WordTags(lines + 2);
    for (const text of texts) {
      for (let at = 0; at < text.length; ) {
        let nl = text.indexOf('\n', at);
        if (nl < 0) nl = text.length;
        // The line [a, b) without its edge whitespace (\r included), read in place.
        let a = at;
        let b = nl;
        at = nl + 1;
        while (a < b && text.charCodeAt(a) <= 32) a++;
        while (b > a && text.charCodeAt(b - 1) <= 32) b--;
        const sp1 = text.indexOf(' ', a);
        if (sp1 <= a || sp1 >= b) continue;
        const tag = text.slice(text.lastIndexOf(' ', b - 1) + 1, b);
        if (tag && !/^\d+$/.test(tag)) dictTags.setSlice(text, a, sp1, tag);
      }
    }
  }
  return dictTags;
}

/**
 * jieba's tag of a word, as cppjieba's PosTagger finds it: the dictionary's tag, else by its ASCII
 * characters (SpecialRule): none -> x; only digits among them -> m; letters among them -> eng. The
 * count stops once half the word has been seen to be ASCII, as cppjieba's loop does.
 */
export function lookupTag(word: string, table: TagTable = tagTable()): string {
  const known = (addedTags.size ? addedTags.get(word) : undefined) ?? table.get(word);
  if (known) return known;
  const runes = Array.from(word);
  let m = 0;
  let eng = 0;
  for (let i = 0; i < runes.length && eng < Math.floor(runes.length / 2); i++) {
    const c = runes[i]!.codePointAt(0)!;
    if (c < 0x80) {
      eng++;
      if (c >= 0x30 && c <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  return m === eng ? 'm' : 'eng';
}

/** Path of jieba's IDF table (word idf per line), used for keyword weights. */
export function jiebaIdfPath(): string {
  return bundledJiebaDict('idf.utf8');
}

/**
 * Longest text cut in one call. cppjieba holds ~400 bytes per character while it cuts (1.2 GB for a
 * 3-million-character line); a window of this size holds a few MB.
 */
export const CUT_WINDOW = 16384;
/** cppjieba's SPECIAL_SEPARATORS (SegmentBase.hpp): it cuts the text at these before segmenting. */
const JIEBA_SEPARATOR = /[ \t\n，。]/;

export class JiebaSegmenter implements Segmenter {
  constructor(readonly options: SegmenterOptions = { hmm: true }) {}

  tag(text: string): WordToken[] {
    if (text.length === 0) return [];
    const j = load();
    // nodejieba.tag builds a JavaScript object per word across the native boundary, which costs as much
    // as the segmentation itself; cut returns plain strings, and the tags come from the same
    // dictionaries by cppjieba's own rule (lookupTag): the same words and tags at about half the time.
    const table = tagTable();
    const tagger = (word: string) => tagOf(word, table);
    if (text.length <= CUT_WINDOW) return alignWords(text, j.cut(text, this.options.hmm), tagger);
    // A huge passage is cut window by window at jieba's own separators (the same words: cppjieba splits
    // there before it segments), so its native buffers stay small (text/windows.ts).
    const out: WordToken[] = [];
    for (const [a, b] of windows(text, CUT_WINDOW, [JIEBA_SEPARATOR])) {
      for (const w of alignWords(text.slice(a, b), j.cut(text.slice(a, b), this.options.hmm), tagger)) {
        w.s += a;
        w.e += a;
        out.push(w);
      }
    }
    return out;
  }

  addWords(words: Iterable<{ word: string; pos: string }>): void {
    const j = load();
    for (const { word, pos } of words) {
      if (addedWords.has(word) || !word.trim()) continue;
      addedWords.add(word);
      j.insertWord(word, pos);
      addedTags.set(word, pos);
      if (word.length === 1) singleTags = [];
    }
  }
}

/** nodejieba.tag itself, on zhnews's dictionaries: the reference speed for benchmarks. */
export function nodejiebaTag(text: string): { word: string; tag: string }[] {
  return load().tag(text);
}

/** Path of jieba's stop-word list (one word per line). */
export function jiebaStopWordsPath(): string {
  return bundledJiebaDict('stop_words.utf8');
}
