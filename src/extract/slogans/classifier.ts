// Is a quoted phrase a coined policy term, or something else in quotation marks (reported speech, a
// scare quote, a metaphor, slang, an honour title, a product name, a meeting theme)?
//
// A few cues are decisive and are applied as rules (a sentence with its own full stop is speech; a phrase
// followed by 称号 is an honour title; 以“…”为主题 is a theme; a word formula with + is a policy term).
// Everything else goes to a naive Bayes classifier from `natural`, trained when first needed on the
// hand-written examples in slogans-quoted-train.tsv (one per SloganModel: one per dicts folder), over
// features of the phrase and its context:
//   ('推行', '河长制', '，落实') -> ['len:3', 'l1:制', 'ihead', 'bverb', 'dict:unknown', 'bg:河长', …] -> coined
//   ('破解技术', '卡脖子', '难题') -> ['len:3', 'dict:known', …] -> other
// Only the classifier module of `natural` is loaded: the package index pulls in dotenv, which writes to
// standard output.

import { createRequire } from 'node:module';
import type { SloganKnowledge, TrainingExample } from './lexicon.js';
import { wordRarity } from './common-words.js';

export type QuotedClass = 'coined' | 'other';

interface NaturalClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): Array<{ label: string; value: number }>;
  /** The vocabulary natural built while adding documents: feature -> count. */
  features: Record<string, number>;
  textToFeatures(observation: string[]): number[];
}
type ClassifierCtor = new () => NaturalClassifier;

const require = createRequire(import.meta.url);

/** How much context the features look at on each side of the quotation marks. */
export const CONTEXT = 12;

const SPEECH_CUE = /(?:说|道|表示|介绍|称|坦言|感慨|强调|指出|认为|告诉记者|笑着说|问)[：:，,]?$/;
const TITLE_BEFORE = /(?:荣获|获评|评为|授予|入选|获得|命名为|被评|当选|荣膺)$/;
const TITLE_AFTER = /^(?:称号|荣誉|名单|奖|荣誉称号|奖章|先进)/;
const NICK_AFTER = /^(?:的?美誉|的?美称|之称|的?称号|之美誉)/;
const NICK_BEFORE = /(?:称为|誉为|号称|素有|人称|堪称|称他为|称她为|叫他|叫她|名为|绰号)$/;
// 以“…”为主题 names a meeting's theme; “…”主题活动 names a campaign, which is a policy term.
const THEME = /^(?:为主题|主题[，。、；]|主题$)/;
// A quoted phrase before 专题协商会 / 座谈会 names a meeting's topic, not a policy.
const MEETING_AFTER = /^(?:专题|座谈|协商|研讨|议政|论坛|讲座|报告会|征文|演讲)/;
const PARTICLES = /[了吗呢吧啊呀嘛哦！？。…]|我们|我|你|咱|他们/;

function bucket(n: number): string {
  return n <= 6 ? String(n) : n <= 8 ? '7-8' : n <= 12 ? '9-12' : '13+';
}

function endsWithAny(s: string, words: readonly string[]): string | null {
  for (const w of words) if (s.endsWith(w)) return w;
  return null;
}
function startsWithAny(s: string, words: readonly string[]): string | null {
  for (const w of words) if (s.startsWith(w)) return w;
  return null;
}

/** Another short quoted phrase of the same length right next to this one (“硬设施”“软平台”, “输血”变“造血”):
 * a rhetorical pair, almost never a policy name. */
function pairedQuote(inner: string, before: string, after: string): boolean {
  const b = /“([^“”]{1,6})”[^“”]{0,3}$/.exec(before);
  const a = /^[^“”]{0,3}“([^“”]{1,6})”/.exec(after);
  return [b?.[1], a?.[1]].some((p) => p !== undefined && p.length === inner.length && p !== inner);
}

