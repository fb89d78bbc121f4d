// Audits the entity post-rules on held-out training text: every rule is scored by running the post-rules
// without it, on sentences of the NER corpora that the model being audited was not trained on.
//
//   npm run train:ner -- --files all --hold-out 0/5 --out /tmp/fold0.bin
//   npm run audit:rules -- --model /tmp/fold0.bin --hold-out 0/5 [--files all|A.jsonl,B.jsonl]
//        [--train DIR] [--limit N] [--json OUT] [--show RULE [--max N]]
//
// Each held-out sentence (index i in its file with i % N === K, src/tools/hold-out.ts) is width-folded,
// segmented and tagged once; the post-rules then run over the tagger's output with all rules on, all
// off, and each rule off in turn, and each run is scored per corpus (MSRA, People's Daily, CLUENER) as
// the evaluation scores it (src/tools/ner-score.ts; CLUENER's masked spans are not counted). The table
// printed (Markdown) gives, per rule, the change of F1 when the rule is off (positive: the corpora are
// better without it) and how many entities it changes (entities of the all-on run missing from the
// rule-off run, plus the reverse). --limit keeps the first N held-out sentences of each file (a quick look);
// --show RULE prints, instead of the table, the sentences where the rule changes an entity, each entity
// it makes (+) or undoes (−) marked ✓ where it is gold (to read what a rule does to a corpus).

import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldWidth } from '../text/chars.js';
import { JiebaSegmenter } from '../segment/jieba.js';
import type { WordToken } from '../segment/segmenter.js';
import type { EntityMatch } from '../extract/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { finishEntities, tagEntities, POST_RULE_NAMES, type EntityResources } from '../extract/entities/index.js';
import { withEntityModel } from '../resources.js';
import { EntityScore, keySet, readGold, type CpEntity, type GoldSentence } from './ner-score.js';
import { parseHoldOut, selectHoldOut } from './hold-out.js';

/** A held-out sentence, analysed once. */
interface Sample {
  gold: GoldSentence;
  corpus: string;
  text: string;
  words: WordToken[];
  tagged: EntityMatch[] | null;
  /** Code-point index of each UTF-16 offset of `text`. */
  cp: Uint32Array;
}

/** One run of the post-rules: its name and the rules it skips. */
export interface AuditRun {
  name: string;
  skip: readonly string[];
}

/** All on, all off, then each rule off, in POST_RULES order. */
export function auditRuns(rules: readonly string[] = POST_RULE_NAMES): AuditRun[] {
  return [{ name: 'all on', skip: [] }, { name: 'all off', skip: rules }, ...rules.map((r) => ({ name: r, skip: [r] }))];
}

/** The corpus a training file belongs to, by its name: msra-train-02.jsonl -> MSRA. */
export function corpusOf(file: string): string {
  if (/^msra/i.test(file)) return 'MSRA';
  if (/^pd/i.test(file)) return "People's Daily";
  if (/^cluener/i.test(file)) return 'CLUENER';
  return file.replace(/\.jsonl$/, '');
}

/** The table's column order: the news corpora first, the modern one last, any other after them. */
const CORPUS_ORDER = ['MSRA', "People's Daily", 'CLUENER'];
function corpusRank(corpus: string): number {
  const k = CORPUS_ORDER.indexOf(corpus);
  return k < 0 ? CORPUS_ORDER.length : k;
}

/** One run's result: F1 per corpus and the number of entities that differ from the all-on run. */
export interface RunResult {
  name: string;
  f1: Record<string, number>;
  changed: number;
}

/**
 * Scores every run over the samples. `apply` gives the final entities of a sample with some rules
 * skipped (the tests drive it with fakes).
 */
export function scoreRuns(
  samples: readonly Pick<Sample, 'gold' | 'corpus'>[],
  runs: readonly AuditRun[],
  apply: (i: number, skip: readonly string[]) => CpEntity[],
): RunResult[] {
  const corpora = [...new Set(samples.map((s) => s.corpus))].sort((a, b) => corpusRank(a) - corpusRank(b) || (a < b ? -1 : 1));
  let base: Set<string>[] = [];
  return runs.map((run, r) => {
    const scores = new Map(corpora.map((c) => [c, new EntityScore()]));
    const keys: Set<string>[] = [];
    let changed = 0;
    samples.forEach((s, i) => {
      const pred = apply(i, run.skip);
      scores.get(s.corpus)!.add(s.gold, pred);
      const k = keySet(pred);
      keys.push(k);
      if (r > 0) {
        for (const x of k) if (!base[i]!.has(x)) changed++;
        for (const x of base[i]!) if (!k.has(x)) changed++;
      }
    });
    if (r === 0) base = keys;
    return { name: run.name, f1: Object.fromEntries([...scores].map(([c, sc]) => [c, sc.micro().f1])), changed };
  });
}

/** The table: all-on F1 per corpus, then ΔF1 (off − on) per corpus and summed, and entities changed. */
export function formatTable(results: readonly RunResult[], sizes: Record<string, number>): string {
  const [on, ...rest] = results;
  if (!on) return '';
  const corpora = Object.keys(on.f1);
  const signed = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(4);
  const lines = [
    `| rule off | ${corpora.map((c) => `${c} ΔF1`).join(' | ')} | sum ΔF1 | entities changed |`,
    `|---|${corpora.map(() => '---:').join('|')}|---:|---:|`,
    `| (none: all on, F1) | ${corpora.map((c) => `${on.f1[c]!.toFixed(4)} (${sizes[c]} sentences)`).join(' | ')} | | |`,
  ];
  for (const r of rest) {
    const d = corpora.map((c) => r.f1[c]! - on.f1[c]!);
    lines.push(`| ${r.name} | ${d.map(signed).join(' | ')} | ${signed(d.reduce((a, x) => a + x, 0))} | ${r.changed} |`);
  }
  return lines.join('\n');
}

