// Trains the character-level entity tagger (dicts/ner/model.bin) and measures it.
//
//   node dist/tools/train-ner.js [train] [--train DIR] [--files all|A.jsonl,B.jsonl] [--epochs N] [--min-count N] [--seed N]
//        [--min-weight X] [--min-feature-weight X] [--out dicts/ner/model.bin] [--dev FILE,FILE] [--limit N] [--dictionary jieba|news]
//        [--hold-out K/N]
//   node dist/tools/train-ner.js predict GOLD.jsonl PRED.jsonl [--model ner/model.bin] [--raw] [--dictionary jieba|news]
//   node dist/tools/train-ner.js snapshot OUT FILE... [--model ner/model.bin]
//   node dist/tools/train-ner.js check SNAPSHOT [--model ner/model.bin]
//
// `train` reads the NER corpora in --train (default ../shared/train/ner, the only data the model may
// learn from), width-folds every sentence as the pipeline does, segments it with jieba, and runs an
// averaged structured perceptron over BIOES labels for a fixed number of epochs; the sentence order
// of each epoch comes from a seeded PRNG, so the same data and seed give a byte-identical model.
// --dev files are only decoded after each epoch to print F1 (for choosing settings), never learnt.
// --hold-out K/N leaves out every sentence whose index i in its file has i % N === K (src/tools/hold-out.ts),
// for a fold model that `audit-rules --hold-out K/N` then scores on the sentences it never saw.
// `predict` writes one {"id","entities":[{type,start,end}]} line per gold sentence (code points) for
// shared/eval/score-ner.mjs; --raw skips the post-rules (model output only); --dictionary segments with
// jieba's own dictionary (as training does) or zhnews's (as the pipeline does, the default).
// `snapshot` writes, for every text of the FILEs (.jsonl: the "text" of each record; anything else:
// each non-blank line), the tagger's BIOES labels and the final entities, one line per text
// (with the jieba tokens it used); `check` re-tags those texts with the stored tokens and reports
// every text whose labels or entities changed: take a snapshot before a change that must not alter
// the output (a speed-up), check after it.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldWidth } from '../text/chars.js';
import { JiebaSegmenter, useDictionaries, type DictionaryChoice } from '../segment/jieba.js';
import type { WordToken } from '../segment/segmenter.js';
import { PACKAGE_ROOT, dictPath } from '../paths.js';
import { DictFolder } from '../dicts.js';
import { FeatureTable } from '../extract/entities/feature-table.js';
import {
  CharVocab,
  FIRST_VOCAB_ID,
  charForm,
  extractKeys,
  WordDict,
  nameLexicon,
  type CpWord,
  loadGazetteers,
  toCharText,
  toCpWords,
} from '../extract/entities/features.js';
import { NUM_TEMPLATES, countByGroup } from '../extract/entities/feature-templates.js';
import {
  ENTITY_LABEL_TYPES,
  NUM_LABELS,
  labelsToSpans,
  spansToLabels,
  type LabelSpan,
} from '../extract/entities/labels.js';
import { encodeModel } from '../extract/entities/model-io.js';
import { TRANS_SIZE, transIndex, viterbi } from '../extract/entities/viterbi.js';
import { extractEntities, tagChars, type EntityResources } from '../extract/entities/index.js';
import { Resources, withEntityModel } from '../resources.js';
import { mulberry32 } from '../text/random.js';
import { parseHoldOut, selectHoldOut } from './hold-out.js';
import { ADDRESS_ONLY_CORPORA, corpusFiles, readJsonl, unlabelledPlaces, type GoldSentence } from './ner-corpora.js';

const L = NUM_LABELS;
const NT = NUM_TEMPLATES;
/** Folds of the jackknifed name lexicon. */
const FOLDS = 4;

interface Options {
  [k: string]: string | undefined;
}

function parseArgs(argv: string[]): { cmd: string; pos: string[]; opt: Options } {
  const pos: string[] = [];
  const opt: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) opt[a.slice(2)] = 'true';
      else {
        opt[a.slice(2)] = next;
        i++;
      }
    } else pos.push(a);
  }
  const cmd = pos[0] === 'predict' || pos[0] === 'train' || pos[0] === 'snapshot' || pos[0] === 'check' ? pos.shift()! : 'train';
  return { cmd, pos, opt };
}

