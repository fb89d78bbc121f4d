// Where the gazetteer candidates occur in the entity training text, and how often they are entities
// there: the evidence build-gazetteers.ts filters on and the coverage / precision table it prints.
//
// A match is an entry read where jieba's words start and end (it may span several words: 国际|米兰),
// so 高石 inside 高石墙 is no match; a match that overlaps a span the corpus masks (CLUENER's games,
// books, positions) counts for nothing. For each match: exact (a gold span of the list's type, same
// start and end), inside (within a longer gold span of the type: 国泰航空 in 国泰航空公司), or neither.
// Raw occurrences count every place the entry's characters appear, word boundaries or not; fragments
// are those off word boundaries and within no gold span of the type.
//
//   trainingStats(['曼联'], 'ORG', sentences)  ->  occ, exact, inside, raw per entry, and the gold spans

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CharTrie } from '../extract/entities/char-trie.js';
import type { Segmenter } from '../segment/segmenter.js';

interface GoldSpan {
  type: string;
  start: number;
  end: number;
}

/** One training sentence: its text as code points, jieba's word boundaries, gold and masked spans. */
export interface TrainSentence {
  codes: Int32Array;
  wordStart: Uint8Array;
  wordEnd: Uint8Array;
  gold: GoldSpan[];
  masked: Uint8Array;
}

/** Per-entry counts over the training text. */
export interface EntryCounts {
  occ: Int32Array;
  exact: Int32Array;
  inside: Int32Array;
  raw: Int32Array;
  /** Occurrences inside other words: off jieba's word boundaries and within no gold span of the type. */
  frag: Int32Array;
}

/** Reads every *.jsonl of the training folder and segments it (jieba, as the pipeline does). */
export function readTraining(dir: string, segmenter: Segmenter): { sentences: TrainSentence[]; files: string[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const sentences: TrainSentence[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { text: string; entities?: GoldSpan[]; masked?: { start: number; end: number }[] };
      const chars = Array.from(rec.text);
      const n = chars.length;
      // jieba's offsets are UTF-16 units; the corpus's are code points.
      const unitToPoint = new Int32Array(rec.text.length + 1);
      for (let p = 0, u = 0; p < n; p++) {
        for (let k = 0; k < chars[p]!.length; k++) unitToPoint[u + k] = p;
        u += chars[p]!.length;
        unitToPoint[u] = p + 1;
      }
      const wordStart = new Uint8Array(n + 1);
      const wordEnd = new Uint8Array(n + 1);
      for (const w of segmenter.tag(rec.text)) {
        wordStart[unitToPoint[w.s]!] = 1;
        wordEnd[unitToPoint[w.e]!] = 1;
      }
      const masked = new Uint8Array(n);
      for (const m of rec.masked ?? []) masked.fill(1, m.start, m.end);
      sentences.push({ codes: Int32Array.from(chars, (c) => c.codePointAt(0)!), wordStart, wordEnd, gold: rec.entities ?? [], masked });
    }
  }
  return { sentences, files };
}

/** Counts, for each of `names`, its matches in the sentences against gold spans of `type`. */
export function countMatches(names: readonly string[], type: string, sentences: readonly TrainSentence[]): EntryCounts {
  const trie = CharTrie.of(names.map((name, i) => [name, i] as const), 'points');
  const counts: EntryCounts = {
    occ: new Int32Array(names.length),
    exact: new Int32Array(names.length),
    inside: new Int32Array(names.length),
    raw: new Int32Array(names.length),
    frag: new Int32Array(names.length),
  };
  for (const s of sentences) {
    const { codes, wordStart, wordEnd, masked } = s;
    const n = codes.length;
    const gold = s.gold.filter((g) => g.type === type);
    const exact = new Set(gold.map((g) => g.start * 65536 + g.end));
    for (let i = 0; i < n; i++) {
      if (!trie.mayStart(codes[i]!)) continue;
      let node = 0;
      for (let j = i; j < n; j++) {
        node = trie.child(node, codes[j]!);
        if (node < 0) break;
        if (!trie.isTerminal(node)) continue;
        const id = trie.valueAt(node);
        counts.raw[id]!++;
        let hidden = false;
        for (let k = i; k <= j && !hidden; k++) hidden = masked[k] === 1;
        if (hidden) continue;
        const within = gold.some((g) => g.start <= i && g.end >= j + 1);
        if (!wordStart[i] || !wordEnd[j + 1]) {
          // 腾讯 in 腾讯网 (an ORG) is no fragment; 高石 in 高石墙 is.
          if (!within) counts.frag[id]!++;
          continue;
        }
        counts.occ[id]!++;
        if (exact.has(i * 65536 + j + 1)) counts.exact[id]!++;
        else if (within) counts.inside[id]!++;
      }
    }
  }
  return counts;
}

/** Gold spans of `type` (their texts, one per occurrence), for coverage. */
export function goldTexts(type: string, sentences: readonly TrainSentence[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    for (const g of s.gold) {
      if (g.type === type) out.push(String.fromCodePoint(...s.codes.subarray(g.start, g.end)));
    }
  }
  return out;
}

/** One row of the measurement table. */
export interface StatsRow {
  list: string;
  entries: number;
  matches: number;
  exact: number;
  inside: number;
  covered: number;
  gold: number;
}

/** Sums the counts of the entries `keep` selects, and the share of gold spans whose text it holds. */
export function statsRow(
  list: string,
  names: readonly string[],
  counts: EntryCounts,
  keep: (i: number) => boolean,
  gold: readonly string[],
): StatsRow {
  const kept = new Set<string>();
  let matches = 0;
  let exact = 0;
  let inside = 0;
  for (let i = 0; i < names.length; i++) {
    if (!keep(i)) continue;
    kept.add(names[i]!);
    matches += counts.occ[i]!;
    exact += counts.exact[i]!;
    inside += counts.inside[i]!;
  }
  const covered = gold.filter((t) => kept.has(t)).length;
  return { list, entries: kept.size, matches, exact, inside, covered, gold: gold.length };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

/** The table as Markdown: entries, matches, precision (exact; exact or inside), coverage. */
export function formatStats(rows: readonly StatsRow[]): string {
  const lines = [
    '| list | entries | matches | precision | precision (exact or inside) | coverage of gold spans |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(`| ${r.list} | ${r.entries} | ${r.matches} | ${pct(r.exact, r.matches)} | ${pct(r.exact + r.inside, r.matches)} | ${pct(r.covered, r.gold)} (${r.covered} of ${r.gold}) |`);
  }
  return lines.join('\n');
}