/** The entities of a sample in code points, with some rules skipped. */
function finalEntities(s: Sample, res: EntityResources, skip: readonly string[]): CpEntity[] {
  return finishEntities(s.text, s.words, s.tagged, res, { skip }).map((e) => ({ type: e.type, start: s.cp[e.s]!, end: s.cp[e.e]! }));
}

/** Prints up to `max` sentences where `rule` changes an entity: + made by the rule, − undone by it. */
function showRule(samples: readonly Sample[], res: EntityResources, rule: string, max: number): void {
  let shown = 0;
  let counts = { madeGold: 0, made: 0, undoneGold: 0, undone: 0 };
  for (const s of samples) {
    const on = keySet(finalEntities(s, res, []));
    const off = keySet(finalEntities(s, res, [rule]));
    const gold = keySet(s.gold.entities);
    const chars = [...s.gold.text];
    const show = (k: string, mark: string) => {
      const [type, a, b] = k.split('\t');
      return `${mark}${type} ${chars.slice(Number(a), Number(b)).join('')}${gold.has(k) ? ' ✓' : ''}`;
    };
    const made = [...on].filter((k) => !off.has(k));
    const undone = [...off].filter((k) => !on.has(k));
    if (!made.length && !undone.length) continue;
    counts = {
      madeGold: counts.madeGold + made.filter((k) => gold.has(k)).length,
      made: counts.made + made.length,
      undoneGold: counts.undoneGold + undone.filter((k) => gold.has(k)).length,
      undone: counts.undone + undone.length,
    };
    if (shown++ < max) console.log(`${s.corpus} ${s.gold.id}: ${s.gold.text}\n  ${[...made.map((k) => show(k, '+')), ...undone.map((k) => show(k, '−'))].join(' | ')}`);
  }
  console.log(`${rule}: makes ${counts.made} entities (${counts.madeGold} gold), undoes ${counts.undone} (${counts.undoneGold} gold), in ${shown} sentences`);
}

function parseArgs(argv: string[]): Record<string, string> {
  const opt: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) opt[a.slice(2)] = 'true';
    else {
      opt[a.slice(2)] = next;
      i++;
    }
  }
  return opt;
}

function main(argv: string[]): void {
  const opt = parseArgs(argv);
  if (!opt['hold-out'] || !opt['model']) {
    throw new Error('usage: audit-rules --model PATH --hold-out K/N [--files all|A.jsonl,B.jsonl] [--train DIR] [--limit N] [--json OUT]\n' +
      '(the model must have been trained with the same --hold-out, or it is scored on its own training sentences)');
  }
  const holdOut = parseHoldOut(opt['hold-out']);
  const trainDir = resolve(opt['train'] ?? join(PACKAGE_ROOT, '..', 'shared', 'train', 'ner'));
  const present = readdirSync(trainDir).filter((f) => f.endsWith('.jsonl')).sort();
  const files = !opt['files'] || opt['files'] === 'all' ? present : opt['files'].split(',').filter(Boolean);
  const missing = files.filter((f) => !present.includes(f));
  if (missing.length) throw new Error(`corpora not found in ${trainDir}: ${missing.join(', ')}`);
  const limit = Number(opt['limit'] ?? Infinity);

  const t0 = Date.now();
  const log = (msg: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
  const res = withEntityModel(resolve(opt['model']));
  const segmenter = new JiebaSegmenter({ hmm: true });
  const samples: Sample[] = [];
  for (const f of files) {
    for (const gold of selectHoldOut(readGold(join(trainDir, f)), holdOut, true).slice(0, limit)) {
      const text = foldWidth(gold.text);
      const words = segmenter.tag(text);
      const cp = new Uint32Array(text.length + 1);
      let k = 0;
      for (let i = 0; i < text.length; i++) {
        cp[i] = k;
        const c = text.charCodeAt(i);
        if (c < 0xd800 || c > 0xdbff) k++;
      }
      cp[text.length] = k;
      samples.push({ gold, corpus: corpusOf(f), text, words, tagged: tagEntities(text, words, res), cp });
    }
  }
  const sizes: Record<string, number> = {};
  for (const s of samples) sizes[s.corpus] = (sizes[s.corpus] ?? 0) + 1;
  log(`tagged ${samples.length} held-out sentences (${Object.entries(sizes).map(([c, n]) => `${c} ${n}`).join(', ')})`);

  if (opt['show']) {
    showRule(samples, res, opt['show'], Number(opt['max'] ?? 40));
    return;
  }
  const runs = auditRuns();
  const results = scoreRuns(samples, runs, (i, skip) => finalEntities(samples[i]!, res, skip));
  log(`${runs.length} runs of the post-rules scored`);
  console.log(formatTable(results, sizes));
  if (opt['json']) writeFileSync(opt['json'], JSON.stringify({ model: opt['model'], holdOut: opt['hold-out'], files, sizes, results }, null, 2) + '\n');
}

// Run as a program, not when a test imports the functions above.
if (process.argv[1] && /audit-rules\.js$/.test(process.argv[1])) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  }
}