const TYPE_NUM = new Map(ENTITY_LABEL_TYPES.map((t, i) => [t as string, i]));

/** A seeded PRNG, so shuffles are reproducible. */
const prng = mulberry32;

interface Prepared {
  id: string;
  n: number;
  chars: string[];
  words: CpWord[];
  gold: Uint8Array;
  goldSpans: LabelSpan[];
  /** 1 where the gold label is unknown (a masked span): no update there, whatever the model says. */
  mask: Uint8Array | null;
  feats: Int32Array | null;
}

const segmenter = new JiebaSegmenter({ hmm: true });

/** Width-folds, segments and labels one gold sentence (features come later, see featurise). */
function prepare(s: GoldSentence): Prepared {
  const text = foldWidth(s.text);
  const ct = toCharText(text);
  const n = ct.chars.length;
  const goldSpans: LabelSpan[] = [];
  for (const e of s.entities) {
    const t = TYPE_NUM.get(e.type);
    if (t !== undefined) goldSpans.push({ type: t, s: e.start, e: e.end });
  }
  const gold = spansToLabels(n, goldSpans);
  const words = toCpWords(ct, segmenter.tag(text));
  let mask: Uint8Array | null = null;
  const masked: [number, number][] = (s.masked ?? []).map((m) => [m.start, m.end]);
  if (s.addressOnly) masked.push(...unlabelledPlaces(ct.chars, words, gold));
  for (const [a, b] of masked) {
    mask ??= new Uint8Array(n);
    mask.fill(1, Math.max(0, a), Math.min(n, b));
  }
  return { id: s.id, n, chars: ct.chars, words, gold, goldSpans, mask, feats: null };
}

/**
 * Name lexicons from the training gold, jackknifed: the sentences of fold k get features from a
 * lexicon built on the other folds only, so the model learns how far to trust a lexicon match on
 * names it has not seen (as at tagging time) instead of learning that every match is gold. A name
 * enters a lexicon when at least half of its occurrences in the text are tagged with its main type.
 * Returns FOLDS lexicons plus, last, the full one that ships in the model.
 */
function buildLexicons(sents: Prepared[], folds: number): [string, number][][] {
  const T = ENTITY_LABEL_TYPES.length;
  const ids = new Map<string, number>();
  for (const s of sents) {
    for (const g of s.goldSpans) {
      if (g.e - g.s < 2 || g.e - g.s > 15) continue;
      const name = s.chars.slice(g.s, g.e).join('');
      if (!ids.has(name)) ids.set(name, ids.size);
    }
  }
  const C = ids.size;
  const ent = new Int32Array(folds * C * T);
  const occ = new Int32Array(folds * C);
  const dict = new WordDict(ids);
  sents.forEach((s, si) => {
    const f = si % folds;
    for (const g of s.goldSpans) {
      const id = ids.get(s.chars.slice(g.s, g.e).join(''));
      if (id !== undefined) ent[(f * C + id) * T + g.type]!++;
    }
    for (let i = 0; i < s.n; i++) {
      let w = '';
      for (let k = 0; k < 15 && i + k < s.n; k++) {
        w += s.chars[i + k];
        const id = ids.get(w);
        if (id !== undefined) occ[f * C + id]!++;
        if (!dict.hasPrefix(w)) break;
      }
    }
  });
  const names = [...ids.keys()];
  const out: [string, number][][] = [];
  for (let k = 0; k <= folds; k++) {
    const lex: [string, number][] = [];
    for (let c = 0; c < C; c++) {
      let total = 0;
      const per = new Array<number>(T).fill(0);
      for (let f = 0; f < folds; f++) {
        if (f === k) continue;
        total += occ[f * C + c]!;
        for (let t = 0; t < T; t++) per[t]! += ent[(f * C + c) * T + t]!;
      }
      let best = 0;
      for (let t = 1; t < T; t++) if (per[t]! > per[best]!) best = t;
      if (per[best]! >= 1 && per[best]! * 2 >= total) lex.push([names[c]!, best + 1]);
    }
    out.push(lex);
  }
  return out;
}

