// Finds the slogans of one passage. Two sources of candidates:
//   1. quoted phrases, each decided whole: a digit formula, a numeral code, a lexicon entry, a numbered
//      shape, or — if none of these — the coined/other classifier (classifier.ts);
//   2. running text, quoted or not: digit formulas (5+5+7), lexicon slogans of scope "any" (一带一路,
//      两个确立), numeral + 大/个/项 + a numbered head (三大攻坚战, 五大工程), numeral codes before a code
//      suffix (一四四六总体思路, 十四五规划).
// Overlaps are settled longest first (src/text/spans.ts), so “5+5+7” and 5+5+7 found twice count once.
// The word lists and the classifier are the caller's SloganModel (classifier.ts; a Pipeline's Resources).
//   extractSlogans('发展“5+5+7”重点产业，实施五大工程', model)
//     -> [{ s: 3, e: 8, kind: 'formula', canonical: '5+5+7' }, { s: 16, e: 20, kind: 'numbered', canonical: '五大工程' }]

import type { SloganKind } from '../../types.js';
import type { SloganMatch } from '../types.js';
import type { SloganKnowledge } from './lexicon.js';
import { resolveOverlaps } from '../../text/spans.js';
import { compact, squeeze, toText, type Compact } from './compact.js';
import { findFormulas, isCnDigit, isDigitCode, isNumeralCode, isQuotedFormula, numberedShape, CN_DIGITS } from './patterns.js';
import { findQuoted } from './quotes.js';
import { classifyQuoted, CONTEXT, type SloganModel } from './classifier.js';

interface Candidate {
  start: number;
  end: number;
  kind: SloganKind;
  canonical: string;
  /** Lower wins among equally long overlapping candidates: quoted decisions before running-text rules. */
  rank: number;
}

/** The kind of a whole quoted phrase, or null when it is not a slogan. `inner` has no whitespace. */
export function kindOfQuoted(inner: string, before: string, after: string, model: SloganModel): { kind: SloganKind; canonical: string } | null {
  const k = model.knowledge;
  if (inner.length === 0) return null;
  // Achievement counts (十一连增, “九连A”) are figures, not slogans.
  if (/^[一二两三四五六七八九十]+连/.test(inner)) return null;
  if (isQuotedFormula(inner)) return { kind: 'formula', canonical: inner };
  const suffix = k.codeSuffixes.some((w) => after.startsWith(w));
  if (isNumeralCode(inner, suffix) && !k.numeralStop.has(inner)) return { kind: 'code', canonical: inner };
  if (isDigitCode(inner, after)) return { kind: 'code', canonical: inner };
  const entry = k.lexicon.get(inner);
  if (entry) return { kind: entry.kind, canonical: entry.canonical };
  if (numberedShape(inner, k.numeralStop, k.numeralStopPrefixes)) return { kind: 'numbered', canonical: inner };
  // Plain numbers, and dates used as event names (“5·12”, “7·20”).
  if (/^[〇零一二两三四五六七八九十百千万]+$/.test(inner) || /^[\d.%]+$/.test(inner) || /^\d{1,2}[·.]\d{1,2}$/.test(inner)) return null;
  return classifyQuoted(inner, before, after, model) === 'coined' ? { kind: 'coined', canonical: inner } : null;
}

function quotedCandidates(text: string, model: SloganModel, out: Candidate[]): void {
  for (const q of findQuoted(text)) {
    const inner = squeeze(text.slice(q.s, q.e));
    const before = squeeze(text.slice(Math.max(0, q.open - CONTEXT * 2), q.open)).slice(-CONTEXT);
    const after = squeeze(text.slice(q.close, q.close + CONTEXT * 2)).slice(0, CONTEXT);
    const d = kindOfQuoted(inner, before, after, model);
    if (d) out.push({ start: q.s, end: q.e, kind: d.kind, canonical: d.canonical, rank: 0 });
  }
}

// The unquoted lexicon forms by first character (longest first, as listed), so the scan tries only the
// few forms that can start at a character instead of the whole lexicon at every character; and one flag
// per UTF-16 code saying whether a form or a Chinese numeral starts there, so that the common case (a
// character that starts neither) costs one typed-array read instead of a Map and a Set probe.
interface FormIndex {
  byFirst: Map<number, string[]>;
  /** STARTS_FORM | CN_DIGIT bits per UTF-16 code. */
  flags: Uint8Array;
}
const STARTS_FORM = 1;
const CN_DIGIT = 2;
const formIndex = new WeakMap<readonly string[], FormIndex>();
function indexForms(forms: readonly string[]): FormIndex {
  let index = formIndex.get(forms);
  if (!index) {
    index = { byFirst: new Map(), flags: new Uint8Array(65536) };
    for (const f of forms) {
      const code = f.charCodeAt(0);
      const list = index.byFirst.get(code) ?? [];
      list.push(f);
      index.byFirst.set(code, list);
      index.flags[code]! |= STARTS_FORM;
    }
    for (const c of CN_DIGITS) index.flags[c.charCodeAt(0)]! |= CN_DIGIT;
    formIndex.set(forms, index);
  }
  return index;
}