/** Features of a quoted phrase and its context (both already without whitespace), with the word lists `k`. */
export function quotedFeatures(inner: string, before: string, after: string, k: SloganKnowledge): string[] {
  const f: string[] = [`len:${bucket(inner.length)}`, `f1:${inner[0] ?? ''}`, `l1:${inner.slice(-1)}`];
  if (inner.length >= 3) f.push(`l2:${inner.slice(-2)}`);
  const g = `^${inner}$`;
  for (let i = 0; i + 2 <= g.length; i++) f.push(`bg:${g.slice(i, i + 2)}`);
  const ih = endsWithAny(inner, k.innerHeads);
  if (ih && ih.length < inner.length) f.push('ihead', `ihead:${ih}`);
  const ah = startsWithAny(after, k.afterHeads);
  if (ah) f.push('ahead', `ahead:${ah}`);
  const v = endsWithAny(before, k.verbs);
  if (v) f.push('bverb', `bverb:${v}`);
  const b1 = before.slice(-1);
  const a1 = after.slice(0, 1);
  f.push(`b1:${b1}`, `b2:${before.slice(-2)}`, `a1:${a1}`, `a2:${after.slice(0, 2)}`);
  if (a1 === '' || /[，。；、！？）)]/.test(a1)) f.push('apunct');
  if (a1 === '的') f.push('ade');
  if (/[：:]$/.test(before) || SPEECH_CUE.test(before)) f.push('bsay');
  if (/[，、；]/.test(inner)) {
    f.push('ipunct');
    const chunks = inner.split(/[，、；]/).filter(Boolean);
    // Requirement formulas are chunks of equal short length (稳得住、有就业; 立党为公、为民造福); verse and
    // sayings run longer, and separate their halves with a comma.
    if (chunks.length >= 2 && chunks.every((c) => c.length === chunks[0]!.length && c.length <= 5)) {
      f.push(inner.includes('、') ? 'parallel-dun' : 'parallel-comma', `chunk:${chunks[0]!.length}`);
    }
  }
  if (PARTICLES.test(inner)) f.push('ispeech');
  if (MEETING_AFTER.test(after)) f.push('ameeting');
  // A long phrase with a verb of its own inside is a clause (a topic, a demand), not a name.
  if (inner.length >= 8 && k.verbs.some((w) => inner.indexOf(w) > 0)) f.push('iverb');
  if (/\+$/.test(inner)) f.push('plus-end');
  if (inner.includes('+')) f.push('plus');
  if (/[A-Za-z]/.test(inner)) f.push('latin');
  if (/\d/.test(inner)) f.push('digit');
  if (/号$/.test(inner)) f.push('hao');
  if (TITLE_BEFORE.test(before) || TITLE_AFTER.test(after)) f.push('title');
  if (NICK_BEFORE.test(before) || NICK_AFTER.test(after)) f.push('nick');
  if (/[的了吗呢吧啊]$/.test(inner)) f.push('particle-end');
  if (pairedQuote(inner, before, after)) f.push('pair');
  f.push(`dict:${wordRarity(inner)}`);
  return f;
}

/**
 * The slogan knowledge of one dicts folder with its quoted-phrase classifier, trained on the folder's
 * examples the first time a phrase needs it.
 */
export class SloganModel {
  private bayes: NaturalClassifier | null = null;

  constructor(readonly knowledge: SloganKnowledge) {}

  /** The classifier, trained on first use. */
  classifier(): NaturalClassifier {
    return (this.bayes ??= train(this.knowledge));
  }
}

