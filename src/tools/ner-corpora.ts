// The entity training corpora: which the shipped model learns from, how a corpus file is read, and the
// conventions of a corpus that training must know (CLUENER2020 labels places only as addresses).
// src/tools/train-ner.ts trains on them; docs/entities.md gives the measured effect of each choice.

import { readFileSync, readdirSync } from 'node:fs';
import { readDict } from '../dicts.js';
import type { CpWord } from '../extract/entities/features.js';

export interface GoldSentence {
  id: string;
  text: string;
  entities: { type: string; start: number; end: number }[];
  /** Spans whose gold label is unknown to our types (CLUENER's games, books, positions; unlabelled countries). */
  masked?: { start: number; end: number }[];
  /** Set when the corpus labels only addresses as places (CLUENER): see ADDRESS_ONLY_CORPORA. */
  addressOnly?: boolean;
}

/**
 * Corpora whose guidelines label a place only when it is an address (CLUENER2020's "address": 杭州九堡的
 * 蓝桥名苑 is labelled, a bare 北京 or 重庆 in running text mostly is not). Their O on a bare place name
 * is no evidence against LOC, so training masks every place name there that no gold entity covers:
 * jieba's ns words and the gazetteer's countries, provinces, cities and counties.
 */
export const ADDRESS_ONLY_CORPORA = new Set(['cluener-train.jsonl']);
const MASKED_PLACE_KINDS = new Set(['country', 'province', 'city', 'county', 'region']);
let placeNames: Set<string> | null = null;
function bareRegionNames(): Set<string> {
  if (placeNames) return placeNames;
  placeNames = new Set();
  for (const f of ['ner/places.txt', 'ner/divisions.txt'])
    for (const r of readDict(f, 2)) if (MASKED_PLACE_KINDS.has(r.fields[1]!) && [...r.fields[0]!].length >= 2) placeNames.add(r.fields[0]!);
  return placeNames;
}

/** Place names in a sentence of an address-only corpus that no gold entity overlaps: [start, end) pairs. */
export function unlabelledPlaces(chars: string[], words: CpWord[], gold: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  const free = (a: number, b: number) => gold.subarray(a, b).every((x) => x === 0);
  for (const w of words) if (w.pos === 'ns' && free(w.s, w.e)) out.push([w.s, w.e]);
  const names = bareRegionNames();
  for (let i = 0; i < chars.length; i++) {
    let t = '';
    for (let k = i; k < Math.min(chars.length, i + 8); k++) {
      t += chars[k];
      if (k > i && names.has(t) && free(i, k + 1)) out.push([i, k + 1]);
    }
  }
  return out;
}

/** The sentences of a JSON Lines corpus file. */
export function readJsonl(path: string): GoldSentence[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldSentence);
}

/**
 * The corpora the shipped model is trained on: the 1990s news of MSRA and People's Daily, and CLUENER2020's
 * modern web news (docs/entities.md: on held-out sentences it costs the older text 0.004 F1 and brings the
 * modern text from 0.43 to 0.71). Named, not globbed, so that a corpus added to the training folder changes
 * no model until it is chosen here (the model must be rebuilt byte for byte from a clean clone).
 */
export const DEFAULT_CORPORA = ['msra-train-01.jsonl', 'msra-train-02.jsonl', 'msra-train-03.jsonl', 'pd1998-train-01.jsonl', 'cluener-train.jsonl'];

/** --files: a comma-separated list of corpus files in the training folder, or `all` of them. */
export function corpusFiles(dir: string, choice: string | undefined): string[] {
  const present = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (choice === 'all') return present;
  const files = choice ? choice.split(',').filter(Boolean) : DEFAULT_CORPORA;
  const missing = files.filter((f) => !present.includes(f));
  if (missing.length) throw new Error(`training corpora not found in ${dir}: ${missing.join(', ')}`);
  return files;
}