const CN_DIGIT_CODES = new Set(Array.from(CN_DIGITS, (c) => c.charCodeAt(0)));
const NOT_AFTER_CODE = new RegExp(`^(?:[${CN_DIGITS}个年岁名位次项条种家人万亿元%])`);

// Plain helpers rather than closures inside runningCandidates' loop, which would capture its variables
// and so allocate a context for every character.
function numeralRunEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && CN_DIGIT_CODES.has(s.charCodeAt(j))) j++;
  return j;
}
function firstStartingAt(s: string, at: number, words: readonly string[]): string | undefined {
  for (const w of words) if (s.startsWith(w, at)) return w;
  return undefined;
}
function startsWithAny(s: string, at: number, words: readonly string[]): boolean {
  return firstStartingAt(s, at, words) !== undefined;
}

function runningCandidates(c: Compact, k: SloganKnowledge, out: Candidate[]): void {
  const s = c.text;
  const push = (cs: number, ce: number, kind: SloganKind, canonical: string): void => {
    const r = toText(c, cs, ce);
    out.push({ start: r.s, end: r.e, kind, canonical, rank: 1 });
  };
  for (const [cs, ce] of findFormulas(s)) push(cs, ce, 'formula', s.slice(cs, ce));
  const { byFirst, flags } = indexForms(k.unquotedForms);
  for (let i = 0; i < s.length; i++) {
    // Character codes first: most characters start no form and are no numeral, and a one-character
    // string of a CJK character is a fresh allocation.
    const code = s.charCodeAt(i);
    const flag = flags[code]!;
    if (flag === 0) continue;
    const forms = flag & STARTS_FORM ? byFirst.get(code) : undefined;
    const digit = (flag & CN_DIGIT) !== 0;
    const prev = s[i - 1];
    // Lexicon slogans; a numeral just before (二十四五…) or a count after (十四五年) means another reading.
    for (const form of forms ?? []) {
      if (!s.startsWith(form, i)) continue;
      const entry = k.lexicon.get(form)!;
      const next = s.slice(i + form.length, i + form.length + 1);
      if (isCnDigit(prev) || prev === '第') break;
      if (entry.kind === 'code' && NOT_AFTER_CODE.test(next)) break;
      push(i, i + form.length, entry.kind, entry.canonical);
      break;
    }
    if (!digit || isCnDigit(prev) || prev === '第') continue;
    // numeral + 大/个/项 + numbered head: 三大攻坚战, 两个大局, 八项规定.
    const m = /^([一二两三四五六七八九十]{1,2})([大个项])/.exec(s.slice(i, i + 3));
    if (m) {
      const at = i + m[0].length;
      const head = firstStartingAt(s, at, k.numberedHeads.get(m[2]!) ?? []);
      if (head) push(i, at + head.length, 'numbered', s.slice(i, at + head.length));
    }
    // A numeral code before a code suffix: 一四四六总体思路, 百千万工程.
    const j = numeralRunEnd(s, i);
    if (j - i >= 2 && startsWithAny(s, j, k.codeSuffixes)) {
      const run = s.slice(i, j);
      if (isNumeralCode(run, true) && !k.numeralStop.has(run)) push(i, j, 'code', run);
    }
  }
}

/**
 * Policy terms (slogans-terms.tsv) in running text, as kind "term" with the term as norm, where no other
 * slogan was found: a quoted coined term (“专精特新”) or a programme code (百千万工程) keeps its kind, and
 * the slogans found before are the same with or without the term list.
 *   '加快发展新质生产力，推动高质量发展' -> 发展新质生产力 (norm 新质生产力), 推动高质量发展 (norm 高质量发展)
 */
function termMatches(text: string, found: readonly SloganMatch[], k: SloganKnowledge): SloganMatch[] {
  const { byFirst, flags } = indexForms(k.termForms);
  const candidates: (Candidate & { norm: string })[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!(flags[text.charCodeAt(i)]! & STARTS_FORM)) continue;
    for (const form of byFirst.get(text.charCodeAt(i)) ?? []) {
      if (!text.startsWith(form, i)) continue;
      const end = i + form.length;
      if (found.some((m) => m.s < end && i < m.e)) continue;
      candidates.push({ start: i, end, kind: 'term', canonical: form, norm: k.terms.get(form)!, rank: 0 });
    }
  }
  return resolveOverlaps(candidates).map((x) => ({ s: x.start, e: x.end, kind: x.kind, canonical: x.canonical, norm: x.norm }));
}

/** Slogans of a passage's width-folded analysis string, as sorted non-overlapping UTF-16 matches. */
export function extractSlogans(text: string, model: SloganModel): SloganMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const candidates: Candidate[] = [];
  quotedCandidates(text, model, candidates);
  runningCandidates(compact(text), model.knowledge, candidates);
  const found: SloganMatch[] = resolveOverlaps(candidates, (x) => x.rank).map((x) => ({
    s: x.start,
    e: x.end,
    kind: x.kind,
    canonical: x.canonical,
  }));
  const terms = termMatches(text, found, model.knowledge);
  return terms.length ? [...found, ...terms].sort((a, b) => a.s - b.s || b.e - a.e) : found;
}