function train(k: SloganKnowledge): NaturalClassifier {
  const Bayes = require('natural/lib/natural/classifiers/bayes_classifier') as ClassifierCtor;
  const model = new Bayes();
  for (const ex of k.training) model.addDocument(featuresOf(ex, k), ex.label);
  // natural turns an observation into a 0/1 vector by testing every vocabulary feature with
  // Array.indexOf on the observation, and the Bayes model then walks that whole vector for every phrase:
  // O(vocabulary) per phrase either way, which made this stage slower than jieba itself. A feature ->
  // position table builds the same vector for training (the vocabulary is complete once the documents
  // are added). To classify, natural's Bayes model (apparatus) also takes a sparse observation, an
  // object whose values are feature positions, and reads the same counts from it: O(features of the
  // phrase). Its sparse training path assigns an undeclared variable, so training stays dense.
  const position = new Map(Object.keys(model.features).map((f, i) => [f, i]));
  model.textToFeatures = (observation: string[]) => {
    const vector = new Array<number>(position.size).fill(0);
    for (const f of observation) {
      const i = position.get(f);
      if (i !== undefined) vector[i] = 1;
    }
    return vector;
  };
  model.train();
  model.textToFeatures = (observation: string[]) => {
    // { 0: position, 1: position, ... }, each position once (a phrase may repeat a feature), built
    // directly: a Set spread into an array and copied into an object cost more than the classification.
    const sparse: Record<number, number> = {};
    let n = 0;
    next: for (const f of observation) {
      const i = position.get(f);
      if (i === undefined) continue;
      for (let k = 0; k < n; k++) if (sparse[k] === i) continue next;
      sparse[n++] = i;
    }
    return sparse as unknown as number[];
  };
  return model;
}

function featuresOf(ex: TrainingExample, k: SloganKnowledge): string[] {
  return quotedFeatures(ex.inner, ex.before, ex.after, k);
}

/** The rules that settle a phrase before the classifier is asked; null when they do not. */
function decisive(inner: string, before: string, after: string): QuotedClass | null {
  if (inner.length <= 1 || inner.length > 30) return 'other';
  // A fragment of someone's words (“不能容忍的”, “并不是完全清醒的”) is quotation, not a name.
  if (/[的了吗呢吧啊]$/.test(inner)) return 'other';
  // Long phrases are sayings, verse or speech unless built of short parallel chunks (立党为公、为民造福).
  if (inner.length > 16 && !inner.split(/[，、；]/).every((c) => c.length > 0 && c.length <= 6)) return 'other';
  if (/[。！？!?…]$/.test(inner) || /[。！？]/.test(inner.slice(0, -1))) return 'other'; // a sentence: speech
  if (inner.length > 12 && (/[：:]$/.test(before) || SPEECH_CUE.test(before))) return 'other';
  if (THEME.test(after) || /主题为$/.test(before)) return 'other';
  if (TITLE_AFTER.test(after) && /^(?:称号|荣誉|奖章)/.test(after)) return 'other';
  if (/[\u4e00-\u9fff]\+$/.test(inner) || /[\u4e00-\u9fff]\+[\u4e00-\u9fff]/.test(inner)) return 'coined';
  return null;
}

/** Probability that a quoted phrase is a coined policy term (rules give 0 or 1). */
export function coinedProbability(inner: string, before: string, after: string, model: SloganModel): number {
  const i = inner.replace(/\s+/g, '');
  const b = before.replace(/\s+/g, '').slice(-CONTEXT);
  const a = after.replace(/\s+/g, '').slice(0, CONTEXT);
  const rule = decisive(i, b, a);
  if (rule) return rule === 'coined' ? 1 : 0;
  const scores = model.classifier().getClassifications(quotedFeatures(i, b, a, model.knowledge));
  const total = scores.reduce((t, s) => t + s.value, 0);
  const coined = scores.find((s) => s.label === 'coined')?.value ?? 0;
  return total > 0 ? coined / total : 0;
}

/**
 * Classifies a quoted phrase given the text just before its opening quote and just after its closing
 * quote: classifyQuoted('微改革', '以', '探索出一批', m) -> 'coined'; classifyQuoted('瓶颈', '破解', '问题', m) -> 'other'.
 */
export function classifyQuoted(inner: string, before: string, after: string, model: SloganModel): QuotedClass {
  return coinedProbability(inner, before, after, model) >= 0.5 ? 'coined' : 'other';
}