function f1Of(sents: Prepared[], predict: (s: Prepared) => Uint8Array): string {
  const c = ENTITY_LABEL_TYPES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const s of sents) {
    const pred = labelsToSpans(predict(s));
    const g = new Set(s.goldSpans.map((x) => `${x.type}:${x.s}:${x.e}`));
    const p = new Set(pred.map((x) => `${x.type}:${x.s}:${x.e}`));
    for (const k of p) c[Number(k.split(':')[0])]![g.has(k) ? 'tp' : 'fp']++;
    for (const k of g) if (!p.has(k)) c[Number(k.split(':')[0])]!.fn++;
  }
  const prf = (x: { tp: number; fp: number; fn: number }) => {
    const p = x.tp / Math.max(1, x.tp + x.fp);
    const r = x.tp / Math.max(1, x.tp + x.fn);
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const tot = c.reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
  const parts = c.map((x, i) => `${ENTITY_LABEL_TYPES[i]} ${prf(x).f.toFixed(4)}`);
  const m = prf(tot);
  return `P ${m.p.toFixed(4)} R ${m.r.toFixed(4)} F1 ${m.f.toFixed(4)} (${parts.join(', ')})`;
}

function train(opt: Options): void {
  const t0 = Date.now();
  const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
  const trainDir = resolve(opt['train'] ?? join(PACKAGE_ROOT, '..', 'shared', 'train', 'ner'));
  const epochs = Number(opt['epochs'] ?? 14);
  const minCount = Number(opt['min-count'] ?? 2);
  const seed = Number(opt['seed'] ?? 20220811);
  const minWeight = Number(opt['min-weight'] ?? 0);
  // A feature whose largest weight (any label) is below this is dropped whole. Half of the averaged
  // model's features are rare ones that never grew past ~1.4; dropping them was chosen on the dev sets
  // (by pruning the trained model: 441k -> 226k features at 1.38, MSRA 0.912 -> 0.911, People's Daily
  // 0.902 -> 0.902, news 0.900 -> 0.900; at 2.07 People's Daily fell to 0.900). Fewer features mean
  // smaller lookup tables that stay in the CPU caches: the tagger runs 15–20 % faster.
  const minFeatureWeight = Number(opt['min-feature-weight'] ?? 1.5);
  const limit = Number(opt['limit'] ?? Infinity);
  const out = opt['out'] ?? dictPath('ner/model.bin');
  const devFiles = (opt['dev'] ?? '').split(',').filter(Boolean);
  // The jieba features of training come from jieba's own dictionary, not zhnews's news dictionary: the
  // news dictionary is built from People's Daily 1998, whose names are the training names, so features
  // over it flag every training name as a dictionary name (nr) and the model leans on that, which fails
  // on new names (measured: news dev NER 0.846 -> 0.813, PER recall the loss). --dictionary news to try.
  const dictionary = (opt['dictionary'] ?? 'jieba') as DictionaryChoice;
  if (!useDictionaries(dictionary)) throw new Error(`jieba is already loaded; cannot train with the ${dictionary} dictionary`);

  const holdOut = opt['hold-out'] ? parseHoldOut(opt['hold-out']) : null;

  const files = corpusFiles(trainDir, opt['files']);
  let raw: GoldSentence[] = [];
  for (const f of files) {
    const addressOnly = ADDRESS_ONLY_CORPORA.has(f);
    const all = readJsonl(join(trainDir, f));
    for (const s of holdOut ? selectHoldOut(all, holdOut, false) : all) raw.push(addressOnly ? { ...s, addressOnly } : s);
  }
  if (raw.length > limit) raw = raw.slice(0, limit);
  log(`read ${raw.length} sentences from ${files.join(', ')}${holdOut ? ` (held out: i % ${holdOut.n} === ${holdOut.k})` : ''}`);

  // Character vocabulary: forms seen at least twice (rarer ones share the unknown id of their type,
  // which therefore also gets trained).
  const charCount = new Map<string, number>();
  for (const s of raw) for (const c of foldWidth(s.text)) charCount.set(charForm(c), (charCount.get(charForm(c)) ?? 0) + 1);
  const chars = [...charCount.entries()]
    .filter(([, k]) => k >= 2)
    .map(([c]) => c)
    .sort();
  if (chars.length + FIRST_VOCAB_ID >= 65536) throw new Error('character vocabulary too large');
  const vocab = new CharVocab(chars);
  log(`vocabulary ${chars.length} characters`);

  const sents = raw.map((s) => prepare(s));
  raw = [];
  const totalChars = sents.reduce((a, s) => a + s.n, 0);
  log(`segmented ${sents.length} sentences, ${totalChars} characters`);

  const lexicons = buildLexicons(sents, FOLDS);
  const fullLexicon = lexicons[FOLDS]!;
  const lexDicts = lexicons.map((l) => nameLexicon(l));
  log(`name lexicon: ${fullLexicon.length} names (folds: ${lexicons.slice(0, FOLDS).map((l) => l.length).join(', ')})`);
  const gaz = loadGazetteers(new DictFolder());
  const sentKeys = sents.map((s, si) => extractKeys(s.chars, s.words, vocab, gaz, lexDicts[si % FOLDS]!));

  const counts = new FeatureTable(1 << 22);
  for (const ks of sentKeys) for (const k of ks) if (k >= 0) counts.increment(k);
  const kept: number[] = [];
  for (const [k, c] of counts.entries()) if (c >= minCount) kept.push(k);
  const keys = Float64Array.from(kept).sort();
  const index = new FeatureTable(keys.length);
  keys.forEach((k, i) => index.set(k, i));
  log(`${counts.size} distinct features, ${keys.length} kept (count >= ${minCount}): ${countByGroup(keys)}`);

  const toFeats = (ks: Float64Array) => {
    const f = new Int32Array(ks.length);
    for (let i = 0; i < f.length; i++) f[i] = ks[i]! < 0 ? -1 : index.get(ks[i]!);
    return f;
  };
  sents.forEach((s, si) => {
    s.feats = toFeats(sentKeys[si]!);
  });
  sentKeys.length = 0;
  const devs = devFiles.map((f) => {
    const d = readJsonl(f).map((s) => prepare(s));
    for (const s of d) s.feats = toFeats(extractKeys(s.chars, s.words, vocab, gaz, lexDicts[FOLDS]!));
    return { name: f.replace(/.*\//, ''), sents: d };
  });

  const F = keys.length;
  const w = new Float64Array(F * L);
  const u = new Float64Array(F * L);
  const tw = new Float64Array(TRANS_SIZE);
  const tu = new Float64Array(TRANS_SIZE);
  let c = 1;

  // Emission scores from pre-resolved feature rows (the tagger's emissionScores looks keys up instead).
  const emitOf = (s: Prepared, weights: Float64Array | Float32Array) => {
    const feats = s.feats!;
    const emit = new Float64Array(s.n * L);
    for (let i = 0; i < s.n; i++) {
      for (let t = 0; t < NT; t++) {
        const f = feats[i * NT + t]!;
        if (f < 0) continue;
        for (let l = 0; l < L; l++) emit[i * L + l]! += weights[f * L + l]!;
      }
    }
    return emit;
  };
  const order = sents.map((_, i) => i);
  const avg = new Float32Array(F * L);
  const avgT = new Float64Array(TRANS_SIZE);
  const average = () => {
    for (let i = 0; i < F * L; i++) avg[i] = w[i]! - u[i]! / c;
    for (let i = 0; i < TRANS_SIZE; i++) avgT[i] = tw[i]! - tu[i]! / c;
  };

  for (let ep = 1; ep <= epochs; ep++) {
    const rand = prng(seed + ep);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const si of order) {
      const s = sents[si]!;
      if (s.n === 0) continue;
      const pred = viterbi(emitOf(s, w), s.n, tw);
      const gold = s.gold;
      const mask = s.mask;
      let wrong = false;
      for (let i = 0; i < s.n; i++) {
        // A masked character neither rewards nor punishes any label, nor does a transition into or
        // out of it: its gold label is not one of ours to learn.
        if (mask?.[i]) continue;
        const g = gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          wrong = true;
          errors++;
          for (let t = 0; t < NT; t++) {
            const f = s.feats![i * NT + t]!;
            if (f < 0) continue;
            w[f * L + g]! += 1;
            u[f * L + g]! += c;
            w[f * L + p]! -= 1;
            u[f * L + p]! -= c;
          }
        }
        if (i > 0 && mask?.[i - 1]) continue;
        const gp = i > 0 ? gold[i - 1]! : -1;
        const pp = i > 0 ? pred[i - 1]! : -1;
        if (g !== p || gp !== pp) {
          tw[transIndex(gp, g)]! += 1;
          tu[transIndex(gp, g)]! += c;
          tw[transIndex(pp, p)]! -= 1;
          tu[transIndex(pp, p)]! -= c;
        }
      }
      if (wrong && !mask?.[s.n - 1]) {
        const g = gold[s.n - 1]!;
        const p = pred[s.n - 1]!;
        if (g !== p) {
          tw[transIndex(g, L)]! += 1;
          tu[transIndex(g, L)]! += c;
          tw[transIndex(p, L)]! -= 1;
          tu[transIndex(p, L)]! -= c;
        }
      }
      c++;
    }
    let msg = `epoch ${ep}: ${errors} wrong labels`;
    if (devs.length) {
      average();
      for (const d of devs) msg += ` | ${d.name} ${f1Of(d.sents, (s) => viterbi(emitOf(s, avg), s.n, avgT))}`;
    }
    log(msg);
  }
  average();

  // Quantise: int16 with one scale; weights below --min-weight are dropped.
  let maxAbs = 0;
  for (let i = 0; i < avg.length; i++) maxAbs = Math.max(maxAbs, Math.abs(avg[i]!));
  const scale = maxAbs / 32767 || 1;
  const q = new Int16Array(F * L);
  let nonzero = 0;
  for (let f = 0; f < F; f++) {
    let largest = 0;
    for (let l = 0; l < L; l++) largest = Math.max(largest, Math.abs(avg[f * L + l]!));
    if (largest < minFeatureWeight) continue;
    for (let i = f * L; i < (f + 1) * L; i++) {
      const x = avg[i]!;
      if (Math.abs(x) < minWeight) continue;
      q[i] = Math.round(x / scale);
      if (q[i]) nonzero++;
    }
  }
  const file = encodeModel({
    chars,
    keys,
    q,
    scale,
    trans: avgT,
    lexicon: fullLexicon,
    meta: {
      trainedOn: files,
      sentences: sents.length,
      characters: totalChars,
      epochs,
      seed,
      minCount,
      minWeight,
      minFeatureWeight,
      featuresSeen: counts.size,
      featuresKept: F,
      lexiconFolds: FOLDS,
      ...(holdOut ? { heldOut: `${holdOut.k}/${holdOut.n}` } : {}),
    },
  });
  writeFileSync(out, file);
  log(`wrote ${out}: ${(file.length / 1e6).toFixed(2)} MB, ${nonzero} non-zero weights, scale ${scale.toExponential(3)}`);
}

function predict(pos: string[], opt: Options): void {
  const [goldFile, predFile] = pos;
  if (!goldFile || !predFile) throw new Error('usage: train-ner predict GOLD.jsonl PRED.jsonl [--model NAME] [--raw] [--dictionary jieba|news]');
  if (opt['dictionary'] && !useDictionaries(opt['dictionary'] as DictionaryChoice)) throw new Error('jieba is already loaded');
  const t0 = Date.now();
  const res = resourcesOf(opt);
  const tagger = res.tagger();
  const tLoad = Date.now() - t0;
  const lines: string[] = [];
  let chars = 0;
  let tagMs = 0;
  let segMs = 0;
  for (const s of readJsonl(goldFile)) {
    const text = foldWidth(s.text);
    const t1 = Date.now();
    const words = segmenter.tag(text);
    const t2 = Date.now();
    const ents = opt['raw'] ? tagger.tag(text, words) : extractEntities(text, words, res);
    tagMs += Date.now() - t2;
    segMs += t2 - t1;
    chars += text.length;
    const ct = toCharText(text);
    const cpOf = new Map<number, number>();
    for (let i = 0; i <= ct.chars.length; i++) cpOf.set(ct.utf16[i]!, i);
    lines.push(
      JSON.stringify({
        id: s.id,
        entities: ents.map((e) => ({ type: e.type, start: cpOf.get(e.s), end: cpOf.get(e.e), text: text.slice(e.s, e.e) })),
      }),
    );
  }
  writeFileSync(predFile, lines.join('\n') + '\n');
  console.error(
    `model load ${tLoad} ms; ${chars} chars: jieba ${segMs} ms (${Math.round((chars / Math.max(1, segMs)) * 1000)} chars/s), ` +
      `entities ${tagMs} ms (${Math.round((chars / Math.max(1, tagMs)) * 1000)} chars/s)`,
  );
}

interface SnapshotLine {
  text: string;
  /** jieba tokens [word, pos, s, e], stored so a check does not depend on today's segmenter. */
  words: [string, string, number, number][];
  labels: string;
  entities: unknown[];
}

/** Labels and final entities of `text` with tokens `words`, as a snapshot line. */
function snapshotOf(text: string, words: WordToken[], res: EntityResources): SnapshotLine {
  return {
    text,
    words: words.map((w) => [w.word, w.pos, w.s, w.e]),
    labels: tagChars(text, words, res).labels.join(','),
    entities: extractEntities(text, words, res),
  };
}

/** The package's knowledge, with the tagger of `--model` (a name under dicts/ or a path) when given. */
function resourcesOf(opt: Options): EntityResources {
  return opt['model'] ? withEntityModel(opt['model']) : new Resources();
}

function snapshot(pos: string[], opt: Options): void {
  const [outFile, ...files] = pos;
  if (!outFile || !files.length) throw new Error('usage: train-ner snapshot OUT FILE... [--model NAME]');
  const res = resourcesOf(opt);
  const lines: string[] = [];
  for (const f of files) {
    const texts = f.endsWith('.jsonl')
      ? readJsonl(f).map((r) => r.text)
      : readFileSync(f, 'utf8')
          .split(/\r?\n/)
          .filter((l) => l.trim());
    for (const raw of texts) {
      const text = foldWidth(raw);
      lines.push(JSON.stringify(snapshotOf(text, segmenter.tag(text), res)));
    }
  }
  writeFileSync(outFile, lines.join('\n') + '\n');
  console.error(`${lines.length} texts -> ${outFile}`);
}

/** Re-tags every text of a snapshot with its stored tokens; exit status 1 when anything differs. */
function check(pos: string[], opt: Options): void {
  const [file] = pos;
  if (!file) throw new Error('usage: train-ner check SNAPSHOT [--model NAME]');
  const res = resourcesOf(opt);
  let n = 0;
  let badLabels = 0;
  let badEntities = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const before = JSON.parse(line) as SnapshotLine;
    const words = before.words.map(([word, pos, s, e]) => ({ word, pos, s, e }));
    const now = snapshotOf(before.text, words, res);
    n++;
    const labels = now.labels !== before.labels;
    const entities = JSON.stringify(now.entities) !== JSON.stringify(before.entities);
    if (labels) badLabels++;
    if (entities) badEntities++;
    if ((labels || entities) && badLabels + badEntities <= 10) {
      console.error(`${labels ? 'labels' : 'entities'} differ: ${before.text.slice(0, 60)}`);
    }
  }
  console.error(`${n} texts: labels differ in ${badLabels}, final entities in ${badEntities}`);
  const bad = badLabels + badEntities;
  if (bad) process.exitCode = 1;
}

const { cmd, pos, opt } = parseArgs(process.argv.slice(2));
if (cmd === 'predict') predict(pos, opt);
else if (cmd === 'snapshot') snapshot(pos, opt);
else if (cmd === 'check') check(pos, opt);
else train(opt);
